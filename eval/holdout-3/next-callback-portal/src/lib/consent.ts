import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '../db/client';
import { optOuts } from '../db/schema';
import type { Channel } from '../types/callback';
import { hmacPhone } from './crypto';
import { maskPhone } from './mask';

export class ConsentError extends Error {
  constructor(
    readonly channel: Channel,
    maskedNumber: string,
  ) {
    super(`Number ${maskedNumber} has opted out of ${channel}`); // safe: no-pii-in-logs — message only carries the masked number
    this.name = 'ConsentError';
  }
}

/**
 * True when the number is on our opt-out list. Without a channel, an opt-out
 * from any channel counts.
 */
export async function isOptedOut(phone: string, channel?: Channel): Promise<boolean> {
  const key = hmacPhone(phone);
  const where = channel ? and(eq(optOuts.phoneHash, key), eq(optOuts.channel, channel)) : eq(optOuts.phoneHash, key);
  const rows = await db.select({ phoneHash: optOuts.phoneHash }).from(optOuts).where(where).limit(1);
  return rows.length > 0;
}

/** Throws ConsentError when the number may not be contacted on this channel. */
export async function assertContactable(phone: string, channel: Channel): Promise<void> {
  const optedOut = await isOptedOut(phone, channel);
  if (optedOut) {
    throw new ConsentError(channel, maskPhone(phone));
  }
}

export async function recordOptOut(phone: string, channel: Channel, source: string): Promise<void> {
  await db
    .insert(optOuts)
    .values({
      phoneHash: hmacPhone(phone),
      channel,
      source,
    })
    .onConflictDoNothing();
}
