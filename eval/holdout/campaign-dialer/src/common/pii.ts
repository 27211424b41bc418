import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { ValueTransformer } from 'typeorm';

/** A phone number normalised to E.164. Branded so raw strings can't be passed by accident. */
export type E164 = string & { readonly __brand: 'E164' };

const ENCRYPTION_KEY = Buffer.from(process.env.PII_ENCRYPTION_KEY ?? '', 'base64');
const LOOKUP_KEY = process.env.PII_LOOKUP_KEY ?? '';

export function toE164(raw: string, defaultCountryCode = '1'): E164 {
  const digits = raw.replace(/\D/g, '');
  if (raw.trim().startsWith('+')) return `+${digits}` as E164;
  if (digits.length === 10) return `+${defaultCountryCode}${digits}` as E164;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}` as E164;
  throw new Error('unrecognised phone number format');
}

/**
 * For logs and dashboards only: keeps country code + area code and the last two digits.
 * maskPhone('+12025550143') === '+1202*****43'
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '<none>';
  const compact = phone.replace(/[^\d+]/g, '');
  if (compact.length <= 6) return '*'.repeat(compact.length);
  return compact.slice(0, 5) + '*'.repeat(compact.length - 7) + compact.slice(-2);
}

export function encryptPii(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ENCRYPTION_KEY, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

export function decryptPii(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('unsupported ciphertext envelope');
  const decipher = createDecipheriv('aes-256-gcm', ENCRYPTION_KEY, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** Keyed digest so a number can be looked up / de-duplicated without storing it in clear. */
export function phoneLookupKey(e164: string): string {
  return createHmac('sha256', LOOKUP_KEY).update(e164).digest('hex');
}

/** TypeORM column transformer: AES-GCM at rest, plaintext in the entity. */
export const encryptedColumn: ValueTransformer = {
  to: (value?: string | null) => (value == null ? value : encryptPii(value)),
  from: (value?: string | null) => (value == null ? value : decryptPii(value)),
};
