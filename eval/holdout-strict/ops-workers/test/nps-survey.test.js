'use strict';

jest.mock('bullmq', () => ({ Worker: jest.fn() }));
jest.mock('../config', () => ({
  redisUrl: 'redis://localhost:6379',
  pseudonymKey: 'test-key-not-secret',
  survey: { baseUrl: 'https://feedback.test' },
  telephony: { smsShortCode: '60733' }, // safe: no-hardcoded-pii — short code
}));
jest.mock('../src/lib/clients', () => ({
  cio: { identify: jest.fn(), track: jest.fn() },
  segment: { identify: jest.fn(), track: jest.fn() },
  vonage: { sms: { send: jest.fn() } },
}));

const { vonage } = require('../src/lib/clients');
const { sendSurvey, surveyLink } = require('../src/workers/nps-survey');
const fixtures = require('./fixtures/customers');

test('survey link carries only the token', () => {
  expect(surveyLink('abc123')).toBe('https://feedback.test/s/abc123');
});

test('sends the SMS from the short code', async () => {
  await sendSurvey({ data: { customer: fixtures.ukCustomer, callSid: 'CA0f6d3c1e2b7a4c9d8e5f1a2b3c4d5e6f', locale: 'en' } }); // safe: no-hardcoded-pii — Twilio call SID
  expect(vonage.sms.send).toHaveBeenCalledWith(expect.objectContaining({ to: '447700900123', from: '60733' })); // safe: no-hardcoded-pii — Ofcom drama range and a short code
});

test('skips customers who opted out', async () => {
  const res = await sendSurvey({ data: { customer: fixtures.usCustomer, callSid: 'CA1', locale: 'en' } });
  expect(res).toEqual({ skipped: true });
});
