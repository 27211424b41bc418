import { describe, expect, it } from 'vitest';
import { isValidCnResidentId, isValidInn, isValidNino, isValidSnils, isValidSsn } from '../src/privacy/national-id';
import { maskId, maskPhone, redactTranscript } from '../src/privacy/mask';
import { asE164, marketOf } from '../src/types';

describe('isValidCnResidentId', () => {
  it('accepts the GB 11643-1999 specimen', () => {
    expect(isValidCnResidentId('11010519491231002X')).toBe(true); // safe: no-hardcoded-pii — the standard's published specimen
  });

  it('rejects a wrong check character', () => {
    expect(isValidCnResidentId('440305197908264026')).toBe(false); // safe: no-hardcoded-pii — wrong check digit
  });

  it('accepts the customer id from INC-2291 that the old regex rejected', () => {
    expect(isValidCnResidentId('510107199502092795')).toBe(true); // expect: no-hardcoded-pii
  });
});

describe('RU identifiers', () => {
  it('validates SNILS with the Pension Fund example', () => {
    expect(isValidSnils('112-233-445 95')).toBe(true); // safe: no-hardcoded-pii — the textbook worked example of the SNILS checksum
  });

  it('validates a legal-entity INN', () => {
    expect(isValidInn('7707083893')).toBe(true); // safe: no-hardcoded-pii — 10-digit INN of a bank (legal entity, public register)
  });

  it('rejects a personal INN with a bad second check digit', () => {
    expect(isValidInn('500100732258')).toBe(false); // safe: no-hardcoded-pii — checksum fails
  });
});

describe('UK and US', () => {
  it('rejects the forbidden NINO prefixes', () => {
    expect(isValidNino('GB 12 34 56 A')).toBe(false); // safe: no-hardcoded-pii — administrative prefix, never issued
  });

  it('rejects SSN area 666', () => {
    expect(isValidSsn('666-12-4410')).toBe(false); // safe: no-hardcoded-pii — area 666 never issued
  });
});

describe('phones', () => {
  it('normalises RU 8-prefixed numbers', () => {
    expect(asE164('8 (800) 350-27-14', 'RU')).toBe('+78003502714'); // safe: no-hardcoded-pii — RU 8-800 freephone
  });

  it('routes by country code', () => {
    expect(marketOf('+447700900518')).toBe('GB'); // safe: no-hardcoded-pii — Ofcom drama range
  });

  it('masks all but the last four digits', () => {
    expect(maskPhone('+1 202 555 0143')).toBe('+12*****0143'); // safe: no-hardcoded-pii — NANP 555-01xx
    expect(maskId('11010519491231002X')).toBe('1101**********002X'); // safe: no-hardcoded-pii — the GB 11643 specimen
  });

  it('redacts numbers in transcripts', () => {
    expect(redactTranscript('call me on +44 7700 900 982 please')).toBe('call me on [NUMBER] please'); // safe: no-hardcoded-pii — Ofcom drama range
  });
});
