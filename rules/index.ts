import { noHardcodedPii } from './no-hardcoded-pii.js';
import { noInvalidSuppression } from './no-invalid-suppression.js';
import { noPiiInUrl } from './no-pii-in-url.js';
import { noPiiToThirdParty } from './no-pii-to-third-party.js';
import { noReversiblePiiHash } from './no-reversible-pii-hash.js';
import { noPiiInLogs } from './no-pii-in-logs.js';
import { noPlaintextPiiStorage } from './no-plaintext-pii-storage.js';
import { noPlaintextTransport } from './no-plaintext-transport.js';
import { requireConsentCheck } from './require-consent-check.js';
import type { RuleId, RuleMeta } from './types.js';

export const RULES: Readonly<Record<RuleId, RuleMeta>> = {
  'no-pii-in-logs': noPiiInLogs,
  'no-plaintext-pii-storage': noPlaintextPiiStorage,
  'require-consent-check': requireConsentCheck,
  'no-plaintext-transport': noPlaintextTransport,
  'no-hardcoded-pii': noHardcodedPii,
  'no-reversible-pii-hash': noReversiblePiiHash,
  'no-pii-in-url': noPiiInUrl,
  'no-pii-to-third-party': noPiiToThirdParty,
  'no-invalid-suppression': noInvalidSuppression,
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export const DOCS_BASE_URL = 'https://github.com/piiguard/piiguard/blob/main/rules/';

export function docsUrl(id: RuleId): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

export * from './types.js';
