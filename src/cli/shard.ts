import { statSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';

/** One of `count` CI runners; `index` is 1-based, as written on the command line (`--shard 2/4`). */
export interface Shard {
  index: number;
  count: number;
}

export interface SizedFile {
  /** Stable key: the path relative to the project root, with '/'. */
  key: string;
  size: number;
}

const SHARD_PATTERN = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

/** Commander argument parser for `--shard k/n`. */
export function parseShardOption(value: string): Shard {
  const match = SHARD_PATTERN.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError(`Expected <k>/<n> with 1 <= k <= n, e.g. 2/4 for the second of four shards.`);
  }
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * Splits files into `count` groups of similar total size: greedy longest-processing-time (largest
 * file first, into the currently lightest group). Ties are broken by path and by group number, so
 * every runner computes the same partition from the same checkout, whatever order files were found in.
 */
export function partitionFiles(files: readonly SizedFile[], count: number): string[][] {
  const ordered = [...files].sort((a, b) => b.size - a.size || compareKeys(a.key, b.key));
  const groups: string[][] = Array.from({ length: count }, () => []);
  const loads = new Array<number>(count).fill(0);
  for (const file of ordered) {
    let lightest = 0;
    for (let i = 1; i < count; i++) if (loads[i]! < loads[lightest]!) lightest = i;
    groups[lightest]!.push(file.key);
    // Empty files still cost a parse: count each file as at least one byte, so they spread out too.
    loads[lightest]! += Math.max(1, file.size);
  }
  for (const group of groups) group.sort(compareKeys);
  return groups;
}

/**
 * The files of one shard, among absolute `files`. Keys are root-relative so that runners with
 * different checkout directories agree.
 */
export function selectShardFiles(files: readonly string[], rootDir: string, shard: Shard): Set<string> {
  const byKey = new Map<string, string>();
  const sized: SizedFile[] = [];
  for (const file of files) {
    const key = path.relative(rootDir, file).split(path.sep).join('/');
    byKey.set(key, file);
    sized.push({ key, size: sizeOf(file) });
  }
  const group = partitionFiles(sized, shard.count)[shard.index - 1] ?? [];
  return new Set(group.map((key) => byKey.get(key)!));
}

/** Code-unit order, independent of the runner's locale. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
