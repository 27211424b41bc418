import { createHmac } from 'node:crypto';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { config } from '../config/index.js';

const kms = new KMSClient({});

/**
 * What agents and logs get to see of a number: "(***) ***-0143".
 * Anything shorter than 4 digits is hidden entirely.
 */
export function obfuscate(number?: string | null): string {
  const digits = (number ?? '').replace(/\D/g, '');
  if (digits.length < 4) return '****';
  return `(***) ***-${digits.slice(-4)}`;
}

export function last4(value: string): string {
  return value.replace(/\D/g, '').slice(-4);
}

/** KMS envelope for anything we must be able to read back (callback numbers, passport numbers). */
export async function sealPii(plain: string): Promise<string> {
  const out = await kms.send(
    new EncryptCommand({ KeyId: config.PII_KMS_KEY_ID, Plaintext: Buffer.from(plain, 'utf8') }),
  );
  return Buffer.from(out.CiphertextBlob!).toString('base64');
}

export async function openPii(sealed: string): Promise<string> {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(sealed, 'base64') }));
  return Buffer.from(out.Plaintext!).toString('utf8');
}

/** Deterministic keyed token for joins/lookups (Customer.phoneToken). */
export function phoneToken(number: string): string {
  const digits = number.replace(/\D/g, '');
  return createHmac('sha256', config.PII_TOKEN_KEY).update(digits).digest('hex');
}
