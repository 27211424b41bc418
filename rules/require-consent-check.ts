import type { RuleMeta } from './types.js';

export const requireConsentCheck: RuleMeta = {
  id: 'require-consent-check',
  description: 'Require a consent / do-not-call check on every path to an outbound call or SMS',
  severity: 'error',
  securitySeverity: 7.0,
  precision: 'high',
  piiKinds: ['phone'],
  regulations: ['TCPA 47 U.S.C. 227', 'FCC/FTC do-not-call rules (47 CFR 64.1200, 16 CFR 310.4)', 'GDPR Art. 6', 'PIPL Art. 13'],
  cwe: ['CWE-862'],
  presets: ['recommended', 'strict'],
  why: 'Dialling or texting a number without recorded consent, or one on a do-not-call list, is a per-call violation (TCPA: $500–$1,500 per call).',
  fix: 'Check consent and the do-not-call list for this number first, and return, skip or throw when it is not allowed.',
};
