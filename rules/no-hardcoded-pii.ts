import type { RuleMeta } from './types.js';

export const noHardcodedPii: RuleMeta = {
  id: 'no-hardcoded-pii',
  description: 'Disallow real-looking phone numbers, national IDs, SSNs and card numbers as literals in source',
  severity: 'warning',
  securitySeverity: 5.0,
  precision: 'high',
  piiKinds: ['phone', 'national-id', 'payment-card'],
  regulations: ['GDPR Art. 5(1)(c)', 'GDPR Art. 32', 'PIPL Art. 51', 'PCI DSS 4.0 req. 3', '152-FZ Art. 19'],
  cwe: ['CWE-798', 'CWE-359'],
  presets: ['recommended', 'strict'],
  why: 'Source code is copied to every laptop, CI runner and code host, and stays in git history after the line is deleted.',
  fix: 'Use a fictional number (NANP 555-0100…0199) or a documented test number, or load the value from configuration.',
};
