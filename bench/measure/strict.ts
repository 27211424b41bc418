/** Issue 6: the four strict-only rules switched on, against the default (recommended) scan of the same run. */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { notBuilt, scannerPaths } from './scanner.js';
import type { BenchSection, SectionResult } from './types.js';
import { collectGarbage, cpuNowMs, medianOf, summarizeTimes } from './types.js';

const STRICT_RULES = {
  'no-hardcoded-pii': 'warning',
  'no-reversible-pii-hash': 'warning',
  'no-pii-in-url': 'warning',
  'no-pii-to-third-party': 'warning',
} as const;

type StrictScan = (request: { cwd: string; paths: string[]; rules?: Record<string, string> }) => Promise<{ findings: unknown[] }>;

export const strictScanSection: BenchSection = {
  id: 'scan-strict',
  title: 'piiguard scan with the 4 strict rules, in-process',
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
      const result = await mod.scan({ cwd: ctx.corpusDir, paths: ['.'], rules: { ...STRICT_RULES } });
      runsMs.push(performance.now() - started);
      cpuMs.push(cpuNowMs() - cpuStarted);
      findings = result.findings.length;
      ctx.log(`strict scan run ${run + 1}/${ctx.runs}: ${Math.round(runsMs[runsMs.length - 1] ?? 0)} ms, ${findings} findings`);
    }
    const base = earlier.get('scan-inprocess')?.values.cpuMs;
    const cpu = medianOf(cpuMs);
    return {
      id: this.id,
      title: this.title,
      status: 'ok',
      timing: summarizeTimes(runsMs),
      values: { findings, cpuMs: cpu, growthOverRecommended: typeof base === 'number' && base > 0 ? `${Math.round((cpu / base - 1) * 100)}%` : null },
    };
  },
};
