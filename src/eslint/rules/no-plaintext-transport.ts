import { createPiiguardRule } from '../create-rule.js';

/** `piiguard/no-plaintext-transport`: see rules/no-plaintext-transport.md. */
export default createPiiguardRule('no-plaintext-transport');
