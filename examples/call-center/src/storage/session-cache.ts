import { Redis } from 'ioredis';
import { config } from '../config.js';
import { blindIndex, decryptField, encryptField } from '../lib/crypto.js';
import type { E164 } from '../types.js';

const redis = new Redis(config.redis.sessionUrl, { keyPrefix: 'cc:', maxRetriesPerRequest: 2 });

const IVR_SESSION_TTL_SECONDS = 30 * 60;
const SCREEN_POP_TTL_SECONDS = 120;
const STICKY_AGENT_TTL_SECONDS = 24 * 60 * 60;

export type IvrStep = 'menu' | 'billing' | 'payment' | 'callback';

export interface IvrSession {
  callSid: string;
  callerId: E164;
  accountId?: string;
  amountDueCents?: number;
  step: IvrStep;
  failedAttempts: number;
  /** Vault token of the card being charged; the PAN itself never reaches the session. */
  cardToken?: string;
}

/** The session is stored as one encrypted blob: it carries the caller ID. */
export async function saveIvrSession(session: IvrSession): Promise<void> {
  await redis.setex(`ivr:${session.callSid}`, IVR_SESSION_TTL_SECONDS, encryptField(JSON.stringify(session)));
}

export async function loadIvrSession(callSid: string): Promise<IvrSession | null> {
  const stored = await redis.get(`ivr:${callSid}`);
  return stored ? (JSON.parse(decryptField(stored)) as IvrSession) : null;
}

export async function endIvrSession(callSid: string): Promise<void> {
  await redis.del(`ivr:${callSid}`);
}

/** Screen pop for the agent desktop: the CTI adapter reads this hash while the agent's phone rings. */
export async function publishScreenPop(agentId: string, callId: string, callerId: E164, accountId?: string): Promise<void> {
  await redis.hset(`screenpop:${agentId}`, {
    callId,
    callerId, // $ Alert[no-plaintext-pii-storage]
    accountId: accountId ?? '',
  });
  await redis.expire(`screenpop:${agentId}`, SCREEN_POP_TTL_SECONDS);
}

/** Route repeat callers to the agent they spoke to last; keyed by blind index, never by the number. */
export async function rememberAgentForCaller(callerId: E164, agentId: string): Promise<void> {
  await redis.set(`sticky:${blindIndex(callerId)}`, agentId, 'EX', STICKY_AGENT_TTL_SECONDS);
}

export async function stickyAgentFor(callerId: E164): Promise<string | null> {
  return redis.get(`sticky:${blindIndex(callerId)}`);
}

export interface AvailableAgent {
  agentId: string;
  extension: string;
}

/** Agents push themselves onto `agents:available:<queue>` when they go ready. */
export async function claimAvailableAgent(queue: string): Promise<AvailableAgent | null> {
  const agentId = await redis.lpop(`agents:available:${queue}`);
  if (!agentId) return null;
  const extension = await redis.hget(`agent:${agentId}`, 'extension');
  return extension ? { agentId, extension } : null;
}

/** Per-recipient SMS rate limit, counted per day. */
export async function countSmsToday(phone: E164): Promise<number> {
  const key = `sms:count:${blindIndex(phone)}:${new Date().toISOString().slice(0, 10)}`;
  const count = await redis.incr(key);
  if (count === 1) await redis.expire(key, 24 * 60 * 60);
  return count;
}
