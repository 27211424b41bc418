// Storage helpers shared by the webhooks in flow-cross-webhook.ts. Whether a write here is plaintext PII
// depends on what the callers in the other file pass in.
import { createHmac } from 'node:crypto';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { encrypt } from '@acme/crypto';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const cache = new Redis(process.env.REDIS_URL ?? 'rediss://cache.internal:6380');

/** Called with the caller's number from flow-cross-webhook.ts. */
export async function rememberContact(callSid: string, contact: string): Promise<void> {
  await pool.query('INSERT INTO call_contacts (call_sid, contact) VALUES ($1, $2)', [callSid, contact]); // $ Alert[no-plaintext-pii-storage]
}

/** Called only with SIDs and statuses. */
export async function rememberStatus(callSid: string, status: string): Promise<void> {
  await pool.query('INSERT INTO call_statuses (call_sid, status) VALUES ($1, $2)', [callSid, status]); // safe: callers pass no PII
}

/** Encrypts whatever it is given. */
export async function rememberSealed(callSid: string, value: string): Promise<void> {
  await pool.query('INSERT INTO call_contacts (call_sid, contact_enc) VALUES ($1, $2)', [callSid, encrypt(value)]); // safe: encrypted here
}

/** Caches a routing hint keyed by whatever the caller chooses. */
export async function cacheRoute(key: string, agentId: string): Promise<void> {
  await cache.set(`route:${key}`, agentId, 'EX', 3_600); // $ Alert[no-plaintext-pii-storage]
}

/** Same cache, but the key is a keyed HMAC of whatever the caller passes. */
export async function cacheRouteBlind(key: string, agentId: string): Promise<void> {
  const blind = createHmac('sha256', process.env.ROUTE_KEY ?? '').update(key).digest('hex');
  await cache.set(`route:${blind}`, agentId, 'EX', 3_600); // safe: keyed HMAC in the key
}

/** Caches per-call state keyed by SID. */
export async function cacheCallState(callSid: string, state: Record<string, string>): Promise<void> {
  await cache.hset(`call:${callSid}`, state); // $ Alert[no-plaintext-pii-storage]
}

/** Caches per-call state; callers pass only statuses and agent ids. */
export async function cacheCallProgress(callSid: string, progress: Record<string, string>): Promise<void> {
  await cache.hset(`progress:${callSid}`, progress); // safe: callers pass no PII
}

/** Builds a row object; the write happens in the caller's file. */
export function contactRow(callSid: string, contact: string): { call_sid: string; contact: string } {
  return { call_sid: callSid, contact };
}

/** Returns an encrypted copy; safe to store anywhere. */
export function sealedContact(contact: string): string {
  return encrypt(contact);
}
