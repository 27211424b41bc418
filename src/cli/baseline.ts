import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../engine/finding.js';
import type { ScanResult } from '../scan/scan.js';
import { RULE_IDS } from '../../rules/index.js';
import type { RuleId } from '../../rules/types.js';
import { relativePath } from './formatters/shared.js';

/**
 * A baseline records the findings a team has accepted for now, so that CI fails only on new ones.
 * The file is meant to be committed: entries are sorted, paths are relative to the project root and
 * nothing in it reveals PII (fingerprints are hashes, sinks are masked code like `logger.info`).
 *
 * ```json
 * {
 *   "version": 1,
 *   "tool": "piiguard",
 *   "created": "2026-05-04T09:12:00.000Z",
 *   "entries": [
 *     { "fingerprint": "3f1c…", "ruleId": "no-pii-in-logs", "file": "src/webhooks/voice.ts", "sink": "logger.info" }
 *   ]
 * }
 * ```
 *
 * Only `fingerprint` is used for matching; `ruleId`, `file` and `sink` are there so a reviewer can
 * read what a baseline change means. Suppressed findings are not recorded: their inline suppression
 * already covers them, and when it expires they should fail again. A baseline written by a
 * `--shard k/n` run holds only that shard's findings and says so in `shard`; `piiguard merge`
 * unites the n parts (refusing an incomplete set) into a baseline without it.
 */
export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  tool: typeof BASELINE_TOOL;
  /** ISO 8601 time the entries last changed. */
  created: string;
  /** Only in the partial baseline of one shard. */
  shard?: { index: number; count: number };
  entries: BaselineEntry[];
}

export interface BaselineEntry {
  fingerprint: string;
  ruleId: RuleId;
  /** Relative to the project root, with '/'. */
  file: string;
  /** The sink's code (masked), when the finding has one. */
  sink?: string;
}

export type BaselineState = 'new' | 'unchanged';

export const BASELINE_VERSION = 1;
export const BASELINE_TOOL = 'piiguard';
/** Where `--update-baseline` writes when no `--baseline <file>` is given. */
export const DEFAULT_BASELINE_FILE = 'piiguard-baseline.json';

/** A baseline that cannot be read or is not a piiguard baseline. The CLI exits with 2. */
export class BaselineError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'BaselineError';
  }
}

/** The unsuppressed findings of a scan as baseline entries. */
export function createBaseline(result: ScanResult, created: Date): BaselineFile {
  const entries = result.findings
    .filter((finding) => !finding.suppression)
    .map(
      (finding): BaselineEntry => ({
        fingerprint: finding.fingerprint,
        ruleId: finding.ruleId,
        file: relativePath(result.rootDir, finding.location.file),
        ...(finding.sink ? { sink: finding.sink } : {}),
      }),
    );
  return {
    version: BASELINE_VERSION,
    tool: BASELINE_TOOL,
    created: created.toISOString(),
    ...(result.shard ? { shard: { index: result.shard.index, count: result.shard.count } } : {}),
    entries: sortEntries(entries),
  };
}

/** Sorted by file, rule, sink, fingerprint (code-unit order, so every machine writes the same file), without duplicates. */
export function sortEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const unique = new Map(entries.map((entry) => [entry.fingerprint, entry]));
  return [...unique.values()].sort(
    (a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.sink ?? '', b.sink ?? '') || compare(a.fingerprint, b.fingerprint),
  );
}

export function serializeBaseline(baseline: BaselineFile): string {
  // Fixed key order, whatever order the object was built in.
  const ordered = {
    version: baseline.version,
    tool: baseline.tool,
    created: baseline.created,
    ...(baseline.shard ? { shard: { index: baseline.shard.index, count: baseline.shard.count } } : {}),
    entries: baseline.entries.map((e) => ({ fingerprint: e.fingerprint, ruleId: e.ruleId, file: e.file, ...(e.sink !== undefined ? { sink: e.sink } : {}) })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Whether two baselines hold the same entries (then an update leaves the file, and its `created`, alone). */
export function sameEntries(a: BaselineFile, b: BaselineFile): boolean {
  return serializeBaseline({ ...a, created: '' }) === serializeBaseline({ ...b, created: '' });
}

export interface BaselineUpdate {
  /** False when the entries were already the same: the file, and its `created`, are left alone. */
  written: boolean;
  added: number;
  removed: number;
  baseline: BaselineFile;
}

/**
 * `--update-baseline`: writes the scan's findings to `file`. An unreadable or invalid old file is
 * simply replaced. Throws the file system's error when the file cannot be written.
 */
export function updateBaselineFile(file: string, result: ScanResult, now: Date): BaselineUpdate {
  const next = createBaseline(result, now);
  let previous: BaselineFile | undefined;
  if (existsSync(file)) {
    try {
      previous = readBaseline(file);
    } catch {
      previous = undefined;
    }
  }
  if (next.shard && previous && !previous.shard) {
    throw new BaselineError(
      `${file} is a full baseline; writing one shard's findings to it would drop all the others.`,
      'Give each shard its own file (--update-baseline --baseline baseline-<k>.json), then unite them with `piiguard merge baseline-*.json --output <file>`.',
    );
  }
  const before = new Set(previous?.entries.map((e) => e.fingerprint));
  const after = new Set(next.entries.map((e) => e.fingerprint));
  const added = next.entries.filter((e) => !before.has(e.fingerprint)).length;
  const removed = (previous?.entries ?? []).filter((e) => !after.has(e.fingerprint)).length;
  if (previous && sameEntries(previous, next)) return { written: false, added, removed, baseline: previous };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, serializeBaseline(next));
  return { written: true, added, removed, baseline: next };
}

export function readBaseline(file: string): BaselineFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BaselineError(
      missing ? `the baseline file ${file} does not exist.` : `cannot read the baseline file ${file} (${(error as Error).message}).`,
      missing
        ? 'Create it with `piiguard scan --update-baseline --baseline <file>` and commit it, or fix the path given to --baseline.'
        : 'Check the path and permissions of the file given to --baseline.',
    );
  }
  return parseBaseline(text, file);
}

/**
 * A shard's partial baseline is only complete for that shard: used anywhere else, every finding of
 * the other shards would count as new.
 */
export function checkBaselineShard(baseline: BaselineFile, file: string, shard: { index: number; count: number } | undefined): void {
  if (!baseline.shard) return;
  if (shard && shard.index === baseline.shard.index && shard.count === baseline.shard.count) return;
  throw new BaselineError(
    `${file} holds only the findings of shard ${baseline.shard.index}/${baseline.shard.count}${shard ? `, not of shard ${shard.index}/${shard.count}` : ''}.`,
    'Unite the shard baselines first: `piiguard merge baseline-*.json --output <file>`, and pass that file to --baseline.',
  );
}

/** Validates the documented shape; anything else is a BaselineError naming the file and the problem. */
export function parseBaseline(text: string, file: string): BaselineFile {
  const invalid = (problem: string) =>
    new BaselineError(
      `${file} is not a valid piiguard baseline: ${problem}.`,
      'Regenerate it with `piiguard scan --update-baseline --baseline <file>` (it is written by piiguard, not by hand).',
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(`it is not JSON (${(error as Error).message})`);
  }
  if (!isRecord(data)) throw invalid('expected a JSON object');
  if (data.tool !== BASELINE_TOOL) throw invalid(`"tool" must be "${BASELINE_TOOL}"`);
  if (data.version !== BASELINE_VERSION) {
    throw invalid(`unsupported "version" ${JSON.stringify(data.version)} (this piiguard reads version ${BASELINE_VERSION}; a newer piiguard may have written it)`);
  }
  if (typeof data.created !== 'string') throw invalid('"created" must be a date-time string');
  if (!Array.isArray(data.entries)) throw invalid('"entries" must be an array');
  const shard = data.shard;
  const validShard = (value: unknown): value is { index: number; count: number } =>
    isRecord(value) && Number.isSafeInteger(value.index) && Number.isSafeInteger(value.count) && (value.index as number) >= 1 && (value.index as number) <= (value.count as number);
  if (shard !== undefined && !validShard(shard)) throw invalid('"shard" must be { "index": k, "count": n } with 1 <= k <= n');
  const entries: BaselineEntry[] = [];
  data.entries.forEach((entry: unknown, index) => {
    const at = `entries[${index}]`;
    if (!isRecord(entry)) throw invalid(`${at} must be an object`);
    if (typeof entry.fingerprint !== 'string' || entry.fingerprint === '') throw invalid(`${at}.fingerprint must be a non-empty string`);
    if (typeof entry.ruleId !== 'string' || !(RULE_IDS as readonly string[]).includes(entry.ruleId)) throw invalid(`${at}.ruleId must be a piiguard rule id`);
    if (typeof entry.file !== 'string') throw invalid(`${at}.file must be a string`);
    if (entry.sink !== undefined && typeof entry.sink !== 'string') throw invalid(`${at}.sink must be a string`);
    entries.push({
      fingerprint: entry.fingerprint,
      ruleId: entry.ruleId as RuleId,
      file: entry.file,
      ...(typeof entry.sink === 'string' ? { sink: entry.sink } : {}),
    });
  });
  return {
    version: BASELINE_VERSION,
    tool: BASELINE_TOOL,
    created: data.created,
    ...(shard !== undefined ? { shard: { index: shard.index, count: shard.count } } : {}),
    entries,
  };
}

/** 'unchanged' when the finding's fingerprint is in the run's baseline, 'new' when not; undefined without a baseline. */
export function baselineStateOf(result: Pick<ScanResult, 'baseline'>, finding: Finding): BaselineState | undefined {
  if (!result.baseline) return undefined;
  return result.baseline.fingerprints.has(finding.fingerprint) ? 'unchanged' : 'new';
}

/** New and known counts among the unsuppressed findings (suppressed ones are neither). */
export function countBaselineStates(result: Pick<ScanResult, 'baseline'>, findings: readonly Finding[]): { new: number; unchanged: number } {
  const counts = { new: 0, unchanged: 0 };
  for (const finding of findings) {
    if (finding.suppression) continue;
    const state = baselineStateOf(result, finding);
    if (state) counts[state]++;
  }
  return counts;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
