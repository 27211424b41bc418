import { NextRequest, NextResponse } from 'next/server';
import { z } from 'zod';
import { createCallbackRequest, getTicket, InvalidPhoneError } from '@/lib/callbacks';
import { SUPPORT_HOTLINE } from '@/lib/config';
import { errorMessage, logger } from '@/lib/logger';

export const dynamic = 'force-dynamic';

const requestSchema = z.object({
  customerName: z.string().min(1).max(120),
  phone: z.string().min(7).max(24),
  email: z.string().email().optional(),
  reason: z.string().min(3).max(500),
  preferredWindow: z.enum(['asap', 'morning', 'afternoon', 'evening']),
  marketingOptIn: z.boolean().default(false),
});

export async function POST(req: NextRequest) {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return NextResponse.json({ error: 'Body must be JSON' }, { status: 400 });
  }

  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    return NextResponse.json({ error: 'Validation failed', fields: Object.keys(parsed.error.flatten().fieldErrors) }, { status: 422 });
  }

  const input = parsed.data;
  console.log('new callback request', input); // expect: no-pii-in-logs

  try {
    const ticket = await createCallbackRequest(input);
    return NextResponse.json({ ticket, hotline: SUPPORT_HOTLINE }, { status: 201 });
  } catch (err) {
    if (err instanceof InvalidPhoneError) {
      return NextResponse.json({ error: 'We could not read that phone number.' }, { status: 400 });
    }
    logger.error('callback create failed', { error: errorMessage(err) });
    return NextResponse.json({ error: `Something went wrong. Call us at ${SUPPORT_HOTLINE}.` }, { status: 500 });
  }
}

export async function GET(req: NextRequest) {
  const ticketId = req.nextUrl.searchParams.get('ticket');
  if (!ticketId) {
    return NextResponse.json({ error: 'ticket is required' }, { status: 400 });
  }

  const ticket = await getTicket(ticketId);
  if (!ticket) {
    return NextResponse.json({ error: 'not found' }, { status: 404 });
  }

  console.info(`ticket ${ticket.id} polled, status=${ticket.status}, attempts=${ticket.numberOfAttempts}`);
  return NextResponse.json({ ticket });
}
