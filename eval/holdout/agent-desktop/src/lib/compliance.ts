import { request } from 'undici';
import { config } from '../config/index.js';

export type Channel = 'voice' | 'sms';

export interface Verdict {
  allowed: boolean;
  reason?: 'national_dnc' | 'internal_dnc' | 'revoked_consent' | 'reassigned_number' | 'outside_calling_hours';
}

export class ContactBlockedError extends Error {
  readonly statusCode = 409;
  constructor(readonly reason: string) {
    super(`contact blocked by compliance: ${reason}`);
    this.name = 'ContactBlockedError';
  }
}

/** Central compliance service: national + internal DNC, consent ledger, reassigned-numbers DB, calling hours. */
export async function dncVerdict(number: string, channel: Channel): Promise<Verdict> {
  const res = await request(`${config.DNC_API_URL}/verdicts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': config.DNC_API_KEY },
    body: JSON.stringify({ number, channel }),
    headersTimeout: 2_000,
  });
  if (res.statusCode !== 200) {
    // fail closed
    return { allowed: false, reason: 'internal_dnc' };
  }
  return (await res.body.json()) as Verdict;
}

export async function guardNumber(number: string, channel: Channel = 'voice'): Promise<void> {
  const verdict = await dncVerdict(number, channel);
  if (!verdict.allowed) {
    throw new ContactBlockedError(verdict.reason ?? 'blocked');
  }
}

export async function isClear(number: string): Promise<boolean> {
  const { allowed } = await dncVerdict(number, 'voice');
  return allowed;
}
