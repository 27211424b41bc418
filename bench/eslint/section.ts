/**
 * The ESLint measurement as a bench section, for bench/run.ts: ESLint with piiguard against
 * ESLint without it on the corpus, typed and untyped. The product target (issue 3): with type
 * information the plugin adds at most 50% to the time of the run, i.e. typedWallRatio ≤ 1.5.
 * CPU time is reported beside it: it is steadier on a busy machine, but it also bills the
 * garbage collector's helper threads, which cost no wall time on a multi-core machine.
 */
import type { BenchContext, BenchSection, SectionResult } from '../measure/types.js';
import { formatEslintBench, measureEslint } from './measure.js';

export const ESLINT_TYPED_OVERHEAD_LIMIT = 1.5;

export const eslintSection: BenchSection = {
  id: 'eslint',
  title: 'ESLint with vs without piiguard (typed and untyped)',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const result = await measureEslint(ctx.corpusDir, { runs: ctx.runs, log: ctx.log });
    for (const line of formatEslintBench(result).split('\n')) ctx.log(line);
    const values: SectionResult['values'] = { eslint: result.eslintVersion, typescriptEslint: result.typescriptEslintVersion };
    for (const m of result.modes) {
      values[`${m.mode}Files`] = m.files;
      values[`${m.mode}WithoutMs`] = m.without.wallMs;
      values[`${m.mode}WithMs`] = m.with.wallMs;
      values[`${m.mode}WithoutCpuMs`] = m.without.cpuMs;
      values[`${m.mode}WithCpuMs`] = m.with.cpuMs;
      values[`${m.mode}WallRatio`] = m.wallRatio;
      values[`${m.mode}CpuRatio`] = m.cpuRatio;
      values[`${m.mode}PeakRssWithMiB`] = m.with.peakRssMiB;
      values[`${m.mode}Findings`] = Object.entries(m.problems).filter(([rule]) => rule.startsWith('piiguard/')).reduce((sum, [, n]) => sum + n, 0);
      values[`${m.mode}ParseErrors`] = m.problems.fatal ?? 0;
    }
    return { id: 'eslint', title: this.title, status: 'ok', values };
  },
};
