import { createCipheriv, randomBytes } from 'node:crypto';
import { config } from '../config';

const fieldKey = Buffer.from(config.fieldKeyHex, 'hex');

/** "+1202•••0143" style masking for logs and UI. */
export function maskPhone(value?: string | null): string {
  if (!value) return '';
  if (value.length <= 8) return `•••${value.slice(-2)}`;
  return `${value.slice(0, 5)}${'•'.repeat(value.length - 9)}${value.slice(-4)}`;
}

/** AES-256-GCM: iv(12) | tag(16) | ciphertext, for VARBINARY columns. */
export function sealForStorage(plaintext: string): Buffer {
  if (fieldKey.length !== 32) throw new Error('FIELD_KEY_HEX must be a 32-byte hex key');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', fieldKey, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}
