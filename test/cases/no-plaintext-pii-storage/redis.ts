// Call routing cache: sticky-agent routing, queue positions and a DNC set in Redis (ioredis and node-redis).
import { createHash, createHmac } from 'node:crypto';
import express from 'express';
import Redis from 'ioredis';
import { createClient } from 'redis';
import twilio from 'twilio';
import { encrypt } from '@acme/crypto';

const redis = new Redis(process.env.REDIS_URL ?? 'rediss://cache.internal:6380');
const stats = createClient({ url: process.env.STATS_REDIS_URL ?? 'rediss://stats.internal:6380' });
await stats.connect();

const ROUTING_KEY = process.env.ROUTING_HMAC_KEY ?? '';

function callerKey(phone: string): string {
  return `caller:${createHmac('sha256', ROUTING_KEY).update(phone).digest('hex')}`;
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/voice/inbound', twilio.webhook(), async (req, res) => {
  const { CallSid, From } = req.body;

  // Sticky agent: remember which agent last spoke to this caller.
  await redis.set(`caller:${From}`, 'agent-17', 'EX', 86_400); // $ Alert[no-plaintext-pii-storage]
  await redis.set(callerKey(From), 'agent-17', 'EX', 86_400); // safe: keyed HMAC in the key
  await redis.set(`call:${CallSid}:agent`, 'agent-17', 'EX', 3_600); // safe: SID key
  await redis.get(`caller:${From}`); // safe: a read

  await redis.hset(`call:${CallSid}`, { status: 'queued', caller: From }); // $ Alert[no-plaintext-pii-storage]
  await redis.hset(`call:${CallSid}`, { status: 'queued', callerEnc: encrypt(From) }); // safe: encrypted
  await redis.hset(`call:${CallSid}`, 'caller', From); // $ Alert[no-plaintext-pii-storage]
  await redis.hset(`call:${CallSid}`, 'status', 'ringing'); // safe: no PII

  await redis.lpush('queue:support', JSON.stringify({ callSid: CallSid, from: From })); // $ Alert[no-plaintext-pii-storage]
  await redis.lpush('queue:support', JSON.stringify({ callSid: CallSid, enqueuedAt: Date.now() })); // safe: no PII

  res.type('text/xml').send(new twilio.twiml.VoiceResponse().toString());
});

export async function addToDnc(phone: string): Promise<void> {
  await redis.sadd('dnc:numbers', phone); // $ Alert[no-plaintext-pii-storage]
  await redis.sadd('dnc:numbers', createHmac('sha256', ROUTING_KEY).update(phone).digest('hex')); // safe: keyed HMAC
  // An unkeyed digest is not the number itself; no-reversible-pii-hash reports it, this rule does not.
  await redis.sadd('dnc:digests', createHash('sha256').update(phone).digest('hex')); // safe for this rule
}

export async function recordAbandon(callSid: string, phone: string, waitedSec: number): Promise<void> {
  await stats.hSet(`abandon:${callSid}`, { waitedSec: String(waitedSec) }); // safe: no PII
  await stats.hSet(`abandon:${callSid}`, { phone }); // $ Alert[no-plaintext-pii-storage]
  await stats.setEx(`abandon:last:${phone}`, 600, callSid); // $ Alert[no-plaintext-pii-storage]
  await stats.setEx(`abandon:last:${callSid}`, 600, String(waitedSec)); // safe: no PII
  await stats.xAdd('abandons', '*', { callSid, waitedSec: String(waitedSec) }); // safe: no PII
  await stats.xAdd('abandons', '*', { callSid, phone }); // $ Alert[no-plaintext-pii-storage]
  await stats.rPush('abandon:recent', callSid); // safe: SID
}
