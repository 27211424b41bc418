import { PrismaClient, type Customer } from '@prisma/client';
import knexFactory from 'knex';
import { knexConfig } from '../config/knexfile.js';
import { isDev } from '../config/index.js';
import { last4, phoneToken, sealPii } from '../lib/privacy.js';

export const prisma = new PrismaClient();
export const db = knexFactory(isDev ? knexConfig.development : knexConfig.production);
export const reportingDb = knexFactory(knexConfig.reporting);

export interface InteractionStart {
  channelUuid: string;
  ani: string;
  queue?: string | null;
}

/** FreeSWITCH sites (Reno, Tampa). */
export async function recordInteractionStart({ channelUuid, ani, queue }: InteractionStart) {
  return prisma.interaction.upsert({
    where: { channelUuid },
    update: {},
    create: {
      channelUuid,
      site: 'fs',
      queue: queue ?? null,
      callerNumberEnc: await sealPii(ani), // safe: no-plaintext-pii-storage — KMS-encrypted
      callerLast4: last4(ani), // safe: no-plaintext-pii-storage — last four only
      startedAt: new Date(),
    },
  });
}

/** Dallas (Asterisk/ARI) — still on the old column until the wallboard reads callerNumberEnc. */
export async function recordAriInteraction(channelId: string, callerNumber: string, queue: string) {
  return prisma.interaction.create({
    data: {
      channelUuid: channelId,
      site: 'dal',
      queue,
      callerNumber, // expect: no-plaintext-pii-storage
      callerLast4: last4(callerNumber), // safe: no-plaintext-pii-storage — last four only
      startedAt: new Date(),
    },
  });
}

export async function closeInteraction(channelUuid: string, hangupCause: string, agentId?: string) {
  await prisma.interaction.updateMany({
    where: { channelUuid },
    data: { endedAt: new Date(), hangupCause, agentId: agentId ?? null }, // safe: no-plaintext-pii-storage — no PII fields
  });
}

export function findCustomerByPhone(number: string): Promise<Customer | null> {
  return prisma.customer.findFirst({
    where: { OR: [{ phoneToken: phoneToken(number) }, { mobileToken: phoneToken(number) }] },
  });
}

export interface WrapUp {
  channelUuid: string;
  agentId: string;
  disposition: 'resolved' | 'escalated' | 'callback' | 'wrong_number' | 'no_action';
  notes?: string;
  customerPhone?: string;
  callbackAt?: Date;
}

export async function saveWrapUp(w: WrapUp): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('wrapups').insert({
      channel_uuid: w.channelUuid,
      agent_id: w.agentId,
      disposition: w.disposition,
      notes: w.notes ?? null,
      customer_phone: w.customerPhone ?? null, // expect: no-plaintext-pii-storage
      created_at: trx.fn.now(),
    });

    if (w.disposition === 'callback' && w.customerPhone && w.callbackAt) {
      await trx('callbacks').insert({
        channel_uuid: w.channelUuid,
        agent_id: w.agentId,
        phone_enc: await sealPii(w.customerPhone), // safe: no-plaintext-pii-storage — KMS-encrypted
        phone_last4: last4(w.customerPhone),
        due_at: w.callbackAt,
      });
    }
  });
}

export async function recordIdVerification(customerId: string, nationalId: string, passed: boolean): Promise<void> {
  await prisma.customer.update({
    where: { id: customerId },
    data: {
      idVerified: passed, // safe: no-plaintext-pii-storage — boolean flag
      idVerifiedAt: new Date(),
      // keep what the caller read out so a second agent doesn't have to ask again
      nationalId, // expect: no-plaintext-pii-storage
    },
  });
}

export async function savePassportNumber(customerId: string, passportNumber: string): Promise<void> {
  await prisma.customer.update({
    where: { id: customerId },
    data: { passportNumberEnc: await sealPii(passportNumber) }, // safe: no-plaintext-pii-storage — KMS-encrypted
  });
}
