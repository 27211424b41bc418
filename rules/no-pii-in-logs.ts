import type { RuleMeta } from './types.js';

export const noPiiInLogs: RuleMeta = {
  id: 'no-pii-in-logs',
  description: 'Disallow phone numbers, IDs and other PII in logs and error messages unless masked',
  severity: 'error',
  securitySeverity: 6.5,
  precision: 'high',
  piiKinds: ['phone', 'national-id', 'email', 'payment-card', 'call-recording', 'caller-name'],
  regulations: ['GDPR Art. 5(1)(f)', 'GDPR Art. 32', 'PIPL Art. 51', 'CCPA 1798.150', 'PCI DSS 4.0 req. 3', 'PCI DSS 4.0 req. 10', '152-FZ Art. 19'],
  cwe: ['CWE-532', 'CWE-359'],
  presets: ['recommended', 'strict'],
  why: 'Logs are kept for months, shipped to third-party log stores and read by many people (GDPR Art. 32, PIPL Art. 51).',
  fix: 'Mask it (e.g. maskPhone()) or log a non-identifying reference such as the call SID instead.',
};
