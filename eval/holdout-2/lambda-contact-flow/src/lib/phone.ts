import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { E164 } from '../types';

/** Parse whatever the customer typed into E.164, or undefined if it is not a valid number. */
export function toE164(raw: string | undefined, defaultCountry: CountryCode = 'US'): E164 | undefined {
  if (!raw) return undefined;
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  if (!parsed || !parsed.isValid()) return undefined;
  return parsed.number as E164;
}
