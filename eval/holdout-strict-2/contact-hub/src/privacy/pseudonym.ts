import { createHash, createHmac, randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { createHMAC, createSHA256, sha256, xxhash64 } from 'hash-wasm';
import { getSecret } from '../secrets';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

let pseudonymKeyCache: Buffer | undefined;

async function pseudonymKey(): Promise<Buffer> {
  pseudonymKeyCache ??= Buffer.from(await getSecret('pii/pseudonym-key'), 'base64');
  return pseudonymKeyCache;
}

/** Stable keyed pseudonym for a phone number: analytics user id, Redis keys, CRM lookups. */
export async function phonePseudonym(phone: string): Promise<string> {
  const key = await pseudonymKey();
  return createHmac('sha256', key).update(phone).digest('hex'); // safe: no-reversible-pii-hash — HMAC keyed from Vault
}

/** Same for national ids; normalised first so "1101 0519 …" and "11010519…" match. */
export async function idPseudonym(idNumber: string): Promise<string> {
  const mac = createHmac('sha256', await pseudonymKey());
  mac.update(idNumber.replace(/[\s-]/g, '').toUpperCase()); // safe: no-reversible-pii-hash — keyed HMAC, update on its own line
  return mac.digest('base64url');
}

/** hash-wasm build of the same HMAC for the nightly re-keying batch (40M rows, ~3x faster). */
export async function phonePseudonymBatch(msisdn: string): Promise<string> {
  const hmac = await createHMAC(createSHA256(), await pseudonymKey());
  hmac.init();
  hmac.update(msisdn); // safe: no-reversible-pii-hash — hash-wasm HMAC with the Vault key
  return hmac.digest('hex');
}

/** Passport "knowledge check": stored at onboarding, verified when the customer calls in. */
export async function knowledgeCheckHash(passportNumber: string): Promise<string> {
  const salt = randomBytes(16);
  const derived = await scryptAsync(passportNumber.replace(/\s/g, ''), salt, 32); // safe: no-reversible-pii-hash — scrypt with a per-record salt
  return `scrypt$${salt.toString('base64')}$${derived.toString('base64')}`;
}

/** Shard for the realtime dedupe cache; xxhash because it's hot-path. */
export async function shardForCall(callUuid: string): Promise<number> {
  const h = await xxhash64(callUuid); // safe: no-reversible-pii-hash — Plivo call UUID, not PII
  return parseInt(h.slice(-4), 16) % 32;
}

/** Repeat-caller detection across markets (key -> count in Redis, 7 day TTL). */
export async function repeatCallerKey(callerId: string): Promise<string> {
  return xxhash64(callerId.replace(/\D/g, '')); // expect: no-reversible-pii-hash
}

/** The CN client sends its blacklist as sha256(身份证号), upper-case X; we match on the same digest. */
export async function cnBlacklistKey(sfzh: string): Promise<string> {
  return sha256(sfzh.trim().toUpperCase()); // expect: no-reversible-pii-hash
}

// ---- v1 keys: the 2021 warehouse tables still join on these. Do not use for anything new. ----

export function legacyPhoneKey(phone: string): string {
  return createHash('sha256').update(phone).digest('hex'); // expect: no-reversible-pii-hash
}

const LEGACY_SALT = process.env.LEGACY_KEY_SALT ?? 'polaris-2021';

export function legacyInnKey(inn: string): string {
  return createHash('sha1').update(LEGACY_SALT + inn).digest('hex'); // expect: no-reversible-pii-hash
}

/** Lead import dedupe: the same MSISDN in the same campaign within 30 days is dropped. */
export function leadDedupeKey(msisdn: string, campaign: string): string {
  const hash = createHash('md5');
  hash.update(campaign);
  hash.update(Buffer.from(msisdn)); // expect: no-reversible-pii-hash
  return hash.digest('hex');
}
