'use strict';

jest.mock('../src/lib/db', () => ({ query: jest.fn(), end: jest.fn() }));
jest.mock('../src/lib/clients', () => ({ Sentry: { captureException: jest.fn() }, segment: { track: jest.fn() } }));
jest.mock('bullmq', () => ({ Worker: jest.fn(() => ({ on: jest.fn() })) }));
jest.mock('../config', () => ({ pseudonymKey: 'test-key-not-secret', publicBaseUrl: 'https://ops.test' }));

const db = require('../src/lib/db');
const { dedupeBatch, batchFingerprint } = require('../src/workers/lead-dedupe');
const { hashPhone, hmacPhone } = require('../src/lib/hash');
const fixtures = require('./fixtures/customers');

describe('dedupeBatch', () => {
  beforeEach(() => db.query.mockReset());

  test('keeps a lead never seen before', async () => {
    db.query.mockResolvedValueOnce({ rowCount: 0 }).mockResolvedValueOnce({ rowCount: 1 });
    const kept = await dedupeBatch({ partner: 'acme-leads', leads: [fixtures.lead] });
    expect(kept).toHaveLength(1);
    expect(kept[0].mobile).toBe('+13125550107'); // safe: no-hardcoded-pii — NANP 555-0107 fictional
  });

  test('drops a lead seen in the last 30 days', async () => {
    db.query.mockResolvedValueOnce({ rowCount: 1 });
    const kept = await dedupeBatch({ partner: 'acme-leads', leads: [fixtures.leadWithRealId] });
    expect(kept).toHaveLength(0);
  });

  test('skips unparseable numbers without querying', async () => {
    const kept = await dedupeBatch({ partner: 'acme-leads', leads: [{ mobile: '12345' }] }); // safe: no-hardcoded-pii — too short to be a phone number
    expect(kept).toHaveLength(0);
    expect(db.query).not.toHaveBeenCalled();
  });
});

describe('keys', () => {
  test('hashPhone ignores formatting', () => {
    expect(hashPhone('+44 7700 900123')).toBe(hashPhone('07700900123')); // safe: no-hardcoded-pii — Ofcom drama range
  });

  test('hmacPhone differs from hashPhone', () => {
    expect(hmacPhone(fixtures.ukCustomer.phone)).not.toBe(hashPhone(fixtures.ukCustomer.phone));
  });

  test('batch fingerprint depends on file metadata only', () => {
    const a = batchFingerprint({ partner: 'acme-leads', fileName: 'leads-0611.csv', receivedAt: '2024-06-11T08:00:00Z', leads: [] });
    const b = batchFingerprint({ partner: 'acme-leads', fileName: 'leads-0611.csv', receivedAt: '2024-06-11T08:00:00Z', leads: [fixtures.lead] });
    expect(a).toBe(b);
  });
});
