// Tests of the inbound support-line webhook. In test files the rule reports with severity `note`: a customer's
// real number pasted into a test is still a customer's number, but fixtures are where fictional ones belong.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app.js';
import { formatForAgent } from '../../src/format.js';

const FICTIONAL_CALLER = '+1 202 555 0143'; // safe: NANP fiction range
const SUPPORT_NUMBER = '+15005550006'; // safe: Twilio magic test number
const CALL_SID = 'CA0f3c2e9d8b7a6f5e4d3c2b1a09f8e7d6'; // safe: a call SID

describe('POST /voice/support', () => {
  it('routes a known caller to their account manager', async () => {
    const res = await request(app)
      .post('/voice/support')
      .type('form')
      .send({ CallSid: CALL_SID, From: '+447424839215', To: SUPPORT_NUMBER }); // $ Alert[no-hardcoded-pii]
    expect(res.status).toBe(200);
    expect(res.text).toContain('<Dial>');
  });

  it('sends unknown callers to the main menu', async () => {
    const res = await request(app).post('/voice/support').type('form').send({ CallSid: CALL_SID, From: FICTIONAL_CALLER, To: SUPPORT_NUMBER });
    expect(res.text).toContain('<Gather');
  });

  it('handles withheld numbers', async () => {
    const res = await request(app).post('/voice/support').type('form').send({ CallSid: CALL_SID, From: 'anonymous', To: SUPPORT_NUMBER }); // safe: not a number
    expect(res.text).toContain('<Say>');
  });
});

describe('formatForAgent', () => {
  it('shows a masked number to the agent', () => {
    expect(formatForAgent('+13125558841')).toBe('+1•••••••41'); // $ Alert[no-hardcoded-pii]
    expect(formatForAgent('+1 (202) 555-0178')).toBe('+1•••••••78'); // safe: fiction range in, masked form out
  });

  it('rejects numbers that are too short', () => {
    expect(() => formatForAgent('+1 415 555 267')).toThrow(/too short/); // safe: fails validation
  });

  it('keeps the timeout of the agent screen', () => {
    expect(formatForAgent.timeoutMs).toBe(1_500);
    expect(CALL_SID).toMatch(/^CA[0-9a-f]{32}$/);
  });
});
