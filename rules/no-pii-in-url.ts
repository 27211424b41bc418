import type { RuleMeta } from './types.js';

export const noPiiInUrl: RuleMeta = {
  id: 'no-pii-in-url',
  description: 'Disallow PII in URL paths and query strings',
  severity: 'warning',
  securitySeverity: 5.5,
  precision: 'high',
  piiKinds: ['phone', 'national-id', 'email', 'payment-card', 'caller-name'],
  regulations: ['GDPR Art. 5(1)(f)', 'GDPR Art. 32', 'PIPL Art. 51', 'PCI DSS 4.0 req. 4'],
  cwe: ['CWE-598', 'CWE-359'],
  presets: ['recommended', 'strict'],
  why: 'URLs land in access logs, proxies, CDN logs, browser history and Referer headers, outside any masking.',
  fix: 'Send the value in a POST body or a header, or put an opaque id or token in the URL instead.',
};
