import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'crypto';
import config from '../config';

/**
 * Field-level encryption for contact numbers (AES-256-GCM) and the keyed
 * HMAC used to look a number up without decrypting the table.
 */

const key = Buffer.from(config.crypto.piiKeyHex, 'hex');
const hmacKey = Buffer.from(config.crypto.hmacKeyHex, 'hex');

if (config.isProd && (key.length !== 32 || hmacKey.length < 32)) {
  throw new Error('PII_AES_KEY_HEX must be 32 bytes and PII_HMAC_KEY_HEX at least 32 bytes');
}

export function encryptPhone(phone: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64')).join(':');
}

export function decryptPhone(blob: string): string {
  const [iv, tag, ct] = blob.split(':').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

export function phoneHmac(phone: string): string {
  return createHmac('sha256', hmacKey).update(phone).digest('hex');
}
