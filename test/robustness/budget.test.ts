/**
 * The resource bounds of src/scan/budget.ts: a per-file time budget (the engine stops at the
 * deadline it is given), a memory guard between files, and the nesting guard. Deterministic: time
 * and heap come from a fake probe, and the engine is a fake that honours its deadline.
 * adversarial.test.ts runs the same bounds with the real engine.
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/engine/api.js';
import { AnalysisBudgetExceeded } from '../../src/engine/errors.js';
import type { Finding } from '../../src/engine/finding.js';
import {
  DEFAULT_MAX_FILE_MS,
  MAX_SYNTAX_DEPTH,
  ScanBudget,
  buildBoundedProgram,
  defaultMaxHeapMb,
  firstCallShare,
  isBudgetExceeded,
  resolveLimits,
  syntaxDepth,
} from '../../src/scan/budget.js';
import { scan } from '../../src/scan/scan.js';
import { tempDir, writeTree } from '../cli/helpers.js';

function probe(start = 1_000, heapMb = 100) {
  const state = { now: start, heapMb };
  return { state, probe: { now: () => state.now, heapUsedBytes: () => state.heapMb * 1024 * 1024 } };
}

describe('limits', () => {
  it('defaults, then the configuration, then the command line', () => {
    expect(resolveLimits()).toEqual({ maxFileMs: DEFAULT_MAX_FILE_MS, maxHeapMb: defaultMaxHeapMb() });
    expect(resolveLimits({ maxFileMs: 500 }, { maxHeapMb: 256 })).toEqual({ maxFileMs: 500, maxHeapMb: 256 });
    expect(resolveLimits({ maxFileMs: 500, maxHeapMb: 128 }, { maxFileMs: 900 })).toEqual({ maxFileMs: 900, maxHeapMb: 128 });
  });

  it('the default memory guard sits below V8’s own limit', () => {
    expect(defaultMaxHeapMb()).toBeGreaterThanOrEqual(64);
  });
});

describe('ScanBudget', () => {
  it('gives each file a deadline maxFileMs ahead, scaled by its share', () => {
    const { probe: p } = probe(5_000);
    const budget = new ScanBudget({ maxFileMs: 200, maxHeapMb: 512 }, p);
    expect(budget.deadline()).toBe(5_200);
    expect(budget.deadline(firstCallShare([ts.createSourceFile('big.ts', 'x;'.repeat(150_000), ts.ScriptTarget.ES2022)]))).toBe(5_000 + 200 * 4);
    expect(budget.overBudget('/r/a.ts')).toEqual({
      file: '/r/a.ts',
      level: 'warning',
      message: 'Skipped: analysing it took longer than the 200 ms budget (maxFileMs), so its findings are not reported. Exclude it if it is generated, or raise maxFileMs.',
    });
    expect(new ScanBudget({ maxFileMs: 10_000, maxHeapMb: 512 }, p).overBudget('/r/a.ts').message).toContain('the 10 s budget');
  });

  it('trips the memory guard above the limit and stays tripped', () => {
    const { state, probe: p } = probe(0, 300);
    const budget = new ScanBudget({ maxFileMs: 1_000, maxHeapMb: 512 }, p);
    expect(budget.memoryNotice('/r/a.ts', 'read')).toBeUndefined();
    state.heapMb = 700;
    expect(budget.memoryNotice('/r/b.ts', 'analysed')).toEqual({
      file: '/r/b.ts',
      level: 'warning',
      message: expect.stringMatching(/^Skipped: not analysed, because memory use reached 700 MB, above the 512 MB limit \(maxHeapMb\)\./),
    });
    state.heapMb = 100; // garbage collected: the remaining files are still skipped, the report says why once per file
    expect(budget.memoryNotice('/r/c.ts', 'analysed')?.message).toContain('reached 700 MB');
  });

  it('recognises the engine’s AnalysisBudgetExceeded', () => {
    expect(isBudgetExceeded(new AnalysisBudgetExceeded('/r/a.ts'))).toBe(true);
    expect(isBudgetExceeded(new RangeError('Maximum call stack size exceeded'))).toBe(false);
  });
});

describe('nesting guard', () => {
  const parse = (text: string) => ts.createSourceFile('a.ts', text, ts.ScriptTarget.ES2022, true);

  it('measures syntax depth without recursion, and stops counting past the limit', () => {
    expect(syntaxDepth(parse('const a = 1;'))).toBeLessThan(10);
    const deep = parse(`const x = a${'.b'.repeat(50_000)};`);
    expect(syntaxDepth(deep, 1_000)).toBe(1_001);
  });

  it('leaves out files that overflow the parser or nest too deeply, and keeps the others', () => {
    const texts = new Map([
      ['/r/ok.ts', 'export const ok = 1;\n'],
      ['/r/parens.ts', `const x = ${'(\n'.repeat(50_000)}1${')'.repeat(50_000)};\n`],
      ['/r/members.ts', `const x = a${'\n.b'.repeat(MAX_SYNTAX_DEPTH + 10)};\n`],
    ]);
    const builds: string[][] = [];
    const build = (current: ReadonlyMap<string, string>) => {
      builds.push([...current].filter(([, text]) => text !== '').map(([file]) => file));
      const sourceFiles = [...current].map(([file, text]) => ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true));
      return { sourceFiles };
    };
    const bounded = buildBoundedProgram(texts, build);
    expect([...bounded.skipped.keys()].sort()).toEqual(['/r/members.ts', '/r/parens.ts']);
    expect(bounded.skipped.get('/r/parens.ts')?.message).toMatch(/^Skipped: nested too deeply to parse/);
    expect(bounded.skipped.get('/r/members.ts')?.message).toMatch(/^Skipped: nested too deeply to analyse \(syntax nested more than 1,000 levels\)/);
    // Skipped files stay in the program as empty modules, so imports of them still resolve.
    expect(bounded.program.sourceFiles.map((sf) => [sf.fileName, sf.text.length > 0])).toEqual([
      ['/r/ok.ts', true],
      ['/r/parens.ts', false],
      ['/r/members.ts', false],
    ]);
    // First build: the parser overflows; second: without it; third: without the deep file either.
    expect(builds).toEqual([['/r/ok.ts', '/r/parens.ts', '/r/members.ts'], ['/r/ok.ts', '/r/members.ts'], ['/r/ok.ts']]);
  });

  it('builds once when nothing needs leaving out, and rethrows errors that are not about nesting', () => {
    let builds = 0;
    const texts = new Map([['/r/ok.ts', 'export {};']]);
    buildBoundedProgram(texts, (current) => {
      builds++;
      return { sourceFiles: [...current].map(([file, text]) => ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true)) };
    });
    expect(builds).toBe(1);
    expect(() =>
      buildBoundedProgram(texts, () => {
        throw new TypeError('broken host');
      }),
    ).toThrow('broken host');
  });
});

/** A fake engine that works `msPerFile` of (fake) time per file and honours its deadline like the real one. */
function slowAnalyzer(clock: { now: number }, msPerFile: Record<string, number>) {
  const calls: { file: string; at: number; deadline: number | undefined }[] = [];
  const create = (): Analyzer => ({
    analyzeFile(sourceFile, options = {}) {
      const name = path.basename(sourceFile.fileName);
      calls.push({ file: name, at: clock.now, deadline: options.deadline });
      clock.now += msPerFile[name] ?? 1;
      if (options.deadline !== undefined && clock.now > options.deadline) throw new AnalysisBudgetExceeded(sourceFile.fileName);
      return [] as Finding[];
    },
    inventory: () => {
      throw new Error('not used by scan');
    },
    explain: () => [],
  });
  return { calls, create };
}

describe('scan() with the bounds', () => {
  it('passes each file a deadline and turns AnalysisBudgetExceeded into a warning; the scan goes on', async () => {
    const root = tempDir('piiguard-budget-');
    writeTree(root, { 'a.ts': 'export {};', 'b.ts': 'export {};', 'c.ts': 'export {};', 'piiguard.config.json': '{ "maxFileMs": 1000 }' });
    const clock = { now: Date.now() };
    const realNow = Date.now;
    Date.now = () => clock.now;
    try {
      const fake = slowAnalyzer(clock, { 'a.ts': 5, 'b.ts': 5_000, 'c.ts': 5 });
      const result = await scan({ cwd: root, paths: ['.'] }, { createAnalyzer: fake.create });
      expect(fake.calls.map((c) => c.file)).toEqual(['a.ts', 'b.ts', 'c.ts']);
      expect(fake.calls.every((c) => c.deadline !== undefined)).toBe(true);
      expect(result.filesScanned).toBe(2);
      expect(result.notices.map((n) => [path.basename(n.file), n.level, n.message])).toEqual([
        ['b.ts', 'warning', expect.stringMatching(/^Skipped: analysing it took longer than the 1 s budget \(maxFileMs\)/)],
      ]);
    } finally {
      Date.now = realNow;
    }
  });

  it('takes --max-file-ms over the configuration', async () => {
    const root = tempDir('piiguard-budget-');
    writeTree(root, { 'a.ts': 'export {};', 'b.ts': 'export {};', 'piiguard.config.json': '{ "maxFileMs": 1000 }' });
    const clock = { now: Date.now() };
    const realNow = Date.now;
    Date.now = () => clock.now;
    try {
      const fake = slowAnalyzer(clock, { 'b.ts': 5_000 });
      const result = await scan({ cwd: root, paths: ['.'], limits: { maxFileMs: 60_000 } }, { createAnalyzer: fake.create });
      expect(result.notices).toEqual([]);
      // The first call also builds the engine's program-wide state: more time for a bigger program.
      expect(fake.calls.map((c) => (c.deadline ?? 0) - c.at)).toEqual([60_000 * (1 + ('export {};'.length * 2) / 100_000), 60_000]);
    } finally {
      Date.now = realNow;
    }
  });
});
