import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { createBaseline, parseBaseline, serializeBaseline } from '../../src/cli/baseline.js';
import type { JsonReport } from '../../src/cli/formatters/json.js';
import { hasFailingFindings } from '../../src/cli/run.js';
import { syntheticFinding, syntheticResult } from '../cli/helpers.js';
import { cli, tempDir, validateSarif, writeTree } from './helpers.js';

const VOICE = [
  "import express from 'express';",
  'const app = express();',
  "app.post('/voice', (req, res) => {",
  '  const caller = req.body.From;',
  "  console.log('incoming call', caller);",
  "  res.send('<Response/>');",
  '});',
  '',
  'export function notify(customer: { phone: string }) {',
  '  console.info(customer.phone);',
  '  // piiguard-ignore-next-line no-pii-in-logs -- masked by the log shipper (ticket SEC-12)',
  '  console.warn(customer.phone);',
  '}',
  '',
].join('\n');

/** The same file a week later: lines inserted above, an unrelated edit, and one new leak. */
const VOICE_LATER = [
  '// Voice webhooks.',
  "import { audit } from './audit';",
  '',
  VOICE.replace("res.send('<Response/>')", "res.type('text/xml').send('<Response/>')").replace(
    '  console.info(customer.phone);',
    '  console.info(customer.phone);\n  audit.record(customer.phone);\n  console.error(`notify failed for ${customer.phone}`);',
  ),
].join('\n');

describe('--update-baseline', () => {
  it('writes the documented, sorted file of unsuppressed findings and exits 0', async () => {
    const root = tempDir();
    writeTree(root, { 'src/voice.ts': VOICE, 'src/ws.ts': "export const socket = new WebSocket('ws://media.acme-telecom.com/stream');\n" });
    const run = await cli(root, ['scan', '--update-baseline', '--baseline', '.piiguard/baseline.json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('piiguard: baseline .piiguard/baseline.json written: 3 findings (3 added, 0 removed).');
    expect(run.stdout).toContain('No new problems');
    expect(run.stdout).toContain('0 new, 3 in baseline and not listed');

    const text = readFileSync(path.join(root, '.piiguard/baseline.json'), 'utf8');
    const baseline = JSON.parse(text) as Record<string, unknown> & { entries: Record<string, string>[] };
    expect(Object.keys(baseline)).toEqual(['version', 'tool', 'created', 'entries']);
    expect(baseline).toMatchObject({ version: 1, tool: 'piiguard' });
    expect(Date.parse(baseline.created as string)).not.toBeNaN();
    expect(baseline.entries.map((e) => [e.file, e.ruleId, e.sink])).toEqual([
      ['src/voice.ts', 'no-pii-in-logs', 'console.info'],
      ['src/voice.ts', 'no-pii-in-logs', 'console.log'],
      ['src/ws.ts', 'no-plaintext-transport', expect.any(String)],
    ]);
    for (const entry of baseline.entries) {
      expect(Object.keys(entry)).toEqual(['fingerprint', 'ruleId', 'file', 'sink']);
      expect(entry.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(text).toBe(serializeBaseline(parseBaseline(text, 'baseline.json')));
  });

  it('leaves the file alone when nothing changed, and reports additions and removals otherwise', async () => {
    const root = tempDir();
    writeTree(root, { 'src/voice.ts': VOICE });
    await cli(root, ['scan', '--update-baseline']);
    const file = path.join(root, 'piiguard-baseline.json');
    const before = readFileSync(file, 'utf8');
    const again = await cli(root, ['scan', '--update-baseline']);
    expect(again.stderr).toContain('piiguard: baseline piiguard-baseline.json is up to date (2 findings).');
    expect(readFileSync(file, 'utf8')).toBe(before);

    writeTree(root, { 'src/voice.ts': VOICE_LATER.replace("  console.log('incoming call', caller);\n", '') });
    const updated = await cli(root, ['scan', '--update-baseline']);
    expect(updated.code).toBe(0);
    expect(updated.stderr).toContain('written: 2 findings (1 added, 1 removed)');
  });

  it('cannot be combined with --changed-since (a partial baseline would forget findings)', async () => {
    const run = await cli(tempDir(), ['scan', '--update-baseline', '--changed-since', 'HEAD']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--update-baseline.*cannot be used with.*--changed-since/);
  });
});

describe('--baseline', () => {
  it('fails only on new findings; reports mark baseline findings in JSON, SARIF and text', async () => {
    const root = tempDir();
    writeTree(root, { 'src/voice.ts': VOICE });
    expect((await cli(root, ['scan', '--update-baseline'])).code).toBe(0);
    const clean = await cli(root, ['scan', '--baseline', 'piiguard-baseline.json']);
    expect(clean.code).toBe(0);
    expect((await cli(root, ['scan'])).code).toBe(1);

    writeTree(root, { 'src/voice.ts': VOICE_LATER });
    const json = await cli(root, ['scan', '--baseline', 'piiguard-baseline.json', '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    const states = report.findings.map((f) => [f.sink, f.location.line, f.suppression ? 'suppressed' : f.baselineState]);
    expect(states).toEqual([
      ['console.log', 8, 'unchanged'],
      ['console.info', 13, 'unchanged'],
      ['console.error', 15, 'new'],
      ['console.warn', 17, 'suppressed'],
    ]);
    expect(report.findings.find((f) => f.suppression)?.baselineState).toBe('new');
    expect(report.baseline).toEqual({ file: 'piiguard-baseline.json', new: 1, unchanged: 2 });

    const sarif = await cli(root, ['scan', '--baseline', 'piiguard-baseline.json', '--format', 'sarif']);
    const log = JSON.parse(sarif.stdout) as Sarif.Log;
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0]!.results!.map((r) => r.baselineState)).toEqual(['unchanged', 'unchanged', 'new', 'new']);

    const text = await cli(root, ['scan', '--baseline', 'piiguard-baseline.json']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('1 new, 2 in baseline and not listed');
    expect(text.stdout).toContain('console.error');
    expect(text.stdout).not.toMatch(/^\s+8:\d+/m);

    const toFile = await cli(root, ['scan', '--baseline', 'piiguard-baseline.json', '--output', 'out.txt']);
    expect(toFile.stderr).toContain('1 new, 2 in baseline');
  });

  it('new findings below --fail-on do not fail', () => {
    const known = syntheticFinding('/r/a.ts', { fingerprint: 'known' });
    const fresh = syntheticFinding('/r/a.ts', { fingerprint: 'fresh', severity: 'warning' });
    const result = syntheticResult('/r', [known, fresh], { baseline: { file: '/r/b.json', fingerprints: new Set(['known']) } });
    expect(hasFailingFindings(result, 'error')).toBe(false);
    expect(hasFailingFindings(result, 'warning')).toBe(true);
    expect(hasFailingFindings({ ...result, findings: [known] }, 'note')).toBe(false);
    expect(createBaseline(result, new Date(0)).entries.map((e) => e.fingerprint)).toEqual(['fresh', 'known']);
  });

  it('a missing or invalid baseline is a usage error (2) before anything is scanned', async () => {
    const root = tempDir();
    writeTree(root, { 'a.ts': 'export {};\n' });
    const missing = await cli(root, ['scan', '--baseline', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json does not exist');
    expect(missing.stderr).toContain('--update-baseline');

    const cases: [string, RegExp][] = [
      ['{', /is not JSON/],
      ['[]', /expected a JSON object/],
      ['{"version":2,"tool":"piiguard","created":"x","entries":[]}', /unsupported "version" 2/],
      ['{"version":1,"tool":"other","created":"x","entries":[]}', /"tool" must be "piiguard"/],
      ['{"version":1,"tool":"piiguard","created":"x","entries":[{"fingerprint":"a","ruleId":"no-such-rule","file":"a.ts"}]}', /entries\[0\]\.ruleId/],
    ];
    for (const [content, problem] of cases) {
      writeFileSync(path.join(root, 'bad.json'), content);
      const run = await cli(root, ['scan', '--baseline', 'bad.json']);
      expect(run.code, content).toBe(2);
      expect(run.stderr, content).toMatch(problem);
      expect(run.stderr).toContain('is not a valid piiguard baseline');
    }
  });
});
