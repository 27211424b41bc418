/**
 * npm run bench: generates (or reuses) the corpus, then measures parse-only, the piiguard
 * scan (in-process and as a CLI child), tsc --noEmit and peak memory, prints a table and
 * writes bench/out/results.json. Exit code 0 unless --check is given and a target is missed
 * (a target that could not be measured counts as missed).
 *
 *   node --expose-gc dist/bench/run.js [--runs N] [--check] [--corpus DIR] [--lines N]
 *                                      [--seed N] [--files N] [--skip id,id] [--out FILE]
 *
 * To add a measurement: write bench/measure/<name>.ts exporting a BenchSection and add it
 * to SECTIONS below; it is printed and saved with the rest.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { parseOptions, positiveInt } from './args.js';
import { describeSummary, ensureCorpus } from './corpus.js';
import { agreementSection } from './measure/agreement.js';
import { memorySection } from './measure/memory.js';
import { parseSection } from './measure/parse.js';
import { scanCliSection, scanInProcessSection } from './measure/scan.js';
import { strictScanSection } from './measure/strict.js';
import { lspLatencySection } from './lsp/latency.js';
import { eslintSection } from './eslint/section.js';
import { tscSection } from './measure/tsc.js';
import type { BenchContext, BenchSection, SectionResult, SourceText } from './measure/types.js';
import { CORPUS_META_DIR, OUT_DIR, REPO_ROOT, defaultCorpusDir } from './paths.js';
import { buildReport, formatReport, writeReport } from './report.js';
import { summarize } from './summary.js';

/** In run order; later sections may read earlier results (memory reuses the CLI's RSS). */
const SECTIONS: BenchSection[] = [parseSection, scanInProcessSection, strictScanSection, scanCliSection, tscSection, memorySection, agreementSection, eslintSection, lspLatencySection];

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

interface RunArgs {
  runs: number;
  check: boolean;
  corpusDir: string;
  targetLines: number;
  seed: number;
  fileCount?: number;
  skip: Set<string>;
  outFile: string;
}

function parseArgs(argv: string[]): RunArgs {
  const usage = `--runs N, --check, --corpus DIR, --lines N, --seed N, --files N, --skip ${SECTIONS.map((s) => s.id).join(',')}, --out FILE`;
  const values = parseOptions(
    argv,
    { runs: { type: 'string' }, check: { type: 'boolean' }, corpus: { type: 'string' }, lines: { type: 'string' }, seed: { type: 'string' }, files: { type: 'string' }, skip: { type: 'string' }, out: { type: 'string' } },
    usage,
  );
  const skip = typeof values.skip === 'string' ? values.skip.split(',').map((id) => id.trim()) : [];
  const fileCount = positiveInt(values, 'files');
  return {
    runs: positiveInt(values, 'runs') ?? 3,
    check: values.check === true,
    corpusDir: typeof values.corpus === 'string' ? values.corpus : defaultCorpusDir(),
    targetLines: positiveInt(values, 'lines') ?? 200_000,
    seed: positiveInt(values, 'seed') ?? 1,
    ...(fileCount !== undefined ? { fileCount } : {}),
    skip: new Set(skip),
    outFile: typeof values.out === 'string' ? values.out : join(OUT_DIR, 'results.json'),
  };
}

/** Reads every source file of the corpus into memory (before anything is timed). */
async function loadSources(corpusDir: string): Promise<SourceText[]> {
  const out: SourceText[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== CORPUS_META_DIR && entry.name !== 'node_modules') await walk(full);
        continue;
      }
      const kind = SCRIPT_KINDS[extname(entry.name)];
      // Declaration files are not scanned, so they are not parsed for the baseline either.
      if (kind === undefined || !entry.isFile() || /\.d\.[cm]?ts$/.test(entry.name)) continue;
      const text = await readFile(full, 'utf8');
      out.push({ path: full, relPath: relative(corpusDir, full).split(sep).join('/'), text, scriptKind: kind, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) });
    }
  };
  await walk(corpusDir);
  return out;
}

async function main(): Promise<number> {
  let args: RunArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const loadAtStart = loadavg()[0] ?? 0;
  const log = (message: string): void => console.log(`  · ${message}`);
  if (!(globalThis as { gc?: unknown }).gc) log('running without --expose-gc: garbage from one run may be billed to the next');

  console.log(`corpus: ${args.corpusDir}`);
  const { stamp, reused } = await ensureCorpus(args.corpusDir, { targetLines: args.targetLines, seed: args.seed, ...(args.fileCount ? { fileCount: args.fileCount } : {}) });
  log(reused ? 'reusing the existing corpus (its stamp matches what the generator builds now)' : 'generated a fresh corpus');
  for (const line of describeSummary(stamp.summary).split('\n')) log(line);

  const sources = await loadSources(args.corpusDir);
  const tmpDir = await mkdtemp(join(tmpdir(), 'piiguard-bench-'));
  const ctx: BenchContext = { repoRoot: REPO_ROOT, corpusDir: args.corpusDir, outDir: dirname(args.outFile), tmpDir, runs: args.runs, corpus: stamp, sources, log };
  const results = new Map<string, SectionResult>();
  try {
    for (const section of SECTIONS) {
      if (args.skip.has(section.id)) {
        results.set(section.id, { id: section.id, title: section.title, status: 'unavailable', message: 'skipped (--skip)', values: {} });
        continue;
      }
      console.log(`${section.title} …`);
      try {
        const result = await section.run(ctx, results);
        if (result.status !== 'ok') log(result.message?.split('\n')[0] ?? result.status);
        results.set(section.id, result);
      } catch (error) {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        log(`failed: ${message}`);
        results.set(section.id, { id: section.id, title: section.title, status: 'failed', message, values: {} });
      }
    }
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }

  const lines = sources.reduce((sum, s) => sum + s.lines, 0);
  const { summary, targets } = summarize(results, { lines, files: sources.length });
  const report = buildReport({ corpusDir: args.corpusDir, stamp, runs: args.runs, summary, targets, sections: [...results.values()], generatedAt: new Date().toISOString(), loadAtStart });
  console.log(formatReport(report));
  await writeReport(report, args.outFile);
  console.log(`\nresults written to ${relative(process.cwd(), args.outFile) || args.outFile}`);
  if (args.check && targets.some((t) => t.status !== 'PASS')) {
    console.log('--check: at least one target was missed or not measured');
    return 1;
  }
  return 0;
}

process.exitCode = await main();
