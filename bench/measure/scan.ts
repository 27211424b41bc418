/**
 * The full piiguard scan, two ways: in this process through scan() (comparable with the
 * in-process parse baseline) and as a CLI child process (comparable with tsc, which also
 * pays for Node start-up).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { runChild, tail } from './child.js';
import type { ScanFunction, ScanLike } from './scanner.js';
import { notBuilt, scannerPaths } from './scanner.js';
import type { BenchSection, SectionResult } from './types.js';
import { collectGarbage, cpuNowMs, medianOf, summarizeTimes } from './types.js';

/** Findings of the last in-process scan, kept for sections that compare them (agreement). */
let lastInProcessScan: ScanLike | undefined;

export function lastScanResult(): ScanLike | undefined {
  return lastInProcessScan;
}

export const scanInProcessSection: BenchSection = {
  id: 'scan-inprocess',
  title: 'piiguard scan, in-process (scan())',
  async run(ctx) {
    const { scanModule } = scannerPaths(ctx.repoRoot);
    const missing = notBuilt(scanModule, ctx.repoRoot);
    if (missing) return unavailable(this, missing);
    const mod = (await import(pathToFileURL(scanModule).href)) as { scan?: ScanFunction };
    if (typeof mod.scan !== 'function') return unavailable(this, `${scanModule} does not export scan()`);
    const runsMs: number[] = [];
    const cpuMs: number[] = [];
    const reportedMs: number[] = [];
    let result: ScanLike | undefined;
    for (let run = 0; run < ctx.runs; run++) {
      result = undefined;
      lastInProcessScan = undefined;
      collectGarbage();
      const started = performance.now();
      const cpuStarted = cpuNowMs();
      result = await mod.scan({ cwd: ctx.corpusDir, paths: ['.'] });
      runsMs.push(performance.now() - started);
      cpuMs.push(cpuNowMs() - cpuStarted);
      reportedMs.push(result.durationMs);
      ctx.log(`in-process scan run ${run + 1}/${ctx.runs}: ${Math.round(runsMs[runsMs.length - 1] ?? 0)} ms, ${result.findings.length} findings`);
    }
    lastInProcessScan = result;
    return {
      id: this.id,
      title: this.title,
      status: 'ok',
      timing: summarizeTimes(runsMs),
      values: {
        findings: result?.findings.length ?? null,
        notices: result?.notices.length ?? null,
        filesScanned: result?.filesScanned ?? null,
        reportedDurationMs: summarizeTimes(reportedMs).medianMs,
        cpuMs: medianOf(cpuMs),
      },
    };
  },
};

export const scanCliSection: BenchSection = {
  id: 'scan-cli',
  title: 'piiguard scan, CLI child process',
  async run(ctx) {
    const { cli } = scannerPaths(ctx.repoRoot);
    const missing = notBuilt(cli, ctx.repoRoot);
    if (missing) return unavailable(this, missing);
    const runsMs: number[] = [];
    const rss: number[] = [];
    const cpu: number[] = [];
    let findings: number | null = null;
    for (let run = 0; run < ctx.runs; run++) {
      const output = join(ctx.tmpDir, `scan-${run}.json`);
      const args = [cli, 'scan', '.', '--format', 'json', '--output', output, '--fail-on', 'none'];
      const child = await runChild(process.execPath, args, { cwd: ctx.corpusDir, measureRss: true });
      if (child.exitCode !== 0) {
        const why = child.timedOut ? 'timed out' : `exited with ${child.exitCode ?? child.signal}`;
        return { id: this.id, title: this.title, status: 'failed', message: `piiguard scan ${why}:\n${tail(child.stderr || child.stdout)}`, values: {} };
      }
      runsMs.push(child.wallMs);
      if (child.maxRssKiB !== undefined) rss.push(child.maxRssKiB);
      if (child.cpuMs !== undefined) cpu.push(child.cpuMs);
      findings = await countFindings(output);
      ctx.log(`CLI scan run ${run + 1}/${ctx.runs}: ${Math.round(child.wallMs)} ms, ${findings ?? '?'} findings`);
    }
    return {
      id: this.id,
      title: this.title,
      status: 'ok',
      timing: summarizeTimes(runsMs),
      values: { findings, peakRssMiB: rss.length > 0 ? Math.round(Math.max(...rss) / 1024) : null, cpuMs: cpu.length > 0 ? summarizeTimes(cpu).medianMs : null },
    };
  },
};

async function countFindings(jsonFile: string): Promise<number | null> {
  try {
    const report = JSON.parse(await readFile(jsonFile, 'utf8')) as { findings?: unknown[] } | unknown[];
    if (Array.isArray(report)) return report.length;
    return Array.isArray(report.findings) ? report.findings.length : null;
  } catch {
    return null;
  }
}

function unavailable(section: BenchSection, message: string): SectionResult {
  return { id: section.id, title: section.title, status: 'unavailable', message, values: {} };
}

