import type { RuleMeta } from './types.js';

export const noReversiblePiiHash: RuleMeta = {
  id: 'no-reversible-pii-hash',
  description: 'Disallow pseudonymising phone numbers and IDs with an unkeyed hash',
  severity: 'warning',
  securitySeverity: 6.0,
  precision: 'high',
  piiKinds: ['phone', 'national-id', 'payment-card', 'email'],
  regulations: ['GDPR Art. 4(5)', 'GDPR Art. 32', 'PIPL Art. 51', 'PCI DSS 4.0 req. 3'],
  cwe: ['CWE-328', 'CWE-916'],
  presets: ['recommended', 'strict'],
  why: 'The phone-number space is small (about 10^10 per country): every unkeyed hash can be reversed by hashing all numbers, so it is not pseudonymisation.',
  fix: 'Use a keyed HMAC with a secret from your KMS (createHmac), tokenization, or encryption.',
};
