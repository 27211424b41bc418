import { NextRequest, NextResponse } from 'next/server';
import { toE164 } from '@/lib/format';
import { etagFor } from '@/lib/server/pseudonym';

const REGION_BY_PREFIX: Array<[string, 'us' | 'uk' | 'apac']> = [
  ['+1', 'us'],
  ['+44', 'uk'],
  ['+61', 'apac'],
  ['+65', 'apac'],
];

function regionFor(phone: string): 'us' | 'uk' | 'apac' {
  return REGION_BY_PREFIX.find(([prefix]) => phone.startsWith(prefix))?.[1] ?? 'uk';
}

async function loadSlots(region: string, tz: string): Promise<string[]> {
  const res = await fetch(`${process.env.WFM_BASE_URL}/v1/regions/${region}/callback-slots?tz=${encodeURIComponent(tz)}`, { next: { revalidate: 60 } }); // safe: no-pii-in-url — region code and time zone
  if (!res.ok) return [];
  const { slots } = (await res.json()) as { slots: string[] };
  return slots;
}

export async function GET(req: NextRequest) {
  const phone = toE164(req.nextUrl.searchParams.get('phone') ?? '');
  const tz = req.nextUrl.searchParams.get('tz') ?? 'UTC';
  if (!phone) return NextResponse.json({ slots: [] });

  const slots = await loadSlots(regionFor(phone), tz);
  const json = JSON.stringify({ slots });
  const etag = etagFor(json);
  if (req.headers.get('if-none-match') === etag) return new NextResponse(null, { status: 304 });
  return new NextResponse(json, { headers: { 'Content-Type': 'application/json', ETag: etag, 'Cache-Control': 'private, max-age=60' } });
}
