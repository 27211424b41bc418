/**
 * Issue 6: what the four rules added later (hardcoded PII, reversible hashes, PII in URLs, PII to third
 * parties) cost. They are in the default (recommended) scan; this scan turns them off, and the growth
 * is the default scan of the same run over this one.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { notBuilt, scannerPaths } from './scanner.js';
import type { BenchSection, SectionResult } from './types.js';
import { collectGarbage, cpuNowMs, medianOf, summarizeTimes } from './types.js';

const NEWER_RULES_OFF = {
  'no-hardcoded-pii': 'off',
  'no-reversible-pii-hash': 'off',
  'no-pii-in-url': 'off',
  'no-pii-to-third-party': 'off',
} as const;

type StrictScan = (request: { cwd: string; paths: string[]; rules?: Record<string, string> }) => Promise<{ findings: unknown[] }>;

export const strictScanSection: BenchSection = {
  id: 'scan-strict',
  title: 'piiguard scan with the 4 newer rules off, in-process',
  async run(ctx, earlier): Promise<SectionResult> {
    const { scanModule } = scannerPaths(ctx.repoRoot);
    const missing = notBuilt(scanModule, ctx.repoRoot);
    if (missing) return { id: this.id, title: this.title, status: 'unavailable', message: missing, values: {} };
    const mod = (await import(pathToFileURL(scanModule).href)) as { scan: StrictScan };
    const runsMs: number[] = [];
    const cpuMs: number[] = [];
    let findings = 0;
    for (let run = 0; run < ctx.runs; run++) {
      collectGarbage();
      const started = performance.now();
      const cpuStarted = cpuNowMs();
      const result = await mod.scan({ cwd: ctx.corpusDir, paths: ['.'], rules: { ...NEWER_RULES_OFF } });
      runsMs.push(performance.now() - started);
      cpuMs.push(cpuNowMs() - cpuStarted);
      findings = result.findings.length;
      ctx.log(`scan without the 4 newer rules, run ${run + 1}/${ctx.runs}: ${Math.round(runsMs[runsMs.length - 1] ?? 0)} ms, ${findings} findings`);
    }
    const base = earlier.get('scan-inprocess')?.values.cpuMs;
    const cpu = medianOf(cpuMs);
    return {
      id: this.id,
      title: this.title,
      status: 'ok',
      timing: summarizeTimes(runsMs),
      values: { findings, cpuMs: cpu, growthWithTheFourRules: typeof base === 'number' && cpu > 0 ? `${Math.round((base / cpu - 1) * 100)}%` : null },
    };
  },
};
