/**
 * One timed ESLint run over the corpus, in its own process so no run inherits another's
 * programs or caches. Prints one JSON line: EslintRunResult.
 *
 *   node dist/bench/eslint/child.js <corpusDir> <typed|typed-checked|untyped> <with|without> <eslint|eslint9>
 */
import { performance } from 'node:perf_hooks';
import type { ESLint as ESLintClass } from 'eslint';
import { benchConfig, ESLINT_MODES, type EslintMode, SOURCE_GLOB } from './config.js';

export interface EslintRunResult {
  /** Wall time of new ESLint(…) + lintFiles over the corpus (module loading excluded). */
  ms: number;
  /** CPU time (user + system, all threads) of the same span: steadier than wall time on a busy machine. */
  cpuMs: number;
  files: number;
  /** Problems by rule id (parse errors under "fatal"). */
  problems: Record<string, number>;
  peakRssMiB: number;
}

const [corpusDir, mode, plugin, eslintPackage] = process.argv.slice(2);
if (!corpusDir || !(ESLINT_MODES as readonly string[]).includes(mode ?? '') || (plugin !== 'with' && plugin !== 'without') || (eslintPackage !== 'eslint' && eslintPackage !== 'eslint9')) {
  console.error(`usage: child.js <corpusDir> <${ESLINT_MODES.join('|')}> <with|without> <eslint|eslint9>`);
  process.exit(2);
}

const { ESLint } = (await import(eslintPackage)) as { ESLint: typeof ESLintClass };
const cpuBefore = process.cpuUsage();
const started = performance.now();
const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: benchConfig(corpusDir, mode as EslintMode, plugin === 'with'), cache: false });
const results = await eslint.lintFiles([SOURCE_GLOB]);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);

const problems: Record<string, number> = {};
for (const result of results) {
  for (const message of result.messages) {
    const key = message.fatal ? 'fatal' : message.ruleId?.startsWith('piiguard/') ? message.ruleId : 'other';
    problems[key] = (problems[key] ?? 0) + 1;
  }
}
const out: EslintRunResult = { ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), files: results.length, problems, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
console.log(JSON.stringify(out));
