import { Redis } from 'ioredis';
import { IsNull } from 'typeorm';
import { config } from '../config.js';
import { blindIndex } from '../lib/crypto.js';
import { maskPhone } from '../lib/logger.js';
import { consentRepo } from '../storage/repositories.js';
import type { ContactChannel, E164 } from '../types.js';

/** Internal and national do-not-call entries, mirrored into Redis by the nightly DNC import. */
const DNC_SET = 'dnc:blind-index';
const dncCache = new Redis(config.redis.sessionUrl);

/** TCPA calling window, recipient's local time. */
const FIRST_HOUR = 8;
const LAST_HOUR = 21;

export class ContactNotAllowedError extends Error {
  constructor(
    message: string,
    readonly channel: ContactChannel,
  ) {
    super(message);
    this.name = 'ContactNotAllowedError';
  }
}

export async function isOnDnc(phone: E164): Promise<boolean> {
  return (await dncCache.sismember(DNC_SET, blindIndex(phone))) === 1;
}

/** Prior express consent for this channel that has not been revoked, and not on a DNC list. */
export async function hasConsent(phone: E164, channel: ContactChannel = 'voice'): Promise<boolean> {
  const record = await consentRepo.findOneBy({ phoneBlindIndex: blindIndex(phone), channel, revokedAt: IsNull() });
  return record !== null && !(await isOnDnc(phone));
}

/** Throws unless the number may be contacted on this channel. */
export async function assertCanContact(phone: E164, channel: ContactChannel): Promise<void> {
  if (!(await hasConsent(phone, channel))) {
    throw new ContactNotAllowedError(`No ${channel} consent on file for ${maskPhone(phone)}`, channel);
  }
}

/** STOP, "take me off your list", or an agent's disposition: revoke consent and add to the internal DNC list. */
export async function recordOptOut(phone: E164, channel: ContactChannel, via: string): Promise<void> {
  const phoneBlindIndex = blindIndex(phone);
  await dncCache.sadd(DNC_SET, phoneBlindIndex);
  await consentRepo.update({ phoneBlindIndex, channel, revokedAt: IsNull() }, { revokedAt: new Date(), revokedVia: via });
}

export function isWithinCallingHours(timezone: string, now = new Date()): boolean {
  const hour = Number(new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone: timezone }).format(now));
  return hour >= FIRST_HOUR && hour < LAST_HOUR;
}
