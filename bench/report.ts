/** Prints the bench results as a table and writes them as JSON. */
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import ts from 'typescript';
import type { CorpusStamp } from './corpus.js';
import type { SectionResult } from './measure/types.js';
import type { Summary, TargetCheck } from './summary.js';

export interface MachineInfo {
  node: string;
  typescript: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  totalMemoryMiB: number;
  /** 1-minute load average at the start and end of the run: timings are noisy on a busy machine. */
  loadAverage: { start: number; end: number };
}

export interface BenchReport {
  generatedAt: string;
  machine: MachineInfo;
  corpus: { dir: string; generatorVersion: number; seed: number; sourceFiles: number; sourceLines: number; treeHash: string; injected: number };
  runs: number;
  summary: Summary;
  targets: TargetCheck[];
  sections: SectionResult[];
}

export function machineInfo(loadAtStart: number): MachineInfo {
  const list = cpus();
  return {
    node: process.version,
    typescript: ts.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    totalMemoryMiB: Math.round(totalmem() / 1024 / 1024),
    loadAverage: { start: round1(loadAtStart), end: round1(loadavg()[0] ?? 0) },
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function buildReport(args: { corpusDir: string; stamp: CorpusStamp; runs: number; summary: Summary; targets: TargetCheck[]; sections: SectionResult[]; generatedAt: string; loadAtStart: number }): BenchReport {
  const { stamp } = args;
  return {
    generatedAt: args.generatedAt,
    machine: machineInfo(args.loadAtStart),
    corpus: {
      dir: args.corpusDir,
      generatorVersion: stamp.generatorVersion,
      seed: stamp.seed,
      sourceFiles: stamp.summary.sourceFiles,
      sourceLines: stamp.summary.sourceLines,
      treeHash: stamp.treeHash,
      injected: stamp.summary.injected.total,
    },
    runs: args.runs,
    summary: args.summary,
    targets: args.targets,
    sections: args.sections,
  };
}

export async function writeReport(report: BenchReport, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
}

const n = (v: number | null | undefined, unit = ''): string => (v === null || v === undefined ? '—' : `${v.toLocaleString('en-US')}${unit}`);

export function formatReport(report: BenchReport): string {
  const { summary: s, machine: m } = report;
  const out: string[] = [];
  out.push('');
  out.push(`piiguard bench — ${n(s.files)} files, ${n(s.lines)} lines (corpus seed ${report.corpus.seed}, generator v${report.corpus.generatorVersion}, tree ${report.corpus.treeHash.slice(0, 12)}), median of ${report.runs} run(s)`);
  out.push(`machine: Node ${m.node}, TypeScript ${m.typescript}, ${m.platform}, ${m.cpus} × ${m.cpuModel}, ${n(m.totalMemoryMiB)} MiB RAM, load ${m.loadAverage.start} → ${m.loadAverage.end}`);
  if (Math.max(m.loadAverage.start, m.loadAverage.end) > m.cpus * 0.75) {
    out.push(`warning: the machine was busy (load average above ${m.cpus * 0.75} on ${m.cpus} CPUs); timings and ratios are unreliable — compare the min of the runs in results.json, or rerun on an idle machine`);
  }
  out.push('');
  const rows: [string, string, string][] = [['measurement', 'median', 'details']];
  for (const section of report.sections) {
    if (section.status !== 'ok') {
      rows.push([section.title, section.status === 'unavailable' ? 'n/a' : 'FAILED', (section.message ?? '').split('\n')[0] ?? '']);
      continue;
    }
    const details = Object.entries(section.values)
      .filter(([, v]) => v !== null && v !== '')
      .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : String(v)}`);
    if (section.timing && report.runs > 1) details.unshift(`runs ${section.timing.runsMs.map((ms) => ms.toLocaleString('en-US')).join(' / ')} ms`);
    rows.push([section.title, section.timing ? n(section.timing.medianMs, ' ms') : '', details.join(', ')]);
  }
  out.push(...table(rows));
  out.push('');
  out.push(`CPU time: scan/parse ${n(s.scanParseCpuRatio, '×')}   scan/tsc ${n(s.scanTscCpuRatio, '×')}`);
  out.push(`wall time: scan/parse ${n(s.scanParseRatio, '×')}   scan/tsc ${n(s.scanTscRatio, '×')}   ${n(s.filesPerSec)} files/s   findings ${n(s.findings)}   peak RSS ${n(s.peakRssMiB, ' MiB')}   tsc errors ${n(s.tscErrors)}`);
  out.push('');
  out.push('targets (SPEC §6):');
  for (const t of report.targets) {
    const actual = t.actual === null ? 'not measured' : `${t.actual.toLocaleString('en-US')}${t.unit === '×' ? '×' : ` ${t.unit}`}`;
    out.push(`  ${t.status.padEnd(4)}  ${t.name.padEnd(24)} ${actual.padEnd(14)} (${t.basis})`);
  }
  for (const section of report.sections) {
    if (section.status !== 'ok' && section.message && section.message.includes('\n')) {
      out.push('', `${section.title}:`, section.message);
    }
  }
  return out.join('\n');
}

function table(rows: [string, string, string][]): string[] {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([a, b, c], i) => {
    const line = `  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd();
    return i === 0 ? `${line}\n  ${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ${'-'.repeat(7)}` : line;
  });
}
