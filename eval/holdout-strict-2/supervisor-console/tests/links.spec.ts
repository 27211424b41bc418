import { describe, expect, it, vi } from 'vitest';
import { crmSearchUrl, mailtoHref, telHref } from '../src/services/links';
import { usCustomer } from './fixtures/calls';

vi.mock('../src/config/runtime', () => ({
  runtime: { apiBase: '/api', crmBaseUrl: 'https://crm.test', recordingsBaseUrl: 'https://rec.test' },
}));

describe('crmSearchUrl', () => {
  it('encodes the plus sign', () => {
    const expected = 'https://crm.test/crm/contacts/search?msisdn=%2B12025550186&source=supervisor-console'; // safe: no-hardcoded-pii — NANP fictional 555-01xx
    expect(crmSearchUrl(usCustomer.phone)).toBe(expected);
  });
});

describe('telHref / mailtoHref', () => {
  it('strips formatting from tel: links', () => {
    expect(telHref('+44 7700 900417')).toBe('tel:+447700900417'); // safe: no-hardcoded-pii — Ofcom drama mobile range
  });

  it('encodes the subject', () => {
    expect(mailtoHref('jordan@example.com', 'Your call')).toBe('mailto:jordan@example.com?subject=Your%20call');
  });
});
