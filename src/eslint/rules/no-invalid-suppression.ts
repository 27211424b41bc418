import { createPiiguardRule } from '../create-rule.js';

/** `piiguard/no-invalid-suppression`: see rules/no-invalid-suppression.md. */
export default createPiiguardRule('no-invalid-suppression');
