/**
 * Declared types that denote PII. A value, parameter or property declared with one of these
 * types carries PII of that kind whatever its name is (`const x: E164 = …`), and so does an
 * object whose type has such a property.
 */
import type { PiiKind, PiiTypeModel } from '../types.js';

const phone: PiiKind = 'phone';
const nationalId: PiiKind = 'national-id';
const card: PiiKind = 'payment-card';

/** Every entry point of libphonenumber-js exports the same types. */
const LIBPHONENUMBER_MODULES = [
  'libphonenumber-js',
  'libphonenumber-js/min',
  'libphonenumber-js/max',
  'libphonenumber-js/mobile',
  'libphonenumber-js/core',
] as const;

export const piiTypes: PiiTypeModel = {
  names: {
    PhoneNumber: phone,
    E164: phone,
    E164Number: phone,
    E164Phone: phone,
    PhoneE164: phone,
    Msisdn: phone,
    MSISDN: phone,
    MobileNumber: phone,
    TelephoneNumber: phone,
    CallerId: phone,
    CallerID: phone,
    NationalId: nationalId,
    NationalID: nationalId,
    NationalIdNumber: nationalId,
    Ssn: nationalId,
    SSN: nationalId,
    SocialSecurityNumber: nationalId,
    ResidentId: nationalId,
    ResidentID: nationalId,
    IdCardNumber: nationalId,
    PassportNumber: nationalId,
    TaxId: nationalId,
    CardNumber: card,
    CreditCardNumber: card,
    PrimaryAccountNumber: card,
    PAN: card,
    EmailAddress: 'email',
    CallRecording: 'call-recording',
    RecordingUrl: 'call-recording',
    CallerName: 'caller-name',
  },
  packages: [
    ...LIBPHONENUMBER_MODULES.flatMap((module) => [
      { module, name: 'PhoneNumber', kind: phone },
      { module, name: 'E164Number', kind: phone },
      { module, name: 'NationalNumber', kind: phone },
    ]),
    { module: 'google-libphonenumber', name: 'PhoneNumber', kind: phone },
  ],
  // Names of PII scalars (`callerId`, `taxId`) are PII by name already; these are asked about only
  // when the name says nothing, and most sink arguments are ids, counts and statuses.
  scalarWords: [
    'id', 'ids', 'sid', 'sids', 'uuid', 'guid', 'count', 'counter', 'total', 'length', 'len', 'size', 'index', 'idx',
    'status', 'state', 'duration', 'timeout', 'ttl', 'limit', 'offset', 'attempts', 'retries', 'ms', 'seconds', 'at',
  ],
};
