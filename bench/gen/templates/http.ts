/**
 * The HTTP layer: Express routers, Fastify plugins and NestJS controllers for telephony
 * webhooks (Twilio, Plivo, Vonage, jambonz) and REST actions, middleware, and the app's
 * bootstrap module that wires everything together.
 */
import type { GenContext, ServiceRef } from '../context.js';
import { emitLog, masked, moduleLogger } from '../context.js';
import type { SourceFile } from '../writer.js';
import { INTERNAL_HOSTS, kebab } from '../vocab.js';

interface Inbound {
  payload: string;
  xml: boolean;
  from: string;
}

/** Reads the caller from a provider webhook body and builds the IVR greeting. */
function emitInbound(ctx: GenContext, f: SourceFile, body: string, log: string): Inbound | null {
  const { rng } = ctx;
  f.importLocal(ctx.mods.config, 'config');
  const logIssue = ctx.risk(1.6);
  const menuUrl = (path: string): string => {
    if (ctx.risk(0.5)) return `'http://${ctx.app.name}.contoso-care.com${path}'`;
    return rng.chance(0.5) ? `'${path}'` : `\`\${config.publicBaseUrl}${path}\``;
  };
  const greeting = rng.pick([
    'Thanks for calling Contoso Care. For billing, press 1. For support, press 2.',
    'Welcome to Contoso Care. Press 1 to check an appointment, press 2 to speak with an agent.',
    'You have reached the Contoso Care help line. Please listen carefully as our options have changed.',
  ]);
  const logCaller = (callId: string, from: string): void => {
    if (logIssue) emitLog(ctx, f, log, 'info', 'inbound call', [['callId', callId], ['from', from]], 'no-pii-in-logs');
    else emitLog(ctx, f, log, 'info', 'inbound call', [['callId', callId], ['caller', masked(ctx, f, from)]]);
  };
  const flagIfHttp = (url: string): void => {
    if (url.startsWith("'http://")) f.flag('no-plaintext-transport');
  };
  switch (ctx.app.telephony) {
    case 'twilio': {
      f.importLocal(ctx.mods.telephony, 'VoiceResponse');
      f.line(`const callSid = String(${body}.CallSid ?? '');`, `const from = String(${body}.From ?? '');`);
      logCaller('callSid', 'from');
      const action = menuUrl('/ivr/menu');
      f.line('const twiml = new VoiceResponse();');
      f.line(`const gather = twiml.gather({ numDigits: 1, action: ${action}, method: 'POST', timeout: ${rng.range(4, 8)} });`);
      flagIfHttp(action);
      f.line(`gather.say({ voice: 'Polly.Joanna', language: 'en-US' }, '${greeting}');`);
      f.line("twiml.redirect({ method: 'POST' }, '/voice/inbound');");
      return { payload: 'twiml.toString()', xml: true, from: 'from' };
    }
    case 'plivo': {
      f.importLocal(ctx.mods.telephony, 'PlivoResponse');
      f.line(`const callUuid = String(${body}.CallUUID ?? '');`, `const from = String(${body}.From ?? '');`);
      logCaller('callUuid', 'from');
      const action = menuUrl('/plivo/menu');
      f.line('const response = new PlivoResponse();');
      f.line(`const digits = response.addGetDigits({ action: ${action}, method: 'POST', numDigits: 1, timeout: ${rng.range(4, 8)} });`);
      flagIfHttp(action);
      f.line(`digits.addSpeak('${greeting}');`);
      return { payload: 'response.toXML()', xml: true, from: 'from' };
    }
    case 'vonage': {
      f.line(`const uuid = String(${body}.uuid ?? '');`, `const from = String(${body}.from ?? '');`);
      logCaller('uuid', 'from');
      const eventUrl = menuUrl('/vonage/input');
      f.open('const ncco = [');
      f.line(`{ action: 'talk', text: '${greeting}', language: 'en-US', bargeIn: true },`);
      f.line(`{ action: 'input', type: ['dtmf'], dtmf: { maxDigits: 1, timeOut: ${rng.range(4, 8)} }, eventUrl: [${eventUrl}] },`);
      flagIfHttp(eventUrl);
      f.close('];');
      return { payload: 'ncco', xml: false, from: 'from' };
    }
    case 'jambonz': {
      f.line(`const callSid = String(${body}.call_sid ?? '');`, `const from = String(${body}.from ?? '');`);
      if (rng.chance(0.5)) {
        f.line(`const callerName = String(${body}.caller_name ?? '');`);
        if (ctx.risk(0.6)) emitLog(ctx, f, log, 'debug', 'caller name', [['callSid', 'callSid'], ['callerName', 'callerName']], 'no-pii-in-logs');
        else emitLog(ctx, f, log, 'debug', 'caller name present', [['callSid', 'callSid'], ['hasName', 'callerName.length > 0']]);
      }
      logCaller('callSid', 'from');
      const hook = menuUrl('/jambonz/menu');
      f.open('const verbs = [');
      f.line(`{ verb: 'say', text: '${greeting}' },`);
      f.line(`{ verb: 'gather', input: ['digits', 'speech'], numDigits: 1, timeout: ${rng.range(4, 8)}, actionHook: ${hook} },`);
      flagIfHttp(hook);
      f.close('];');
      return { payload: 'verbs', xml: false, from: 'from' };
    }
    default:
      return null;
  }
}

function statusFields(ctx: GenContext, body: string): [string, string][] {
  switch (ctx.app.telephony) {
    case 'twilio':
      return [['callSid', `${body}.CallSid`], ['status', `${body}.CallStatus`], ['duration', `Number(${body}.CallDuration ?? 0)`]];
    case 'plivo':
      return [['callUuid', `${body}.CallUUID`], ['status', `${body}.CallStatus`], ['duration', `Number(${body}.Duration ?? 0)`]];
    case 'vonage':
      return [['uuid', `${body}.uuid`], ['status', `${body}.status`], ['duration', `Number(${body}.duration ?? 0)`]];
    default:
      return [['callSid', `${body}.call_sid`], ['status', `${body}.call_status`], ['direction', `${body}.direction`]];
  }
}

interface RouteCtx {
  ctx: GenContext;
  f: SourceFile;
  log: string;
  services: { ref: ServiceRef; varName: string }[];
  used: Set<string>;
  routerName: string;
  framework: 'express' | 'fastify' | 'nest';
}

/** A route; `reads` says which request parts the body uses, so only those are declared. */
type Handler = { method: 'get' | 'post'; path: string; reads: ('body' | 'limit')[] };

/** Writes one route with the framework's handler shape; `write` emits the body. */
function route(r: RouteCtx, h: Handler, write: (body: string, log: string) => { payload: string; xml: boolean } | 'empty' | null): void {
  const { f, ctx } = r;
  const fw = ctx.app.framework;
  if (fw === 'nest' && f.isTs) {
    const methodName = `${h.method}${h.path.split('/').filter((p) => p && !p.startsWith(':')).map((p) => p.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())).join('')}`;
    let name = methodName;
    for (let i = 2; r.used.has(name); i++) name = `${methodName}${i}`;
    r.used.add(name);
    const deco = h.method === 'get' ? 'Get' : 'Post';
    f.importNamed('@nestjs/common', deco);
    if (h.path.includes(':id')) f.importNamed('@nestjs/common', 'Param');
    if (h.reads.includes('body')) f.importNamed('@nestjs/common', 'Body');
    if (h.reads.includes('limit')) f.importNamed('@nestjs/common', 'Query');
    f.line(`@${deco}('${h.path.replace(/^\//, '')}')`);
    const params = [
      ...(h.path.includes(':id') ? ["@Param('id') id: string"] : []),
      ...(h.reads.includes('body') ? ['@Body() body: Record<string, any>'] : []),
      ...(h.reads.includes('limit') ? ["@Query('limit') limitRaw?: string"] : []),
    ].join(', ');
    f.open(`async ${name}(${params}): Promise<unknown> {`);
    const out = write('body', 'this.logger');
    if (out === 'empty' || out === null) f.line('return { accepted: true };');
    else f.line(`return ${out.payload};`);
    f.close().blank();
    return;
  }
  if (fw === 'fastify' && f.isTs) {
    f.open(`app.${h.method}('${h.path}', async (request: FastifyRequest, reply: FastifyReply) => {`);
    if (h.reads.includes('body')) f.line('const body = (request.body ?? {}) as Record<string, any>;');
    if (h.path.includes(':id')) f.line('const { id } = request.params as { id: string };');
    if (h.reads.includes('limit')) f.line('const limitRaw = (request.query as { limit?: string }).limit;');
    const out = write('body', 'request.log');
    if (out === 'empty' || out === null) f.line('return reply.code(202).send({ accepted: true });');
    else if (out.xml) f.line(`return reply.type('text/xml').send(${out.payload});`);
    else f.line(`return reply.send(${out.payload});`);
    f.close('});').blank();
    return;
  }
  const router = r.routerName;
  const types = f.isTs ? ['req: Request', 'res: Response', 'next: NextFunction'] : ['req', 'res', 'next'];
  f.open(`${router}.${h.method}('${h.path}', async (${types.join(', ')}) => {`);
  f.open('try {');
  if (h.path.includes(':id')) f.line('const id = String(req.params.id);');
  if (h.reads.includes('limit')) f.line('const limitRaw = req.query.limit;');
  const out = write('req.body', r.log);
  if (out === 'empty' || out === null) f.line('res.status(202).json({ accepted: true });');
  else if (out.xml) f.line(`res.type('text/xml').send(${out.payload});`);
  else f.line(`res.json(${out.payload});`);
  f.mid('} catch (error) {').line('next(error);').close().close('});').blank();
}

export function writeRoutes(ctx: GenContext, f: SourceFile, services: ServiceRef[], exportName: string, targetLines: number): void {
  const { rng, app } = ctx;
  const fw = f.isTs ? app.framework : 'express';
  const r: RouteCtx = { ctx, f, log: 'logger', services: [], used: new Set(), routerName: exportName, framework: fw };
  // Service instances (or injected constructor parameters for Nest).
  const instances: { ref: ServiceRef; varName: string }[] = services.map((ref, i) => ({
    ref,
    varName: `${ref.className.charAt(0).toLowerCase()}${ref.className.slice(1)}${i > 0 && services[i - 1]?.className === ref.className ? i : ''}`,
  }));
  for (const s of instances) f.importLocal(s.ref.path, s.ref.className);
  if (fw === 'nest') {
    f.importNamed('@nestjs/common', 'Controller', 'Logger');
    f.line(`@Controller('${kebab(exportName.replace(/Controller$/, ''))}')`);
    f.open(`export class ${exportName} {`);
    f.line(`private readonly logger = new Logger(${exportName}.name);`).blank();
    f.line(`constructor(${instances.map((s) => `private readonly ${s.varName}: ${s.ref.className}`).join(', ')}) {}`).blank();
    r.log = 'this.logger';
    r.services = instances.map((s) => ({ ref: s.ref, varName: `this.${s.varName}` }));
  } else {
    for (const s of instances) {
      f.importLocal(s.ref.repo.path, s.ref.repo.className);
      f.line(`const ${s.varName} = new ${s.ref.className}(new ${s.ref.repo.className}());`);
    }
    f.blank();
    r.log = moduleLogger(ctx, f);
    r.services = instances;
    if (fw === 'fastify') {
      f.importType('fastify', 'FastifyInstance', 'FastifyRequest', 'FastifyReply');
      f.open(`export async function ${exportName}(app: FastifyInstance): Promise<void> {`);
    } else {
      f.importNamed('express', 'Router');
      f.importType('express', 'Request', 'Response', 'NextFunction');
      f.line(`${f.exp(exportName)}const ${exportName} = Router();`).blank();
    }
  }

  const hasWebhooks = ['twilio', 'plivo', 'vonage', 'jambonz'].includes(app.telephony);
  const blocks: (() => void)[] = [];
  if (hasWebhooks) {
    blocks.push(() =>
      route(r, { method: 'post', path: `/voice/${rng.pick(['inbound', 'incoming', 'answer'])}`, reads: ['body'] }, (body, log) => {
        const inbound = emitInbound(ctx, f, body, log);
        if (inbound && fw === 'express' && ctx.risk(0.4)) {
          f.line(`res.cookie('lastCaller', ${inbound.from}, { httpOnly: true, secure: true });`).flag('no-plaintext-pii-storage');
        }
        return inbound;
      }),
    );
    blocks.push(() =>
      route(r, { method: 'post', path: `/voice/status`, reads: ['body'] }, (body, log) => {
        emitLog(ctx, f, log, 'info', 'call status', statusFields(ctx, body));
        return 'empty';
      }),
    );
    if (app.telephony !== 'jambonz') {
      blocks.push(() =>
        route(r, { method: 'post', path: '/sms/inbound', reads: ['body'] }, (body, log) => {
          f.importLocal(ctx.mods.consent, 'recordOptOut');
          const fromKey = app.telephony === 'vonage' ? 'msisdn' : 'From';
          const textKey = app.telephony === 'vonage' ? 'text' : app.telephony === 'plivo' ? 'Text' : 'Body';
          f.line(`const sender = String(${body}.${fromKey} ?? '');`, `const text = String(${body}.${textKey} ?? '').trim();`);
          f.open('if (/^(stop|stopall|unsubscribe|cancel|end|quit)$/i.test(text)) {');
          f.line("await recordOptOut(sender, 'sms');");
          emitLog(ctx, f, log, 'info', 'sms opt-out', [['sender', masked(ctx, f, 'sender')]]);
          f.close();
          emitLog(ctx, f, log, 'debug', 'sms received', [['length', 'text.length']]);
          return 'empty';
        }),
      );
    }
  }
  for (const s of r.services) {
    for (const method of s.ref.idMethods) {
      blocks.push(() =>
        route(r, { method: 'post', path: `/${s.ref.entity.plural.toLowerCase()}/:id/${kebab(method)}`, reads: [] }, () => {
          f.line(`await ${s.varName}.${method}(id);`);
          return 'empty';
        }),
      );
    }
    for (const method of s.ref.batchMethods) {
      blocks.push(() =>
        route(r, { method: 'post', path: `/${s.ref.entity.plural.toLowerCase()}/${kebab(method)}`, reads: ['limit'] }, () => {
          f.line(`const limit = Math.min(Number(limitRaw ?? ${rng.pick([25, 50, 100])}), 500);`);
          f.line(`const processed = await ${s.varName}.${method}(limit);`);
          return { payload: '{ processed }', xml: false };
        }),
      );
    }
  }
  const phoneService = r.services.find((s) => s.ref.entity.phone);
  if (phoneService && f.isTs) {
    blocks.push(() =>
      route(r, { method: 'post', path: `/${phoneService.ref.entity.plural.toLowerCase()}/intake`, reads: ['body'] }, (body, log) => {
        f.importLocal(ctx.shared.phone, 'normalizeE164');
        f.line(`const normalized = normalizeE164(String(${body}.phone ?? ''));`);
        if (r.framework === 'nest') {
          f.importNamed('@nestjs/common', 'BadRequestException');
          f.line("if (!normalized) throw new BadRequestException('invalid phone number');");
        } else if (r.framework === 'fastify') {
          f.line("if (!normalized) return reply.code(422).send({ error: 'invalid phone number' });");
        } else {
          f.open('if (!normalized) {').line("res.status(422).json({ error: 'invalid phone number' });", 'return;').close();
        }
        if (ctx.risk(1.0)) emitLog(ctx, f, log, 'info', 'intake received', [['phone', 'normalized'], ['source', `${body}.source`]], 'no-pii-in-logs');
        else emitLog(ctx, f, log, 'info', 'intake received', [['phone', masked(ctx, f, 'normalized')], ['source', `${body}.source`]]);
        return { payload: "{ accepted: true }", xml: false };
      }),
    );
  }
  if (rng.chance(0.3)) {
    blocks.push(() =>
      route(r, { method: 'get', path: '/integrations/ping', reads: [] }, () => {
        const issue = ctx.risk(0.7);
        const url = issue ? `'http://${rng.pick(INTERNAL_HOSTS)}/health'` : "'https://status.contoso-care.com/api/v2/status.json'";
        f.line(`const upstream = await fetch(${url}, { signal: AbortSignal.timeout(2000) });`);
        if (issue) f.flag('no-plaintext-transport');
        return { payload: '{ upstream: upstream.status }', xml: false };
      }),
    );
  }
  rng.shuffle(blocks);
  let i = 0;
  for (const block of blocks) {
    if (i++ >= 2 && f.lineCount >= targetLines) break;
    block();
  }
  if (fw === 'nest' || fw === 'fastify') f.close();
}

export function writeMiddleware(ctx: GenContext, f: SourceFile): void {
  const log = moduleLogger(ctx, f);
  f.importType('express', 'Request', 'Response', 'NextFunction');
  const params = (names: string[]): string => (f.isTs ? names.join(', ') : names.map((n) => n.replace(/: .*$/, '')).join(', '));
  if (ctx.app.telephony === 'twilio') {
    f.importLocal(ctx.mods.telephony, 'isValidTwilioRequest');
    f.importLocal(ctx.mods.config, 'config');
    f.open(`${f.exp('verifyTwilioSignature')}function verifyTwilioSignature(${params(['req: Request', 'res: Response', 'next: NextFunction'])})${f.ty(': void')} {`);
    f.line("const signature = String(req.header('x-twilio-signature') ?? '');", 'const url = `${config.publicBaseUrl}${req.originalUrl}`;');
    f.open('if (!isValidTwilioRequest(signature, url, req.body ?? {})) {');
    emitLog(ctx, f, log, 'warn', 'rejected webhook with a bad signature', [['path', 'req.path']]);
    f.line("res.status(403).send('invalid signature');", 'return;').close();
    f.line('next();').close().blank();
  }
  f.importDefault('morgan', 'morgan');
  f.line("morgan.token('request-id', (req" + f.ty(': Request') + ") => String(req.headers['x-request-id'] ?? '-'));");
  if (ctx.risk(1.0)) f.line(`morgan.token('caller', (req${f.ty(': Request')}) => req.body?.From ?? '-');`).flag('no-pii-in-logs');
  else f.line(`morgan.token('caller', (req${f.ty(': Request')}) => ${masked(ctx, f, 'req.body?.From')} || '-');`);
  f.line(`${f.exp('requestLogger')}const requestLogger = morgan(':method :url :status :response-time ms rid=:request-id caller=:caller');`).blank();
  f.open(`${f.exp('requestId')}function requestId(${params(['req: Request', 'res: Response', 'next: NextFunction'])})${f.ty(': void')} {`);
  f.line("const incoming = req.headers['x-request-id'];", "const id = typeof incoming === 'string' && incoming.length < 100 ? incoming : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;");
  f.line("res.setHeader('x-request-id', id);", 'next();').close().blank();
  f.open(`${f.exp('errorHandler')}function errorHandler(${params(['err: Error & { status?: number }', 'req: Request', 'res: Response', '_next: NextFunction'])})${f.ty(': void')} {`);
  f.line('const status = err.status ?? 500;');
  emitLog(ctx, f, log, 'error', 'request failed', [['path', 'req.path'], ['status', 'status'], ['error', 'err.name']]);
  f.line("res.status(status).json({ error: status >= 500 ? 'internal error' : err.message });").close();
}

/** main.ts / server.js: wires routers, middleware and the listener; Nest gets an AppModule. */
export function writeBootstrap(ctx: GenContext, f: SourceFile, moduleFile?: SourceFile): void {
  const { app } = ctx;
  const fw = f.isTs ? app.framework : 'express';
  f.importLocal(ctx.mods.config, 'config');
  const log = moduleLogger(ctx, f);
  if (fw === 'nest' && moduleFile) {
    moduleFile.importNamed('@nestjs/common', 'Module');
    const controllers = ctx.mods.routes;
    const providers = new Map<string, string>();
    for (const s of ctx.mods.services) {
      providers.set(s.className, s.path);
      providers.set(s.repo.className, s.repo.path);
    }
    for (const c of controllers) moduleFile.importLocal(c.path, c.name);
    for (const [name, path] of providers) moduleFile.importLocal(path, name);
    moduleFile.open('@Module({');
    moduleFile.line(`controllers: [${controllers.map((c) => c.name).join(', ')}],`);
    moduleFile.open('providers: [');
    for (const name of providers.keys()) moduleFile.line(`${name},`);
    moduleFile.close('],').close('})');
    moduleFile.line('export class AppModule {}');
    f.importNamed('@nestjs/core', 'NestFactory');
    f.importLocal(moduleFile.path, 'AppModule');
    f.open('async function bootstrap(): Promise<void> {');
    f.line('const app = await NestFactory.create(AppModule, { bufferLogs: true });', 'app.enableShutdownHooks();');
    f.line('await app.listen(config.port);');
    emitLog(ctx, f, log, 'info', 'listening', [['port', 'config.port']]);
    f.close().blank().line('void bootstrap();');
    return;
  }
  if (fw === 'fastify') {
    f.importDefault('fastify', 'Fastify');
    f.importDefault('@fastify/formbody', 'formbody');
    for (const r of ctx.mods.routes) f.importLocal(r.path, r.name);
    f.open('async function main(): Promise<void> {');
    f.line("const app = Fastify({ logger: { level: 'info', redact: ['req.headers.authorization', 'body.From', 'body.To'] }, trustProxy: true });");
    f.line('await app.register(formbody);');
    for (const r of ctx.mods.routes) f.line(`await app.register(${r.name});`);
    f.line("app.get('/healthz', async () => ({ ok: true }));");
    f.line("await app.listen({ port: config.port, host: '0.0.0.0' });").close().blank();
    f.open('main().catch((error) => {');
    emitLog(ctx, f, log, 'error', 'startup failed', [['error', 'String(error)']]);
    f.line('process.exitCode = 1;').close('});');
    return;
  }
  f.importDefault('express', 'express');
  f.importDefault('helmet', 'helmet');
  f.importType('express', 'Request', 'Response');
  for (const r of ctx.mods.routes) f.importLocal(r.path, r.name);
  f.line('const app = express();', "app.disable('x-powered-by');", "app.set('trust proxy', 1);", 'app.use(helmet());');
  f.line("app.use(express.urlencoded({ extended: false }));", "app.use(express.json({ limit: '1mb' }));");
  if (ctx.mods.middleware) {
    f.importLocal(ctx.mods.middleware, 'requestLogger', 'requestId', 'errorHandler');
    f.line('app.use(requestId);', 'app.use(requestLogger);');
    if (app.telephony === 'twilio') {
      f.importLocal(ctx.mods.middleware, 'verifyTwilioSignature');
      f.line("app.use(['/voice', '/sms'], verifyTwilioSignature);");
    }
  }
  for (const r of ctx.mods.routes) f.line(`app.use(${r.name});`);
  f.line(`app.get('/healthz', (_req${f.ty(': Request')}, res${f.ty(': Response')}) => {`, '  res.json({ ok: true });', '});');
  if (ctx.mods.middleware) f.line('app.use(errorHandler);');
  f.blank().open('app.listen(config.port, () => {');
  emitLog(ctx, f, log, 'info', 'listening', [['port', 'config.port']]);
  f.close('});');
}
