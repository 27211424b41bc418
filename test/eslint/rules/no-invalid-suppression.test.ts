import rule from '../../../src/eslint/rules/no-invalid-suppression.js';
import { lines, typedTester, untypedTester } from '../testers.js';

const noReason = lines('export function notify(phoneNumber: string) {', '  // piiguard-ignore-next-line no-pii-in-logs', "  console.log('sending to', phoneNumber);", '}');

const unused = lines(
  'export function notify(callSid: string) {',
  '  // piiguard-ignore-next-line no-pii-in-logs -- call SIDs are not personal data',
  "  console.log('call', callSid);",
  '}',
);

const unknownRule = lines(
  'export function notify(phoneNumber: string) {',
  '  // piiguard-ignore-next-line no-pii-in-logz -- typo in the rule id',
  "  console.log('sending to', phoneNumber);",
  '}',
);

const expired = lines(
  'export function notify(phoneNumber: string) {',
  '  // piiguard-ignore-next-line no-pii-in-logs -- masked by the gateway (until 2020-01-31)',
  "  console.log('sending to', phoneNumber);",
  '}',
);

const valid = [
  // Whether a suppression is used is judged only for rules that run, as in the CLI: RuleTester runs
  // this rule alone. (With no-pii-in-logs on, this comment is reported: see plugin.test.ts.)
  unused,
  lines(
    'export function notify(phoneNumber: string) {',
    '  // piiguard-ignore-next-line no-pii-in-logs -- masked by the gateway (until 2099-12-31)',
    "  console.log('sending to', phoneNumber);",
    '}',
  ),
  lines(
    'export function notify(phoneNumber: string) {',
    "  console.log('sending to', phoneNumber); // piiguard-ignore-line piiguard/no-pii-in-logs -- masked by the gateway",
    '}',
  ),
  // no suppression comment at all
  lines('export function notify(callSid: string) {', "  console.log('call', callSid);", '}'),
];

const removeComment = (code: string) => code.replace(/^ *\/\/ piiguard-ignore-next-line[^\n]*\n/m, '');

const invalid = [
  { code: noReason, errors: [{ messageId: 'finding' as const, line: 2, column: 3, endLine: 2, endColumn: 46 }] },
  { code: unknownRule, errors: [{ messageId: 'finding' as const, line: 2, column: 3 }] },
  {
    code: expired,
    errors: [{ messageId: 'finding' as const, line: 2, column: 3, suggestions: [{ messageId: 'removeSuppression' as const, output: removeComment(expired) }] }],
  },
];

typedTester.run('no-invalid-suppression (typed)', rule, { valid, invalid });
untypedTester.run('no-invalid-suppression (syntactic)', rule, { valid, invalid });
