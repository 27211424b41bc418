import { SMS } from '@vonage/messages';
import { eq, sql } from 'drizzle-orm';
import { NextRequest, NextResponse } from 'next/server';
import { db } from '@/db/client';
import { callbackRequests, callEvents } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { inviteToSurvey } from '@/lib/crm';
import { logger } from '@/lib/logger';
import { vonageClient } from '@/lib/vonage';
import type { VonageVoiceEvent } from '@/types/callback';

const FAILED = new Set<VonageVoiceEvent['status']>(['busy', 'failed', 'rejected', 'timeout', 'unanswered', 'cancelled']);

export async function POST(req: NextRequest) {
  const event = (await req.json()) as VonageVoiceEvent;
  const { uuid, conversation_uuid: conversationUuid, status, to, duration } = event;
  const cfg = getConfig();

  await db.insert(callEvents).values({
    callUuid: uuid,
    conversationUuid,
    status,
    durationSeconds: duration ? Number(duration) : null,
  });

  logger.info('voice event', { uuid, conversationUuid, status, duration });

  if (status === 'completed') {
    const [row] = await db
      .update(callbackRequests)
      .set({ status: 'completed', updatedAt: new Date() })
      .where(eq(callbackRequests.lastCallUuid, uuid))
      .returning({ id: callbackRequests.id, email: callbackRequests.email });

    if (row) {
      // CX wants a one-question survey after every completed callback.
      await vonageClient().messages.send( // expect: require-consent-check
        new SMS({
          to,
          from: cfg.vonage.fromNumber,
          text: 'Thanks for talking to us today! How did we do? Reply 1-5.',
        }),
      );
      await inviteToSurvey(row.id, row.email);
    }
    return new NextResponse(null, { status: 204 });
  }

  if (FAILED.has(status)) {
    logger.warn(`callback to ${to} ended with ${status}`); // expect: no-pii-in-logs
    const [row] = await db
      .update(callbackRequests)
      .set({
        status: 'pending',
        scheduledFor: sql`now() + interval '20 minutes'`,
        updatedAt: new Date(),
      })
      .where(eq(callbackRequests.lastCallUuid, uuid))
      .returning({ id: callbackRequests.id, numberOfAttempts: callbackRequests.numberOfAttempts });

    if (row && row.numberOfAttempts >= cfg.maxAttempts) {
      await db.update(callbackRequests).set({ status: 'failed' }).where(eq(callbackRequests.id, row.id));
      logger.info('callback gave up', { ticketId: row.id, numberOfAttempts: row.numberOfAttempts });
    }
  }

  return new NextResponse(null, { status: 204 });
}
