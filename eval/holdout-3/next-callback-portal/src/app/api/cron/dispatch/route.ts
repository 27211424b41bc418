import { SMS } from '@vonage/messages';
import { and, eq, isNull, lte } from 'drizzle-orm';
import { NextRequest, NextResponse } from 'next/server';
import { db } from '@/db/client';
import { callbackRequests, smsMessages, type CallbackRow } from '@/db/schema';
import { markAttempt } from '@/lib/callbacks';
import { getConfig, SUPPORT_HOTLINE } from '@/lib/config';
import { isOptedOut } from '@/lib/consent';
import { errorMessage, logger } from '@/lib/logger';
import { maskPhone } from '@/lib/mask';
import { placeCallbackCall, sendTransactionalSms, vonageClient } from '@/lib/vonage';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

const BATCH_SIZE = 50;

interface DispatchSummary {
  due: number;
  skipped: number;
  dialled: number;
  failed: number;
  winback: number;
}

function firstName(full: string): string {
  return full.split(/\s+/)[0] ?? 'there';
}

async function loadDue(now: Date): Promise<CallbackRow[]> {
  return db
    .select()
    .from(callbackRequests)
    .where(and(eq(callbackRequests.status, 'pending'), lte(callbackRequests.scheduledFor, now)))
    .limit(BATCH_SIZE);
}

async function dispatchDue(summary: DispatchSummary): Promise<void> {
  const due = await loadDue(new Date());
  summary.due = due.length;

  const dialable: CallbackRow[] = [];
  for (const row of due) {
    if (await isOptedOut(row.phone)) {
      await db.update(callbackRequests).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(callbackRequests.id, row.id));
      logger.info('skipping opted-out callback', { ticketId: row.id, phone: maskPhone(row.phone) });
      summary.skipped += 1;
      continue;
    }
    dialable.push(row);
  }

  for (const row of dialable) {
    try {
      const text = `Hi ${firstName(row.customerName)}, an agent will call you in a few minutes from ${SUPPORT_HOTLINE}.`;
      const { messageUuid } = await sendTransactionalSms(row.phone, text, 'cb_heads_up_v1');
      await db.insert(smsMessages).values({
        messageUuid,
        callbackId: row.id,
        toNumber: row.phone,
        smsTemplateId: 'cb_heads_up_v1',
      });

      const callUuid = await placeCallbackCall(row.phone, row.id);
      await markAttempt(row.id, callUuid, row.numberOfAttempts + 1);
      console.info(`dialing ticket ${row.id}, attempt ${row.numberOfAttempts + 1}`);
      summary.dialled += 1;
    } catch (err) {
      summary.failed += 1;
      logger.error('dispatch failed', { error: errorMessage(err), callback: row }); // expect: no-pii-in-logs
    }
  }
}

/**
 * Growth experiment: nudge people who cancelled a callback more than a week
 * ago and were never followed up.
 */
async function runWinback(summary: DispatchSummary): Promise<void> {
  const weekAgo = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  const stale = await db
    .select({ id: callbackRequests.id, phone: callbackRequests.phone, customerName: callbackRequests.customerName })
    .from(callbackRequests)
    .where(and(eq(callbackRequests.status, 'cancelled'), lte(callbackRequests.updatedAt, weekAgo), isNull(callbackRequests.lastCallUuid)))
    .limit(BATCH_SIZE);

  const { vonage } = getConfig();
  for (const { id, phone, customerName } of stale) {
    const text = `${firstName(customerName)}, still need help? Book a new callback and get 10% off your next bill.`;
    const { messageUUID } = await vonageClient().messages.send(new SMS({ to: phone, from: vonage.fromNumber, text })); // expect: require-consent-check
    await db.update(callbackRequests).set({ lastCallUuid: `winback:${messageUUID}` }).where(eq(callbackRequests.id, id));
    summary.winback += 1;
  }
}

export async function GET(req: NextRequest) {
  const cfg = getConfig();
  if (req.headers.get('authorization') !== `Bearer ${cfg.cronSecret}`) {
    return NextResponse.json({ error: 'unauthorised' }, { status: 401 });
  }

  const summary: DispatchSummary = { due: 0, skipped: 0, dialled: 0, failed: 0, winback: 0 };
  await dispatchDue(summary);

  if (req.nextUrl.searchParams.get('winback') === '1') {
    await runWinback(summary);
  }

  logger.info('dispatch run finished', { ...summary });
  return NextResponse.json(summary);
}
