/**
 * ESLint with piiguard's plugin against ESLint without it, on the bench corpus, typed and
 * untyped, in one run. Each ESLint run is a child process (dist/bench/eslint/child.js), so no run
 * reuses another's programs, caches or heap; runs of the two configurations alternate, so a busy
 * machine slows both alike. Medians are reported, wall and CPU time both.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { EslintRunResult } from './child.js';
import { ESLINT_MODES, type EslintMode } from './config.js';

export type EslintPackage = 'eslint' | 'eslint9';

export interface EslintBenchOptions {
  /** Runs per configuration (median reported); default 1. */
  runs?: number;
  /** Which installed ESLint: 'eslint' (10) or the 'eslint9' alias; default 'eslint'. */
  eslintPackage?: EslintPackage;
  /** Default: all of ESLINT_MODES (typed, typed-checked, untyped). */
  modes?: readonly EslintMode[];
  log?: (message: string) => void;
}

export interface EslintTiming {
  /** Median wall time of the runs, ms. */
  wallMs: number;
  /** Median CPU time (user + system) of the runs, ms. */
  cpuMs: number;
  runsWallMs: number[];
  runsCpuMs: number[];
  peakRssMiB: number;
}

export interface EslintModeResult {
  mode: EslintMode;
  files: number;
  without: EslintTiming;
  with: EslintTiming;
  /** with / without, wall time medians. */
  wallRatio: number;
  /** with / without, CPU time medians. */
  cpuRatio: number;
  /** Problems reported with the plugin, by rule ("fatal" = parse errors); other rules' problems are summed as "other". */
  problems: Record<string, number>;
}

export interface EslintBenchResult {
  eslintVersion: string;
  typescriptEslintVersion: string;
  runs: number;
  modes: EslintModeResult[];
}

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

export async function measureEslint(corpusDir: string, options: EslintBenchOptions = {}): Promise<EslintBenchResult> {
  const runs = options.runs ?? 1;
  const eslintPackage = options.eslintPackage ?? 'eslint';
  const log = options.log ?? (() => undefined);
  const modes: EslintModeResult[] = [];
  for (const mode of options.modes ?? ESLINT_MODES) {
    const without: EslintRunResult[] = [];
    const withPlugin: EslintRunResult[] = [];
    for (let run = 0; run < runs; run++) {
      // Alternate which goes first, so a trend in machine load favours neither.
      const order: ('without' | 'with')[] = run % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
      for (const plugin of order) {
        const result = await runChild(corpusDir, mode, plugin, eslintPackage);
        (plugin === 'with' ? withPlugin : without).push(result);
        log(`ESLint ${mode}, ${plugin} piiguard, run ${run + 1}/${runs}: ${result.ms} ms wall, ${result.cpuMs} ms CPU, ${result.files} files`);
      }
    }
    const withoutTiming = timing(without);
    const withTiming = timing(withPlugin);
    modes.push({
      mode,
      files: withPlugin[0]?.files ?? 0,
      without: withoutTiming,
      with: withTiming,
      wallRatio: ratio(withTiming.wallMs, withoutTiming.wallMs),
      cpuRatio: ratio(withTiming.cpuMs, withoutTiming.cpuMs),
      problems: withPlugin[0]?.problems ?? {},
    });
  }
  const require = createRequire(import.meta.url);
  const versionOf = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;
  return { eslintVersion: versionOf(eslintPackage), typescriptEslintVersion: versionOf('@typescript-eslint/parser'), runs, modes };
}

function runChild(corpusDir: string, mode: EslintMode, plugin: 'with' | 'without', eslintPackage: EslintPackage): Promise<EslintRunResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CHILD, corpusDir, mode, plugin, eslintPackage], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`ESLint ${mode} ${plugin} piiguard failed: ${error.message}\n${stderr.slice(-2000)}`));
        return;
      }
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as EslintRunResult);
      } catch {
        reject(new Error(`ESLint ${mode} ${plugin} piiguard printed no result:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      }
    });
  });
}

function timing(results: readonly EslintRunResult[]): EslintTiming {
  const runsWallMs = results.map((r) => r.ms);
  const runsCpuMs = results.map((r) => r.cpuMs);
  return { wallMs: median(runsWallMs), cpuMs: median(runsCpuMs), runsWallMs, runsCpuMs, peakRssMiB: Math.max(0, ...results.map((r) => r.peakRssMiB)) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

function ratio(a: number, b: number): number {
  return b > 0 ? Math.round((a / b) * 100) / 100 : 0;
}

/** One line per mode, for logs and reports. */
export function formatEslintBench(result: EslintBenchResult): string {
  const lines = [`ESLint ${result.eslintVersion}, typescript-eslint ${result.typescriptEslintVersion}, ${result.runs} run(s) each, medians:`];
  for (const m of result.modes) {
    lines.push(
      `  ${m.mode.padEnd(13)} without ${m.without.wallMs} ms (CPU ${m.without.cpuMs} ms) | with piiguard ${m.with.wallMs} ms (CPU ${m.with.cpuMs} ms) | ` +
        `×${m.wallRatio} wall, ×${m.cpuRatio} CPU | ${m.files} files | peak RSS ${m.without.peakRssMiB} → ${m.with.peakRssMiB} MiB`,
    );
  }
  return lines.join('\n');
}
