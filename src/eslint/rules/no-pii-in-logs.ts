import { createPiiguardRule } from '../create-rule.js';

/** `piiguard/no-pii-in-logs`: see rules/no-pii-in-logs.md. */
export default createPiiguardRule('no-pii-in-logs');
