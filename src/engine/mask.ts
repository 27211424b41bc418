/**
 * Masks PII for piiguard's own output: messages, code frames, reports. piiguard never shows a
 * raw phone number or ID it found, so every text that quotes scanned code goes through
 * maskPiiInText.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PiiKind } from '../../rules/types.js';
import { findPiiLiterals } from './classify/literals.js';

const BULLET = '\u2022';

function bullets(count: number): string {
  return BULLET.repeat(Math.max(0, count));
}

/**
 * A masked form of one PII value that still lets a reader tell values apart:
 * phone `+1••••••••71` (country code and last two digits), ID `11••••••••••••••1X` (first and
 * last two), card `••••••••••••4242` (last four), email `j•••@gmail.com` (first character and domain).
 */
export function maskValue(kind: PiiKind, raw: string): string {
  const value = raw.trim();
  switch (kind) {
    case 'phone':
      return maskPhone(value);
    case 'national-id':
      return keepEnds(value.replace(/[^0-9A-Za-z]/g, ''), 2, 2);
    case 'payment-card': {
      const digits = value.replace(/\D/g, '');
      return digits.length < 8 ? bullets(digits.length) : bullets(digits.length - 4) + digits.slice(-4);
    }
    case 'email':
      return maskEmail(value);
    case 'call-recording':
      return maskUrl(value);
    case 'caller-name':
      return value.length === 0 ? '' : `${firstChar(value)}${bullets(3)}`;
  }
}

function maskPhone(value: string): string {
  const plus = value.startsWith('+') || value.startsWith('(+') || /^%2B/i.test(value);
  const digits = value.replace(/^%2B/i, '').replace(/\D/g, '');
  if (digits.length < 6) return bullets(digits.length);
  let prefix = '';
  if (plus) {
    const code = parsePhoneNumberFromString(`+${digits}`)?.countryCallingCode ?? digits.slice(0, 2);
    prefix = `+${code.slice(0, 3)}`;
  }
  const rest = digits.length - (prefix.length > 0 ? prefix.length - 1 : 0);
  return `${prefix}${bullets(rest - 2)}${digits.slice(-2)}`;
}

function keepEnds(text: string, head: number, tail: number): string {
  if (text.length <= head + tail + 2) return bullets(text.length);
  return text.slice(0, head) + bullets(text.length - head - tail) + text.slice(-tail);
}

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return `${firstChar(value)}${bullets(3)}`;
  return `${firstChar(value)}${bullets(3)}${value.slice(at)}`;
}

/** A recording URL keeps its scheme and host; the path names the recording and is hidden. */
function maskUrl(value: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#\s]+)/i.exec(value);
  return match ? `${match[1]}/${bullets(3)}` : bullets(3);
}

function firstChar(value: string): string {
  return String.fromCodePoint(value.codePointAt(0) ?? 0x2022);
}

// ---------------------------------------------------------------------------------------------

/**
 * Any run of digits with phone separators between them. The look-ahead captures the longest
 * run and the back-reference consumes it (no backtracking, linear time).
 */
export const DIGIT_RUN = /(?=(\d(?:[ \-.()]{0,2}\d)*))\1/g;

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}(?=$|[ T])/;
const DATE = /^(?:\d{4}[-.]\d{2}[-.]\d{2}|\d{2}[-.]\d{2}[-.]\d{4})$/;
const MIN_DEFENSIVE_DIGITS = 7;

/**
 * Masks every PII value findPiiLiterals recognises, and, as a safety net, every other run of
 * seven or more digits (keeping its last two), except dates and times. Idempotent, and never
 * longer than the input by more than a few characters per value.
 */
export function maskPiiInText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of findPiiLiterals(text)) {
    out += text.slice(last, match.start) + maskValue(match.kind, text.slice(match.start, match.end));
    last = match.end;
  }
  out += text.slice(last);
  return maskDigitRuns(out);
}

function maskDigitRuns(text: string): string {
  if (!/\d{2}/.test(text)) return text;
  return text.replace(DIGIT_RUN, (run: string, _captured: string, offset: number) => {
    // Seconds and fractions of a time: `10:20:30.123456789`.
    if (text[offset - 1] === ':' && /\d/.test(text[offset - 2] ?? '')) return run;
    if (DATE.test(run)) return run;
    const date = ISO_DATE_PREFIX.exec(run);
    if (date) return date[0] + maskRunDigits(run.slice(date[0].length));
    return maskRunDigits(run);
  });
}

function maskRunDigits(run: string): string {
  let digits = 0;
  for (const ch of run) if (ch >= '0' && ch <= '9') digits++;
  if (digits < MIN_DEFENSIVE_DIGITS) return run;
  let seen = 0;
  let out = '';
  for (const ch of run) {
    if (ch >= '0' && ch <= '9') {
      seen++;
      out += seen > digits - 2 ? ch : BULLET;
    } else {
      out += ch;
    }
  }
  return out;
}
