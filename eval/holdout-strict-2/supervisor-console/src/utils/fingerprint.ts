import { md5, sha256 as sha256Wasm, xxhash64 } from 'hash-wasm';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

const toHex = (buf: ArrayBuffer): string => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** sessionStorage key for the caller card, so raw numbers are not used as keys. */
export async function callerCardCacheKey(ani: string): Promise<string> {
  return `cc:${await md5(ani)}`; // expect: no-reversible-pii-hash
}

/** Groups repeat callers on the wallboard (same number twice within 24 h gets a badge). */
export async function repeatCallerGroup(phone: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(phone.replace(/\D/g, ''))); // expect: no-reversible-pii-hash
  return toHex(digest).slice(0, 12);
}

/** The CN client's VIP list arrives as hex sha256 of 身份证号; match it against the customer on screen. */
export function sfzMatchKey(sfzh: string): string {
  return bytesToHex(sha256(utf8ToBytes(sfzh.trim().toUpperCase()))); // expect: no-reversible-pii-hash
}

/** Dedupes QA evidence uploads (screenshots, exported chats). */
export async function fileChecksum(file: File): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())); // safe: no-reversible-pii-hash — file bytes, not an identifier
}

/** Change detection for the wallboard snapshot poll. */
export function snapshotVersion(queues: Array<{ name: string; waiting: number; longestWaitSec: number }>): Promise<string> {
  return xxhash64(JSON.stringify(queues)); // safe: no-reversible-pii-hash — queue counters
}

/** QA sampling: one call in four per queue is offered for scoring. */
export async function qaSampleBucket(callSid: string): Promise<number> {
  const h = await md5(callSid); // safe: no-reversible-pii-hash — call SID
  return parseInt(h.slice(0, 2), 16) % 4;
}

/** Idempotency key for "book callback", so a double click books once. */
export function callbackIdempotencyKey(customerId: string, slot: string): Promise<string> {
  return sha256Wasm(`${customerId}|${slot}`); // safe: no-reversible-pii-hash — customer id and a time slot
}
