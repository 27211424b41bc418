import rule from '../../../src/eslint/rules/no-plaintext-pii-storage.js';
import { lines, suppressSuggestion, typedTester, untypedTester } from '../testers.js';

const ID = 'no-plaintext-pii-storage';

const prismaCreate = lines(
  "import { PrismaClient } from '@prisma/client';",
  'const prisma = new PrismaClient();',
  'export async function saveLead(name: string, phone: string) {',
  '  await prisma.lead.create({ data: { name, phone: phone } });',
  '}',
);

const redisSet = lines(
  "import Redis from 'ioredis';",
  'const redis = new Redis();',
  'export async function remember(callSid: string, callerNumber: string) {',
  '  await redis.set(`call:${callSid}`, callerNumber);',
  '}',
);

/** The number comes from req.body.From inside customer.ts: typed mode only. */
const crossFileFlow = lines(
  "import Redis from 'ioredis';",
  "import { callerNumber } from './customer';",
  'const redis = new Redis();',
  'export async function onVoice(req: { body: { From: string; CallSid: string } }) {',
  '  await redis.set(`call:${req.body.CallSid}`, callerNumber(req));',
  '}',
);

const safeLookAlikes = [
  // encrypted before the write; email is not a kind this rule covers
  lines(
    "import { PrismaClient } from '@prisma/client';",
    "import { encrypt } from '@acme/crypto';",
    'const prisma = new PrismaClient();',
    'export async function saveLead(name: string, phone: string, email: string) {',
    '  await prisma.lead.create({ data: { name, phone: encrypt(phone), email } });',
    '}',
  ),
  // tokenized
  lines(
    "import Redis from 'ioredis';",
    "import { vault } from '@acme/vault';",
    'const redis = new Redis();',
    'export async function remember(callSid: string, callerNumber: string) {',
    '  await redis.set(`call:${callSid}`, await vault.tokenize(callerNumber));',
    '}',
  ),
  // suppressed with a reason
  lines(
    "import { PrismaClient } from '@prisma/client';",
    'const prisma = new PrismaClient();',
    'export async function saveLead(name: string, phone: string) {',
    '  // piiguard-ignore-next-line no-plaintext-pii-storage -- column encrypted by the database (TDE), see SEC-7',
    '  await prisma.lead.create({ data: { name, phone: phone } });',
    '}',
  ),
];

const prismaError = {
  messageId: 'finding' as const,
  line: 4,
  column: 44,
  endLine: 4,
  endColumn: 56,
  suggestions: [
    { messageId: 'wrapEncrypt' as const, data: { fn: 'encrypt' }, output: prismaCreate.replace('phone: phone }', 'phone: encrypt(phone) }') },
    suppressSuggestion(prismaCreate, 4, ID),
  ],
};

const redisError = {
  messageId: 'finding' as const,
  line: 4,
  column: 38,
  endLine: 4,
  endColumn: 50,
  suggestions: [
    { messageId: 'wrapEncrypt' as const, data: { fn: 'encrypt' }, output: redisSet.replace('`, callerNumber)', '`, encrypt(callerNumber))') },
    suppressSuggestion(redisSet, 4, ID),
  ],
};

typedTester.run(`${ID} (typed)`, rule, {
  valid: safeLookAlikes,
  invalid: [
    { code: prismaCreate, errors: [prismaError] },
    { code: redisSet, errors: [redisError] },
    {
      code: crossFileFlow,
      errors: [
        {
          messageId: 'finding',
          line: 5,
          column: 47,
          suggestions: [
            { messageId: 'wrapEncrypt', data: { fn: 'encrypt' }, output: crossFileFlow.replace('callerNumber(req))', 'encrypt(callerNumber(req)))') },
            suppressSuggestion(crossFileFlow, 5, ID),
          ],
        },
      ],
    },
  ],
});

untypedTester.run(`${ID} (syntactic)`, rule, {
  valid: [...safeLookAlikes, crossFileFlow],
  invalid: [
    { code: prismaCreate, errors: [prismaError] },
    { code: redisSet, errors: [redisError] },
  ],
});
