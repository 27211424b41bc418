import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatShard, parseShardOption, partitionFiles, selectShardFiles } from '../../src/cli/shard.js';
import { cli, tempDir, writeTree } from './helpers.js';
import { createFakeAnalyzer } from '../cli/fake-analyzer.js';

describe('--shard k/n', () => {
  it('parses k/n with 1 <= k <= n and rejects anything else', () => {
    expect(parseShardOption('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShardOption(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '4', '1/0', 'a/b', '-1/2', '1.5/3', '']) expect(() => parseShardOption(bad), bad).toThrow(/Expected <k>\/<n>/);
    expect(formatShard({ index: 3, count: 8 })).toBe('3/8');
  });

  it('partitions every file into exactly one shard, balanced by size (longest first into the lightest shard)', () => {
    const files = [
      { key: 'a.ts', size: 900 },
      { key: 'b.ts', size: 500 },
      { key: 'c.ts', size: 400 },
      { key: 'd.ts', size: 300 },
      { key: 'e.ts', size: 300 },
      { key: 'f.ts', size: 100 },
    ];
    expect(partitionFiles(files, 3)).toEqual([['a.ts'], ['b.ts', 'e.ts'], ['c.ts', 'd.ts', 'f.ts']]);
    expect(partitionFiles(files, 1)).toEqual([files.map((f) => f.key)]);
    // More shards than files: the extra shards are empty, never an error.
    expect(partitionFiles(files.slice(0, 2), 4)).toEqual([['a.ts'], ['b.ts'], [], []]);
  });

  it('is deterministic: input order does not matter, equal sizes are split by path', () => {
    const files = Array.from({ length: 40 }, (_, i) => ({ key: `src/m${String(i).padStart(2, '0')}.ts`, size: 100 + (i % 7) * 13 }));
    const expected = partitionFiles(files, 4);
    const shuffled = [...files].sort((a, b) => (a.key.charCodeAt(5) * 31 + a.size) % 17 - (b.key.charCodeAt(5) * 31 + b.size) % 17 || b.key.localeCompare(a.key));
    expect(partitionFiles(shuffled, 4)).toEqual(expected);
    expect(expected.flat().sort()).toEqual(files.map((f) => f.key).sort());
    const loads = expected.map((group) => group.reduce((sum, key) => sum + files.find((f) => f.key === key)!.size, 0));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(Math.max(...files.map((f) => f.size)));
  });

  it('selects by root-relative path, so runners with different checkout folders agree', () => {
    const a = tempDir();
    const b = tempDir();
    const tree = { 'src/x.ts': 'x'.repeat(50), 'src/y.ts': 'y'.repeat(40), 'lib/z.ts': 'z'.repeat(30), 'w.ts': '' };
    writeTree(a, tree);
    writeTree(b, tree);
    const keys = (root: string, k: number) =>
      [...selectShardFiles(Object.keys(tree).map((f) => path.join(root, f)), root, { index: k, count: 2 })].map((f) => path.relative(root, f)).sort();
    expect(keys(a, 1)).toEqual(keys(b, 1));
    expect(keys(a, 2)).toEqual(keys(b, 2));
    expect([...keys(a, 1), ...keys(a, 2)].sort()).toEqual(Object.keys(tree).sort());
  });

  it('a shard reports only its files, counts only them, and says which shard it is', async () => {
    const root = tempDir();
    writeTree(root, {
      'a.ts': `logger.info(phone);\n${'// padding\n'.repeat(20)}`,
      'b.ts': 'logger.info(phone);\n',
      'c.ts': 'logger.info(phone);\n',
    });
    const fake = { createAnalyzer: createFakeAnalyzer };
    const reported = async (k: number) => {
      const run = await cli(root, ['scan', '--shard', `${k}/2`, '--format', 'json'], fake);
      const report = JSON.parse(run.stdout) as { findings: { location: { file: string } }[]; summary: { filesScanned: number }; shard: unknown };
      return { files: report.findings.map((f) => f.location.file), scanned: report.summary.filesScanned, shard: report.shard };
    };
    expect(await reported(1)).toEqual({ files: ['a.ts'], scanned: 1, shard: { index: 1, count: 2 } });
    expect(await reported(2)).toEqual({ files: ['b.ts', 'c.ts'], scanned: 2, shard: { index: 2, count: 2 } });
    const text = await cli(root, ['scan', '--shard', '2/2'], fake);
    expect(text.stdout).toContain('2 files of shard 2/2 scanned');
    const bad = await cli(root, ['scan', '--shard', '3/2'], fake);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Expected <k>/<n>');
  });
});
