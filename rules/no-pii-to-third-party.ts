import type { RuleMeta } from './types.js';

export const noPiiToThirdParty: RuleMeta = {
  id: 'no-pii-to-third-party',
  description: 'Disallow PII reaching analytics, error-tracking, marketing and AI SDKs without anonymisation',
  severity: 'warning',
  securitySeverity: 6.5,
  precision: 'high',
  piiKinds: ['phone', 'national-id', 'email', 'payment-card', 'caller-name', 'call-recording'],
  regulations: ['GDPR Art. 28', 'GDPR Art. 44', 'PIPL Art. 23', 'PIPL Art. 38', 'CCPA 1798.100', '152-FZ Art. 12'],
  cwe: ['CWE-359', 'CWE-201'],
  presets: ['recommended', 'strict'],
  why: 'The vendor becomes a processor (or a cross-border recipient) of the data, which needs a contract, a disclosure and often consent.',
  fix: 'Send an opaque id, a keyed hash or a masked value; redact transcripts before they reach an AI model.',
};
