// Callback de-duplication in the dialer: object-hash over request payloads to detect repeats.
import hash from 'object-hash';
import type { Request, Response } from 'express';

interface CallbackRequest {
  phone: string;
  preferredSlot: string;
  campaignId: string;
}

interface Subscriber {
  accountId: string;
  msisdn: string;
  plan: 'prepaid' | 'postpaid';
}

const seen = new Set<string>();

export function isDuplicate(cb: CallbackRequest): boolean {
  const key = hash({ phone: cb.phone, campaignId: cb.campaignId }); // $ Alert[no-reversible-pii-hash]
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}

export function subscriberFingerprint(sub: Subscriber): string {
  return hash({ msisdn: sub.msisdn, plan: sub.plan }); // $ Alert[no-reversible-pii-hash]
}

export function requestFingerprint(req: Request<unknown, unknown, CallbackRequest>): string {
  const { phone } = req.body;
  return hash({ phone }); // $ Alert[no-reversible-pii-hash]
}

// Silent: payloads without PII.

export function slotKey(cb: CallbackRequest): string {
  return hash({ slot: cb.preferredSlot, campaignId: cb.campaignId }); // safe: no PII
}

export function accountKey(sub: Subscriber): string {
  return hash({ accountId: sub.accountId, plan: sub.plan }); // safe: account id and plan
}

export function queueStateEtag(res: Response, queue: { callSid: string; position: number }[]): void {
  res.setHeader('ETag', hash(queue.map(({ callSid, position }) => ({ callSid, position })))); // safe: SIDs and positions
}

export function configKey(config: { retries: number; backoffSec: number }): string {
  return hash(config); // safe: configuration
}
