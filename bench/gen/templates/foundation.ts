/**
 * The modules every app has before any feature file: config, logger, masking, field
 * encryption, consent checks, errors, Redis, database and telephony clients, and the
 * shared package they reuse.
 */
import type { GenContext } from '../context.js';
import type { SourceFile } from '../writer.js';
import { fictionalE164 } from '../vocab.js';

export type NewFile = (path: string) => SourceFile;

/** packages/shared: phone helpers, retry, dates, collections (TS, imported by TS apps). */
export function writeSharedPackage(newFile: NewFile, root: string): GenContext['shared'] {
  const phone = newFile(`${root}/phone.ts`);
  phone.importNamed('libphonenumber-js', 'parsePhoneNumberFromString');
  phone.importType('libphonenumber-js', 'CountryCode');
  phone.line('/** Normalizes user input to E.164, or null when it is not a valid number. */');
  phone.open("export function normalizeE164(raw: string, defaultCountry: CountryCode = 'US'): string | null {");
  phone.line('const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);');
  phone.line("return parsed && parsed.isValid() ? parsed.format('E.164') : null;").close().blank();
  phone.line('/** Keeps the last four digits so agents can confirm a number without seeing it. */');
  phone.open('export function maskPhone(phone: string | null | undefined): string {');
  phone.line("if (!phone) return '';", "const digits = phone.replace(/\\D/g, '');", "if (digits.length <= 4) return '****';");
  phone.line("return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;").close().blank();
  phone.open('export function phoneCountry(raw: string): string | undefined {');
  phone.line('return parsePhoneNumberFromString(raw)?.country;').close().blank();
  phone.open('export function isTollFree(e164: string): boolean {');
  phone.line('return /^\\+18(00|33|44|55|66|77|88)\\d{7}$/.test(e164);').close().blank();
  phone.open('export function sameNumber(a: string, b: string): boolean {');
  phone.line('const left = normalizeE164(a);', 'return left !== null && left === normalizeE164(b);').close();

  const retry = newFile(`${root}/retry.ts`);
  retry.open('export interface RetryOptions {');
  retry.line('attempts?: number;', 'baseDelayMs?: number;', 'maxDelayMs?: number;', 'shouldRetry?: (error: unknown) => boolean;').close().blank();
  retry.open('export function sleep(ms: number): Promise<void> {');
  retry.line('return new Promise((resolve) => setTimeout(resolve, ms));').close().blank();
  retry.open('export function backoffDelay(attempt: number, baseDelayMs = 250, maxDelayMs = 10_000): number {');
  retry.line('const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);', 'return Math.round(exp / 2 + (exp / 2) * ((attempt * 7919) % 100) / 100);').close().blank();
  retry.open('export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {');
  retry.line('const attempts = options.attempts ?? 3;', 'let lastError: unknown;');
  retry.open('for (let attempt = 0; attempt < attempts; attempt++) {');
  retry.open('try {').line('return await fn();').mid('} catch (error) {');
  retry.line('lastError = error;', 'if (options.shouldRetry && !options.shouldRetry(error)) break;');
  retry.line('await sleep(backoffDelay(attempt, options.baseDelayMs, options.maxDelayMs));').close();
  retry.close().line('throw lastError;').close();

  const dates = newFile(`${root}/dates.ts`);
  dates.open('export function hourIn(timezone: string, at: Date = new Date()): number {');
  dates.line("const formatted = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hour: 'numeric', hourCycle: 'h23' }).format(at);");
  dates.line('return Number.parseInt(formatted, 10);').close().blank();
  dates.line('/** TCPA-style calling window in the callee\'s local time. */');
  dates.open('export function isWithinCallingHours(timezone: string, startHour = 9, endHour = 20, at: Date = new Date()): boolean {');
  dates.line('const hour = hourIn(timezone, at);', 'return hour >= startHour && hour < endHour;').close().blank();
  dates.open('export function formatDuration(totalSeconds: number): string {');
  dates.line('const minutes = Math.floor(totalSeconds / 60);', 'const seconds = Math.floor(totalSeconds % 60);');
  dates.line("return `${minutes}:${String(seconds).padStart(2, '0')}`;").close().blank();
  dates.open('export function addBusinessDays(start: Date, days: number): Date {');
  dates.line('const result = new Date(start.getTime());', 'let remaining = days;');
  dates.open('while (remaining > 0) {');
  dates.line('result.setUTCDate(result.getUTCDate() + 1);', 'const day = result.getUTCDay();', 'if (day !== 0 && day !== 6) remaining--;');
  dates.close().line('return result;').close().blank();
  dates.open('export function startOfDay(at: Date): Date {');
  dates.line('return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));').close();

  const collections = newFile(`${root}/collections.ts`);
  collections.open('export function chunk<T>(items: readonly T[], size: number): T[][] {');
  collections.line('const out: T[][] = [];', 'for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));', 'return out;').close().blank();
  collections.open('export function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Record<K, T[]> {');
  collections.line('const out = {} as Record<K, T[]>;');
  collections.open('for (const item of items) {');
  collections.line('const k = key(item);', '(out[k] ??= []).push(item);').close().line('return out;').close().blank();
  collections.open('export function sumBy<T>(items: readonly T[], value: (item: T) => number): number {');
  collections.line('return items.reduce((total, item) => total + value(item), 0);').close().blank();
  collections.open('export function uniqBy<T>(items: readonly T[], key: (item: T) => string): T[] {');
  collections.line('const seen = new Set<string>();');
  collections.line('return items.filter((item) => {', '  const k = key(item);', '  if (seen.has(k)) return false;', '  seen.add(k);', '  return true;', '});').close();

  return { phone: phone.path, retry: retry.path, dates: dates.path, collections: collections.path };
}

export function writeConfig(ctx: GenContext, f: SourceFile): void {
  const { rng, app } = ctx;
  const domain = `${app.name}.contoso-care.com`;
  f.open(`function required(name${f.ty(': string')})${f.ty(': string')} {`);
  f.line('const value = process.env[name];');
  f.line('if (!value) throw new Error(`Missing required environment variable ${name}`);', 'return value;').close().blank();
  f.open(`function optional(name${f.ty(': string')}, fallback${f.ty(': string')})${f.ty(': string')} {`);
  f.line('return process.env[name] ?? fallback;').close().blank();
  f.open(`function intFrom(name${f.ty(': string')}, fallback${f.ty(': number')})${f.ty(': number')} {`);
  f.line('const raw = process.env[name];', 'const parsed = raw ? Number.parseInt(raw, 10) : Number.NaN;', 'return Number.isFinite(parsed) ? parsed : fallback;').close().blank();
  f.open(`${f.exp('config')}const config = {`);
  f.line("env: optional('NODE_ENV', 'development'),", `port: intFrom('PORT', ${rng.pick([3000, 8080, 4000, 5050])}),`, `serviceName: '${app.name}',`);
  if (ctx.risk(0.6)) f.line(`publicBaseUrl: optional('PUBLIC_BASE_URL', 'http://${domain}'),`).flag('no-plaintext-transport');
  else f.line(`publicBaseUrl: optional('PUBLIC_BASE_URL', 'https://${domain}'),`);
  f.open('telephony: {');
  f.line("accountSid: optional('TELEPHONY_ACCOUNT_SID', ''),", "authToken: optional('TELEPHONY_AUTH_TOKEN', ''),");
  f.line("apiKey: optional('TELEPHONY_API_KEY', ''),", "apiSecret: optional('TELEPHONY_API_SECRET', ''),", "applicationId: optional('TELEPHONY_APP_ID', ''),");
  f.line(`callerId: optional('OUTBOUND_CALLER_ID', '${fictionalE164(rng)}'),`);
  f.line("ariUrl: optional('ARI_URL', 'https://pbx.contoso-care.com:8089'),", "ariUser: optional('ARI_USER', 'dialer'),", "ariPassword: optional('ARI_PASSWORD', ''),");
  f.line("eslHost: optional('ESL_HOST', '127.0.0.1'),", "eslPassword: optional('ESL_PASSWORD', ''),");
  f.close('},');
  if (ctx.risk(0.5)) f.line("redisUrl: optional('REDIS_URL', 'redis://cache.contoso-care.internal:6379'),").flag('no-plaintext-transport');
  else f.line(`redisUrl: optional('REDIS_URL', '${rng.pick(['rediss://cache.contoso-care.internal:6380', 'redis://127.0.0.1:6379'])}'),`);
  f.open('database: {');
  f.line("url: required('DATABASE_URL'),");
  if (ctx.risk(0.5)) f.line('ssl: { rejectUnauthorized: false },').flag('no-plaintext-transport');
  else f.line("ssl: { rejectUnauthorized: true, ca: process.env.DATABASE_CA },");
  f.line(`poolSize: intFrom('DATABASE_POOL_SIZE', ${rng.pick([5, 10, 20])}),`).close('},');
  f.open('crm: {');
  f.line(`baseUrl: optional('CRM_BASE_URL', 'https://${rng.pick(['api.hubapi.com', 'northwind.my.salesforce.com', 'api.pipedrive.com'])}'),`);
  f.line("apiKey: optional('CRM_API_KEY', ''),", `timeoutMs: intFrom('CRM_TIMEOUT_MS', ${rng.pick([5000, 8000, 15000])}),`).close('},');
  f.open('consentApi: {');
  f.line("baseUrl: optional('CONSENT_API_URL', 'https://consent.contoso-care.com'),", "token: optional('CONSENT_API_TOKEN', ''),").close('},');
  f.open('dialer: {');
  f.line(`maxConcurrent: intFrom('DIALER_MAX_CONCURRENT', ${rng.pick([4, 8, 16, 32])}),`, `retryDelayMs: intFrom('DIALER_RETRY_DELAY_MS', ${rng.pick([30000, 60000, 120000])}),`);
  f.line(`maxAttempts: intFrom('DIALER_MAX_ATTEMPTS', ${rng.pick([3, 5, 6])}),`, `callingHours: { start: ${rng.pick([8, 9])}, end: ${rng.pick([20, 21])} },`).close('},');
  f.open('s3: {');
  f.line(`bucket: optional('RECORDINGS_BUCKET', '${app.name}-recordings'),`, "region: optional('AWS_REGION', 'us-east-1'),", "kmsKeyId: optional('RECORDINGS_KMS_KEY_ID', ''),").close('},');
  f.line("exportsDir: optional('EXPORTS_DIR', '/var/lib/exports'),");
  f.close(f.isTs ? '} as const;' : '};').blank();
  if (f.isTs) f.line('export type AppConfig = typeof config;');
}

export function writeLogger(ctx: GenContext, f: SourceFile): void {
  const { app, rng } = ctx;
  if (app.logger === 'nest' && f.isTs) {
    f.importNamed('@nestjs/common', 'Logger');
    f.line(`export const logger = new Logger('${app.name}');`).blank();
    f.open('export function scopedLogger(scope: string): Logger {');
    f.line(`return new Logger(\`${app.name}:\${scope}\`);`).close();
    return;
  }
  if (app.logger === 'pino') {
    f.importDefault('pino', 'pino');
    f.open(`${f.exp('logger')}const logger = pino({`);
    f.line("level: process.env.LOG_LEVEL ?? 'info',", `base: { service: '${app.name}' },`);
    f.open('redact: {');
    f.line(`paths: [${rng.sample(["'req.headers.authorization'", "'*.phone'", "'*.From'", "'*.To'", "'*.email'", "'*.msisdn'", "'body.Caller'"], 4).join(', ')}],`);
    f.line("censor: '[redacted]',").close('},');
    f.line('timestamp: pino.stdTimeFunctions.isoTime,').close('});').blank();
  } else {
    f.importDefault('winston', 'winston');
    f.open(`${f.exp('logger')}const logger = winston.createLogger({`);
    f.line("level: process.env.LOG_LEVEL ?? 'info',");
    f.line('format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),');
    f.line(`defaultMeta: { service: '${app.name}' },`, 'transports: [new winston.transports.Console()],').close('});').blank();
  }
  f.open(`${f.exp('scopedLogger')}function scopedLogger(scope${f.ty(': string')}) {`);
  f.line('return logger.child({ scope });').close();
}

export function writeMask(ctx: GenContext, f: SourceFile): void {
  if (f.isTs) {
    f.line(`export { maskPhone, normalizeE164 } from '${f.relativeSpecifier(ctx.shared.phone)}';`);
    f.importLocal(ctx.shared.phone, 'maskPhone');
  } else {
    f.open(`function maskPhone(phone) {`);
    f.line("if (!phone) return '';", "const digits = String(phone).replace(/\\D/g, '');");
    f.line("return digits.length <= 4 ? '****' : '*'.repeat(digits.length - 4) + digits.slice(-4);").close();
    f.exp('maskPhone');
  }
  f.blank();
  f.open(`${f.exp('maskEmail')}function maskEmail(email${f.ty(': string | null | undefined')})${f.ty(': string')} {`);
  f.line("if (!email) return '';", "const [user = '', domain = ''] = email.split('@');");
  f.line("return `${user.slice(0, 1)}***@${domain}`;").close().blank();
  f.line('/** Copies a record with the given keys masked, for structured logs. */');
  f.open(`${f.exp('redactRecord')}function redactRecord(record${f.ty(': Record<string, unknown>')}, keys${f.ty(': readonly string[]')})${f.ty(': Record<string, unknown>')} {`);
  f.line('const copy = { ...record };');
  f.open('for (const key of keys) {');
  f.line("if (key in copy) copy[key] = typeof copy[key] === 'string' ? maskPhone(copy[key]" + f.ty(' as string') + ") : '[redacted]';");
  f.close().line('return copy;').close();
}

export function writeCrypto(ctx: GenContext, f: SourceFile): void {
  f.importNamed('node:crypto', 'createCipheriv', 'createDecipheriv', 'createHmac', 'randomBytes');
  f.line("const ENCRYPTION_KEY = Buffer.from(process.env.FIELD_ENCRYPTION_KEY ?? '', 'base64');");
  f.line("const HMAC_KEY = process.env.PHONE_HMAC_KEY ?? '';").blank();
  f.line('/** AES-256-GCM; output is iv.tag.ciphertext in base64 so it fits a text column. */');
  f.open(`${f.exp('encryptField')}function encryptField(plain${f.ty(': string')})${f.ty(': string')} {`);
  f.line('const iv = randomBytes(12);', "const cipher = createCipheriv('aes-256-gcm', ENCRYPTION_KEY, iv);");
  f.line("const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);");
  f.line("return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64')).join('.');").close().blank();
  f.open(`${f.exp('decryptField')}function decryptField(payload${f.ty(': string')})${f.ty(': string')} {`);
  f.line("const [iv, tag, body] = payload.split('.').map((part) => Buffer.from(part, 'base64'));");
  f.line("const decipher = createDecipheriv('aes-256-gcm', ENCRYPTION_KEY, iv);", 'decipher.setAuthTag(tag);');
  f.line("return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');").close().blank();
  f.line('/** Keyed hash for lookups and cache keys; the key never leaves the service. */');
  f.open(`${f.exp('hmacPhone')}function hmacPhone(phone${f.ty(': string')})${f.ty(': string')} {`);
  f.line("return createHmac('sha256', HMAC_KEY).update(phone.replace(/\\s+/g, '')).digest('hex');").close();
  if (ctx.rng.chance(0.5)) {
    f.blank().open(`${f.exp('fingerprint')}function fingerprint(value${f.ty(': string')})${f.ty(': string')} {`);
    f.line("return createHmac('sha256', HMAC_KEY).update(value).digest('base64url').slice(0, 16);").close();
  }
}

export function writeErrors(_ctx: GenContext, f: SourceFile): void {
  const cls = (name: string, base: string, status: number): void => {
    f.open(`${f.exp(name)}class ${name} extends ${base} {`);
    if (f.isTs) f.line(`readonly status${f.ty(': number')} = ${status};`);
    f.open(`constructor(message${f.ty(': string')}) {`);
    f.line('super(message);');
    if (!f.isTs) f.line(`this.status = ${status};`);
    f.line(`this.name = '${name}';`).close().close().blank();
  };
  cls('AppError', 'Error', 500);
  cls('NotFoundError', 'AppError', 404);
  cls('ConsentError', 'AppError', 409);
  cls('ValidationError', 'AppError', 422);
}

export function writeConsent(ctx: GenContext, f: SourceFile): void {
  f.importDefault('axios', 'axios');
  f.importLocal(ctx.mods.config, 'config');
  f.importLocal(ctx.mods.crypto, 'hmacPhone');
  f.importLocal(ctx.mods.errors, 'ConsentError');
  f.open('const consentHttp = axios.create({');
  f.line('baseURL: config.consentApi.baseUrl,', 'timeout: 3000,', 'headers: { Authorization: `Bearer ${config.consentApi.token}` },').close('});').blank();
  f.open(`${f.exp('hasConsent')}async function hasConsent(phone${f.ty(': string')})${f.ty(': Promise<boolean>')} {`);
  f.line('const { data } = await consentHttp.get(`/v2/consents/${hmacPhone(phone)}`);');
  f.line("return Boolean(data?.granted) && data?.channel !== 'none';").close().blank();
  f.open(`${f.exp('isOnDncList')}async function isOnDncList(phone${f.ty(': string')})${f.ty(': Promise<boolean>')} {`);
  f.line("const { data } = await consentHttp.post('/v2/dnc/lookup', { key: hmacPhone(phone) });", 'return data?.listed === true;').close().blank();
  f.open(`${f.exp('assertConsent')}async function assertConsent(phone${f.ty(': string')})${f.ty(': Promise<void>')} {`);
  f.open('if (!(await hasConsent(phone)) || (await isOnDncList(phone))) {');
  f.line("throw new ConsentError('No consent on record for this number');").close().close().blank();
  f.open(`${f.exp('recordOptOut')}async function recordOptOut(phone${f.ty(': string')}, source${f.ty(': string')})${f.ty(': Promise<void>')} {`);
  f.line('await consentHttp.post(\'/v2/opt-outs\', { key: hmacPhone(phone), source, at: new Date().toISOString() });').close();
}

export function writeRedis(ctx: GenContext, f: SourceFile): void {
  f.importDefault('ioredis', 'Redis');
  f.importLocal(ctx.mods.config, 'config');
  f.line(`${f.exp('redis')}const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3, enableReadyCheck: true });`).blank();
  f.open(`${f.exp('cacheGet')}async function cacheGet${f.ty('<T>')}(key${f.ty(': string')})${f.ty(': Promise<T | null>')} {`);
  f.line('const raw = await redis.get(key);', `return raw ? (JSON.parse(raw)${f.ty(' as T')}) : null;`).close().blank();
  f.open(`${f.exp('cacheSet')}async function cacheSet(key${f.ty(': string')}, value${f.ty(': unknown')}, ttlSeconds = 300)${f.ty(': Promise<void>')} {`);
  f.line("await redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);").close();
}

export function writeDb(ctx: GenContext, f: SourceFile): void {
  f.importLocal(ctx.mods.config, 'config');
  switch (ctx.app.orm) {
    case 'prisma':
      f.importNamed('@prisma/client', 'PrismaClient');
      f.line(`${f.exp('prisma')}const prisma = new PrismaClient({ log: ['warn', 'error'], datasources: { db: { url: config.database.url } } });`);
      break;
    case 'typeorm':
      f.importNamed('typeorm', 'DataSource');
      f.open(`${f.exp('dataSource')}const dataSource = new DataSource({`);
      f.line("type: 'postgres',", 'url: config.database.url,', 'ssl: config.database.ssl,', "entities: ['dist/**/*.entity.js'],", 'synchronize: false,', 'poolSize: config.database.poolSize,');
      f.close('});');
      break;
    case 'sequelize':
      f.importNamed('sequelize', 'Sequelize');
      f.open(`${f.exp('sequelize')}const sequelize = new Sequelize(config.database.url, {`);
      f.line("dialect: 'postgres',", 'logging: false,', 'dialectOptions: { ssl: { require: true, ...config.database.ssl } },', 'pool: { max: config.database.poolSize },');
      f.close('});');
      break;
    case 'mongoose':
      f.importDefault('mongoose', 'mongoose');
      f.open(`${f.exp('connectMongo')}async function connectMongo()${f.ty(': Promise<void>')} {`);
      f.line('await mongoose.connect(config.database.url, { tls: true, maxPoolSize: config.database.poolSize });').close();
      break;
    case 'knex':
      f.importDefault('knex', 'knex');
      f.open(`${f.exp('db')}const db = knex({`);
      f.line("client: 'pg',", 'connection: { connectionString: config.database.url, ssl: config.database.ssl },', 'pool: { min: 2, max: config.database.poolSize },');
      f.close('});');
      break;
    case 'pg':
      f.importNamed('pg', 'Pool');
      f.line(`${f.exp('pool')}const pool = new Pool({ connectionString: config.database.url, ssl: config.database.ssl, max: config.database.poolSize });`);
      break;
  }
}

export function writeTelephony(ctx: GenContext, f: SourceFile): void {
  f.importLocal(ctx.mods.config, 'config');
  switch (ctx.app.telephony) {
    case 'twilio':
      f.importDefault('twilio', 'twilio');
      f.line(`${f.exp('twilioClient')}const twilioClient = twilio(config.telephony.accountSid, config.telephony.authToken);`);
      f.line(`${f.exp('VoiceResponse')}const VoiceResponse = twilio.twiml.VoiceResponse;`);
      f.line(`${f.exp('MessagingResponse')}const MessagingResponse = twilio.twiml.MessagingResponse;`).blank();
      f.open(`${f.exp('isValidTwilioRequest')}function isValidTwilioRequest(signature${f.ty(': string')}, url${f.ty(': string')}, params${f.ty(': Record<string, string>')})${f.ty(': boolean')} {`);
      f.line('return twilio.validateRequest(config.telephony.authToken, signature, url, params);').close();
      break;
    case 'vonage':
      f.importNamed('@vonage/server-sdk', 'Vonage');
      f.open(`${f.exp('vonage')}const vonage = new Vonage({`);
      f.line('apiKey: config.telephony.apiKey,', 'apiSecret: config.telephony.apiSecret,', 'applicationId: config.telephony.applicationId,', "privateKey: process.env.VONAGE_PRIVATE_KEY ?? '',");
      f.close('});');
      break;
    case 'plivo':
      f.importDefault('plivo', 'plivo');
      f.line(`${f.exp('plivoClient')}const plivoClient = new plivo.Client(config.telephony.accountSid, config.telephony.authToken);`);
      f.line(`${f.exp('PlivoResponse')}const PlivoResponse = plivo.Response;`);
      break;
    case 'ari':
      f.importDefault('ari-client', 'ariClient');
      f.line(`let connection${f.ty(': Promise<any> | undefined')};`).blank();
      f.line('/** One ARI websocket per process; ari-client reconnects on its own. */');
      f.open(`${f.exp('connectAri')}function connectAri()${f.ty(': Promise<any>')} {`);
      f.line('const current = connection ?? ariClient.connect(config.telephony.ariUrl, config.telephony.ariUser, config.telephony.ariPassword);', 'connection = current;', 'return current;').close();
      break;
    case 'esl':
      f.importNamed('modesl', 'Connection');
      f.open(`${f.exp('connectEsl')}function connectEsl()${f.ty(': Promise<any>')} {`);
      f.open('return new Promise((resolve, reject) => {');
      f.line(`const conn${f.ty(': any')} = new Connection(config.telephony.eslHost, 8021, config.telephony.eslPassword, () => resolve(conn));`);
      f.line("conn.on('error', reject);").close('});').close();
      break;
    case 'jambonz':
      f.importDefault('@jambonz/node-client', 'jambonz');
      f.line(`${f.exp('jambonzClient')}const jambonzClient = jambonz(config.telephony.accountSid, config.telephony.apiKey, { baseUrl: 'https://api.jambonz.cloud/v1' });`);
      break;
  }
}
