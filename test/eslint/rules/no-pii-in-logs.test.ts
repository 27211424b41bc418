import rule from '../../../src/eslint/rules/no-pii-in-logs.js';
import { asEslintRule, espreeTester, JS_FILE, lines, suppressSuggestion, typedTester, untypedTester } from '../testers.js';

const ID = 'no-pii-in-logs';

const namedPhone = lines(
  'export function notify(phoneNumber: string) {',
  "  console.log('sending to', phoneNumber);",
  '}',
);

const twilioWebhook = lines(
  "import express from 'express';",
  'const app = express();',
  "app.post('/voice/inbound', (req, res) => {",
  '  const caller = req.body.From;',
  '  console.log(`inbound call from ${caller}`);',
  '  res.sendStatus(204);',
  '});',
);

/** Needs the type of `Customer`, declared in customer.ts: typed mode only. */
const customerType = lines(
  "import type { Customer } from './customer';",
  'export function audit(c: Customer) {',
  "  console.log('customer', c);",
  '}',
);

/** The phone number comes from req.body.From inside customer.ts: a flow across files, typed mode only. */
const crossFileFlow = lines(
  "import { callerNumber } from './customer';",
  'export function onVoice(req: { body: { From: string } }) {',
  '  const caller = callerNumber(req);',
  "  console.info('inbound call from', caller);",
  '}',
);

const customSink = lines(
  "import { audit } from '@acme/audit';",
  'export function notify(phoneNumber: string) {',
  "  audit.write('sending to', phoneNumber);",
  '}',
);
const auditSink = { id: 'acme-audit', describe: 'the Acme audit log', calls: [{ root: { module: '@acme/audit' }, path: 'audit.write' }] };

const safeLookAlikes = [
  // masked
  lines(
    'declare function maskPhone(value: string): string;',
    'export function notify(phoneNumber: string, isPhoneVerified: boolean) {',
    "  console.log('sending to', maskPhone(phoneNumber), isPhoneVerified);",
    '}',
  ),
  // not PII: the last word decides
  lines('export function report(phoneModel: string, callSid: string, agentId: string) {', "  console.log('call', callSid, agentId, phoneModel);", '}'),
  // suppressed with a reason, the same comments as in the CLI
  lines(
    'export function notify(phoneNumber: string) {',
    '  // piiguard-ignore-next-line no-pii-in-logs -- masked by the log shipper (SEC-42)',
    "  console.log('sending to', phoneNumber);",
    '}',
  ),
  lines(
    'export function notify(phoneNumber: string) {',
    "  console.log('sending to', phoneNumber); // piiguard-ignore-line piiguard/no-pii-in-logs -- masked by the log shipper",
    '}',
  ),
  lines('/* piiguard-ignore-file no-pii-in-logs -- local debugging harness, never deployed */', namedPhone),
];

const namedPhoneError = {
  messageId: 'finding' as const,
  line: 2,
  column: 29,
  endLine: 2,
  endColumn: 40,
  suggestions: [
    { messageId: 'wrapMask' as const, data: { fn: 'maskPhone' }, output: namedPhone.replace("'sending to', phoneNumber", "'sending to', maskPhone(phoneNumber)") },
    suppressSuggestion(namedPhone, 2, ID),
  ],
};

const webhookError = {
  messageId: 'finding' as const,
  line: 5,
  column: 15,
  endLine: 5,
  endColumn: 44,
  suggestions: [
    { messageId: 'wrapMask' as const, data: { fn: 'maskPhone' }, output: twilioWebhook.replace('console.log(`inbound call from ${caller}`)', 'console.log(maskPhone(`inbound call from ${caller}`))') },
    suppressSuggestion(twilioWebhook, 5, ID),
  ],
};

const customSinkError = {
  messageId: 'finding' as const,
  line: 3,
  column: 29,
  suggestions: [
    { messageId: 'wrapMask' as const, data: { fn: 'maskPhone' }, output: customSink.replace("'sending to', phoneNumber", "'sending to', maskPhone(phoneNumber)") },
    suppressSuggestion(customSink, 3, ID),
  ],
};

typedTester.run(`${ID} (typed)`, rule, {
  valid: [
    ...safeLookAlikes,
    // the custom sink is unknown without configuration
    customSink,
  ],
  invalid: [
    { code: namedPhone, errors: [namedPhoneError] },
    { code: twilioWebhook, errors: [webhookError] },
    {
      code: customerType,
      errors: [{ messageId: 'finding', line: 3, column: 27, endLine: 3, endColumn: 28, suggestions: [suppressSuggestion(customerType, 3, ID)] }],
    },
    {
      code: crossFileFlow,
      errors: [
        {
          messageId: 'finding',
          line: 4,
          column: 37,
          suggestions: [
            { messageId: 'wrapMask', data: { fn: 'maskPhone' }, output: crossFileFlow.replace("'inbound call from', caller", "'inbound call from', maskPhone(caller)") },
            suppressSuggestion(crossFileFlow, 4, ID),
          ],
        },
      ],
    },
    { code: customSink, settings: { piiguard: { sinks: { log: [auditSink] } } }, errors: [customSinkError] },
    { code: customSink, options: [{ sinks: { log: [auditSink] } }], errors: [customSinkError] },
  ],
});

untypedTester.run(`${ID} (syntactic)`, rule, {
  valid: [
    ...safeLookAlikes,
    // what only type information and other files reveal is out of reach without a program
    customerType,
    crossFileFlow,
  ],
  invalid: [
    { code: namedPhone, errors: [namedPhoneError] },
    { code: twilioWebhook, errors: [webhookError] },
    { code: customSink, settings: { piiguard: { sinks: { log: [auditSink] } } }, errors: [customSinkError] },
  ],
});

const jsWebhook = lines(
  "const express = require('express');",
  'const app = express();',
  "app.post('/voice/status', (req, res) => {",
  '  const { From: caller, CallStatus } = req.body;',
  "  console.log('status', CallStatus, caller);",
  '  res.end();',
  '});',
);

espreeTester.run(`${ID} (plain JS, espree)`, asEslintRule(rule), {
  valid: [{ code: lines('function report(callSid) {', "  console.log('call', callSid);", '}'), filename: JS_FILE }],
  invalid: [
    {
      code: jsWebhook,
      filename: JS_FILE,
      errors: [
        {
          messageId: 'finding',
          line: 5,
          column: 37,
          suggestions: [
            { messageId: 'wrapMask', data: { fn: 'maskPhone' }, output: jsWebhook.replace('CallStatus, caller)', 'CallStatus, maskPhone(caller))') },
            suppressSuggestion(jsWebhook, 5, ID),
          ],
        },
      ],
    },
  ],
});
