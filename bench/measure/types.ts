/**
 * The contract between run.ts and each measurement: a section gets the shared context
 * (corpus, sources in memory, run count) plus the results of earlier sections, and returns
 * a SectionResult. To add a measurement, write a module exporting a BenchSection and list
 * it in run.ts; report.ts prints every section, and targets.ts derives the product targets.
 */
import type ts from 'typescript';
import type { CorpusStamp } from '../corpus.js';

export interface SourceText {
  /** Absolute path. */
  path: string;
  /** Path relative to the corpus root, with forward slashes. */
  relPath: string;
  text: string;
  scriptKind: ts.ScriptKind;
  lines: number;
}

export interface BenchContext {
  repoRoot: string;
  corpusDir: string;
  /** Where results go (bench/out by default); sections may write detail files here. */
  outDir: string;
  /** Scratch folder for this bench run (removed at the end). */
  tmpDir: string;
  /** How many times each timed measurement runs; the median is reported. */
  runs: number;
  corpus: CorpusStamp;
  /** Every source file of the corpus, read once before any timing. */
  sources: readonly SourceText[];
  log: (message: string) => void;
}

export interface Timing {
  runsMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export type SectionStatus = 'ok' | 'unavailable' | 'failed';

export interface SectionResult {
  id: string;
  title: string;
  status: SectionStatus;
  /** Why the section did not run, or what went wrong. */
  message?: string;
  timing?: Timing;
  /** Other measured values, by name (e.g. findings, errors, peakRssMiB). */
  values: Record<string, number | string | boolean | null>;
}

export interface BenchSection {
  id: string;
  title: string;
  run(ctx: BenchContext, earlier: ReadonlyMap<string, SectionResult>): Promise<SectionResult>;
}

export function summarizeTimes(runsMs: number[]): Timing {
  const sorted = [...runsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    runsMs: runsMs.map((ms) => Math.round(ms)),
    medianMs: Math.round(median),
    minMs: Math.round(sorted[0] ?? 0),
    maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
  };
}

/** CPU time (user + system) of this process in ms: unlike wall time, not inflated by other load. */
export function cpuNowMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export function medianOf(values: readonly number[]): number {
  return summarizeTimes([...values]).medianMs;
}

/** Frees what earlier runs left behind so one run's garbage is not billed to the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}
