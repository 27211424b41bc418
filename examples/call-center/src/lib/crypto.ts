import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { config } from '../config.js';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

const fieldKey = Buffer.from(config.crypto.fieldKeyHex, 'hex');
const blindIndexKey = Buffer.from(config.crypto.blindIndexKeyHex, 'hex');

/** Encrypts one field value; the result (`iv.tag.ciphertext`, base64url) fits a text column. */
export function encryptField(plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, fieldKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
}

export function decryptField(stored: string): string {
  const [iv, tag, ciphertext] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext) throw new Error('Malformed encrypted field');
  const decipher = createDecipheriv(ALGORITHM, fieldKey, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/**
 * Keyed, deterministic index of a phone number, so rows can be found by caller ID without
 * storing or indexing the number. It must be keyed: an unkeyed hash of a phone number is
 * reversed by hashing every possible number.
 */
export function blindIndex(phone: string): string {
  const normalized = phone.replace(/[^\d+]/g, '');
  return createHmac('sha256', blindIndexKey).update(normalized).digest('hex');
}

/** TypeORM column transformer: the column holds ciphertext, the entity holds plaintext. */
export const encryptedColumn = {
  to: (value: string | null | undefined): string | null | undefined => (value == null ? value : encryptField(value)),
  from: (value: string | null | undefined): string | null | undefined => (value == null ? value : decryptField(value)),
};
