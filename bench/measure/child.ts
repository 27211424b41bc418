/**
 * Runs a child process and measures its wall time, optionally its peak RSS through
 * `/usr/bin/time -v` (GNU time) when that exists.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export const GNU_TIME = '/usr/bin/time';

export interface ChildResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  stdout: string;
  stderr: string;
  /** Peak resident set size in KiB, when measured with GNU time. */
  maxRssKiB?: number;
  /** User + system CPU time in ms, when measured with GNU time (robust on a busy machine). */
  cpuMs?: number;
  timedOut: boolean;
}

export interface ChildOptions {
  cwd: string;
  /** Wrap the command in `/usr/bin/time -v` to read its peak RSS (if GNU time is installed). */
  measureRss?: boolean;
  timeoutMs?: number;
}

let gnuTimeWorks: boolean | undefined;

/** GNU time with -v support (BusyBox and BSD time lack it). */
export async function hasGnuTime(): Promise<boolean> {
  if (gnuTimeWorks !== undefined) return gnuTimeWorks;
  if (!existsSync(GNU_TIME)) return (gnuTimeWorks = false);
  const probe = await runRaw(GNU_TIME, ['-v', process.execPath, '-e', ''], { cwd: process.cwd(), timeoutMs: 30_000 });
  gnuTimeWorks = probe.exitCode === 0 && /Maximum resident set size/.test(probe.stderr);
  return gnuTimeWorks;
}

export async function runChild(command: string, args: readonly string[], options: ChildOptions): Promise<ChildResult> {
  if (options.measureRss && (await hasGnuTime())) {
    const result = await runRaw(GNU_TIME, ['-v', command, ...args], options);
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
    // GNU time appends its report to stderr; keep the child's own stderr readable.
    const cut = result.stderr.lastIndexOf('\tCommand being timed:');
    const stderr = cut >= 0 ? result.stderr.slice(0, cut) : result.stderr;
    const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr);
    const cpuMs = user && system ? Math.round((Number(user[1]) + Number(system[1])) * 1000) : undefined;
    return match ? { ...result, stderr, maxRssKiB: Number(match[1]), cpuMs } : { ...result, stderr, cpuMs };
  }
  return runRaw(command, args, options);
}

function runRaw(command: string, args: readonly string[], options: ChildOptions): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 15 * 60_000);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        wallMs: performance.now() - started,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
}

/** Last lines of a child's output, for error messages. */
export function tail(text: string, lines = 8): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
