import { createPiiguardRule } from '../create-rule.js';

/** `piiguard/require-consent-check`: see rules/require-consent-check.md. */
export default createPiiguardRule('require-consent-check');
