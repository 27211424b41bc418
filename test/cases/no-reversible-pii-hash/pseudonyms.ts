// Shared pseudonymisation helpers for the analytics exports. The helpers take any string: whether a line is a
// problem depends on what callers in other files pass in (see warehouse-export.ts).
import { createHash, createHmac } from 'node:crypto';

const EXPORT_KEY = process.env.EXPORT_PSEUDONYM_KEY ?? '';

/** Called with callers' phone numbers from warehouse-export.ts. */
export function pseudonymise(value: string): string {
  return createHash('sha256').update(value).digest('hex'); // $ Alert[no-reversible-pii-hash]
}

/** Called with national IDs from warehouse-export.ts, through a second helper. */
export function shortDigest(value: string, length = 16): string {
  const hasher = createHash('md5');
  hasher.update(value); // $ Alert[no-reversible-pii-hash]
  return hasher.digest('hex').slice(0, length);
}

export function customerRef(idNumber: string): string {
  return `c_${shortDigest(idNumber)}`;
}

/** Only ever called with call SIDs and queue names. */
export function cacheKey(...parts: string[]): string {
  return createHash('sha1').update(parts.join('|')).digest('hex'); // safe: callers pass SIDs and queue names
}

/** Only ever called with agent ids. */
export function agentBucket(agentId: string, buckets: number): number {
  return createHash('sha256').update(agentId).digest().readUInt16BE(0) % buckets; // safe: agent ids only
}

/** The keyed version the export should use. */
export function keyedPseudonym(value: string): string {
  return createHmac('sha256', EXPORT_KEY).update(value).digest('hex'); // safe: keyed HMAC
}

export function exportFileChecksum(csv: string): string {
  return createHash('sha256').update(csv, 'utf8').digest('hex'); // safe: checksum of a finished export file
}
