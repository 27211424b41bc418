import { createPiiguardRule } from '../create-rule.js';

/** `piiguard/no-plaintext-pii-storage`: see rules/no-plaintext-pii-storage.md. */
export default createPiiguardRule('no-plaintext-pii-storage');
