import { Caller, type CallerAttrs } from '../models/Caller';
import { lookupHmac } from '../lib/fieldCrypto';
import { redis } from './sessionStore';

/*
 * Policy CC-7: nothing leaves this service as an outbound call or text unless the
 * number has been checked against the DNC set (and, for marketing, consent).
 */

const DNC_SET = 'dnc:hmac';

export class DncBlockedError extends Error {
  readonly status = 409;
  constructor() {
    super('number is on the do-not-call list');
    this.name = 'DncBlockedError';
  }
}

export async function isOnDncList(msisdn: string): Promise<boolean> {
  if (await redis.sismember(DNC_SET, lookupHmac(msisdn))) return true;
  const caller = await Caller.findOne({ msisdn }, { dnc: 1 }).lean();
  return Boolean(caller?.dnc);
}

export async function ensureNotDnc(msisdn: string): Promise<void> {
  if (await isOnDncList(msisdn)) throw new DncBlockedError();
}

export async function addToDnc(msisdn: string): Promise<void> {
  await redis.sadd(DNC_SET, lookupHmac(msisdn)); // safe: no-plaintext-pii-storage — keyed HMAC
  await Caller.updateOne({ msisdn }, { $set: { dnc: true, 'marketingConsent.granted': false } });
}

export function hasMarketingConsent(caller: Pick<CallerAttrs, 'marketingConsent' | 'dnc'>): boolean {
  return Boolean(caller.marketingConsent?.granted) && !caller.dnc;
}

export async function recordMarketingConsent(msisdn: string, source: 'ivr' | 'web-form'): Promise<void> {
  await Caller.updateOne(
    { msisdn },
    { $set: { marketingConsent: { granted: true, at: new Date(), source } } },
    { upsert: true },
  );
}
