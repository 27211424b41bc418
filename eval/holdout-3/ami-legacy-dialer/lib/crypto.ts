import { createCipheriv, createHmac, randomBytes } from 'crypto';

function keyFromEnv(name: string): Buffer {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set; refusing to write lead data`);
  }
  return Buffer.from(value, 'hex');
}

/** AES-256-GCM sealed field: base64(iv | tag | ciphertext). */
export function encryptField(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFromEnv('LEAD_FIELD_KEY'), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
}

/** Keyed hash used for DNC and de-duplication lookups. */
export function hmacPhone(e164: string): string {
  return createHmac('sha256', keyFromEnv('LEAD_LOOKUP_KEY')).update(e164.replace(/\D/g, '')).digest('hex');
}
