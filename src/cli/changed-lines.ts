import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../engine/finding.js';
import type { ScanResult } from '../scan/scan.js';

/**
 * `--changed-since <ref>`: which lines of the working tree differ from a git ref, so that a
 * pull-request check reports only what the change touched. Compared with the merge base of the
 * ref and HEAD (what a pull request shows, even when the target branch moved on), including
 * uncommitted, staged and untracked files.
 */
export interface ChangedLines {
  ref: string;
  /** The commit the working tree was compared with. */
  base: string;
  /** Real path of the repository's top directory. */
  repoRoot: string;
  /** Real absolute path → changed 1-based line numbers, or 'all' for untracked files. */
  files: ReadonlyMap<string, ReadonlySet<number> | 'all'>;
}

/** Not a git repository, git missing, or an unknown ref. The CLI exits with 2. */
export class ChangedLinesError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ChangedLinesError';
  }
}

export interface GitOutput {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when git could not be started at all (not installed). */
  error?: Error;
}

/** Runs git with an argument array, never through a shell; replaceable in tests. */
export type GitRunner = (args: readonly string[], cwd: string) => GitOutput;

export const runGit: GitRunner = (args, cwd) => {
  const run = spawnSync('git', [...neutralisingConfig(cwd), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Never stop to ask for credentials or open a pager.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' },
  });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '', ...(run.error ? { error: run.error } : {}) };
};

/**
 * `-c` settings that keep git from running programs the scanned repository configures: the fsmonitor
 * hook, and the clean/smudge/process commands of every filter its attributes name (reading a working
 * tree file for a diff runs its clean filter). Git's own attribute files are read as text, never run.
 */
export function neutralisingConfig(cwd: string): string[] {
  const settings = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'diff.external='];
  const filters = new Set<string>();
  const visit = (dir: string, depth: number): void => {
    if (depth > 12 || filters.size > 200) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isSymbolicLink()) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') visit(full, depth + 1);
      else if (entry.isFile() && entry.name === '.gitattributes') collectFilters(full, filters);
    }
  };
  visit(cwd, 0);
  for (const gitDir of [path.join(cwd, '.git', 'info', 'attributes')]) collectFilters(gitDir, filters);
  for (const name of filters) settings.push('-c', `filter.${name}.clean=`, '-c', `filter.${name}.smudge=`, '-c', `filter.${name}.process=`, '-c', `filter.${name}.required=false`);
  return settings;
}

function collectFilters(file: string, into: Set<string>): void {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').slice(0, 1_000_000);
  } catch {
    return;
  }
  for (const word of text.split(/\s+/)) {
    if (word.startsWith('filter=')) {
      const name = word.slice('filter='.length);
      if (/^[\w.-]+$/.test(name)) into.add(name);
    }
  }
}

/**
 * Flags that make the diff independent of user and repository git configuration, and that keep git
 * from running programs the scanned repository configures (external diff drivers, textconv filters).
 */
const DIFF_ARGS = ['--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/'];

export function changedLinesSince(ref: string, cwd: string, git: GitRunner = runGit): ChangedLines {
  if (ref.trim() === '' || ref.startsWith('-')) {
    throw new ChangedLinesError(`"${ref}" is not a git ref.`, 'Give a branch, tag or commit to --changed-since, e.g. --changed-since origin/main.');
  }
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (top.error) {
    throw new ChangedLinesError(
      `--changed-since needs git, which could not be run (${top.error.message}).`,
      'Install git and make sure it is on PATH, or leave out --changed-since to scan everything.',
    );
  }
  if (top.status !== 0) {
    throw new ChangedLinesError(
      `--changed-since needs a git repository, but ${cwd} is not inside one.`,
      'Run piiguard from a git checkout, or leave out --changed-since to scan everything.',
    );
  }
  const repoRoot = realpathOrSelf(top.stdout.trim());

  const resolved = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], repoRoot);
  if (resolved.status !== 0) {
    throw new ChangedLinesError(
      `git does not know the ref "${ref}" given to --changed-since.`,
      'Check the branch, tag or commit name. In CI, fetch it first: a shallow clone lacks other branches (actions/checkout: fetch-depth: 0).',
    );
  }
  const commit = resolved.stdout.trim();
  // Unrelated histories or a shallow clone may have no merge base: compare with the ref itself.
  const mergeBase = git(['merge-base', commit, 'HEAD'], repoRoot);
  const base = mergeBase.status === 0 && mergeBase.stdout.trim() !== '' ? mergeBase.stdout.trim() : commit;

  const diff = git(['-c', 'core.quotePath=off', 'diff', ...DIFF_ARGS, base, '--'], repoRoot);
  if (diff.status !== 0) throw gitFailed('git diff', diff);
  const untracked = git(['-c', 'core.quotePath=off', 'ls-files', '--others', '--exclude-standard', '-z'], repoRoot);
  if (untracked.status !== 0) throw gitFailed('git ls-files', untracked);

  const files = new Map<string, ReadonlySet<number> | 'all'>();
  for (const [file, lines] of parseUnifiedDiff(diff.stdout)) files.set(path.join(repoRoot, file), lines);
  for (const file of untracked.stdout.split('\0')) if (file !== '') files.set(path.join(repoRoot, file), 'all');
  return { ref, base, repoRoot, files };
}

/**
 * Changed lines per file (new side, repository-relative path) from `git diff --unified=0`.
 * Added and modified lines count; where lines were only deleted, the line that follows the
 * deletion counts too, so removing a guard right above a call still reports the call.
 * Deleted and binary files have no lines. Hunk bodies are skipped by count, so added lines that
 * happen to look like headers (`+++ x`) are not mistaken for them.
 */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of diff.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('-') && oldLeft > 0) {
        oldLeft--;
        continue;
      }
      if (line.startsWith('+') && newLeft > 0) {
        newLeft--;
        continue;
      }
      if (line.startsWith('\\')) continue; // "\ No newline at end of file"
      // A malformed or truncated body: resynchronise on the headers.
      oldLeft = 0;
      newLeft = 0;
    }
    if (line.startsWith('diff --git ')) {
      current = undefined;
    } else if (line.startsWith('+++ ')) {
      const file = newSidePath(line.slice(4));
      if (file === undefined) {
        current = undefined;
      } else {
        current = files.get(file) ?? new Set();
        files.set(file, current);
      }
    } else if (line.startsWith('@@ ')) {
      const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      const count = hunk[3] === undefined ? 1 : Number(hunk[3]);
      newLeft = count;
      if (!current) continue;
      if (count === 0) current.add(start + 1);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return files;
}

/** Whether a finding, or a step of its data flow, lies on a changed line. */
export function touchesChangedLines(finding: Finding, changed: ChangedLines, realpathOf: (file: string) => string = realpathOrSelf): boolean {
  const locations = [finding.location, ...(finding.source ? [finding.source.location] : []), ...finding.flow.map((step) => step.location)];
  return locations.some((location) => {
    const lines = changed.files.get(realpathOf(location.file));
    if (lines === undefined) return false;
    if (lines === 'all') return true;
    for (let line = location.line; line <= Math.max(location.line, location.endLine); line++) if (lines.has(line)) return true;
    return false;
  });
}

/** The scan result with only the findings that touch changed lines. */
export function keepChangedFindings(result: ScanResult, changed: ChangedLines): ScanResult {
  const realpaths = new Map<string, string>();
  const realpathOf = (file: string) => {
    let real = realpaths.get(file);
    if (real === undefined) realpaths.set(file, (real = realpathOrSelf(file)));
    return real;
  };
  return { ...result, findings: result.findings.filter((finding) => touchesChangedLines(finding, changed, realpathOf)) };
}

/** The path on a `+++ ` line, without its `b/` prefix; undefined for /dev/null. */
function newSidePath(raw: string): string | undefined {
  let name: string;
  if (raw.startsWith('"')) {
    name = unquoteC(raw);
  } else {
    // git ends a name that contains a space with a tab, so the line can't be misread.
    name = raw.endsWith('\t') ? raw.slice(0, -1) : raw;
  }
  if (name === '/dev/null') return undefined;
  return name.startsWith('b/') ? name.slice(2) : name;
}

const C_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Decodes git's C-style quoted path ("a\tb", "caf\303\251"), whose octal escapes are UTF-8 bytes. */
export function unquoteC(quoted: string): string {
  const end = quoted.lastIndexOf('"');
  const body = quoted.slice(1, end > 0 ? end : undefined);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function gitFailed(command: string, output: GitOutput): ChangedLinesError {
  const detail = output.stderr.trim().split('\n')[0] ?? '';
  return new ChangedLinesError(`${command} failed${detail ? `: ${detail}` : ''}.`, 'Check that the repository is not corrupt (git status), or leave out --changed-since.');
}

function realpathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
