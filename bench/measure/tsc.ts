/** Reference point: `tsc --noEmit -p <corpus>/tsconfig.json` in a child process. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runChild, tail } from './child.js';
import type { BenchSection, SectionResult } from './types.js';
import { summarizeTimes } from './types.js';

export const tscSection: BenchSection = {
  id: 'tsc',
  title: 'tsc --noEmit (type check, child process)',
  async run(ctx): Promise<SectionResult> {
    const tsc = join(ctx.repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    if (!existsSync(tsc)) return { id: this.id, title: this.title, status: 'unavailable', message: `${tsc} not found`, values: {} };
    const runsMs: number[] = [];
    const rss: number[] = [];
    const cpu: number[] = [];
    let errors = 0;
    for (let run = 0; run < ctx.runs; run++) {
      const child = await runChild(process.execPath, [tsc, '--noEmit', '-p', join(ctx.corpusDir, 'tsconfig.json')], { cwd: ctx.corpusDir, measureRss: true });
      // tsc exits 0 (clean) or 1/2 (diagnostics reported); anything else means it did not finish.
      if (child.timedOut || child.exitCode === null || child.exitCode > 2) {
        return { id: this.id, title: this.title, status: 'failed', message: `tsc did not complete (${child.timedOut ? 'timeout' : child.exitCode ?? child.signal}):\n${tail(child.stderr || child.stdout)}`, values: {} };
      }
      runsMs.push(child.wallMs);
      if (child.maxRssKiB !== undefined) rss.push(child.maxRssKiB);
      if (child.cpuMs !== undefined) cpu.push(child.cpuMs);
      errors = (child.stdout.match(/error TS\d+:/g) ?? []).length;
      ctx.log(`tsc run ${run + 1}/${ctx.runs}: ${Math.round(child.wallMs)} ms, ${errors} errors`);
    }
    return {
      id: this.id,
      title: this.title,
      status: 'ok',
      timing: summarizeTimes(runsMs),
      values: { errors, peakRssMiB: rss.length > 0 ? Math.round(Math.max(...rss) / 1024) : null, cpuMs: cpu.length > 0 ? summarizeTimes(cpu).medianMs : null },
    };
  },
};
