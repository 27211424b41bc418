import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { PII_LOOKUP_KEY, PII_SEAL_KEY } from '../config';

/** AES-256-GCM, base64url(iv).base64url(tag).base64url(ct) */
export function sealPii(plain: string): string {
  const key = Buffer.from(PII_SEAL_KEY.value(), 'base64');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url')).join('.');
}

/** Keyed hash: document ids and join keys for phone numbers. */
export function phoneKey(e164: string): string {
  return createHmac('sha256', Buffer.from(PII_LOOKUP_KEY.value(), 'base64'))
    .update(e164.replace(/\D/g, ''))
    .digest('hex');
}
