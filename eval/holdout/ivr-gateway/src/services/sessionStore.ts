import Redis from 'ioredis';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const config = require('../config');

export const redis = new Redis(config.redis.url, {
  keyPrefix: 'ivr:',
  maxRetriesPerRequest: 2,
  enableAutoPipelining: true,
});

const STATE_TTL_SECONDS = 60 * 60;

export interface IvrState {
  step: 'main-menu' | 'collect-card' | 'collect-callback' | 'queue' | 'done';
  /** Mongo _id of the Caller document */
  callerId?: string;
  lang?: string;
  retries?: number;
  menuPath?: string[];
}

export async function saveIvrState(callUuid: string, state: IvrState): Promise<void> {
  await redis.set(`state:${callUuid}`, JSON.stringify(state), 'EX', STATE_TTL_SECONDS); // safe: no-plaintext-pii-storage — state holds document ids and menu choices only
}

export async function loadIvrState(callUuid: string): Promise<IvrState> {
  const raw = await redis.get(`state:${callUuid}`);
  return raw ? (JSON.parse(raw) as IvrState) : { step: 'main-menu' };
}

export async function clearIvrState(callUuid: string): Promise<void> {
  await redis.del(`state:${callUuid}`, `cb:${callUuid}`);
}

/** Number the caller keyed in for a callback; the wallboard shows it until an agent claims it. */
export async function rememberCallbackNumber(callUuid: string, callbackNumber: string): Promise<void> {
  await redis.hset(`cb:${callUuid}`, { callbackNumber, savedAt: Date.now() }); // expect: no-plaintext-pii-storage
  await redis.expire(`cb:${callUuid}`, 24 * 3600);
}
