import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { checkShards, countFailing, mergeInputs, mergeSarif } from '../../src/cli/merge.js';
import type { JsonReport } from '../../src/cli/formatters/json.js';
import { cli, tempDir, validateSarif, writeTree } from './helpers.js';

const EXAMPLE = path.resolve('examples/call-center');
const CASES = path.resolve('test/cases');

/** Invocation times and durations differ from run to run; everything else must not. */
function normalise(text: string): string {
  return text
    .replace(/"(startTimeUtc|endTimeUtc)": "[^"]*"/g, '"$1": "<time>"')
    .replace(/"durationMs": \d+/g, '"durationMs": 0');
}

/**
 * Scans `cwd` once whole and once in `count` shards, merges the shards with `piiguard merge`, and
 * returns both reports (normalised) plus the merged one parsed.
 */
async function shardedAndWhole(source: string, format: 'sarif' | 'json', count: number, extra: string[] = []) {
  // A private copy: files edited meanwhile by someone else must not make the scans differ.
  const cwd = path.join(tempDir('piiguard-project-'), path.basename(source));
  cpSync(source, cwd, { recursive: true });
  const out = tempDir('piiguard-shards-');
  const whole = await cli(cwd, ['scan', '--format', format, '--output', path.join(out, `whole.${format}`), '--fail-on', 'none', ...extra]);
  expect(whole.code, whole.stderr).toBe(0);
  const shardFiles: string[] = [];
  for (let k = 1; k <= count; k++) {
    const file = path.join(out, 'shards', `shard-${k}.${format}`);
    const run = await cli(cwd, ['scan', '--shard', `${k}/${count}`, '--format', format, '--output', file, '--fail-on', 'none', ...extra]);
    expect(run.code, run.stderr).toBe(0);
    shardFiles.push(file);
  }
  const merged = await cli(out, ['merge', 'shards', '--output', `merged.${format}`]);
  expect(merged.code, merged.stderr).toBe(0);
  const read = (name: string) => normalise(readFileSync(path.join(out, name), 'utf8'));
  const shards = shardFiles.map((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown);
  return { whole: read(`whole.${format}`), merged: read(`merged.${format}`), shards };
}

function sarifResults(log: Sarif.Log): Sarif.Result[] {
  return log.runs.flatMap((run) => run.results ?? []);
}

describe('sharded, then merged, equals unsharded', () => {
  it('examples/call-center as SARIF: same results, same fingerprints, byte-identical', { timeout: 240_000 }, async () => {
    const { whole, merged, shards } = await shardedAndWhole(EXAMPLE, 'sarif', 3);
    expect(merged).toBe(whole);
    const log = JSON.parse(merged) as Sarif.Log;
    expect(validateSarif(log)).toEqual([]);
    expect(sarifResults(log).length).toBeGreaterThan(10);
    // Every shard did part of the work: the split is real, not "everything in shard 1".
    const perShard = (shards as Sarif.Log[]).map((s) => new Set(sarifResults(s).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri)).size);
    expect(perShard.filter((files) => files > 0)).toHaveLength(3);
    const fingerprints = (l: Sarif.Log) => sarifResults(l).map((r) => r.partialFingerprints?.['piiguard/v1']).sort();
    expect((shards as Sarif.Log[]).flatMap(fingerprints).sort()).toEqual(fingerprints(log));
  });

  it('examples/call-center as JSON, with a baseline: byte-identical', { timeout: 240_000 }, async () => {
    const baselineDir = tempDir();
    const baseline = path.join(baselineDir, 'baseline.json');
    // A baseline holding half of the findings, so both states appear.
    const full = await cli(EXAMPLE, ['scan', '--update-baseline', '--baseline', baseline, '--format', 'json', '--quiet']);
    expect(full.code).toBe(0);
    const written = JSON.parse(readFileSync(baseline, 'utf8')) as { entries: unknown[] };
    written.entries = written.entries.filter((_, i) => i % 2 === 0);
    writeFileSync(baseline, JSON.stringify(written));

    const { whole, merged } = await shardedAndWhole(EXAMPLE, 'json', 2, ['--baseline', baseline]);
    expect(merged).toBe(whole);
    const report = JSON.parse(merged) as JsonReport;
    expect(report.shard).toBeUndefined();
    expect(report.baseline?.new).toBeGreaterThan(0);
    expect(report.baseline?.unchanged).toBeGreaterThan(0);
  });

  it('the rule fixtures under test/cases (cross-file flows between shards) as SARIF: byte-identical', { timeout: 300_000 }, async () => {
    const { whole, merged, shards } = await shardedAndWhole(CASES, 'sarif', 4);
    expect(merged).toBe(whole);
    const results = sarifResults(JSON.parse(merged) as Sarif.Log);
    expect(results.length).toBeGreaterThan(100);
    // Findings whose flow starts in a file of another shard are still found.
    const crossFile = results.filter((r) => {
      const files = new Set(r.codeFlows?.[0]?.threadFlows[0]?.locations.map((l) => l.location?.physicalLocation?.artifactLocation?.uri));
      return files.size > 1;
    });
    expect(crossFile.length).toBeGreaterThan(0);
    expect(shards).toHaveLength(4);
  });
});

function sarifLog(options: { rules: string[]; results: [string, string][]; shard?: [number, number]; notifications?: string[]; version?: string }): Sarif.Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'piiguard', version: options.version ?? '1.0.0', rules: options.rules.map((id) => ({ id })) } },
        results: options.results.map(([ruleId, file]) => ({
          ruleId,
          ruleIndex: options.rules.indexOf(ruleId),
          level: 'error',
          message: { text: `${ruleId} in ${file}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' } } }],
        })),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: (options.notifications ?? []).map((file) => ({
              level: 'warning',
              message: { text: `cannot read ${file}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: file } } }],
            })),
            ...(options.shard ? { properties: { shard: { index: options.shard[0], count: options.shard[1] } } } : {}),
          },
        ],
      },
    ],
  };
}

describe('mergeSarif', () => {
  it('builds one rule table, re-indexes results, orders them by file, and combines invocations', () => {
    const a = sarifLog({ rules: ['r-a', 'r-b'], results: [['r-b', 'src/z.ts'], ['r-a', 'src/z.ts']], shard: [1, 2], notifications: ['bin/logo.js', 'src/z.ts'] });
    const b = sarifLog({ rules: ['r-c', 'r-b'], results: [['r-c', 'src/caf%C3%A9.ts'], ['r-b', 'src/b.ts']], shard: [2, 2], notifications: ['bin/logo.js'] });
    const merged = mergeSarif([
      { name: 'a.sarif', log: a },
      { name: 'b.sarif', log: b },
    ]);
    expect(merged.runs).toHaveLength(1);
    const run = merged.runs[0]!;
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(['r-a', 'r-b', 'r-c']);
    expect(run.results!.map((r) => [r.ruleId, r.ruleIndex, r.locations![0]!.physicalLocation!.artifactLocation!.uri])).toEqual([
      ['r-b', 1, 'src/b.ts'],
      ['r-c', 2, 'src/caf%C3%A9.ts'],
      ['r-b', 1, 'src/z.ts'],
      ['r-a', 0, 'src/z.ts'],
    ]);
    expect(run.invocations).toHaveLength(1);
    expect(run.invocations![0]!.properties).toBeUndefined();
    expect(run.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text)).toEqual(['cannot read bin/logo.js', 'cannot read src/z.ts']);
    expect(validateSarif(merged)).toEqual([]);
  });

  it('refuses an incomplete or inconsistent set of shards, other tools and other versions', () => {
    const shard = (k: number, n: number, version?: string) => ({ name: `s${k}of${n}.sarif`, data: sarifLog({ rules: [], results: [], shard: [k, n], ...(version ? { version } : {}) }) });
    expect(() => mergeInputs([shard(1, 3), shard(3, 3)])).toThrow('shard 2/3 is missing');
    expect(() => mergeInputs([shard(1, 2), shard(1, 2), shard(2, 2)])).toThrow('shard 1/2 is given twice');
    expect(() => mergeInputs([shard(1, 2), shard(2, 3)])).toThrow('s2of3.sarif is shard 2/3, but s1of2.sarif is shard 1/2');
    expect(() => mergeInputs([shard(1, 2), { name: 'plain.sarif', data: sarifLog({ rules: [], results: [] }) }])).toThrow('plain.sarif is not a shard report');
    expect(() => mergeInputs([shard(1, 2), shard(2, 2, '2.0.0')])).toThrow(/same piiguard version|written by piiguard 2\.0\.0/);
    expect(() => mergeInputs([shard(1, 1)], 'json')).toThrow('--format json was asked for, but the inputs are sarif files');
    expect(() => mergeInputs([{ name: 'x.json', data: { hello: 1 } }])).toThrow('neither a SARIF 2.1.0 log');
    expect(() => checkShards([{ name: 'a', shard: undefined }, { name: 'b', shard: undefined }])).not.toThrow();
  });

  it('--fail-on counts unsuppressed results that are not in the baseline', () => {
    const log = sarifLog({ rules: ['r'], results: [['r', 'a.ts'], ['r', 'b.ts'], ['r', 'c.ts']] });
    const results = log.runs[0]!.results!;
    results[0]!.baselineState = 'unchanged';
    results[1]!.suppressions = [{ kind: 'inSource', justification: 'masked upstream' }];
    results[2]!.baselineState = 'new';
    const output = mergeInputs([{ name: 'a.sarif', data: log }]);
    expect(countFailing(output, 'error')).toBe(1);
    expect(countFailing(output, 'none')).toBe(0);
    results[2]!.level = 'warning';
    expect(countFailing(mergeInputs([{ name: 'a.sarif', data: log }]), 'error')).toBe(0);
  });
});

describe('piiguard merge (CLI)', () => {
  it('merges JSON shard reports, recomputes the summary, and gates with --fail-on', async () => {
    const root = tempDir();
    const report = (k: number, findings: Partial<JsonReport['findings'][number]>[], filesScanned: number): JsonReport => ({
      version: 1,
      tool: { name: 'piiguard', version: '1.0.0', informationUri: 'https://example.invalid' },
      rootDir: '/repo',
      findings: findings.map((f) => ({
        ruleId: 'no-pii-in-logs',
        severity: 'error',
        message: 'm',
        summary: 's',
        location: { file: 'a.ts', line: 1, column: 1, endLine: 1, endColumn: 2 },
        flow: [],
        suggestions: [],
        fingerprint: 'f',
        docsUrl: 'https://example.invalid/r',
        ...f,
      })),
      notices: [{ file: 'logo.js', level: 'info', message: 'Skipped: binary file.' }],
      summary: { errors: 9, warnings: 9, notes: 9, suppressed: 9, filesWithFindings: 9, filesScanned, durationMs: 100 * k },
      baseline: { file: 'baseline.json', new: 9, unchanged: 9 },
      shard: { index: k, count: 2 },
    });
    mkdirSync(path.join(root, 'reports'));
    const at = (file: string, line = 1) => ({ file, line, column: 1, endLine: line, endColumn: 2 });
    writeFileSync(
      path.join(root, 'reports/one.json'),
      JSON.stringify(report(1, [{ location: at('src/b.ts'), baselineState: 'unchanged' }, { location: at('src/b.ts', 4), severity: 'warning', baselineState: 'new' }], 3)),
    );
    writeFileSync(path.join(root, 'reports/two.json'), JSON.stringify(report(2, [{ location: at('src/a.ts'), baselineState: 'new', suppression: { justification: 'ok' } }], 2)));

    const merged = await cli(root, ['merge', 'reports/two.json', 'reports/one.json', '--output', 'merged.json']);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain('piiguard: merged 2 json files: 2 unsuppressed findings (1 new, 1 in baseline). Written to merged.json.');
    const result = JSON.parse(readFileSync(path.join(root, 'merged.json'), 'utf8')) as JsonReport;
    expect(result.findings.map((f) => `${f.location.file}:${f.location.line}`)).toEqual(['src/a.ts:1', 'src/b.ts:1', 'src/b.ts:4']);
    expect(result.notices).toHaveLength(1);
    expect(result.summary).toEqual({ errors: 1, warnings: 1, notes: 0, suppressed: 1, filesWithFindings: 1, filesScanned: 5, durationMs: 200 });
    expect(result.baseline).toEqual({ file: 'baseline.json', new: 1, unchanged: 1 });
    expect(result.shard).toBeUndefined();

    expect((await cli(root, ['merge', 'reports', '--fail-on', 'error', '--quiet'])).code).toBe(0);
    const gate = await cli(root, ['merge', 'reports', '--fail-on', 'warning']);
    expect(gate.code).toBe(1);
    expect(JSON.parse(gate.stdout)).toEqual(result);
  });

  it('unites shard baselines into one sorted baseline', async () => {
    const root = tempDir();
    writeTree(root, {
      'src/a.ts': 'export function a(customer: { phone: string }) {\n  console.info(customer.phone);\n}\n',
      'src/b.ts': 'export function b(customer: { phone: string }) {\n  console.warn(customer.phone);\n}\n',
    });
    for (const k of [1, 2]) expect((await cli(root, ['scan', '--shard', `${k}/2`, '--update-baseline', '--baseline', `baselines/${k}.json`])).code).toBe(0);
    const partial = JSON.parse(readFileSync(path.join(root, 'baselines/2.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(partial)).toEqual(['version', 'tool', 'created', 'shard', 'entries']);
    expect(partial.shard).toEqual({ index: 2, count: 2 });
    const incomplete = await cli(root, ['merge', 'baselines/2.json']);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain('shard 1/2 is missing');

    const merged = await cli(root, ['merge', 'baselines/1.json', 'baselines/2.json', '--output', 'piiguard-baseline.json']);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain('merged 2 baseline files: 2 baseline entries');
    const united = JSON.parse(readFileSync(path.join(root, 'piiguard-baseline.json'), 'utf8')) as { entries: { file: string }[]; shard?: unknown };
    expect(united.shard).toBeUndefined();
    expect(united.entries.map((e) => e.file)).toEqual(['src/a.ts', 'src/b.ts']);
    expect((await cli(root, ['scan', '--update-baseline'])).stderr).toContain('is up to date (2 findings)');

    // A shard's part never overwrites the full baseline, nor stands in for it.
    const overwrite = await cli(root, ['scan', '--shard', '1/2', '--update-baseline']);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain('piiguard-baseline.json is a full baseline');
    const partialAsFull = await cli(root, ['scan', '--baseline', 'baselines/1.json']);
    expect(partialAsFull.code).toBe(2);
    expect(partialAsFull.stderr).toContain('holds only the findings of shard 1/2');
    expect((await cli(root, ['scan', '--shard', '1/2', '--baseline', 'baselines/1.json'])).code).toBe(0);
    expect((await cli(root, ['scan', '--shard', '2/2', '--baseline', 'piiguard-baseline.json'])).code).toBe(0);
  });

  it('exits 2 on a missing input, a non-JSON input, a missing shard, or mixed formats', async () => {
    const root = tempDir();
    writeTree(root, {
      'one.sarif': JSON.stringify(sarifLog({ rules: [], results: [], shard: [1, 2] })),
      'broken.sarif': '{"version": "2.1.0", "runs": [',
      'report.json': JSON.stringify({ version: 1, tool: { name: 'piiguard' }, findings: [] }),
    });
    const cases: [string[], string][] = [
      [['merge', 'nope.sarif'], 'no such file or folder: nope.sarif'],
      [['merge', 'broken.sarif'], 'broken.sarif is not JSON'],
      [['merge', 'one.sarif'], 'shard 2/2 is missing'],
      [['merge', 'one.sarif', 'report.json'], 'cannot merge a sarif file (one.sarif) with a json file (report.json)'],
      [['merge'], "missing required argument 'files'"],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(root, argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toContain(message);
    }
  });

  it('copies of the example merged as two separate scans keep both', async () => {
    // Not shards: two folders of one checkout scanned separately, then merged.
    const root = tempDir();
    cpSync(path.join(EXAMPLE, 'src', 'webhooks'), path.join(root, 'webhooks'), { recursive: true });
    cpSync(path.join(EXAMPLE, 'src', 'storage'), path.join(root, 'storage'), { recursive: true });
    writeFileSync(path.join(root, 'piiguard.config.json'), '{}');
    for (const folder of ['webhooks', 'storage']) await cli(root, ['scan', folder, '--format', 'sarif', '--output', `out/${folder}.sarif`]);
    const merged = await cli(root, ['merge', 'out/webhooks.sarif', 'out/storage.sarif']);
    expect(merged.code).toBe(0);
    const files = new Set(sarifResults(JSON.parse(merged.stdout) as Sarif.Log).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.split('/')[0]));
    expect([...files]).toEqual(['storage', 'webhooks']);
  });
});
