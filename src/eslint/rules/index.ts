import type { RuleId } from '../../../rules/types.js';
import type { PiiguardRule } from '../create-rule.js';
import noHardcodedPii from './no-hardcoded-pii.js';
import noInvalidSuppression from './no-invalid-suppression.js';
import noPiiInLogs from './no-pii-in-logs.js';
import noPiiInUrl from './no-pii-in-url.js';
import noPiiToThirdParty from './no-pii-to-third-party.js';
import noPlaintextPiiStorage from './no-plaintext-pii-storage.js';
import noPlaintextTransport from './no-plaintext-transport.js';
import noReversiblePiiHash from './no-reversible-pii-hash.js';
import requireConsentCheck from './require-consent-check.js';

/** One ESLint rule per engine rule, under the same id (the type keeps the two lists equal). */
export const rules: Readonly<Record<RuleId, PiiguardRule>> = {
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
