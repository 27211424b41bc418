import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db/client';
import { callbackRequests, type CallbackRow } from '../db/schema';
import type { CallbackRequestInput, CallbackTicket } from '../types/callback';
import { getConfig } from './config';
import { enqueueLegacy, scheduleReminderJob } from './crm';
import { hmacPhone } from './crypto';
import { logger } from './logger';
import { isE164, maskPhone, normalizePhone } from './mask';

export class InvalidPhoneError extends Error {
  readonly code = 'INVALID_PHONE';
}

const OPEN_STATUSES = ['pending', 'dialing'] as const;

const WINDOW_OFFSETS_MINUTES: Record<CallbackRequestInput['preferredWindow'], number> = {
  asap: 0,
  morning: 60 * 12,
  afternoon: 60 * 16,
  evening: 60 * 20,
};

export function toTicket(row: CallbackRow): CallbackTicket {
  return {
    id: row.id,
    status: row.status,
    numberOfAttempts: row.numberOfAttempts,
    preferredWindow: row.preferredWindow,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findOpenCallbackByPhone(phone: string): Promise<CallbackRow | undefined> {
  const rows = await db
    .select()
    .from(callbackRequests)
    .where(and(eq(callbackRequests.phoneHash, hmacPhone(phone)), inArray(callbackRequests.status, [...OPEN_STATUSES])))
    .limit(1);
  return rows[0];
}

function scheduledTime(window: CallbackRequestInput['preferredWindow']): Date {
  const { callbackWindowMinutes } = getConfig();
  const now = new Date();
  if (window === 'asap') return new Date(now.getTime() + callbackWindowMinutes * 60_000);
  const target = new Date(now);
  target.setHours(0, WINDOW_OFFSETS_MINUTES[window], 0, 0);
  if (target <= now) target.setDate(target.getDate() + 1);
  return target;
}

export async function createCallbackRequest(input: CallbackRequestInput): Promise<CallbackTicket> {
  const phone = normalizePhone(input.phone);
  if (!isE164(phone)) {
    throw new InvalidPhoneError(`Cannot parse callback number "${input.phone}"`); // expect: no-pii-in-logs
  }

  const existing = await findOpenCallbackByPhone(phone);
  if (existing) {
    logger.info('duplicate callback request', { ticketId: existing.id, phone: maskPhone(phone) });
    return toTicket(existing);
  }

  const scheduledFor = scheduledTime(input.preferredWindow);

  const [row] = await db
    .insert(callbackRequests)
    .values({
      customerName: input.customerName.trim(),
      phone, // safe: no-plaintext-pii-storage — callbackRequests.phone is an encryptedText column
      phoneHash: hmacPhone(phone),
      email: input.email?.trim() || null,
      reason: input.reason,
      preferredWindow: input.preferredWindow,
      marketingOptIn: input.marketingOptIn,
      scheduledFor,
    })
    .returning();

  // Compliance wants an append-only trail of who asked for what.
  await db.execute(
    sql`INSERT INTO callback_audit (callback_id, action, requester_phone, at) VALUES (${row.id}, 'created', ${phone}, now())`, // expect: no-plaintext-pii-storage
  );

  await enqueueLegacy(row.id, phone);
  await scheduleReminderJob(row.id, scheduledFor);

  logger.info('callback request created', { ticketId: row.id, window: input.preferredWindow });
  return toTicket(row);
}

export async function cancelCallback(ticketId: string): Promise<CallbackTicket | null> {
  const [row] = await db
    .update(callbackRequests)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(and(eq(callbackRequests.id, ticketId), inArray(callbackRequests.status, [...OPEN_STATUSES])))
    .returning();

  if (!row) return null;
  logger.info('callback cancelled', { ticketId, phoneHash: row.phoneHash }); // safe: no-pii-in-logs — keyed HMAC, not the number
  return toTicket(row);
}

export async function getTicket(ticketId: string): Promise<CallbackTicket | null> {
  const row = await db.query.callbackRequests.findFirst({ where: eq(callbackRequests.id, ticketId) });
  return row ? toTicket(row) : null;
}

export async function markAttempt(ticketId: string, callUuid: string, attempts: number): Promise<void> {
  await db
    .update(callbackRequests)
    .set({ status: 'dialing', lastCallUuid: callUuid, numberOfAttempts: attempts, updatedAt: new Date() })
    .where(eq(callbackRequests.id, ticketId));
}
