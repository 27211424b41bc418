import { DncEntry, type ContactInstance } from '../db/models';
import { redis } from '../lib/redis';
import { decryptPhone, phoneHmac } from '../lib/crypto';

/**
 * Consent and do-not-call checks for outbound SMS.
 *
 * The DNC list is keyed by phoneHmac (see lib/crypto); verdicts are cached in
 * Redis for 15 minutes under the same key.
 */

const DNC_CACHE_SECONDS = 900;

export class ConsentDeniedError extends Error {
  readonly status = 409;
  readonly expose = true;

  constructor(
    readonly contactId: string,
    readonly reason: string,
  ) {
    super(`Contact ${contactId} cannot be messaged: ${reason}`);
    this.name = 'ConsentDeniedError';
  }
}

export async function isOnDnc(phone: string): Promise<boolean> {
  const key = phoneHmac(phone);
  const cached = await redis.get(`dnc:${key}`);
  if (cached !== null) return cached === '1';
  const entry = await DncEntry.findByPk(key);
  await redis.set(`dnc:${key}`, entry ? '1' : '0', { EX: DNC_CACHE_SECONDS }); // safe: no-plaintext-pii-storage — key is the keyed HMAC, value a flag
  return entry !== null;
}

/** True when the contact opted in to SMS and the number is not on the DNC list. */
export async function canText(contact: ContactInstance): Promise<boolean> {
  if (!contact.smsConsent) return false;
  return !(await isOnDnc(decryptPhone(contact.phoneCiphertext)));
}

/**
 * Throws ConsentDeniedError (HTTP 409) unless the contact may be texted.
 * Returns the decrypted number so callers don't decrypt twice.
 */
export async function requireSmsPermission(contact: ContactInstance): Promise<string> {
  const phone = decryptPhone(contact.phoneCiphertext);
  if (!contact.smsConsent) {
    throw new ConsentDeniedError(contact.id, 'no SMS consent on file');
  }
  if (await isOnDnc(phone)) {
    throw new ConsentDeniedError(contact.id, 'number is on the do-not-call list');
  }
  return phone;
}

export async function addToDnc(phone: string, source: string): Promise<void> {
  const key = phoneHmac(phone);
  await DncEntry.upsert({ phoneHmac: key, source, addedAt: new Date() });
  await redis.set(`dnc:${key}`, '1', { EX: DNC_CACHE_SECONDS });
}
