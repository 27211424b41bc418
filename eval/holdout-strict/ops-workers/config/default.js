'use strict';

/**
 * Defaults for every environment. config/index.js overlays environment
 * variables on top of this.
 */
module.exports = {
  env: 'development',
  redisUrl: 'rediss://localhost:6380',
  databaseUrl: 'postgres://ops:ops@localhost:5432/ops?sslmode=disable',
  publicBaseUrl: 'https://ops.example-telecom.com',

  telephony: {
    // What customers see on callbacks. Production sets CALLER_ID.
    fallbackCallerId: '+12065550178', // safe: no-hardcoded-pii — NANP 555-0178 fictional range
    // Vonage wants numbers without the plus sign.
    vonageFrom: '447700900514', // safe: no-hardcoded-pii — Ofcom drama range 07700 900xxx
    supportHotline: '+1-877-604-3391', // safe: no-hardcoded-pii — toll-free (877) company hotline
    smsShortCode: '60733', // safe: no-hardcoded-pii — SMS short code
    sipPort: '5060', // safe: no-hardcoded-pii — SIP port
    sbcAddress: '10.40.122.17', // safe: no-hardcoded-pii — private IP of the session border controller
    ivrFlowVersion: '2024.11.0.1187', // safe: no-hardcoded-pii — release version string
    maxAttempts: 3,
    retryAfterSec: 900,
  },

  alerts: {
    // Night-shift lead gets an SMS when the callback queue backs up.
    nightShiftMobile: '+79161082997', // expect: no-hardcoded-pii
    // Pager fallback if PagerDuty is down.
    pagerFallback: '+13038419954', // expect: no-hardcoded-pii
    queueBacklogThreshold: 40,
  },

  crm: {
    baseUrl: 'https://crm.internal.example-telecom.com',
    timeoutMs: 4000,
  },

  numberInsight: {
    baseUrl: 'https://api.nexmo.com',
  },

  survey: {
    baseUrl: 'https://feedback.example-telecom.com',
    delayMinutes: 30,
  },

  payments: {
    gateway: 'adyen',
    settlementCutoffUtc: '22:00',
    // Terminal used by the agent-assisted payment line.
    moto: { terminalId: 'V400m-346728105', merchantAccount: 'ExampleTelecomMOTO' }, // safe: no-hardcoded-pii — terminal serial, not a card or phone
  },

  openai: {
    model: 'gpt-4o-mini',
    maxTranscriptChars: 24000,
  },
};
