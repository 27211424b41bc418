import { createClient } from 'redis';
import config from '../config';
import log from './logger';

/** Cache: DNC verdicts, agent context, contact lookups. */
export const redis = createClient({
  url: config.redis.url,
  socket: { reconnectStrategy: (retries: number) => Math.min(retries * 200, 5000) },
});

/** Separate instance for koa-session so that a cache flush never logs agents out. */
export const sessionRedis = createClient({ url: config.redis.sessionUrl });

redis.on('error', (err: Error) => log.error({ err, component: 'redis' }, 'redis client error'));
sessionRedis.on('error', (err: Error) => log.error({ err, component: 'session-redis' }, 'session redis error'));

export async function connectRedis(): Promise<void> {
  await Promise.all([redis.connect(), sessionRedis.connect()]);
}

/** koa-session external store. Sessions hold the agent id and role only. */
export const sessionStore = {
  async get(key: string): Promise<Record<string, unknown> | null> {
    const raw = await sessionRedis.get(`sess:${key}`);
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  },
  async set(key: string, sess: Record<string, unknown>, maxAge: number | 'session'): Promise<void> {
    const ttl = typeof maxAge === 'number' ? maxAge : 8 * 3600_000;
    await sessionRedis.set(`sess:${key}`, JSON.stringify(sess), { PX: ttl });
  },
  async destroy(key: string): Promise<void> {
    await sessionRedis.del(`sess:${key}`);
  },
};

/**
 * What the agent is working on right now; the desktop polls this to drive the
 * screen-pop and the "redial" button.
 */
export async function setAgentContext(agentId: string, contactId: string, dialled: string): Promise<void> {
  await redis.hSet(`agent:${agentId}:ctx`, { contactId, lastDialled: dialled, at: Date.now().toString() }); // expect: no-plaintext-pii-storage
  await redis.expire(`agent:${agentId}:ctx`, 12 * 3600);
}

export async function getAgentContext(agentId: string): Promise<Record<string, string>> {
  return redis.hGetAll(`agent:${agentId}:ctx`);
}
