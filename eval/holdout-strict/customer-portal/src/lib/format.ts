import type { E164 } from './types';

const E164_RE = /^\+[1-9]\d{7,14}$/;

export function isE164(value: string): value is E164 {
  return E164_RE.test(value);
}

/**
 * Normalises what people type into a phone field. Ten bare digits are taken
 * as a NANP number; anything else must carry its country code.
 */
export function toE164(raw: string, defaultCountry = '1'): E164 | null {
  const cleaned = raw.trim().replace(/[\s().-]/g, '');
  if (cleaned.startsWith('+')) return isE164(cleaned) ? cleaned : null;
  if (cleaned.startsWith('00')) return toE164(`+${cleaned.slice(2)}`);
  const candidate = cleaned.length === 10 ? `+${defaultCountry}${cleaned}` : `+${cleaned}`;
  return isE164(candidate) ? candidate : null;
}

/** "+4479•••••28" — enough for the customer to recognise their own number. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '•••';
  return `${phone.slice(0, 4)}${'•'.repeat(phone.length - 6)}${phone.slice(-2)}`;
}

export function last4(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}

export function formatDuration(totalSec: number): string {
  const m = Math.floor(totalSec / 60);
  const s = totalSec % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function formatSlot(iso: string, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}
