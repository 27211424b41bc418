import type { RuleMeta } from './types.js';

export const noInvalidSuppression: RuleMeta = {
  id: 'no-invalid-suppression',
  description: 'Require every piiguard suppression comment to give a reason, name a rule, still be in date and still suppress something',
  severity: 'warning',
  securitySeverity: 3.0,
  precision: 'very-high',
  piiKinds: [],
  regulations: ['GDPR Art. 5(2)'],
  cwe: [],
  presets: ['recommended', 'strict'],
  why: 'Auditors accept an exception only with a recorded reason and review date; stale suppressions hide new problems.',
  fix: 'Write `// piiguard-ignore-next-line <rule> -- <reason> (until YYYY-MM-DD)`, renew it, or delete it.',
};
