// Reporting warehouse feed: "anonymous" caller keys for repeat-caller stats, built with node:crypto.
// An unkeyed digest of a phone number is reversed by hashing every number in the country's plan.
import crypto, { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';

interface Lead {
  id: string;
  campaignId: string;
  phone: string;
  ssn?: string;
}

const PSEUDONYM_KEY = Buffer.from(process.env.PSEUDONYM_KEY ?? '', 'base64');

export function callerKey(lead: Lead): string {
  return createHash('sha256').update(lead.phone).digest('hex'); // $ Alert[no-reversible-pii-hash]
}

export function callerKeyKeyed(lead: Lead): string {
  return createHmac('sha256', PSEUDONYM_KEY).update(lead.phone).digest('hex'); // safe: keyed HMAC
}

export function legacyDedupeKey(lead: Lead): string {
  return crypto.createHash('md5').update(`${lead.campaignId}:${lead.phone}`).digest('hex'); // $ Alert[no-reversible-pii-hash]
}

export function ssnFingerprint(ssn: string): string {
  const sha1 = crypto.createHash('sha1');
  sha1.update(ssn); // $ Alert[no-reversible-pii-hash]
  return sha1.digest('base64');
}

export function saltedCallerKey(lead: Lead, salt: string): string {
  // A salt stored next to the digest does not slow down enumeration of ten-digit numbers.
  return createHash('sha512').update(salt + lead.phone).digest('hex'); // $ Alert[no-reversible-pii-hash]
}

export function dedupe(phones: string[]): Map<string, string> {
  const byDigest = new Map<string, string>();
  for (const phone of phones) byDigest.set(createHash('sha256').update(phone).digest('hex'), phone); // $ Alert[no-reversible-pii-hash]
  return byDigest;
}

// Hashes of things that are not PII: silent.

export function verifyTelnyxBody(rawBody: Buffer, signatureDigest: string): boolean {
  const digest = createHash('sha256').update(rawBody).digest(); // safe: raw webhook body for a signature check
  return timingSafeEqual(digest, Buffer.from(signatureDigest, 'base64'));
}

export async function promptEtag(promptFile: string): Promise<string> {
  const audio = await readFile(promptFile);
  return `"${createHash('sha1').update(audio).digest('hex')}"`; // safe: ETag of an IVR prompt file
}

export function callCacheKey(callSid: string, attempt: number): string {
  return createHash('sha256').update(`${callSid}:${attempt}`).digest('hex'); // safe: call SID is not PII
}

export function leadShard(lead: Lead, shards: number): number {
  return createHash('md5').update(lead.id).digest().readUInt32BE(0) % shards; // safe: lead id
}

export function routingConfigVersion(queues: string[], skills: Record<string, string[]>): string {
  return createHash('sha256').update(JSON.stringify({ queues, skills })).digest('hex'); // safe: configuration
}

export function ssnKeyed(ssn: string): string {
  return createHmac('sha512', PSEUDONYM_KEY).update(ssn).digest('base64url'); // safe: keyed HMAC
}
