/**
 * Runs the real command-line tools on the fixture project: ESLint 10 (`eslint`), ESLint 9 (the
 * `eslint9` alias) and `piiguard scan`, all from the built package (npm test runs tsc first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE_PROJECT = path.join(REPO_ROOT, 'test', 'eslint', 'fixture-project');
export const BUILT_PLUGIN = path.join(REPO_ROOT, 'dist', 'src', 'eslint', 'index.js');

export const ESLINT_BINS = {
  'ESLint 10': path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
  'ESLint 9': path.join(REPO_ROOT, 'node_modules', 'eslint9', 'bin', 'eslint.js'),
} as const;

export interface EslintJsonMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
  line: number;
  column: number;
  severity: 1 | 2;
  fatal?: boolean;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; messageId?: string; fix: { range: [number, number]; text: string } }[];
}

export interface EslintJsonResult {
  filePath: string;
  messages: EslintJsonMessage[];
  output?: string;
}

export function assertBuilt(): void {
  if (!existsSync(BUILT_PLUGIN)) throw new Error(`${BUILT_PLUGIN} is missing: run \`npx tsc -p tsconfig.json\` (npm test does) before these tests.`);
}

function run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd: FIXTURE_PROJECT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `eslint --format json [...args] .` in the fixture project; exit code 1 (problems found) is expected. */
export function runEslint(bin: string, args: readonly string[] = []): { status: number | null; results: EslintJsonResult[]; stderr: string } {
  const { status, stdout, stderr } = run([bin, '--format', 'json', ...args, '.']);
  if (status !== 0 && status !== 1) throw new Error(`eslint exited ${status}:\n${stderr}\n${stdout.slice(0, 2000)}`);
  return { status, results: JSON.parse(stdout) as EslintJsonResult[], stderr };
}

export interface ScanJsonFinding {
  ruleId: string;
  message: string;
  location: { file: string; line: number; column: number };
  suppression?: unknown;
}

/** `piiguard scan --format json [...args]` in the fixture project. */
export function runScan(args: readonly string[] = []): { status: number | null; findings: ScanJsonFinding[] } {
  const { status, stdout, stderr } = run([path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'), 'scan', '--format', 'json', '--fail-on', 'none', ...args]);
  if (status !== 0) throw new Error(`piiguard scan exited ${status}:\n${stderr}`);
  return { status, findings: (JSON.parse(stdout) as { findings: ScanJsonFinding[] }).findings };
}

/** `file:line rule` keys, sorted, for comparing the tools. */
export function eslintKeys(results: readonly EslintJsonResult[]): string[] {
  return results
    .flatMap((r) => r.messages.map((m) => `${rel(r.filePath)}:${m.line} ${m.ruleId ?? (m.fatal ? 'FATAL ' + m.message : 'null')}`))
    .sort();
}

export function rel(file: string): string {
  return path.relative(FIXTURE_PROJECT, path.resolve(FIXTURE_PROJECT, file)).split(path.sep).join('/');
}
