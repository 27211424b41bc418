/**
 * The ESLint measurement as a bench section, for bench/run.ts: ESLint with piiguard against
 * ESLint without it on the corpus: typed (parser only), typed with typescript-eslint's
 * recommendedTypeChecked rules, and untyped. The product target (issue 3): with type information
 * the plugin adds at most 50% to the time of the run (…WallRatio ≤ ESLINT_TYPED_OVERHEAD_LIMIT).
 * Which typed baseline the target means is the lead's call: `typed` is the worst case (the plugin
 * pays for the type checker alone), `typed-checked` the usual setup. CPU time is reported beside
 * wall time: it is steadier on a busy machine, but also bills the garbage collector's helper
 * threads, which cost no wall time on a multi-core machine.
 */
import type { BenchContext, BenchSection, SectionResult } from '../measure/types.js';
import { formatEslintBench, measureEslint } from './measure.js';

export const ESLINT_TYPED_OVERHEAD_LIMIT = 1.5;

export const eslintSection: BenchSection = {
  id: 'eslint',
  title: 'ESLint with vs without piiguard (typed, typed + recommendedTypeChecked, untyped)',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const result = await measureEslint(ctx.corpusDir, { runs: ctx.runs, log: ctx.log });
    for (const line of formatEslintBench(result).split('\n')) ctx.log(line);
    const values: SectionResult['values'] = { eslint: result.eslintVersion, typescriptEslint: result.typescriptEslintVersion };
    for (const m of result.modes) {
      const key = m.mode.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
      values[`${key}Files`] = m.files;
      values[`${key}WithoutMs`] = m.without.wallMs;
      values[`${key}WithMs`] = m.with.wallMs;
      values[`${key}WithoutCpuMs`] = m.without.cpuMs;
      values[`${key}WithCpuMs`] = m.with.cpuMs;
      values[`${key}WallRatio`] = m.wallRatio;
      values[`${key}CpuRatio`] = m.cpuRatio;
      values[`${key}PeakRssWithMiB`] = m.with.peakRssMiB;
      values[`${key}Findings`] = Object.entries(m.problems).filter(([rule]) => rule.startsWith('piiguard/')).reduce((sum, [, n]) => sum + n, 0);
      values[`${key}OtherProblems`] = m.problems.other ?? 0;
      values[`${key}ParseErrors`] = m.problems.fatal ?? 0;
    }
    return { id: 'eslint', title: this.title, status: 'ok', values };
  },
};
