/**
 * The privacy rules beyond the mission (in configs.recommended at "warn", and in configs.strict): the same
 * adapter, so the same checks — message id, location, the suppress suggestion — typed and syntactic.
 */
import noHardcodedPii from '../../../src/eslint/rules/no-hardcoded-pii.js';
import noPiiInUrl from '../../../src/eslint/rules/no-pii-in-url.js';
import noPiiToThirdParty from '../../../src/eslint/rules/no-pii-to-third-party.js';
import noReversiblePiiHash from '../../../src/eslint/rules/no-reversible-pii-hash.js';
import { lines, suppressSuggestion, typedTester, untypedTester } from '../testers.js';

const outbound = lines(
  "import { createHash, createHmac } from 'node:crypto';",
  "import { Analytics } from '@segment/analytics-node';",
  "const analytics = new Analytics({ writeKey: process.env.SEGMENT_KEY ?? '' });",
  'export async function track(leadId: string, phoneNumber: string) {',
  "  const phoneDigest = createHash('sha256').update(phoneNumber).digest('hex');",
  '  await fetch(`https://api.acme-contact.com/lookup?phone=${phoneNumber}`);',
  "  analytics.track({ userId: leadId, event: 'Lead Called', properties: { phone: phoneNumber } });",
  '  return phoneDigest;',
  '}',
);

const safeOutbound = lines(
  "import { createHmac } from 'node:crypto';",
  "import { Analytics } from '@segment/analytics-node';",
  "const analytics = new Analytics({ writeKey: process.env.SEGMENT_KEY ?? '' });",
  'export async function track(leadId: string, phoneNumber: string) {',
  "  const phoneKey = createHmac('sha256', process.env.LOOKUP_KEY ?? '').update(phoneNumber).digest('hex');",
  "  await fetch('https://api.acme-contact.com/lookup', { method: 'POST', body: JSON.stringify({ phone: phoneNumber }) });",
  "  analytics.track({ userId: leadId, event: 'Lead Called' });",
  '  return phoneKey;',
  '}',
);

const cardLiteral = lines("export const DECLINED_CARD = '4716 2839 1045 5574';");

for (const [mode, tester] of [
  ['typed', typedTester],
  ['syntactic', untypedTester],
] as const) {
  tester.run(`no-reversible-pii-hash (${mode})`, noReversiblePiiHash, {
    valid: [safeOutbound],
    invalid: [{ code: outbound, errors: [{ messageId: 'finding', line: 5, column: 51, endColumn: 62, suggestions: [suppressSuggestion(outbound, 5, 'no-reversible-pii-hash')] }] }],
  });

  tester.run(`no-pii-in-url (${mode})`, noPiiInUrl, {
    valid: [safeOutbound],
    invalid: [{ code: outbound, errors: [{ messageId: 'finding', line: 6, column: 15, endColumn: 73, suggestions: [suppressSuggestion(outbound, 6, 'no-pii-in-url')] }] }],
  });

  tester.run(`no-pii-to-third-party (${mode})`, noPiiToThirdParty, {
    valid: [safeOutbound],
    invalid: [{ code: outbound, errors: [{ messageId: 'finding', line: 7, column: 73, endColumn: 91, suggestions: [suppressSuggestion(outbound, 7, 'no-pii-to-third-party')] }] }],
  });

  tester.run(`no-hardcoded-pii (${mode})`, noHardcodedPii, {
    valid: [
      // reserved fictional number
      lines("export const SUPPORT_LINE = '+1 555-555-0123';"),
      lines("// piiguard-ignore-next-line no-hardcoded-pii -- the processor's documented decline test card", "export const DECLINED_CARD = '4716 2839 1045 5574';"),
    ],
    invalid: [{ code: cardLiteral, errors: [{ messageId: 'finding', line: 1, column: 30, endColumn: 51, suggestions: [suppressSuggestion(cardLiteral, 1, 'no-hardcoded-pii')] }] }],
  });
}
