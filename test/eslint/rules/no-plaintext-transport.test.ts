import rule from '../../../src/eslint/rules/no-plaintext-transport.js';
import { asEslintRule, espreeTester, JS_FILE, lines, suppressSuggestion, typedTester, untypedTester } from '../testers.js';

const ID = 'no-plaintext-transport';

const httpFetch = lines(
  'export async function pushLead(lead: { id: string }) {',
  "  await fetch('http://crm.acme-telecom.com/api/leads', { method: 'POST', body: JSON.stringify(lead) });",
  '}',
);

const sipUri = lines("export const trunk = { uri: 'sip:dialer@pbx.acme-telecom.com', transport: 'tls' };");

const tlsOff = lines("import https from 'node:https';", 'export const agent = new https.Agent({ rejectUnauthorized: false });');

const clusterHost = lines('export async function pushLead() {', "  await fetch('http://crm.svc.cluster.local/api/leads');", '}');

const safeLookAlikes = [
  lines('export async function health() {', "  await fetch('http://localhost:8080/health');", "  await fetch('https://crm.acme-telecom.com/api/health');", '}'),
  lines("export const trunk = { uri: 'sips:dialer@pbx.acme-telecom.com', transport: 'tls' };"),
  lines("import https from 'node:https';", 'export const agent = new https.Agent({ rejectUnauthorized: true, minVersion: "TLSv1.2" });'),
  { code: clusterHost, settings: { piiguard: { transport: { safeHosts: ['*.svc.cluster.local'] } } } },
  { code: clusterHost, options: [{ transport: { safeHosts: ['*.svc.cluster.local'] } }] },
];

const invalid = [
  // Safe autofixes: the same URL over TLS.
  {
    code: httpFetch,
    output: httpFetch.replace("'http://", "'https://"),
    errors: [{ messageId: 'finding' as const, line: 2, column: 15, endLine: 2, endColumn: 54, suggestions: [suppressSuggestion(httpFetch, 2, ID)] }],
  },
  {
    code: sipUri,
    output: sipUri.replace("'sip:", "'sips:"),
    errors: [{ messageId: 'finding' as const, line: 1, column: 29, endLine: 1, endColumn: 62, suggestions: [suppressSuggestion(sipUri, 1, ID)] }],
  },
  // No safe autofix: turning verification on may break a connection that relies on it being off.
  {
    code: tlsOff,
    output: null,
    errors: [{ messageId: 'finding' as const, line: 2, column: 60, endLine: 2, endColumn: 65, suggestions: [suppressSuggestion(tlsOff, 2, ID)] }],
  },
  {
    code: clusterHost,
    output: clusterHost.replace("'http://", "'https://"),
    errors: [{ messageId: 'finding' as const, line: 2, suggestions: [suppressSuggestion(clusterHost, 2, ID)] }],
  },
];

typedTester.run(`${ID} (typed)`, rule, { valid: safeLookAlikes, invalid });
untypedTester.run(`${ID} (syntactic)`, rule, { valid: safeLookAlikes, invalid });

const jsFetch = lines('export async function pushLead(lead) {', "  await fetch('http://crm.acme-telecom.com/api/leads', { method: 'POST', body: JSON.stringify(lead) });", '}');

espreeTester.run(`${ID} (plain JS, espree)`, asEslintRule(rule), {
  valid: [
    { code: lines("fetch('https://crm.acme-telecom.com/api/leads');"), filename: JS_FILE },
    // ESLint 9 validates the options against the derived schema ($refs into the config schema's definitions)
    { code: lines("fetch('http://crm.svc.cluster.local/api/leads');"), filename: JS_FILE, options: [{ transport: { safeHosts: ['*.svc.cluster.local'] } }] },
  ],
  invalid: [
    {
      code: jsFetch,
      filename: JS_FILE,
      output: jsFetch.replace("'http://", "'https://"),
      errors: [{ messageId: 'finding', line: 2, column: 15, suggestions: [suppressSuggestion(jsFetch, 2, ID)] }],
    },
  ],
});
