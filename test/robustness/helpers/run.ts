/**
 * Running piiguard the ways a user does, for the robustness tests: `scan()` in-process with the
 * real engine, and the built CLI (dist/, built by `npm test` before vitest) as a child process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import path from 'node:path';
import { type ScanRequest, type ScanResult, scan } from '../../../src/scan/scan.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const BUILT_CLI = path.join(REPO_ROOT, 'dist/src/cli/main.js');
/** Suppression expiry is checked against this, so results don't change with the calendar. */
export const TODAY = '2026-11-22';

export function assertBuilt(): void {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npx tsc -p tsconfig.json\` (npm test does) first.`);
}

/** `piiguard scan` in-process with the real engine. */
export function scanRepo(root: string, request: Partial<ScanRequest> = {}): Promise<ScanResult> {
  return scan({ cwd: root, paths: ['.'], today: TODAY, ...request });
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliRunOptions {
  /** Run as the unprivileged `nobody` when the tests run as root (so file permissions apply). */
  unprivileged?: boolean;
  timeoutMs?: number;
  env?: Record<string, string>;
}

export const RUNNING_AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/**
 * Whether the unprivileged user can run the built CLI: as root the permission tests run the CLI as
 * `nobody`, which needs a world-readable checkout (not, say, one under a private /root).
 */
export function nobodyCanRunCli(): boolean {
  if (!RUNNING_AS_ROOT) return true;
  const probe = spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(BUILT_CLI)}, require('node:fs').constants.R_OK)`], {
    uid: NOBODY,
    gid: NOBODY,
    stdio: 'ignore',
  });
  return probe.status === 0;
}

/** The built CLI in a child process: a crash or a hang there can't take the test runner down. */
export function runBuiltCli(cwd: string, argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const dropPrivileges = options.unprivileged === true && RUNNING_AS_ROOT;
  if (dropPrivileges) chmodSync(cwd, 0o755);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...argv], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      ...(dropPrivileges ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}

/** Root-relative path with '/' separators. */
export function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
