// Knowledge-based verification for the billing line: the caller's SSN is checked against a stored verifier.
// Slow salted hashes, KMS and HMAC are fine for this; a fast unkeyed digest is not.
import argon2 from 'argon2';
import bcrypt from 'bcrypt';
import { createHash, pbkdf2Sync, randomBytes, scrypt, scryptSync } from 'node:crypto';
import { EncryptCommand, KMSClient } from '@aws-sdk/client-kms';

interface Verifier {
  customerId: string;
  ssnVerifier: string;
}

const kms = new KMSClient({ region: process.env.AWS_REGION });

export async function enrol(customerId: string, ssn: string): Promise<Verifier> {
  return { customerId, ssnVerifier: await bcrypt.hash(ssn, 12) }; // safe: bcrypt
}

export async function enrolArgon(customerId: string, ssn: string): Promise<Verifier> {
  return { customerId, ssnVerifier: await argon2.hash(ssn, { type: argon2.argon2id }) }; // safe: argon2
}

export function enrolPbkdf2(customerId: string, ssn: string): Verifier {
  const salt = randomBytes(16);
  const derived = pbkdf2Sync(ssn, salt, 600_000, 32, 'sha256'); // safe: pbkdf2 with a high work factor
  return { customerId, ssnVerifier: `${salt.toString('hex')}:${derived.toString('hex')}` };
}

export function enrolScrypt(customerId: string, ssn: string): Promise<Verifier> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(ssn, salt, 64, (err, key) => (err ? reject(err) : resolve({ customerId, ssnVerifier: key.toString('hex') }))); // safe: scrypt
  });
}

export function enrolScryptSync(customerId: string, ssn: string): Verifier {
  return { customerId, ssnVerifier: scryptSync(ssn, customerId, 64).toString('hex') }; // safe: scrypt
}

export async function escrow(customerId: string, ssn: string): Promise<Uint8Array | undefined> {
  const out = await kms.send(new EncryptCommand({ KeyId: process.env.SSN_KEY_ID, Plaintext: Buffer.from(ssn) })); // safe: KMS encryption
  return out.CiphertextBlob;
}

// The fast-hash versions these replaced.

export function enrolLegacy(customerId: string, ssn: string): Verifier {
  return { customerId, ssnVerifier: createHash('sha256').update(ssn).digest('hex') }; // $ Alert[no-reversible-pii-hash]
}

export function enrolLegacySalted(customerId: string, ssn: string): Verifier {
  const salt = randomBytes(8).toString('hex');
  const digest = createHash('sha1').update(salt).update(ssn).digest('hex'); // $ Alert[no-reversible-pii-hash]
  return { customerId, ssnVerifier: `${salt}:${digest}` };
}

export function verifyLegacy(stored: Verifier, spokenSsn: string): boolean {
  return stored.ssnVerifier === createHash('sha256').update(spokenSsn).digest('hex'); // $ Alert[no-reversible-pii-hash]
}
