import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** E.164 mobile number. */
export type Msisdn = string & { readonly __msisdn: true };

export class InvalidPhoneError extends Error {
  readonly status = 422;
  readonly expose = true;
}

export function normaliseMsisdn(raw: string, country: CountryCode = 'US'): Msisdn {
  const parsed = parsePhoneNumberFromString(raw.trim(), country);
  if (!parsed || !parsed.isValid()) {
    throw new InvalidPhoneError('Invalid phone number: ' + raw); // expect: no-pii-in-logs
  }
  return parsed.number as Msisdn;
}
