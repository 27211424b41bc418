import { NextRequest, NextResponse } from 'next/server';
import { maskPhone, toE164 } from '@/lib/format';
import { startVerification } from '@/lib/server/verify';

export const dynamic = 'force-dynamic';

/**
 * Starts phone verification. The account page calls this with fetch; the
 * plain form (no JS) posts form data and expects a redirect.
 */
export async function POST(req: NextRequest) {
  const isForm = req.headers.get('content-type')?.includes('application/x-www-form-urlencoded') ?? false;
  const raw = isForm ? String((await req.formData()).get('phone') ?? '') : ((await req.json()) as { phone?: string }).phone ?? '';
  const phone = toE164(raw);
  if (!phone) {
    return isForm
      ? NextResponse.redirect(new URL('/account?verify=invalid', req.url), 303)
      : NextResponse.json({ error: 'invalid_phone' }, { status: 422 });
  }

  const verification = await startVerification(phone);

  if (isForm) {
    return NextResponse.redirect(new URL(`/account/verify?phone=${encodeURIComponent(phone)}&sid=${verification.sid}`, req.url), 303); // expect: no-pii-in-url
  }

  const next = new URL('/account/verify', req.url);
  next.searchParams.set('sid', verification.sid); // safe: no-pii-in-url — Verify SID
  next.searchParams.set('to', maskPhone(phone)); // safe: no-pii-in-url — masked for display ("sent to +447•••••28")
  return NextResponse.json({ next: next.pathname + next.search });
}
