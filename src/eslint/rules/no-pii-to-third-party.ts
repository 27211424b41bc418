import { createPiiguardRule } from '../create-rule.js';

/** `piiguard/no-pii-to-third-party`: see rules/no-pii-to-third-party.md. */
export default createPiiguardRule('no-pii-to-third-party');
