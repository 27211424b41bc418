/**
 * `piiguard inventory` on the example call-center project, in-process: the JSON shape and its
 * counts, agreement with `piiguard scan` (every flow finding is in the inventory), the CSV record of
 * processing parsed back, and the HTML page (tables per PII kind, strict CSP, nothing unmasked).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, buildInventoryReport, formatInventoryCsv, formatInventoryHtml, processingActivities, type InventoryReport } from '../../src/cli/formatters/inventory/index.js';
import { defaultToolInfo } from '../../src/cli/formatters/shared.js';
import { CATEGORY_OF_RULE } from '../../src/engine/inventory.js';
import { type InventoryResult, collectInventory } from '../../src/scan/inventory.js';
import { type ScanResult, scan } from '../../src/scan/scan.js';
import { PII_KINDS } from '../../rules/types.js';
import { EXAMPLE, RAW_DIGIT_RUN, TODAY, lineOf, parseCsv } from './helpers.js';

const GENERATED_AT = new Date('2026-11-22T09:30:00Z');

let result: InventoryResult;
let report: InventoryReport;
let scanned: ScanResult;

beforeAll(async () => {
  [result, scanned] = await Promise.all([collectInventory({ cwd: EXAMPLE, paths: ['.'], today: TODAY }), scan({ cwd: EXAMPLE, paths: ['.'], today: TODAY })]);
  report = buildInventoryReport(result, GENERATED_AT, defaultToolInfo());
});

const flowAt = (file: string, line: number) => report.flows.filter((f) => f.sink.location.file === file && f.sink.location.line === line);

describe('inventory JSON', () => {
  it('has the documented top-level shape', () => {
    expect(report.version).toBe(1);
    expect(report.tool.name).toBe('piiguard');
    expect(report.rootDir).toBe(EXAMPLE);
    expect(report.generatedAt).toBe('2026-11-22T09:30:00.000Z');
    expect(Object.keys(report)).toEqual(['version', 'tool', 'rootDir', 'generatedAt', 'summary', 'sources', 'flows', 'notices']);
    expect(Object.keys(report.summary)).toEqual(['filesScanned', 'sources', 'flows', 'unprotectedFlows', 'openFindings', 'suppressedFindings', 'byCategory', 'byKind']);
    expect(Object.keys(report.summary.byKind)).toEqual([...PII_KINDS]);
    for (const counts of Object.values(report.summary.byCategory)) {
      expect(Object.keys(counts)).toEqual(['none', 'masked', 'encrypted', 'consent-checked', 'total']);
    }
    expect(report.summary.filesScanned).toBe(scanned.filesScanned);
    expect(report.notices).toEqual([]);
  });

  it('counts flows consistently by category, protection and kind', () => {
    const { summary } = report;
    expect(summary.flows).toBe(report.flows.length);
    expect(summary.sources).toBe(report.sources.length);
    expect(summary.unprotectedFlows).toBe(report.flows.filter((f) => f.protection === 'none').length);
    let total = 0;
    for (const [category, counts] of Object.entries(summary.byCategory)) {
      const flows = report.flows.filter((f) => f.sink.category === category);
      expect(counts.total, category).toBe(flows.length);
      expect(counts.none + counts.masked + counts.encrypted + counts['consent-checked'], category).toBe(counts.total);
      for (const protection of ['none', 'masked', 'encrypted', 'consent-checked'] as const) {
        expect(counts[protection], `${category}/${protection}`).toBe(flows.filter((f) => f.protection === protection).length);
      }
      total += counts.total;
    }
    expect(total).toBe(summary.flows);
    expect(PII_KINDS.reduce((sum, kind) => sum + summary.byKind[kind].flows, 0)).toBe(summary.flows);
    expect(PII_KINDS.reduce((sum, kind) => sum + summary.byKind[kind].sources, 0)).toBe(summary.sources);
  });

  it('records protected and unprotected processing of every category in the example', () => {
    const { byCategory } = report.summary;
    expect(byCategory.log.masked).toBeGreaterThan(0);
    expect(byCategory.log.none).toBeGreaterThan(0);
    expect(byCategory.storage.encrypted).toBeGreaterThan(0);
    expect(byCategory.storage.none).toBeGreaterThan(0);
    expect(byCategory['outbound-call']['consent-checked']).toBeGreaterThan(0);
    expect(byCategory['outbound-call'].none).toBeGreaterThan(0);
    // Masking protects logs, encryption storage (and logs), consent checks calls: never the other way round.
    expect(byCategory.storage.masked).toBe(0);
    expect(byCategory.log['consent-checked']).toBe(0);
    expect(byCategory['outbound-call'].masked + byCategory['outbound-call'].encrypted).toBe(0);
    expect(report.summary.byKind.phone.flows).toBeGreaterThan(0);
    expect(report.summary.byKind['payment-card'].byCategory.log.masked).toBeGreaterThan(0);
  });

  it('uses paths relative to the root, pointing at real files', () => {
    const locations = [
      ...report.sources.map((s) => s.location),
      ...report.flows.flatMap((f) => [f.source.location, f.sink.location, ...f.flow.map((s) => s.location)]),
    ];
    for (const location of locations) {
      expect(path.isAbsolute(location.file), location.file).toBe(false);
      expect(location.file).not.toContain('\\');
      expect(existsSync(path.join(EXAMPLE, location.file)), location.file).toBe(true);
      expect(location.line).toBeGreaterThan(0);
    }
  });

  it('covers every finding of the flow rules that piiguard scan reports, open and suppressed', () => {
    const flowFindings = scanned.findings.filter((f) => CATEGORY_OF_RULE[f.ruleId] !== undefined);
    const open = flowFindings.filter((f) => !f.suppression);
    const suppressed = flowFindings.filter((f) => f.suppression);
    expect(open.length).toBeGreaterThan(0);
    expect(suppressed.length).toBeGreaterThan(0);
    const inInventory = new Map(report.flows.flatMap((f) => (f.finding ? [[f.finding.fingerprint, f] as const] : [])));
    for (const finding of flowFindings) {
      const flow = inInventory.get(finding.fingerprint);
      expect(flow, `${finding.ruleId} at ${finding.location.file}:${finding.location.line}`).toBeDefined();
      expect(flow?.ruleId).toBe(finding.ruleId);
      expect(flow?.protection).toBe('none');
      expect(flow?.finding?.status).toBe(finding.suppression ? 'suppressed' : 'open');
    }
    expect(report.summary.openFindings).toBe(open.length);
    expect(report.summary.suppressedFindings).toBe(suppressed.length);
    // And nothing protected is reported.
    expect(report.flows.filter((f) => f.protection !== 'none' && f.finding)).toEqual([]);
  });

  it('records the unmasked Twilio caller in a log with its source, finding and flow', () => {
    const line = lineOf('src/webhooks/twilio-voice.ts', 'logger.info(`Call ${CallSid} from ${From}');
    const [flow, ...others] = flowAt('src/webhooks/twilio-voice.ts', line);
    expect(others).toEqual([]);
    expect(flow).toMatchObject({
      kind: 'phone',
      signal: 'source',
      sink: { description: 'logger.info', category: 'log' },
      protection: 'none',
      ruleId: 'no-pii-in-logs',
      finding: { severity: 'error', status: 'open' },
    });
    expect(flow?.source.description).toContain('req.body.From');
    expect(flow?.flow[0]?.message).toContain('req.body.From');
    expect(flow?.flow.at(-1)?.location.line).toBe(line);
  });

  it('records masked, encrypted and consent-checked flows without findings', () => {
    const masked = flowAt('src/webhooks/twilio-voice.ts', lineOf('src/webhooks/twilio-voice.ts', 'maskPhone(callerId)'));
    expect(masked).toMatchObject([{ kind: 'phone', protection: 'masked', sink: { category: 'log' } }]);
    expect(masked[0]?.finding).toBeUndefined();
    expect(masked[0]?.flow.map((s) => s.message)).toContain('masked by maskPhone()');

    const encrypted = report.flows.filter((f) => f.sink.category === 'storage' && f.protection === 'encrypted');
    expect(encrypted.some((f) => f.sink.location.file === 'src/storage/repositories.ts')).toBe(true);
    const consentChecked = report.flows.filter((f) => f.sink.category === 'outbound-call' && f.protection === 'consent-checked');
    expect(consentChecked.some((f) => f.sink.location.file === 'src/dialer/campaign-worker.ts')).toBe(true);
  });

  it('keeps the reason of a suppressed finding', () => {
    const suppressed = report.flows.filter((f) => f.finding?.status === 'suppressed');
    expect(suppressed.length).toBeGreaterThan(0);
    for (const flow of suppressed) expect(flow.finding?.justification).toMatch(/\w{3,}/);
  });

  it('adds the finding of a sink judged without a traced value (an unencrypted recording upload)', () => {
    const line = lineOf('src/storage/recordings.ts', 'Body: recording, // $ Alert[no-plaintext-pii-storage]');
    expect(flowAt('src/storage/recordings.ts', line)).toMatchObject([
      { kind: 'call-recording', signal: 'name', sink: { category: 'storage' }, protection: 'none', ruleId: 'no-plaintext-pii-storage', finding: { status: 'open' } },
    ]);
  });

  it('lists framework sources, destructured ones included, and declared PII types', () => {
    const twilio = report.sources.filter((s) => s.location.file === 'src/webhooks/twilio-voice.ts' && s.signal === 'source');
    const destructured = lineOf('src/webhooks/twilio-voice.ts', '= req.body;');
    expect(twilio.map((s) => s.location.line)).toContain(destructured);
    expect(twilio.every((s) => s.kind === 'phone' && s.description.includes('req.body.From'))).toBe(true);
    expect(report.sources.some((s) => s.signal === 'type' && s.description.includes('E164'))).toBe(true);
    expect(report.sources.some((s) => s.kind === 'caller-name')).toBe(true);
  });

  it('never shows a raw number', () => {
    const json = JSON.stringify(report).replace(/"fingerprint":"[0-9a-f]+"/g, '');
    expect(json).not.toMatch(RAW_DIGIT_RUN);
  });
});

describe('inventory CSV (record of processing)', () => {
  it('parses back as RFC 4180 with the header and one row per processing activity', () => {
    const csv = formatInventoryCsv(report);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(header).toEqual([
      'Data category',
      'PII kind',
      'Processing operation',
      'Recipient / system',
      'Source (where collected)',
      'Identified by',
      'Protection measure',
      'Status',
      'Finding rule',
      'Suppression reason',
      'Location',
      'Source locations',
      'Flows',
    ]);
    const activities = processingActivities(report);
    expect(rows).toHaveLength(activities.length);
    for (const row of rows) expect(row).toHaveLength(header!.length);
    // One row per (kind, operation, recipient, place), and together they hold every flow.
    const keys = rows.map((r) => [r[1], r[2], r[3], r[10]].join('|'));
    expect(new Set(keys).size).toBe(rows.length);
    expect(rows.reduce((sum, r) => sum + Number(r[12]), 0)).toBe(report.flows.length);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['Logging', 'Storage', 'Outbound call or message']));
  });

  it('describes the unmasked log, the masked log and the suppressed export as an auditor reads them', () => {
    const rows = parseCsv(formatInventoryCsv(report)).slice(1);
    const at = (file: string, needle: string) => rows.filter((r) => r[10] === `${file}:${lineOf(file, needle)}`);
    expect(at('src/webhooks/twilio-voice.ts', 'logger.info(`Call ${CallSid} from ${From}')).toEqual([
      [
        'Phone number',
        'phone',
        'Logging',
        'logger.info',
        'req.body.From (Twilio webhook parameter)',
        'framework source',
        'none',
        'open finding',
        'no-pii-in-logs',
        '',
        `src/webhooks/twilio-voice.ts:${lineOf('src/webhooks/twilio-voice.ts', 'logger.info(`Call ${CallSid} from ${From}')}`,
        `src/webhooks/twilio-voice.ts:${lineOf('src/webhooks/twilio-voice.ts', '= req.body;')}`,
        '1',
      ],
    ]);
    const masked = at('src/webhooks/twilio-voice.ts', 'maskPhone(callerId)');
    expect(masked.map((r) => [r[6], r[7], r[8]])).toEqual([['masked', 'protected', '']]);
    const suppressed = rows.filter((r) => r[7] === 'finding suppressed');
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of suppressed) expect(row[9]).not.toBe('');
  });

  it('never shows a raw number', () => {
    expect(formatInventoryCsv(report)).not.toMatch(RAW_DIGIT_RUN);
  });
});

describe('inventory HTML', () => {
  const html = () => formatInventoryHtml(report, { repository: { name: 'northwind/call-center', branch: 'main' } });

  it('has a filterable table per PII kind found, and the matrix of flows', () => {
    const page = html();
    for (const kind of PII_KINDS) {
      const { flows, sources } = report.summary.byKind[kind];
      expect(page.includes(`id="kind-${kind}"`), kind).toBe(flows + sources > 0);
    }
    const tables = page.match(/<table class="activities">/g) ?? [];
    expect(tables.length).toBe(PII_KINDS.filter((kind) => report.summary.byKind[kind].flows > 0).length);
    expect((page.match(/<tr class="activity"/g) ?? []).length).toBe(processingActivities(report).length);
    expect(page).toContain('<table class="matrix">');
    expect(page).toContain('id="filter-category"');
    expect(page).toContain('id="filter-protection"');
    expect(page).toContain('id="filter-status"');
    expect(page).toContain('data-protection="masked"');
    expect(page).toContain('data-status="open-finding"');
  });

  it('is one self-contained file whose CSP allows exactly its inline script and style', () => {
    const page = html();
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '').replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect((page.match(/<script/g) ?? []).length).toBe(1);
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|<img|<iframe|\sstyle="/);
  });

  it('never shows a raw number', () => {
    const page = html().replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(page).not.toMatch(RAW_DIGIT_RUN);
  });
});
