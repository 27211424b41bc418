import 'server-only';
import { createHash, createHmac } from 'node:crypto';

const PSEUDONYM_KEY = process.env.PSEUDONYM_KEY;

/** Stable per-environment pseudonym for a caller, safe to use as a join key in exports. */
export function phonePseudonym(phone: string): string {
  if (!PSEUDONYM_KEY) throw new Error('PSEUDONYM_KEY is not configured');
  return createHmac('sha256', PSEUDONYM_KEY).update(phone).digest('base64url'); // safe: no-reversible-pii-hash — keyed HMAC with a secret from the environment
}

/** Weak ETag for JSON responses that only hold public data (slots, queue stats). */
export function etagFor(json: string): string {
  return `W/"${createHash('sha1').update(json).digest('base64url')}"`; // safe: no-reversible-pii-hash — only ever called with slot lists and queue stats
}
