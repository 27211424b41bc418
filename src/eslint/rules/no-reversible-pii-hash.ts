import { createPiiguardRule } from '../create-rule.js';

/** `piiguard/no-reversible-pii-hash`: see rules/no-reversible-pii-hash.md. */
export default createPiiguardRule('no-reversible-pii-hash');
