import { NextRequest, NextResponse } from 'next/server';
import * as Sentry from '@sentry/nextjs';
import { toE164 } from '@/lib/format';
import { createCallbackTicket, findCustomerByPhone } from '@/lib/server/crm';
import { phonePseudonym } from '@/lib/server/pseudonym';
import type { CallbackRequest } from '@/lib/types';

export const dynamic = 'force-dynamic';

interface CallbackBody {
  phone?: string;
  slot?: string;
  timezone?: string;
  extension?: string;
}

function isFutureSlot(slot: string): boolean {
  const t = Date.parse(slot);
  return Number.isFinite(t) && t > Date.now() + 5 * 60_000;
}

export async function POST(req: NextRequest) {
  const body = (await req.json().catch(() => ({}))) as CallbackBody;
  const phone = toE164(body.phone ?? '');
  const slot = body.slot ?? '';
  const timezone = body.timezone ?? 'UTC';

  if (!phone) return NextResponse.json({ error: 'invalid_phone' }, { status: 422 });
  if (!isFutureSlot(slot)) return NextResponse.json({ error: 'slot_in_past' }, { status: 422 });

  let customerId: string | undefined;
  try {
    const customer = await findCustomerByPhone(phone);
    customerId = customer?.id;
  } catch (err) {
    // The callback still goes ahead without a CRM match; we just want to know the lookup broke.
    Sentry.captureException(err, { extra: { phone, slot } }); // expect: no-pii-to-third-party
  }

  const request: CallbackRequest = { phone, slot, timezone, extension: body.extension };
  try {
    const ticket = await createCallbackTicket(request, customerId);
    Sentry.setTag('caller_ref', phonePseudonym(phone)); // safe: no-pii-to-third-party — keyed HMAC pseudonym
    return NextResponse.json({ reference: ticket.reference, slot: ticket.slot }, { status: 201 });
  } catch (err) {
    Sentry.captureException(err, { extra: { slot, customerId, timezone } }); // safe: no-pii-to-third-party — slot, internal id, time zone
    return NextResponse.json({ error: 'callback_unavailable' }, { status: 503 });
  }
}

/** No-JS fallback: the plain HTML form posts here and gets a redirect back. */
export async function PUT(req: NextRequest) {
  const form = await req.formData();
  const phone = toE164(String(form.get('phone') ?? ''));
  const slot = String(form.get('slot') ?? '');
  if (!phone || !isFutureSlot(slot)) return NextResponse.redirect(new URL('/callback?error=1', req.url), 303);
  const ticket = await createCallbackTicket({ phone, slot, timezone: 'UTC' });
  return NextResponse.redirect(new URL(`/callback/confirmed?ref=${ticket.reference}`, req.url), 303); // safe: no-pii-in-url — ticket reference only
}
