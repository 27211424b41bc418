import type { RuleMeta } from './types.js';

export const noPlaintextPiiStorage: RuleMeta = {
  id: 'no-plaintext-pii-storage',
  description: 'Require phone numbers, national IDs, card numbers and recordings to be encrypted or tokenized before they are stored',
  severity: 'error',
  securitySeverity: 7.5,
  precision: 'high',
  piiKinds: ['phone', 'national-id', 'payment-card', 'call-recording'],
  regulations: ['GDPR Art. 25', 'GDPR Art. 32', 'PIPL Art. 51', 'CCPA 1798.150', 'PCI DSS 4.0 req. 3', 'HIPAA 164.312(a)(2)(iv)', '152-FZ Art. 19'],
  cwe: ['CWE-312', 'CWE-311'],
  presets: ['recommended', 'strict'],
  why: 'A leaked database, cache, export or bucket then exposes every number in clear text (GDPR Art. 32, PIPL Art. 51, PCI DSS req. 3).',
  fix: 'Encrypt or tokenize the value before writing it (field-level encryption, an encrypting column transformer, KMS), or store a keyed HMAC when you only need lookups.',
};
