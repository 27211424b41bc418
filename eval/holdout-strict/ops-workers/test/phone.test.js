'use strict';

const { normalize, mask, last4, countryOf } = require('../src/lib/phone');

describe('normalize', () => {
  test.each([
    ['07700 900123', '+447700900123'], // safe: no-hardcoded-pii — Ofcom drama range
    ['0044 7700 900123', '+447700900123'], // safe: no-hardcoded-pii — Ofcom drama range
    ['+1 (202) 555-0143', '+12025550143'], // safe: no-hardcoded-pii — NANP 555-0143 fictional
    ['+7 916 738-40-52', '+79167384052'], // expect: no-hardcoded-pii
  ])('%s -> %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test('rejects short codes and garbage', () => {
    expect(normalize('60733')).toBeNull(); // safe: no-hardcoded-pii — short code
    expect(normalize('not a number')).toBeNull();
    expect(normalize(null)).toBeNull();
  });
});

describe('mask', () => {
  test('keeps the first three and last three characters', () => {
    expect(mask('+447700900123')).toBe('+44*******123'); // safe: no-hardcoded-pii — Ofcom drama range; expected value is masked
  });
  test('last4', () => {
    expect(last4('+1 202 555 0143')).toBe('0143'); // safe: no-hardcoded-pii — NANP 555-0143 fictional
  });
});

describe('countryOf', () => {
  test('maps prefixes', () => {
    expect(countryOf('+86')).toBe('CN'); // safe: no-hardcoded-pii — a bare country code
    expect(countryOf('+15005550006')).toBe('US'); // safe: no-hardcoded-pii — Twilio magic test number
  });
});
