import 'server-only';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const ALGO = 'aes-256-gcm';

function encryptionKey(): Buffer {
  const raw = process.env.PII_ENCRYPTION_KEY;
  if (!raw) throw new Error('PII_ENCRYPTION_KEY is not configured');
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('PII_ENCRYPTION_KEY must be 32 bytes');
  return key;
}

function lookupKey(): Buffer {
  const raw = process.env.PII_LOOKUP_KEY;
  if (!raw) throw new Error('PII_LOOKUP_KEY is not configured');
  return Buffer.from(raw, 'base64');
}

/** AES-256-GCM, output is `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptPii(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGO, encryptionKey(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptPii(sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1') throw new Error(`Unsupported ciphertext version ${version}`);
  const decipher = createDecipheriv(ALGO, encryptionKey(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Keyed lookup hash: lets us find a row by number without storing the number. */
export function hmacPhone(phone: string): string {
  return createHmac('sha256', lookupKey()).update(phone.replace(/[^\d+]/g, '')).digest('hex');
}
