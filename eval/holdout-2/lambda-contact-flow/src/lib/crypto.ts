import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { kms, secrets } from './aws';
import { config } from '../config';

/**
 * Envelope encryption for PII fields.
 *
 * A 256-bit data key from KMS is cached for a few minutes per container. Each
 * value is sealed with AES-256-GCM and stored together with the KMS-wrapped
 * copy of the data key, so any container can open it again later.
 */

interface DataKey {
  plaintext: Buffer;
  wrapped: string;
  expiresAt: number;
}

const DATA_KEY_TTL_MS = 5 * 60 * 1000;

let dataKey: DataKey | undefined;
const unwrappedKeys = new Map<string, Buffer>();
let lookupKey: Buffer | undefined;

async function currentDataKey(): Promise<DataKey> {
  if (dataKey && dataKey.expiresAt > Date.now()) return dataKey;
  const out = await kms.send(new GenerateDataKeyCommand({ KeyId: config.kms.piiKeyId, KeySpec: 'AES_256' }));
  if (!out.Plaintext || !out.CiphertextBlob) {
    throw new Error('KMS returned an incomplete data key');
  }
  dataKey = {
    plaintext: Buffer.from(out.Plaintext),
    wrapped: Buffer.from(out.CiphertextBlob).toString('base64'),
    expiresAt: Date.now() + DATA_KEY_TTL_MS,
  };
  return dataKey;
}

async function unwrap(wrapped: string): Promise<Buffer> {
  const cached = unwrappedKeys.get(wrapped);
  if (cached) return cached;
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(wrapped, 'base64') }));
  if (!out.Plaintext) throw new Error('KMS could not unwrap the data key');
  const key = Buffer.from(out.Plaintext);
  unwrappedKeys.set(wrapped, key);
  return key;
}

/** Seal a PII value. Output: v1.<wrappedKey>.<iv>.<tag>.<ciphertext>, base64 parts. */
export async function sealPii(plaintext: string): Promise<string> {
  const key = await currentDataKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.plaintext, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', key.wrapped, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join('.');
}

export async function openPii(sealed: string): Promise<string> {
  const [version, wrapped, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !wrapped || !iv || !tag || !ciphertext) {
    throw new Error('Unrecognised sealed value format');
  }
  const key = await unwrap(wrapped);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
}

async function getLookupKey(): Promise<Buffer> {
  if (lookupKey) return lookupKey;
  const out = await secrets.send(new GetSecretValueCommand({ SecretId: config.phoneHmacSecretId }));
  if (!out.SecretString) throw new Error('Phone lookup secret is empty');
  lookupKey = Buffer.from(out.SecretString, 'hex');
  return lookupKey;
}

/** Keyed, deterministic lookup key for a phone number (HMAC-SHA256, secret in Secrets Manager). */
export async function phoneLookupKey(phone: string): Promise<string> {
  const key = await getLookupKey();
  const normalised = phone.replace(/[^\d+]/g, '');
  return createHmac('sha256', key).update(normalised).digest('hex');
}
