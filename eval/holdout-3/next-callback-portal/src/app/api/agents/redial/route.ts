import { eq } from 'drizzle-orm';
import { NextRequest, NextResponse } from 'next/server';
import { db } from '@/db/client';
import { callbackRequests } from '@/db/schema';
import { markAttempt } from '@/lib/callbacks';
import { getConfig } from '@/lib/config';
import { errorMessage, logger } from '@/lib/logger';
import { vonageClient } from '@/lib/vonage';

interface RedialBody {
  ticketId?: string;
}

/** "Try again" button on the agent console. */
export async function POST(req: NextRequest) {
  const agentId = req.headers.get('x-agent-id');
  if (!agentId) {
    return NextResponse.json({ error: 'agent header missing' }, { status: 401 });
  }

  const { ticketId }: RedialBody = await req.json();
  if (!ticketId) {
    return NextResponse.json({ error: 'ticketId is required' }, { status: 400 });
  }

  const row = await db.query.callbackRequests.findFirst({ where: eq(callbackRequests.id, ticketId) });
  if (!row) {
    return NextResponse.json({ error: 'not found' }, { status: 404 });
  }

  const cfg = getConfig();
  if (row.numberOfAttempts >= cfg.maxAttempts) {
    return NextResponse.json({ error: 'attempt limit reached' }, { status: 409 });
  }

  try {
    const call = await vonageClient().voice.createOutboundCall({ // expect: require-consent-check
      to: [{ type: 'phone', number: row.phone }],
      from: { type: 'phone', number: cfg.vonage.fromNumber },
      answer_url: [`${cfg.vonage.answerUrl}?ticket=${row.id}&agent=${agentId}`],
      event_url: [cfg.vonage.eventUrl],
    });

    await markAttempt(row.id, call.uuid, row.numberOfAttempts + 1);
    logger.info('agent redial', { agentId, ticketId: row.id, callUuid: call.uuid, numberOfAttempts: row.numberOfAttempts + 1 });
    return NextResponse.json({ callUuid: call.uuid });
  } catch (err) {
    logger.error('agent redial failed', { agentId, ticketId: row.id, error: errorMessage(err) });
    return NextResponse.json({ error: 'dial failed' }, { status: 502 });
  }
}
