import { NextRequest, NextResponse } from 'next/server';
import { toE164 } from '@/lib/format';
import { findCustomerByPhone, resolveLookupToken } from '@/lib/server/crm';

export const dynamic = 'force-dynamic';

export async function GET(req: NextRequest) {
  const params = req.nextUrl.searchParams;
  const token = params.get('token');
  const phone = token ? await resolveLookupToken(token) : toE164(params.get('phone') ?? '');
  if (!phone) return NextResponse.json(null, { status: 404 });

  const customer = await findCustomerByPhone(phone);
  return NextResponse.json(customer, { headers: { 'Cache-Control': 'no-store' } });
}
