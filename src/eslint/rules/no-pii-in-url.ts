import { createPiiguardRule } from '../create-rule.js';

/** `piiguard/no-pii-in-url`: see rules/no-pii-in-url.md. */
export default createPiiguardRule('no-pii-in-url');
