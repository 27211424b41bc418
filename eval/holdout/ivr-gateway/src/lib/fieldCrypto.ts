import axios from 'axios';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'crypto';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const config = require('../config');

const key = Buffer.from(config.pii.fieldKey ?? '', 'hex');

/** Mongoose setter: AES-256-GCM, stored as "iv.tag.ciphertext" (base64url). */
export function encryptField(value?: string | null): string | null | undefined {
  if (value === null || value === undefined || value === '') return value;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url')).join('.');
}

/** Mongoose getter, inverse of encryptField. */
export function decryptField(value?: string | null): string | null | undefined {
  if (!value || !value.includes('.')) return value;
  const [iv, tag, ct] = value.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** Keyed lookup digest (DNC set, de-dup). */
export function lookupHmac(msisdn: string): string {
  return createHmac('sha256', config.pii.lookupKey ?? '').update(msisdn).digest('base64url');
}

const vault = axios.create({
  baseURL: config.pii.vaultUrl,
  timeout: 3_000,
  headers: { 'X-Vault-Token': config.pii.vaultToken },
});

/** Format-preserving tokenisation through the vault transform engine (PCI scope stays in the vault). */
export async function tokenize(role: 'msisdn' | 'pan', value: string): Promise<string> {
  const { data } = await vault.post(`/encode/${role}`, { value });
  return data.data.encoded_value as string;
}

export async function detokenize(role: 'msisdn' | 'pan', token: string): Promise<string> {
  const { data } = await vault.post(`/decode/${role}`, { value: token });
  return data.data.decoded_value as string;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function normaliseMsisdn(raw: string | undefined): string | null {
  if (!raw) return null;
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 10) return `1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return digits;
  return null;
}
