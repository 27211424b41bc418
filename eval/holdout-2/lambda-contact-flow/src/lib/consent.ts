import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './aws';
import { phoneLookupKey } from './crypto';
import { config } from '../config';
import type { ConsentRecord } from '../types';

/**
 * Consent and do-not-call lookups.
 *
 * Compliance policy CC-7: no outbound call or text leaves this account unless
 * the consent table says the channel is granted and the number is not on the
 * internal DNC list. The table is keyed by the phone HMAC, never the number.
 */

export type Channel = 'voice' | 'sms';
export type ConsentProblem = 'no-record' | 'dnc' | 'not-granted';

export class ConsentError extends Error {
  constructor(
    readonly reason: ConsentProblem,
    readonly channel: Channel,
  ) {
    super(`Outbound ${channel} not permitted (${reason})`);
    this.name = 'ConsentError';
  }
}

export async function loadConsent(phone: string): Promise<ConsentRecord | undefined> {
  const phoneHmac = await phoneLookupKey(phone);
  const { Item } = await ddb.send(new GetCommand({ TableName: config.tables.consent, Key: { phoneHmac } }));
  return Item as ConsentRecord | undefined;
}

function verdict(record: ConsentRecord | undefined, channel: Channel): ConsentError | undefined {
  if (!record) return new ConsentError('no-record', channel);
  if (record.dnc) return new ConsentError('dnc', channel);
  if (record[channel] !== 'granted') return new ConsentError('not-granted', channel);
  return undefined;
}

export async function canCall(phone: string): Promise<boolean> {
  return verdict(await loadConsent(phone), 'voice') === undefined;
}

export async function canText(phone: string): Promise<boolean> {
  return verdict(await loadConsent(phone), 'sms') === undefined;
}

/** Throws ConsentError unless `phone` may receive an outbound voice call. */
export async function assertCallable(phone: string): Promise<void> {
  const problem = verdict(await loadConsent(phone), 'voice');
  if (problem) throw problem;
}

/**
 * Of the given phone HMACs, the ones that must not be texted (no record, DNC,
 * or SMS consent not granted). Missing or unprocessed keys count as blocked.
 */
export async function smsBlockedSet(phoneHmacs: string[]): Promise<Set<string>> {
  const blocked = new Set<string>();
  const unique = [...new Set(phoneHmacs)];
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    const out = await ddb.send(
      new BatchGetCommand({
        RequestItems: { [config.tables.consent]: { Keys: chunk.map((phoneHmac) => ({ phoneHmac })) } },
      }),
    );
    const found = new Map<string, ConsentRecord>();
    for (const item of (out.Responses?.[config.tables.consent] ?? []) as ConsentRecord[]) {
      found.set(item.phoneHmac, item);
    }
    for (const key of chunk) {
      if (verdict(found.get(key), 'sms')) blocked.add(key);
    }
  }
  return blocked;
}

/** Record a grant or revocation for one channel (web form, IVR keypress, SMS keyword). */
export async function recordConsent(phone: string, channel: Channel, granted: boolean, source: string): Promise<void> {
  const phoneHmac = await phoneLookupKey(phone);
  await ddb.send(
    new UpdateCommand({
      TableName: config.tables.consent,
      Key: { phoneHmac }, // safe: no-plaintext-pii-storage — keyed HMAC of the number, not the number
      UpdateExpression: 'SET #channel = :state, #source = :source, updatedAt = :now, dnc = if_not_exists(dnc, :false)',
      ExpressionAttributeNames: { '#channel': channel, '#source': 'source' },
      ExpressionAttributeValues: {
        ':state': granted ? 'granted' : 'revoked',
        ':source': source,
        ':now': new Date().toISOString(),
        ':false': false,
      },
    }),
  );
}
