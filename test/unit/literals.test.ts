import { describe, expect, it } from 'vitest';
import { classifyLiteral, findPiiLiterals } from '../../src/engine/classify/literals.js';

const kindOf = (text: string) => classifyLiteral(text)?.kind;

describe('classifyLiteral: phone numbers', () => {
  it.each([
    // CN
    ['+8613971234568', 'E.164 phone number'],
    ['+86 139 7123 4568', 'international phone number'],
    ['13971234568', 'CN mobile number'],
    ['159 2187 6543', 'CN mobile number'],
    ['186-1234-9876', 'CN mobile number'],
    ['010 6552 9988', 'CN phone number'],
    // RU
    ['+79164823157', 'E.164 phone number'],
    ['+7 916 482-31-57', 'international phone number'],
    ['8 (916) 482-31-57', 'RU mobile number'],
    ['89164823157', 'RU mobile number'],
    ['+7 495 739-47-82', 'international phone number'],
    // US (NANP)
    ['+14155552671', 'E.164 phone number'],
    ['+1 (650) 253-0000', 'international phone number'],
    ['(415) 555-2671', 'US phone number'],
    ['415-555-2671', 'US phone number'],
    ['415.555.2671', 'US phone number'],
    ['1-415-555-2671', 'US phone number'],
    ['4155552671', 'US phone number'],
    // UK
    ['+442079461234', 'E.164 phone number'],
    ['+44 20 7946 1234', 'international phone number'],
    ['020 7946 1234', 'GB phone number'],
    ['07424 839215', 'GB mobile number'],
    ['0044 20 7946 1234', 'international phone number'],
    // DE
    ['+49 30 901820', 'international phone number'],
    ['030 901820', 'DE phone number'],
    ['+49 1512 3984756', 'international phone number'],
    ['01512 3984756', 'DE mobile number'],
    // IN
    ['+91 98201 47362', 'international phone number'],
    ['+919820147362', 'E.164 phone number'],
    ['9820147362', 'IN mobile number'],
    // other countries in international format
    ['+33 1 42 68 53 00', 'international phone number'],
    ['tel:+14155552671', 'E.164 phone number'],
  ])('%s is a %s', (text, format) => {
    expect(classifyLiteral(text)).toMatchObject({ kind: 'phone', format });
  });

  it('gives up at once on long text', () => {
    expect(classifyLiteral('1'.repeat(100_000))).toBeUndefined();
  });

  it('reports offsets of the trimmed value', () => {
    expect(classifyLiteral('  +14155552671 ')).toEqual({ kind: 'phone', start: 2, end: 14, format: 'E.164 phone number' });
  });

  it.each([
    ['+1 202 555 0142', 'NANP 555-01xx is reserved for fiction'],
    ['(202) 555-0199', 'NANP 555-01xx is reserved for fiction'],
    ['202-555-0100', 'NANP 555-01xx is reserved for fiction'],
    ['+44 20 7946 0958', 'Ofcom drama range'],
    ['020 7946 0000', 'Ofcom drama range'],
    ['07700 900123', 'Ofcom drama range (mobile)'],
    ['+44 7700 900456', 'Ofcom drama range (mobile)'],
    ['+44 161 496 0123', 'Ofcom drama range (Manchester)'],
    ['+15005550006', 'Twilio magic test number'],
    ['+15017122661', 'Twilio documentation number'],
    ['+1 800 555 1212', 'directory assistance'],
    ['+61 491 570 156', 'ACMA fiction range'],
    ['+8613800138000', 'published sample number'],
    ['+33 6 12 34 56 78', 'counting sequence'],
    ['13800000000', 'all one digit'],
    ['13812345678', 'counting sequence'],
    ['+7 999 999 99 99', 'all one digit'],
    ['+79161234567', 'counting sequence'],
    ['+11234567890', 'invalid NANP area code'],
    ['+1 415 555 267', 'too short'],
    ['+999 123 456 789', 'no such country code'],
    ['12345', 'too short'],
    ['0000000000', 'zeros'],
    ['2024-01-15', 'ISO date'],
    ['15.01.2024', 'European date'],
    ['01/15/2024', 'US date'],
    ['2024/01/15', 'date'],
    ['20240115', 'compact date'],
    ['1.2.3', 'version'],
    ['10.0.19041.1', 'Windows build'],
    ['4.17.21', 'semver'],
    ['192.168.100.200', 'IPv4 address'],
    ['10.0.0.1', 'IPv4 address'],
    ['1700000000', 'Unix timestamp (seconds)'],
    ['1700000000000', 'Unix timestamp (milliseconds)'],
    ['3.14159265358', 'decimal number'],
    ['CA1234567890abcdef1234567890abcdef', 'Twilio call SID'],
    ['SM0123456789abcdef0123456789abcdef', 'Twilio message SID'],
    ['550e8400-e29b-41d4-a716-446655440000', 'UUID'],
    ['ORD-4155552671', 'order number'],
    ['#4155552671', 'order number'],
    ['INV 2024 000123', 'invoice number'],
    ['12345678901234567890', 'long id'],
    ['0x41555526710', 'hex'],
    ['8080', 'port'],
    ['phone', 'a word'],
    ['', 'empty'],
  ])('%s is not PII (%s)', (text) => {
    expect(classifyLiteral(text)).toBeUndefined();
  });

  // Business service numbers (libphonenumber-js number types TOLL_FREE, SHARED_COST, PREMIUM_RATE, UAN).
  it.each([
    ['+1 888 431 7261', 'US toll-free 888'],
    ['+18334902217', 'US toll-free 833'],
    ['(855) 612-4409', 'US toll-free 855, national'],
    ['1-800-937-2261', 'US toll-free with trunk 1, not a CN 180 mobile'],
    ['1 (877) 604-3392', 'US toll-free 877 with trunk 1'],
    ['0800 048 7712', 'UK freephone, not retried as an IN mobile'],
    ['0808 196 5532', 'UK freephone 0808'],
    ['+44 345 602 1377', 'UK non-geographic 03 (UAN)'],
    ['0871 384 9921', 'UK 087 (premium rate)'],
    ['+353 1800 553 927', 'IE freephone'],
    ['8 800 200 47 93', 'RU freephone'],
    ['+49 800 330 4711', 'DE freephone'],
    ['+86 400 820 6677', 'CN 400 shared cost'],
    ['+61 1300 655 421', 'AU 1300 shared cost'],
    ['+1 900 846 2291', 'US premium rate'],
  ])('%s is a business service number, not PII (%s)', (text) => {
    expect(classifyLiteral(text)).toBeUndefined();
  });

  it.each([
    ['+1 312 845 2290', 'international phone number'],
    ['1-312-845-2290', 'US phone number'],
    ['07412 553918', 'GB mobile number'],
    ['+44 7982 113476', 'international phone number'],
  ])('a geographic or mobile number next to them, %s, still is (%s)', (text, format) => {
    expect(classifyLiteral(text)).toMatchObject({ kind: 'phone', format });
  });

  it('finds a mobile but not the freephone line in the same sentence', () => {
    const text = 'Call 0800 048 7712 or text the duty manager on 07412 553918';
    expect(findPiiLiterals(text).map((m) => text.slice(m.start, m.end))).toEqual(['07412 553918']);
  });

  // 01806 224477 is a GB line (Shetland) and a DE 0180 shared-cost number: without a country code, only the
  // grouping says which.
  it.each([
    ['01806 22 44 77', 'grouped the German way'],
    ['0180 6 224477', "DE's national format"],
    ['01806224477', 'no grouping: either plan'],
    ['0137 1 882561', 'DE 0137 televoting in its national format'],
  ])('%s is not judged as a GB line (%s)', (text) => {
    expect(classifyLiteral(text)).toBeUndefined();
  });

  it.each([['01806 224477'], ['01371 882561']])('%s, written in the GB format, is a GB line', (text) => {
    expect(classifyLiteral(text)).toMatchObject({ kind: 'phone', format: 'GB phone number' });
  });

  // NANP fiction must not come back as another country's number (the same ten digits are a valid IN mobile).
  it.each([['702-555-0197'], ['7025550197'], ['(917) 555-0157']])('%s, NANP fiction, is not retried as an IN mobile', (text) => {
    expect(classifyLiteral(text)).toBeUndefined();
  });

  it('a 3-3-4 grouping is judged as NANP only', () => {
    expect(classifyLiteral('702-555-0197')).toBeUndefined();
    expect(classifyLiteral('982-014-7365')).toBeUndefined();
    expect(classifyLiteral('98201 47365')).toMatchObject({ kind: 'phone', format: 'IN mobile number' });
  });
});

describe('classifyLiteral: national IDs', () => {
  it.each([
    '440304198506123711',
    '320106199202280047',
    '510107200001010128',
    '440304200002291236', // born on 29 February of a leap year
    '31011519870312101X',
    '31011519870312101x',
    '630102 19780914 5317',
  ])('CN resident ID %s', (text) => {
    expect(classifyLiteral(text)).toMatchObject({ kind: 'national-id', format: 'CN resident ID' });
  });

  it.each([
    ['440304198506123712', 'wrong check digit'],
    ['320106199202280040', 'wrong check digit'],
    ['310115198703121010', 'X expected, 0 written'],
    ['440304198513123719', 'month 13'],
    ['440304190002291230', '1900 was no leap year'],
    ['990304198506123711', 'no such province'],
    ['11010519491231002X', 'the sample number from the standard'],
    ['123456789012345678', 'a counting sequence'],
  ])('%s is not a CN resident ID (%s)', (text) => {
    expect(kindOf(text)).toBeUndefined();
  });

  it.each(['536-22-8726', '401 35 7892', '212-67-4019'])('US SSN %s', (text) => {
    expect(classifyLiteral(text)).toMatchObject({ kind: 'national-id', format: 'US SSN' });
  });

  it.each([
    ['000-12-3456', 'area 000'],
    ['666-12-3456', 'area 666'],
    ['900-12-3456', 'area 9xx'],
    ['987-65-4321', 'area 9xx'],
    ['536-00-8726', 'group 00'],
    ['536-22-0000', 'serial 0000'],
    ['078-05-1120', 'the Woolworth wallet card'],
    ['219-09-9999', 'an SSA advertisement'],
    ['123-45-6789', 'the textbook example'],
    ['111-11-1111', 'all one digit'],
    ['536-22 8726', 'mixed separators'],
    ['536228726', 'nine bare digits are too ambiguous'],
  ])('%s is not an SSN (%s)', (text) => {
    expect(kindOf(text)).toBeUndefined();
  });
});

describe('classifyLiteral: payment cards', () => {
  it.each([
    '4539148803436467',
    '4539 1488 0343 6467',
    '4539-1488-0343-6467',
    '5425839201746317',
    '2221004839201739',
    '345612340987656',
    '3456 123409 87656',
    '6011987654321019',
    '6214839201746351',
  ])('card %s', (text) => {
    expect(classifyLiteral(text)).toMatchObject({ kind: 'payment-card', format: 'payment card number' });
  });

  it.each([
    ['4111111111111111', 'Braintree/PayPal test card'],
    ['4111 1111 1111 1111', 'Braintree/PayPal test card'],
    ['4242424242424242', 'Stripe test card'],
    ['5555555555554444', 'Stripe test card'],
    ['378282246310005', 'Stripe Amex test card'],
    ['371449635398431', 'Amex test card'],
    ['6011111111111117', 'Discover test card'],
    ['3566002020360505', 'JCB test card'],
    ['4012888888881881', 'Visa test card'],
    ['30569309025904', 'Diners test card'],
    ['4000000000000077', 'Stripe test card'],
    ['4000000000009995', 'Stripe declined test card'],
    ['4539148803436468', 'fails Luhn'],
    ['9539148803436467', 'no known issuer'],
    ['4539 148803 436467', 'not a card grouping'],
  ])('%s is not a real card (%s)', (text) => {
    expect(kindOf(text)).toBeUndefined();
  });
});

describe('classifyLiteral: email addresses', () => {
  it.each(['john.doe@gmail.com', 'li.wei+calls@qq.com', 'a.petrova@yandex.ru', 'JOHN@CONTOSO-CALLS.CO.UK'])('%s', (text) => {
    expect(classifyLiteral(text)).toMatchObject({ kind: 'email', format: 'email address' });
  });

  it.each([
    ['jane@example.com', 'reserved documentation domain'],
    ['agent@callcenter.test', 'reserved test domain'],
    ['dev@localhost', 'no public domain'],
    ['noreply@acme-telecom.com', 'role account'],
    ['support@acme-telecom.com', 'role account'],
    ['logo@2x.png', 'an asset name'],
    ['lodash@4.17.21', 'a package version'],
    ['git@github.com', 'an SSH remote'],
    ['@scope/package', 'an npm scope'],
    ['john.doe@gmail', 'no top-level domain'],
    ['user at gmail dot com', 'not an address'],
  ])('%s is not a personal address (%s)', (text) => {
    expect(kindOf(text)).toBeUndefined();
  });
});

describe('findPiiLiterals', () => {
  const found = (text: string) => findPiiLiterals(text).map((m) => [m.kind, text.slice(m.start, m.end)]);

  it('finds values in a log message', () => {
    expect(found('Inbound call from +14155552671 to 020 7946 1234, callback 13971234568 (agent 42)')).toEqual([
      ['phone', '+14155552671'],
      ['phone', '020 7946 1234'],
      ['phone', '13971234568'],
    ]);
  });

  it('finds values in SQL', () => {
    const sql = "INSERT INTO leads (phone, ssn, email, card) VALUES ('+7 916 482-31-57', '536-22-8726', 'li.wei@qq.com', '4539 1488 0343 6467')";
    expect(found(sql)).toEqual([
      ['phone', '+7 916 482-31-57'],
      ['national-id', '536-22-8726'],
      ['email', 'li.wei@qq.com'],
      ['payment-card', '4539 1488 0343 6467'],
    ]);
  });

  it('finds a resident ID ending in X and a URL-encoded plus sign', () => {
    expect(found('id=31011519870312101X&To=%2B14155552671&x=1')).toEqual([
      ['national-id', '31011519870312101X'],
      ['phone', '%2B14155552671'],
    ]);
  });

  it('splits columns separated by several spaces', () => {
    expect(found('+1 415 555 2671    +44 20 7946 1234')).toEqual([
      ['phone', '+1 415 555 2671'],
      ['phone', '+44 20 7946 1234'],
    ]);
  });

  it('ignores look-alikes around real values', () => {
    const text = [
      'at 2024-01-15T10:20:30.123Z',
      '2024-01-15 10:20:30',
      'v1.22.3 build 10.0.19041.1',
      'sid CA1234567890abcdef1234567890abcdef',
      'uuid 550e8400-e29b-41d4-a716-446655440000',
      'order ORD-4155552671 #4155552671 $1234567.89 1234567px',
      'bare 4155552671 and 14155552671 and 12345678901',
      'ts 1700000000000 ip 192.168.100.200:8080',
      'fictional (202) 555-0143 and +44 20 7946 0958',
      'test card 4242 4242 4242 4242 and ssn 123-45-6789',
      'sample mail jane@example.com, noreply@acme.io',
      'pi 3.14159265358 and 12:30:45.123456789',
      'file_4155552671.wav and 4155552671abc',
      'lat 37.7749295, lng -122.4194155, ISBN 978-3-16-148410-0, total 1,234,567.89',
      'x+14155552671 and 1+14155552671',
    ].join('\n');
    expect(found(text)).toEqual([]);
  });

  it('reports an address whose local part is a phone number once, as an address', () => {
    expect(found('mail 13971234568@163.com now')).toEqual([['email', '13971234568@163.com']]);
  });

  it('returns matches in order with offsets into the text', () => {
    const text = 'a li.wei@qq.com b +14155552671';
    const matches = findPiiLiterals(text);
    expect(matches.map((m) => m.start)).toEqual([2, 18]);
    expect(matches.every((m, i) => i === 0 || (matches[i - 1]?.end ?? 0) <= m.start)).toBe(true);
  });

  it('finds nothing in text without digits or @', () => {
    expect(findPiiLiterals('plain text with no values at all')).toEqual([]);
  });
});
