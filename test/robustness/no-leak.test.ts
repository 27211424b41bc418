/**
 * piiguard never prints, logs or writes a raw phone number or ID it found (SPEC §6). A fixture
 * puts real-looking numbers and IDs everywhere a report can quote: on finding lines (code frames),
 * in template strings, object literals, storage writes, dial calls, URLs, thrown errors,
 * suppression reasons, a syntax error and a configuration error. Every surface
 * (helpers/surfaces.ts: scan, inventory and explain in every format, ESLint, the language server,
 * and the engine's own messages) runs over it, and the reports over the example project; no
 * output may contain one of the fixtures' numbers, however it is formatted.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS, defaultToolInfo, formatResult } from '../../src/cli/formatters/index.js';
import { INVENTORY_FORMATS, buildInventoryReport, formatInventory } from '../../src/cli/formatters/inventory/index.js';
import { type InventoryResult, collectInventory } from '../../src/scan/inventory.js';
import type { ScanResult } from '../../src/scan/scan.js';
import { tempDir, writeTree } from '../cli/helpers.js';
import { loadFixtures } from './helpers/mutations.js';
import { REPO_ROOT, assertBuilt, runBuiltCli, scanRepo } from './helpers/run.js';
import { CLI_SURFACES, ESLINT_SURFACES, type Surface, languageServerSurface } from './helpers/surfaces.js';

/** The fixture's values, as written in it, and the digits that must never appear together in an output. */
const VALUES = {
  'US phone': { written: '+1 415 867 5309', digits: '4158675309' },
  'US phone, national format': { written: '(415) 867-5309', digits: '4158675309' },
  'E.164 phone': { written: '+14158675309', digits: '4158675309' },
  'CN mobile': { written: '13812345678', digits: '13812345678' },
  'RU mobile': { written: '+7 912 345-67-89', digits: '9123456789' },
  'UK mobile': { written: '+44 7911 123456', digits: '7911123456' },
  'AU mobile': { written: '0412 345 678', digits: '412345678' },
  'US SSN': { written: '536-22-8726', digits: '536228726' },
  'CN resident ID': { written: '11010519491231002X', digits: '11010519491231002' },
  'payment card': { written: '4539 1488 0343 6467', digits: '4539148803436467' },
} as const;

const v = (name: keyof typeof VALUES) => VALUES[name].written;

const LEAKY_SOURCE = `import twilio from 'twilio';
import { PrismaClient } from '@prisma/client';
import pino from 'pino';

const prisma = new PrismaClient();
const logger = pino();
const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

export async function inbound(req: any) {
  const caller: string = req.body.From;
  console.log('call from ${v('US phone')} and', caller);
  console.log(\`callback ${v('CN mobile')} for \${caller}\`);
  logger.info({ ssn: '${v('US SSN')}', phone: caller, backup: '${v('US phone, national format')}' });
  // piiguard-ignore-next-line no-pii-in-logs -- customer ${v('E.164 phone')} asked us to keep it (until 2099-01-01)
  console.log('suppressed', caller);
  await prisma.lead.create({ data: { phone: '${v('UK mobile')}', idCard: '${v('CN resident ID')}', card: '${v('payment card')}', raw: caller } });
  await client.calls.create({ to: '${v('RU mobile')}', from: '${v('E.164 phone')}', url: 'http://calls.acme-contact.com/twiml?caller=${v('E.164 phone')}' });
  await fetch('http://crm.acme-contact.com/lookup/${v('AU mobile')}');
  throw new Error(\`cannot reach ${v('AU mobile')} or \${caller}\`);
}
`;

/** An octal literal: TypeScript's syntax error quotes it back ("Use the syntax '0o4158675309'"). */
const BROKEN_SOURCE = `export const extension = 04158675309;\nexport const spare = 0o7;\nconst = ;\n`;

function leakFixture(): Record<string, string> {
  return {
    'src/leaky.ts': LEAKY_SOURCE,
    'src/broken.ts': BROKEN_SOURCE,
    'piiguard.config.json': JSON.stringify({ failOn: 'error' }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext' }, include: ['src'] }),
  };
}

/** Runs of digits with the separators phone numbers are written with, as bare digits. */
function digitRuns(text: string): string[] {
  return [...text.matchAll(/\d(?:[ \-.()/]{0,3}\d)*/g)].map((m) => m[0].replace(/\D/g, '')).filter((digits) => digits.length >= 7);
}

/** The fixture values found in `texts`: none may be. */
function leaksIn(texts: readonly string[], values: readonly { name: string; digits: string }[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const run of digitRuns(text)) {
      for (const value of values) if (run.includes(value.digits)) found.add(`${value.name} (…${value.digits.slice(-2)})`);
    }
  }
  return [...found];
}

const CURATED = Object.entries(VALUES).map(([name, value]) => ({ name, digits: value.digits }));

describe('the leak detector', () => {
  it('finds the values however they are written, and not their masked forms', () => {
    expect(leaksIn([LEAKY_SOURCE], CURATED).length).toBe(CURATED.length);
    expect(leaksIn(['+1••••••••09 and 11••••••••••••••2X and ••••••••••••6467, durationMs 12345678'], CURATED)).toEqual([]);
  });
});

describe('no output contains a raw phone number or ID from the fixture', () => {
  it('engine messages and notices (scan() in-process)', async () => {
    const root = tempDir('piiguard-leak-');
    writeTree(root, leakFixture());
    const result: ScanResult = await scanRepo(root);
    expect(result.findings.length).toBeGreaterThan(3);
    const texts = [
      ...result.findings.flatMap((f) => [f.message, f.summary, ...f.flow.map((step) => step.message), f.source?.description ?? '']),
      ...result.notices.map((n) => n.message),
    ];
    expect(leaksIn(texts, CURATED)).toEqual([]);
  });

  const surfaces: Surface[] = [...CLI_SURFACES.filter((s) => !s.git), ...ESLINT_SURFACES, languageServerSurface(leakFixture())];
  for (const surface of surfaces) {
    it(surface.name, async () => {
      assertBuilt();
      const root = tempDir('piiguard-leak-');
      writeTree(root, leakFixture());
      const output = await surface.run(root, { file: 'src/leaky.ts', line: 11 });
      expect(output.findings).toBeGreaterThan(0);
      expect(leaksIn(output.texts, CURATED)).toEqual([]);
    }, 120_000);
  }

  it.each([
    ['scan', ['scan']],
    ['inventory', ['inventory']],
    ['explain', ['explain', 'src/a.ts:1']],
  ])('a configuration error quoting values (piiguard %s, exit 2)', async (_command, argv) => {
    assertBuilt();
    const root = tempDir('piiguard-leak-');
    writeTree(root, { 'src/a.ts': '', 'piiguard.config.json': JSON.stringify({ failOn: v('E.164 phone'), exclude: [v('US SSN')], rules: { [v('CN mobile')]: 'error' } }) });
    const run = await runBuiltCli(root, argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('piiguard.config.json');
    expect(leaksIn([run.stdout, run.stderr], CURATED)).toEqual([]);
  });
});

describe('no output contains a number or ID from the example project', () => {
  /**
   * Every run of 9+ digits in the example project's sources (its numbers are reserved fictional
   * ones, which piiguard need not mask; it masks every long digit run anyway, as a safety net).
   * Runs of one repeated digit are placeholders (AC000…) and left out. The reports are made
   * in-process from one scan (the formatters are pure functions of it); the CLI ran above.
   */
  const exampleValues = loadFixtures(REPO_ROOT, ['examples/call-center']).flatMap((fixture) =>
    digitRuns(fixture.text)
      .filter((digits) => digits.length >= 9 && !/^(\d)\1*$/.test(digits))
      .map((digits) => ({ name: `${fixture.name} literal`, digits })),
  );
  const root = mkdtempSync(path.join(os.tmpdir(), 'piiguard-leak-example-'));
  let scanned: ScanResult;
  let inventory: InventoryResult;
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    cpSync(path.join(REPO_ROOT, 'examples/call-center'), root, { recursive: true });
    scanned = await scanRepo(root);
    inventory = await collectInventory({ cwd: root, paths: ['.'] });
  }, 120_000);

  it('has numbers to look for', () => {
    expect(exampleValues.length).toBeGreaterThan(0);
  });

  it.each(OUTPUT_FORMATS)('piiguard scan --format %s', (format) => {
    expect(scanned.findings.length).toBeGreaterThan(0);
    const report = formatResult(format, scanned, { color: false, quiet: false });
    expect(leaksIn([report], exampleValues)).toEqual([]);
  });

  it.each(INVENTORY_FORMATS)('piiguard inventory --format %s', (format) => {
    const report = formatInventory(format, buildInventoryReport(inventory, new Date(), defaultToolInfo()));
    expect(report.length).toBeGreaterThan(1_000);
    expect(leaksIn([report], exampleValues)).toEqual([]);
  });
});
