import { createPiiguardRule } from '../create-rule.js';

/** `piiguard/no-hardcoded-pii`: see rules/no-hardcoded-pii.md. */
export default createPiiguardRule('no-hardcoded-pii');
