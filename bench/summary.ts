/**
 * Turns section results into the flat summary of bench/out/results.json and checks the
 * product's speed and memory targets (SPEC §6).
 */
import type { SectionResult } from './measure/types.js';

export type TargetStatus = 'PASS' | 'FAIL' | 'SKIP';

export interface TargetCheck {
  name: string;
  /** What was compared, in words (which scan variant, against what). */
  basis: string;
  actual: number | null;
  limit: number;
  unit: string;
  status: TargetStatus;
}

export interface Summary {
  lines: number;
  files: number;
  parseMs: number | null;
  scanMs: number | null;
  scanCliMs: number | null;
  scanParseRatio: number | null;
  tscMs: number | null;
  scanTscRatio: number | null;
  /** The same ratios in CPU time (user + system), which the targets use when measured. */
  scanParseCpuRatio: number | null;
  scanTscCpuRatio: number | null;
  filesPerSec: number | null;
  findings: number | null;
  peakRssMiB: number | null;
  tscErrors: number | null;
}

const MAX_SCAN_PARSE_RATIO = 5;
const MAX_SCAN_TSC_RATIO = 1;
const MAX_PEAK_RSS_MIB = 1.5 * 1024;

export function summarize(results: ReadonlyMap<string, SectionResult>, corpus: { lines: number; files: number }): { summary: Summary; targets: TargetCheck[] } {
  const median = (id: string): number | null => {
    const r = results.get(id);
    return r?.status === 'ok' && r.timing ? r.timing.medianMs : null;
  };
  const value = (id: string, key: string): number | null => {
    const v = results.get(id)?.values[key];
    return typeof v === 'number' ? v : null;
  };
  const parseMs = median('parse');
  const scanInProcessMs = median('scan-inprocess');
  const scanCliMs = median('scan-cli');
  const tscMs = median('tsc');
  // scan vs parse: both in-process when possible (no Node start-up on either side).
  const scanMs = scanInProcessMs ?? scanCliMs;
  // scan vs tsc: both child processes when possible (Node start-up on both sides).
  const scanForTsc = scanCliMs ?? scanInProcessMs;
  const ratio = (a: number | null, b: number | null): number | null => (a !== null && b !== null && b > 0 ? round2(a / b) : null);
  // CPU time (user + system) is what the targets are judged on: wall time on a shared machine measures the
  // other tenants too. Both sides of each ratio are measured the same way in the same run.
  const parseCpu = value('parse', 'cpuMs');
  const scanCpu = value('scan-inprocess', 'cpuMs') ?? value('scan-cli', 'cpuMs');
  const scanCliCpu = value('scan-cli', 'cpuMs');
  const tscCpu = value('tsc', 'cpuMs');
  const summary: Summary = {
    lines: corpus.lines,
    files: corpus.files,
    parseMs,
    scanMs,
    scanCliMs,
    scanParseRatio: ratio(scanMs, parseMs),
    tscMs,
    scanTscRatio: ratio(scanForTsc, tscMs),
    scanParseCpuRatio: ratio(scanCpu, parseCpu),
    scanTscCpuRatio: ratio(scanCliCpu ?? scanCpu, tscCpu),
    filesPerSec: scanMs !== null && scanMs > 0 ? Math.round(corpus.files / (scanMs / 1000)) : null,
    findings: value('scan-inprocess', 'findings') ?? value('scan-cli', 'findings'),
    peakRssMiB: value('memory', 'peakRssMiB') ?? value('scan-cli', 'peakRssMiB'),
    tscErrors: value('tsc', 'errors'),
  };
  const check = (name: string, basis: string, actual: number | null, limit: number, unit: string, strict: boolean): TargetCheck => ({
    name,
    basis,
    actual,
    limit,
    unit,
    status: actual === null ? 'SKIP' : (strict ? actual < limit : actual <= limit) ? 'PASS' : 'FAIL',
  });
  const targets = [
    summary.scanParseCpuRatio !== null
      ? check('scan ≤ 5× parse-only', 'CPU time: in-process scan() / in-process parse', summary.scanParseCpuRatio, MAX_SCAN_PARSE_RATIO, '×', false)
      : check('scan ≤ 5× parse-only', scanInProcessMs !== null ? 'in-process scan() / in-process parse' : 'CLI scan / in-process parse', summary.scanParseRatio, MAX_SCAN_PARSE_RATIO, '×', false),
    summary.scanTscCpuRatio !== null
      ? check('scan < tsc --noEmit', 'CPU time: CLI scan / tsc (both child processes)', summary.scanTscCpuRatio, MAX_SCAN_TSC_RATIO, '×', true)
      : check('scan < tsc --noEmit', scanCliMs !== null ? 'CLI scan wall / tsc wall (both child processes)' : 'in-process scan / tsc wall', summary.scanTscRatio, MAX_SCAN_TSC_RATIO, '×', true),
    check('peak memory < 1.5 GiB', 'max RSS of the scan child process', summary.peakRssMiB, MAX_PEAK_RSS_MIB, 'MiB', true),
    check('editor edit→diagnostics p95 ≤ 150 ms', 'LSP child process, one-file edits, ~1,000-file workspace', value('lsp-latency', 'p95Ms'), 150, 'ms', false),
  ];
  return { summary, targets };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
