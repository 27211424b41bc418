/**
 * The inventory formatters on a synthetic inventory holding what real code can put in descriptions:
 * raw phone numbers, commas, quotes, line breaks, markup and spreadsheet formulas. CSV must stay
 * RFC 4180 and inert in a spreadsheet, HTML must escape, and both must mask.
 */
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  buildInventoryReport,
  csvField,
  formatInventoryCsv,
  formatInventoryHtml,
  formatInventoryJson,
  processingActivities,
} from '../../src/cli/formatters/inventory/index.js';
import type { ToolInfo } from '../../src/cli/formatters/shared.js';
import type { SourceLocation } from '../../src/engine/finding.js';
import type { InventoryEntry, InventoryResult } from '../../src/scan/inventory.js';
import { RAW_DIGIT_RUN, parseCsv } from './helpers.js';

const ROOT = '/repo';
const TOOL: ToolInfo = { name: 'piiguard', version: '9.9.9', informationUri: 'https://example.invalid/piiguard', rules: [], docsUrl: () => '', ruleHelp: () => undefined };
const RAW = '+14155552671';
const HOSTILE = '</td><script>alert(1)</script><td>';

function at(file: string, line: number, column = 3): SourceLocation {
  return { file: `${ROOT}/${file}`, line, column, endLine: line, endColumn: column + 8 };
}

function entry(overrides: Partial<InventoryEntry> & Pick<InventoryEntry, 'sink'>): InventoryEntry {
  return {
    kind: 'phone',
    signal: 'source',
    source: { description: 'req.body.From (Twilio webhook parameter)', location: at('src/voice.ts', 3) },
    protection: 'none',
    flow: [{ location: at('src/voice.ts', 3), message: 'req.body.From (Twilio webhook parameter)' }],
    ...overrides,
  };
}

const RESULT: InventoryResult = {
  rootDir: ROOT,
  filesScanned: 2,
  durationMs: 10,
  configFile: undefined,
  notices: [{ file: `${ROOT}/src/big.ts`, level: 'warning', message: `Skipped: too large (mentions ${RAW}).` }],
  sources: [{ kind: 'phone', signal: 'source', description: 'req.body.From (Twilio webhook parameter)', location: at('src/voice.ts', 3) }],
  flows: [
    entry({
      sink: { description: 'logger.info', category: 'log', location: at('src/voice.ts', 4) },
      source: { description: `caller, "${RAW}"\nsecond line`, location: at('src/voice.ts', 3) },
      ruleId: 'no-pii-in-logs',
      finding: { severity: 'error', fingerprint: 'f1' },
    }),
    // A second source into the same sink: the same processing activity.
    entry({
      sink: { description: 'logger.info', category: 'log', location: at('src/voice.ts', 4) },
      source: { description: HOSTILE, location: at('src/voice.ts', 2) },
      protection: 'masked',
    }),
    entry({
      kind: 'phone',
      signal: 'name',
      sink: { description: '=HYPERLINK("http://evil.invalid")', category: 'storage', location: at('src/store.ts', 9) },
      source: { description: '@lead.phone', location: at('src/store.ts', 8) },
      ruleId: 'no-plaintext-pii-storage',
      finding: { severity: 'error', fingerprint: 'f2', suppression: { justification: `export, "encrypted" tmpfs, ${RAW}`, until: '2027-06-30' } },
    }),
    entry({
      kind: 'email',
      signal: 'name',
      sink: { description: 'leadRepo.save', category: 'storage', location: at('src/store.ts', 12) },
      source: { description: 'lead.email', location: at('src/store.ts', 11) },
    }),
    entry({ sink: { description: 'client.calls.create', category: 'outbound-call', location: at('src/dial.ts', 5) }, protection: 'consent-checked' }),
  ],
};

const report = buildInventoryReport(RESULT, new Date('2026-11-22T09:30:00Z'), TOOL);

describe('the inventory report model', () => {
  it('groups flows into processing activities with the most pressing status', () => {
    const activities = processingActivities(report);
    expect(activities.map((a) => [a.kind, a.category, a.recipient, a.location.line, a.status, a.protections])).toEqual([
      ['phone', 'log', 'logger.info', 4, 'open-finding', ['none', 'masked']],
      ['phone', 'storage', '=HYPERLINK("http://evil.invalid")', 9, 'suppressed', ['none']],
      ['phone', 'outbound-call', 'client.calls.create', 5, 'protected', ['consent-checked']],
      // Email storage is outside the storage rule's kinds: unprotected, but not piiguard's to report.
      ['email', 'storage', 'leadRepo.save', 12, 'out-of-scope', ['none']],
    ]);
    expect(activities[0]?.sources).toHaveLength(2);
  });

  it('counts distinct findings, open and suppressed', () => {
    expect(report.summary).toMatchObject({ flows: 5, sources: 1, unprotectedFlows: 3, openFindings: 1, suppressedFindings: 1 });
    expect(report.summary.byCategory.storage).toEqual({ none: 2, masked: 0, encrypted: 0, 'consent-checked': 0, total: 2 });
    expect(report.summary.byKind.email.byCategory.storage.none).toBe(1);
    expect(report.summary.byKind['national-id']).toEqual({ sources: 0, flows: 0, byCategory: expect.any(Object) });
  });

  it('masks every text and makes paths relative', () => {
    const json = formatInventoryJson(report);
    expect(json).not.toMatch(RAW_DIGIT_RUN);
    expect(json).not.toContain(ROOT + '/src');
    expect(JSON.parse(json).flows[0].sink.location.file).toBe('src/voice.ts');
    expect(JSON.parse(json).flows[2].finding).toEqual({ severity: 'error', fingerprint: 'f2', status: 'suppressed', justification: expect.stringContaining('export'), until: '2027-06-30' });
  });
});

describe('the CSV', () => {
  it('quotes fields per RFC 4180 and parses back to the same cells', () => {
    const csv = formatInventoryCsv(report);
    const records = parseCsv(csv);
    expect(records).toHaveLength(1 + processingActivities(report).length);
    for (const record of records) expect(record).toHaveLength(CSV_COLUMNS.length);
    const log = records[1]!;
    expect(log[4]).toMatch(/^caller, "\+1•+71"\nsecond line; <\/td><script>/);
    expect(log[6]).toBe('none; masked');
    expect(csv).not.toMatch(RAW_DIGIT_RUN);
  });

  it('keeps spreadsheets from running a cell as a formula', () => {
    const storage = parseCsv(formatInventoryCsv(report))[2]!;
    expect(storage[3]).toBe(`'=HYPERLINK("http://evil.invalid")`);
    expect(storage[4]).toBe(`'@lead.phone`);
    expect(csvField('-1+2')).toBe(`'-1+2`);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });
});

describe('the HTML page', () => {
  const page = formatInventoryHtml(report, { repository: { name: 'acme/dialer' } });

  it('escapes markup from the code and masks numbers', () => {
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')).not.toMatch(RAW_DIGIT_RUN);
  });

  it('shows one section per kind found and says which kinds were not found', () => {
    expect(page).toContain('id="kind-phone"');
    expect(page).toContain('id="kind-email"');
    expect(page).not.toContain('id="kind-national-id"');
    expect(page).toMatch(/Not found in the scanned code: National ID, Payment card number, Call recording, Caller name\./);
    expect(page).toContain('Files with notices (1)');
    expect(page).toContain('<h1>acme/dialer</h1>');
  });

  it('reads without findings too', () => {
    const empty = formatInventoryHtml(buildInventoryReport({ ...RESULT, flows: [], sources: [], notices: [] }, new Date(0), TOOL));
    expect(empty).toContain('No PII source or flow was found in the scanned files.');
    expect(empty).toContain('<h1>repo</h1>');
  });
});
