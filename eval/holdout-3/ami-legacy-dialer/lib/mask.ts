/**
 * Number helpers shared by the dialer and the report jobs.
 * Anything that goes to a log or a client-facing report goes through maskNumber().
 */

export function digitsOnly(value: string): string {
  return String(value || '').replace(/\D/g, '');
}

export function toE164(raw: string, defaultCountry = '1'): string | null {
  const digits = digitsOnly(raw);
  if (digits.length === 10) return `+${defaultCountry}${digits}`;
  if (digits.length === 11 && digits.startsWith(defaultCountry)) return `+${digits}`;
  if (raw.trim().startsWith('+') && digits.length >= 8 && digits.length <= 15) return `+${digits}`;
  return null;
}

/** "+12025550143" -> "*******0143" */
export function maskNumber(value: string | null | undefined): string {
  const digits = digitsOnly(value ?? '');
  if (digits.length < 5) return '****';
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

/** Dial string for the trunk: national format for NANP, 011 prefix for the rest. */
export function dialString(e164: string): string {
  const digits = digitsOnly(e164);
  if (digits.startsWith('1') && digits.length === 11) return digits;
  return `011${digits}`;
}
