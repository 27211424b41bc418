import rule from '../../../src/eslint/rules/require-consent-check.js';
import { lines, suppressSuggestion, typedTester, untypedTester } from '../testers.js';

const ID = 'require-consent-check';

const unguardedCall = lines(
  "import twilio from 'twilio';",
  'const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);',
  'export async function callLead(lead: { id: string; phone: string }) {',
  "  const call = await client.calls.create({ to: lead.phone, from: '+15555550100', url: 'https://dialer.acme-contact.com/twiml' });",
  '  return call.sid;',
  '}',
);

const customConsent = lines(
  "import twilio from 'twilio';",
  "import { registry } from '@acme/compliance';",
  'const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);',
  'export async function callLead(lead: { id: string; phone: string }) {',
  '  if (!(await registry.isReachable(lead.phone))) return undefined;',
  "  await client.calls.create({ to: lead.phone, from: '+15555550100', url: 'https://dialer.acme-contact.com/twiml' });",
  '}',
);

const safeLookAlikes = [
  // early return on a consent check of the same number
  lines(
    "import twilio from 'twilio';",
    "import { hasConsent } from '@acme/compliance';",
    'const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);',
    'export async function callLead(lead: { id: string; phone: string }) {',
    '  if (!(await hasConsent(lead.phone))) return undefined;',
    "  const call = await client.calls.create({ to: lead.phone, from: '+15555550100', url: 'https://dialer.acme-contact.com/twiml' });",
    '  return call.sid;',
    '}',
  ),
  // a filter over the list that is dialled
  lines(
    "import twilio from 'twilio';",
    'const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);',
    'export function remind(leads: { phone: string; smsOptIn: boolean }[]) {',
    "  leads.filter((l) => l.smsOptIn).forEach((l) => client.messages.create({ to: l.phone, from: '+15555550100', body: 'Your callback is at 3pm' }));",
    '}',
  ),
  { code: customConsent, settings: { piiguard: { consent: { functionNames: ['^isReachable$'] } } } },
  { code: customConsent, options: [{ consent: { functionNames: ['^isReachable$'] } }] },
];

const unguardedError = {
  messageId: 'finding' as const,
  line: 4,
  column: 22,
  endLine: 4,
  endColumn: 129,
  suggestions: [
    {
      messageId: 'insertConsentGuard' as const,
      output: unguardedCall.replace('  const call =', '  if (!(await hasConsent(lead.phone))) return;\n  const call ='),
    },
    suppressSuggestion(unguardedCall, 4, ID),
  ],
};

const customConsentError = {
  messageId: 'finding' as const,
  line: 6,
  column: 9,
  suggestions: [
    { messageId: 'insertConsentGuard' as const, output: customConsent.replace('  await client.calls', '  if (!(await hasConsent(lead.phone))) return;\n  await client.calls') },
    suppressSuggestion(customConsent, 6, ID),
  ],
};

typedTester.run(`${ID} (typed)`, rule, {
  valid: safeLookAlikes,
  invalid: [
    { code: unguardedCall, errors: [unguardedError] },
    // without configuration, isReachable is not known as a consent check
    { code: customConsent, errors: [customConsentError] },
  ],
});

untypedTester.run(`${ID} (syntactic)`, rule, {
  valid: safeLookAlikes,
  invalid: [
    { code: unguardedCall, errors: [unguardedError] },
    { code: customConsent, errors: [customConsentError] },
  ],
});
