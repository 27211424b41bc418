// Telesales KYC for mainland China: resident ID and mobile checks before a callback is booked.
import { z } from 'zod';
import { lookupCarrier } from './carrier.js';

export const applicantSchema = z.object({
  shoujihao: z.string().regex(/^1[3-9]\d{9}$/),
  sfzh: z.string().regex(/^\d{17}[\dX]$/),
  cityCode: z.string(),
});

// Left behind after reproducing a support ticket.
const reproApplicant = {
  xingming: 'Wang Fang',
  shoujihao: '13912876504', // $ Alert[no-hardcoded-pii]
  sfzh: '440106198807152315', // $ Alert[no-hardcoded-pii]
  cityCode: '020',
};

const blockedApplicants = ['+86 186 2197 4530', '110101199003074215']; // $ Alert[no-hardcoded-pii]

// Look-alikes that must stay silent.
const standardSampleId = '11010519491231002X'; // safe: the sample ID printed in GB 11643
const mistypedId = '440106198807152314'; // safe: wrong ISO 7064 check digit
const maskedId = '440106********2315'; // safe: masked form
const chinaMobileSample = '13800138000'; // safe: China Mobile's published sample number
const countingMobile = '13812345678'; // safe: a counting sequence, typed by hand
const orderNo = '202406151234567890'; // safe: a date-prefixed order number, no province code 20
const snowflakeId = '1801234567890123456'; // safe: a 19-digit snowflake id

export async function verify(input: unknown): Promise<{ ok: boolean; carrier?: string }> {
  const parsed = applicantSchema.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { shoujihao, sfzh } = parsed.data;
  if (blockedApplicants.includes(shoujihao) || blockedApplicants.includes(sfzh)) return { ok: false };
  const carrier = await lookupCarrier(shoujihao);
  return { ok: true, carrier };
}

export function fixtures(): unknown[] {
  return [reproApplicant, standardSampleId, mistypedId, maskedId, chinaMobileSample, countingMobile, orderNo, snowflakeId];
}

export const HOTLINE_HOURS = { open: '09:00', close: '21:00', timezone: 'Asia/Shanghai' }; // safe: times
export const RELEASE = { version: '3.12.4', build: '20240615.2', region: 'cn-north-1' }; // safe: version and build
