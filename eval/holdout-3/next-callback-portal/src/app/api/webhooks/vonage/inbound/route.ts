import { createHmac, timingSafeEqual } from 'node:crypto';
import { NextRequest, NextResponse } from 'next/server';
import { db } from '@/db/client';
import { inboundMessages } from '@/db/schema';
import { findOpenCallbackByPhone, markAttempt } from '@/lib/callbacks';
import { getConfig } from '@/lib/config';
import { isOptedOut, recordOptOut } from '@/lib/consent';
import { logger } from '@/lib/logger';
import { maskPhone } from '@/lib/mask';
import { placeCallbackCall } from '@/lib/vonage';
import type { VonageInboundMessage } from '@/types/callback';

const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);

function verifySignature(raw: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', getConfig().vonage.inboundSecret).update(raw).digest('hex');
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function POST(req: NextRequest) {
  const raw = await req.text();
  if (!verifySignature(raw, req.headers.get('x-portal-signature'))) {
    return NextResponse.json({ error: 'bad signature' }, { status: 401 });
  }

  const msg = JSON.parse(raw) as VonageInboundMessage;
  const { from, text = '', message_uuid: messageUuid, channel } = msg;
  const keyword = text.trim().toUpperCase();

  if (STOP_WORDS.has(keyword)) {
    await recordOptOut(from, 'sms', 'keyword');
    logger.info('opt-out recorded', { messageUuid, from: maskPhone(from) });
    return new NextResponse(null, { status: 204 });
  }

  await db.insert(inboundMessages).values({
    messageUuid,
    fromMsisdn: from,
    channel,
    body: text.slice(0, 1000),
  });

  console.log(`inbound ${channel} from ${from}: ${text.slice(0, 40)}`); // expect: no-pii-in-logs

  if (keyword === 'CALL' || keyword === 'CALL NOW') {
    const open = await findOpenCallbackByPhone(from);
    const clear = !(await isOptedOut(from, 'voice'));
    if (open && clear) {
      const callUuid = await placeCallbackCall(from, open.id);
      await markAttempt(open.id, callUuid, open.numberOfAttempts + 1);
      logger.info('callback pulled forward by sms', { ticketId: open.id, callUuid });
    }
  }

  return new NextResponse(null, { status: 204 });
}
