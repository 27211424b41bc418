/**
 * Where the bench reads and writes. The corpus lives outside the repository by default:
 * the repo's tsconfig includes all of bench/, so a corpus under bench/ would be compiled
 * (and fail) with the project, and a git-ignored folder may be skipped by the scanner's
 * .gitignore handling.
 */
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file runs as dist/bench/paths.js). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const OUT_DIR = join(REPO_ROOT, 'bench', 'out');

/** Default corpus location; override with --corpus <dir> or PIIGUARD_BENCH_CORPUS. */
export function defaultCorpusDir(): string {
  return process.env.PIIGUARD_BENCH_CORPUS ?? join(tmpdir(), 'piiguard-bench', 'corpus');
}

/** Bookkeeping folder inside a generated corpus (stamp and injected-problem manifest). */
export const CORPUS_META_DIR = '.bench';
