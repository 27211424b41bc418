import { NextRequest, NextResponse } from 'next/server';
import { createHash } from 'node:crypto';
import { toE164 } from '@/lib/format';

/**
 * Server-side Meta Conversions API event for a completed callback request.
 * Meta matches users on SHA-256 of the normalised phone and email.
 */
const PIXEL_ID = process.env.META_PIXEL_ID ?? '';
const GRAPH_URL = `https://graph.facebook.com/v20.0/${PIXEL_ID}/events`;

export async function POST(req: NextRequest) {
  const { phone: raw, email, reference } = (await req.json()) as { phone: string; email?: string; reference: string };
  const phone = toE164(raw);
  if (!phone) return NextResponse.json({ error: 'invalid_phone' }, { status: 422 });

  const ph = createHash('sha256').update(phone.replace('+', '')).digest('hex'); // expect: no-reversible-pii-hash
  const em = email ? createHash('sha256').update(email.trim().toLowerCase()).digest('hex') : undefined;
  const eventId = createHash('sha256').update(`callback:${reference}`).digest('hex'); // safe: no-reversible-pii-hash — ticket reference, used as the dedup event id

  const res = await fetch(`${GRAPH_URL}?access_token=${process.env.META_CAPI_TOKEN}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      data: [
        {
          event_name: 'Lead',
          event_time: Math.floor(Date.now() / 1000),
          event_id: eventId,
          action_source: 'website',
          user_data: { ph: [ph], em: em ? [em] : [] },
        },
      ],
    }),
  });
  return NextResponse.json({ forwarded: res.ok }, { status: res.ok ? 202 : 502 });
}
