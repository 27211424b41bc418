import { describe, expect, it } from 'vitest';
import { piiNames } from '../../rules/pii/names.js';
import { piiTypes } from '../../rules/pii/types.js';
import { createNameClassifier, createScalarNameTest } from '../../src/engine/classify/names.js';

const classify = createNameClassifier(piiNames);
const kindOf = (name: string, telephony = false) => classify(name, { telephony })?.kind;

describe('names that carry PII', () => {
  it.each([
    ['phone', 'phone'],
    ['customerPhone', 'phone'],
    ['phone_number', 'phone'],
    ['PHONE_NUMBER', 'phone'],
    ['phoneNumber', 'phone'],
    ['phoneNumbers', 'phone'],
    ['phones', 'phone'],
    ['customerPhones', 'phone'],
    ['phoneE164', 'phone'],
    ['phoneRaw', 'phone'],
    ['normalizedPhone', 'phone'],
    ['formattedPhoneNumber', 'phone'],
    ['phone2', 'phone'],
    ['phoneNo', 'phone'],
    ['callerId', 'phone'],
    ['caller_id', 'phone'],
    ['callerID', 'phone'],
    ['callerIdNumber', 'phone'],
    ['msisdn', 'phone'],
    ['MSISDN', 'phone'],
    ['mobileNumber', 'phone'],
    ['mobile', 'phone'],
    ['cellphone', 'phone'],
    ['cell', 'phone'],
    ['tel', 'phone'],
    ['telNo', 'phone'],
    ['telephone', 'phone'],
    ['ani', 'phone'],
    ['contactNumber', 'phone'],
    ['destinationNumber', 'phone'],
    ['whatsappNumber', 'phone'],
    ['e164', 'phone'],
    ['shouji', 'phone'],
    ['shoujihao', 'phone'],
    ['dianhua', 'phone'],
    ['telefon', 'phone'],
    ['nomer_telefona', 'phone'],
    ['ssn', 'national-id'],
    ['SSN', 'national-id'],
    ['socialSecurityNumber', 'national-id'],
    ['idCard', 'national-id'],
    ['id_card_no', 'national-id'],
    ['idNumber', 'national-id'],
    ['customerIdNumber', 'national-id'],
    ['nationalId', 'national-id'],
    ['citizenId', 'national-id'],
    ['passport', 'national-id'],
    ['passportNo', 'national-id'],
    ['taxId', 'national-id'],
    ['inn', 'national-id'],
    ['snils', 'national-id'],
    ['sfz', 'national-id'],
    ['sfzh', 'national-id'],
    ['shenfenzheng', 'national-id'],
    ['email', 'email'],
    ['emailAddress', 'email'],
    ['customerEmails', 'email'],
    ['cardNumber', 'payment-card'],
    ['creditCardNumber', 'payment-card'],
    ['pan', 'payment-card'],
    ['cvv', 'payment-card'],
    ['recording', 'call-recording'],
    ['recordings', 'call-recording'],
    ['recordingUrl', 'call-recording'],
    ['RecordingUrl', 'call-recording'],
    ['callRecordingUrl', 'call-recording'],
    ['callerName', 'caller-name'],
    ['caller_name', 'caller-name'],
    ['callerIdName', 'caller-name'],
  ])('%s → %s', (name, kind) => {
    expect(kindOf(name)).toBe(kind);
  });

  it('reports the matched term', () => {
    expect(classify('customerPhoneNumber')).toEqual({ kind: 'phone', term: 'phone number' });
    expect(classify('callerIdName')).toEqual({ kind: 'caller-name', term: 'caller id name' });
  });
});

describe('names that do not carry PII', () => {
  it.each([
    'phoneModel',
    'phoneVerified',
    'isPhoneVerified',
    'hasPhone',
    'phoneCount',
    'numPhones',
    'nPhones',
    'numberOfPhones',
    'phoneRegex',
    'PHONE_REGEX',
    'phonePattern',
    'phoneMask',
    'maskedPhone',
    'phoneHash',
    'hashedPhone',
    'encryptedPhone',
    'phoneToken',
    'phonePlaceholder',
    'phoneCountryCode',
    'phoneFormat',
    'phoneType',
    'phoneLast4',
    'phoneLength',
    'phoneValid',
    'phoneError',
    'phoneInput',
    'phoneField',
    'phoneLabel',
    'phoneNumberId',
    'phoneId',
    'phoneBook',
    'phoneProvider',
    'supportPhone',
    'twilioPhoneNumber',
    'testPhone',
    'callSid',
    'CallSid',
    'agentId',
    'userId',
    'id',
    'idempotencyKey',
    'telemetry',
    'animation',
    'innerHTML',
    'panel',
    'cellPadding',
    'cells',
    'cellValue',
    'recordingSid',
    'recordingDuration',
    'recordingStatus',
    'recordingStatusCallback',
    'recordingEnabled',
    'recordingChannels',
    'telephonyProvider',
    'telephony',
    'emailVerified',
    'emailTemplate',
    'emailSubject',
    'sendEmail',
    'cardType',
    'cardBrand',
    'cardholderName',
    'ssnLast4',
    'passportCountry',
    'number',
    'contact',
    'from',
    'to',
    'From',
    'caller',
    'hotel',
    'panic',
    'mobileApp',
    'mobileView',
  ])('%s', (name) => {
    expect(classify(name)).toBeUndefined();
  });
});

describe('record fields named after the call legs', () => {
  // A `fromNumber`/`toNumber` field is a phone number in any code (a call record's legs); a function of that
  // name is a callee, which the name classifier is never asked about.
  it.each(['toNumber', 'fromNumber', 'from_number', 'to_number'])('%s is a phone number everywhere', (name) => {
    expect(kindOf(name, false)).toBe('phone');
  });
});

describe('telephony context', () => {
  it.each(['from', 'to', 'From', 'To', 'caller', 'Called', 'toNumber', 'fromNumber'])('%s is a phone number in telephony code', (name) => {
    expect(kindOf(name, true)).toBe('phone');
  });

  it.each(['fromDate', 'toString', 'toJSON', 'fromCache', 'toLowerCase'])('%s stays non-PII in telephony code', (name) => {
    expect(kindOf(name, true)).toBeUndefined();
  });

  it('keeps the two contexts apart in its cache', () => {
    expect(kindOf('to', true)).toBe('phone');
    expect(kindOf('to', false)).toBeUndefined();
    expect(kindOf('to', true)).toBe('phone');
  });
});

describe('custom knowledge', () => {
  it('uses the terms and word lists it is given', () => {
    const custom = createNameClassifier({
      terms: [{ kind: 'national-id', words: ['member', 'number'] }],
      preservingSuffixes: ['raw'],
      nonPiiWords: ['hash'],
      nonPiiPrefixes: ['is'],
    });
    expect(custom('memberNumberRaw')?.kind).toBe('national-id');
    expect(custom('memberNumberHash')).toBeUndefined();
    expect(custom('isMemberNumber')).toBeUndefined();
    expect(custom('phone')).toBeUndefined();
  });
});

describe('scalar names (their declared types are not looked up)', () => {
  const isScalar = createScalarNameTest(piiTypes.scalarWords);
  it.each(['id', 'callRecordId', 'subscriber_id', 'callSid', 'length', 'status', 'started_at', 'createdAt', 'retryCount', 'attempts', 'duration'])(
    '%s is a scalar',
    (name) => expect(isScalar(name)).toBe(true),
  );
  // Records and values that may be records keep their type lookup: `{ lead }`, `callRecord`, `customers`.
  it.each(['lead', 'callRecord', 'customers', 'payload', 'row', 'identity', 'statusReport', 'idempotencyKeyStore', 'attachment'])(
    '%s is not a scalar',
    (name) => expect(isScalar(name)).toBe(false),
  );
});
