import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import type * as Sarif from 'sarif';
import type { FailOn } from '../config/types.js';
import { severityAtLeast } from '../engine/finding.js';
import type { Severity } from '../../rules/types.js';
import { BaselineError, type BaselineFile, parseBaseline, serializeBaseline, sortEntries } from './baseline.js';
import type { JsonFinding, JsonReport } from './formatters/json.js';
import { summarizeFindings, uniqueBy } from './formatters/shared.js';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, messages, renderMessage } from './messages.js';
import { FAIL_ON_VALUES } from './options.js';
import type { CliIo } from './run.js';
import { type Shard, formatShard } from './shard.js';

/**
 * `piiguard merge`: combines the reports of `piiguard scan --shard k/n` runs (or of scans of
 * separate folders of one checkout) into one, as if a single scan had produced it:
 * SARIF runs become one run with one rule table (results re-indexed) and one invocation; JSON
 * reports get one findings list, de-duplicated notices and a recomputed summary; baselines are
 * united. Results keep the order a single scan gives (by file, then as each shard sorted them).
 * When the inputs are shards, all of 1..n must be there exactly once: a missing shard would
 * silently drop its files' findings.
 */
export const MERGE_FORMATS = ['sarif', 'json', 'baseline'] as const;
export type MergeFormat = (typeof MERGE_FORMATS)[number];

/** An input that cannot be merged. The CLI exits with 2. */
export class MergeError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'MergeError';
  }
}

export interface MergeInput {
  /** For messages. */
  name: string;
  data: unknown;
}

export type MergeOutput =
  | { format: 'sarif'; log: Sarif.Log }
  | { format: 'json'; report: JsonReport }
  | { format: 'baseline'; baseline: BaselineFile };

interface MergeCliOptions {
  output?: string;
  format?: MergeFormat;
  failOn: FailOn;
  quiet?: boolean;
}

export function detectFormat(data: unknown): MergeFormat | undefined {
  if (!isRecord(data)) return undefined;
  if (data.version === '2.1.0' && Array.isArray(data.runs)) return 'sarif';
  if (data.tool === 'piiguard' && Array.isArray(data.entries)) return 'baseline';
  if (typeof data.version === 'number' && isRecord(data.tool) && Array.isArray(data.findings)) return 'json';
  return undefined;
}

/** Merges inputs of one format; `expected` (from --format) must match what they are. */
export function mergeInputs(inputs: readonly MergeInput[], expected?: MergeFormat): MergeOutput {
  if (inputs.length === 0) throw new MergeError('nothing to merge.', 'Give the report files (or folders holding them) to piiguard merge.');
  const formats = inputs.map((input) => {
    const format = detectFormat(input.data);
    if (!format) {
      throw new MergeError(
        `${input.name} is neither a SARIF 2.1.0 log, a piiguard JSON report nor a piiguard baseline.`,
        'Merge the files written by `piiguard scan --format sarif|json --output …` or `--update-baseline`.',
      );
    }
    return format;
  });
  const format = formats[0]!;
  const other = formats.findIndex((f) => f !== format);
  if (other >= 0) {
    throw new MergeError(`cannot merge a ${format} file (${inputs[0]!.name}) with a ${formats[other]} file (${inputs[other]!.name}).`, 'Merge files of one format at a time.');
  }
  if (expected && expected !== format) {
    throw new MergeError(`--format ${expected} was asked for, but the inputs are ${format} files.`, `Use --format ${format}, or leave --format out: it follows the inputs.`);
  }
  switch (format) {
    case 'sarif':
      return { format, log: mergeSarif(inputs.map((input) => ({ name: input.name, log: input.data as Sarif.Log }))) };
    case 'json':
      return { format, report: mergeJson(inputs.map((input) => ({ name: input.name, report: input.data as JsonReport }))) };
    case 'baseline': {
      const baselines = inputs.map((input) => parseBaseline(JSON.stringify(input.data), input.name));
      checkShards(baselines.map((baseline, i) => ({ name: inputs[i]!.name, shard: baseline.shard })));
      return { format, baseline: mergeBaselines(baselines) };
    }
  }
}

export function mergeSarif(inputs: readonly { name: string; log: Sarif.Log }[]): Sarif.Log {
  const runs = inputs.flatMap((input) => (input.log.runs ?? []).map((run) => ({ name: input.name, run })));
  if (runs.length === 0) throw new MergeError('the SARIF inputs have no runs.', 'Merge the SARIF files written by `piiguard scan --format sarif`.');
  const first = runs[0]!;
  for (const { name, run } of runs) {
    const { name: tool, version } = run.tool.driver;
    if (tool !== first.run.tool.driver.name || version !== first.run.tool.driver.version) {
      throw new MergeError(
        `${name} was written by ${tool} ${version ?? ''}, ${first.name} by ${first.run.tool.driver.name} ${first.run.tool.driver.version ?? ''}.`.replace(/(?<! ) +,/g, ','),
        'Merge reports of one tool and version: run every shard with the same piiguard version.',
      );
    }
    if (run.artifacts && run.artifacts.length > 0) {
      throw new MergeError(`${name} has a run.artifacts table, which piiguard merge does not re-index.`, 'Merge SARIF files written by piiguard.');
    }
  }
  checkShards(runs.map(({ name, run }) => ({ name, shard: readShard((run.invocations ?? []).map((inv) => inv.properties?.shard).find((s) => s !== undefined), name) })));

  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  for (const { run } of runs) {
    for (const rule of run.tool.driver.rules ?? []) {
      if (ruleIndex.has(rule.id)) continue;
      ruleIndex.set(rule.id, rules.length);
      rules.push(rule);
    }
  }
  const reindex = (result: Sarif.Result, run: Sarif.Run): Sarif.Result => {
    const id = result.ruleId ?? result.rule?.id ?? (result.ruleIndex !== undefined ? run.tool.driver.rules?.[result.ruleIndex]?.id : undefined);
    const index = id === undefined ? undefined : ruleIndex.get(id);
    const copy: Sarif.Result = { ...result };
    if (copy.ruleIndex !== undefined) {
      if (index === undefined) delete copy.ruleIndex;
      else copy.ruleIndex = index;
    }
    if (copy.rule && index !== undefined) copy.rule = { ...copy.rule, index };
    return copy;
  };
  const results = stableSortBy(
    runs.flatMap(({ run }) => (run.results ?? []).map((result) => reindex(result, run))),
    (result) => [resultFile(result)],
  );

  const invocations = runs.flatMap(({ run }) => run.invocations ?? []);
  const notifications = (pick: (inv: Sarif.Invocation) => Sarif.Notification[] | undefined) =>
    stableSortBy(
      uniqueBy(invocations.flatMap((inv) => pick(inv) ?? []), (n) => JSON.stringify(n)),
      (n) => [notificationFile(n), n.message.text ?? ''],
    );
  const invocation: Sarif.Invocation = {
    executionSuccessful: invocations.every((inv) => inv.executionSuccessful),
    toolExecutionNotifications: notifications((inv) => inv.toolExecutionNotifications),
  };
  const configurationNotifications = notifications((inv) => inv.toolConfigurationNotifications);
  if (configurationNotifications.length > 0) invocation.toolConfigurationNotifications = configurationNotifications;
  const starts = invocations.map((inv) => inv.startTimeUtc).filter((t): t is string => t !== undefined);
  const ends = invocations.map((inv) => inv.endTimeUtc).filter((t): t is string => t !== undefined);
  if (starts.length > 0) invocation.startTimeUtc = starts.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
  if (ends.length > 0) invocation.endTimeUtc = ends.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));

  const merged: Sarif.Run = {
    ...first.run,
    tool: { ...first.run.tool, driver: { ...first.run.tool.driver, rules } },
    results,
    invocations: [invocation],
  };
  const log = inputs[0]!.log;
  return { ...log, runs: [merged] };
}

export function mergeJson(inputs: readonly { name: string; report: JsonReport }[]): JsonReport {
  const first = inputs[0]!;
  for (const { name, report } of inputs) {
    if (report.version !== first.report.version) {
      throw new MergeError(`${name} is a version ${report.version} report, ${first.name} version ${first.report.version}.`, 'Run every shard with the same piiguard version.');
    }
    if (report.tool.name !== first.report.tool.name || report.tool.version !== first.report.tool.version) {
      throw new MergeError(
        `${name} was written by ${report.tool.name} ${report.tool.version}, ${first.name} by ${first.report.tool.name} ${first.report.tool.version}.`,
        'Run every shard with the same piiguard version.',
      );
    }
  }
  checkShards(inputs.map(({ name, report }) => ({ name, shard: readShard(report.shard, name) })));

  const findings = stableSortBy(
    inputs.flatMap(({ report }) => report.findings),
    (finding) => [finding.location.file],
  );
  const notices = stableSortBy(
    uniqueBy(
      inputs.flatMap(({ report }) => report.notices),
      (notice) => JSON.stringify([notice.file, notice.level, notice.message]),
    ),
    (notice) => [notice.file, notice.message],
  );
  const merged: JsonReport = {
    version: first.report.version,
    tool: first.report.tool,
    rootDir: first.report.rootDir,
    findings,
    notices,
    summary: summarizeFindings(
      findings,
      inputs.reduce((sum, { report }) => sum + report.summary.filesScanned, 0),
      Math.max(...inputs.map(({ report }) => report.summary.durationMs)),
    ),
  };
  const baseline = inputs.find(({ report }) => report.baseline)?.report.baseline;
  if (baseline) {
    const unsuppressed = findings.filter((f) => !f.suppression);
    merged.baseline = {
      file: baseline.file,
      new: unsuppressed.filter((f) => f.baselineState !== 'unchanged').length,
      unchanged: unsuppressed.filter((f) => f.baselineState === 'unchanged').length,
    };
  }
  return merged;
}

/** United entries, without shard marker; `created` is the latest of the inputs', so merging is deterministic. */
export function mergeBaselines(baselines: readonly BaselineFile[]): BaselineFile {
  const created = baselines.map((b) => b.created).reduce((a, b) => (a >= b ? a : b));
  return { version: baselines[0]!.version, tool: baselines[0]!.tool, created, entries: sortEntries(baselines.flatMap((b) => b.entries)) };
}

/** All shards 1..n of one n, each once; or no shards at all. */
export function checkShards(parts: readonly { name: string; shard: Shard | undefined }[]): void {
  const sharded = parts.filter((part) => part.shard);
  if (sharded.length === 0) return;
  const hint = 'Merge the outputs of all shards of one run: `piiguard scan --shard k/n` for every k from 1 to n, with the same n.';
  const plain = parts.find((part) => !part.shard);
  if (plain) throw new MergeError(`${plain.name} is not a shard report, but ${sharded[0]!.name} is (shard ${formatShard(sharded[0]!.shard!)}).`, hint);
  const count = sharded[0]!.shard!.count;
  const seen = new Map<number, string>();
  for (const { name, shard } of sharded) {
    if (shard!.count !== count) throw new MergeError(`${name} is shard ${formatShard(shard!)}, but ${sharded[0]!.name} is shard ${formatShard(sharded[0]!.shard!)}.`, hint);
    const twice = seen.get(shard!.index);
    if (twice) throw new MergeError(`shard ${formatShard(shard!)} is given twice (${twice} and ${name}).`, hint);
    seen.set(shard!.index, name);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) {
    throw new MergeError(
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((index) => `${index}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: the merged report would lack the findings of ${missing.length === 1 ? 'its' : 'their'} files.`,
      `${hint} If a shard's job failed, re-run it before merging.`,
    );
  }
}

/** Results that would make `piiguard scan --fail-on` exit with 1: unsuppressed, not in the baseline, at or above the threshold. */
export function countFailing(output: MergeOutput, failOn: FailOn): number {
  if (failOn === 'none' || output.format === 'baseline') return 0;
  if (output.format === 'json') {
    return output.report.findings.filter((f) => !f.suppression && f.baselineState !== 'unchanged' && severityAtLeast(f.severity, failOn)).length;
  }
  return output.log.runs
    .flatMap((run) => run.results ?? [])
    .filter((r) => {
      const level = r.level ?? 'warning';
      if (level === 'none' || (r.suppressions?.length ?? 0) > 0) return false;
      if (r.baselineState === 'unchanged' || r.baselineState === 'absent') return false;
      return severityAtLeast(level as Severity, failOn);
    }).length;
}

export function serializeMerged(output: MergeOutput): string {
  switch (output.format) {
    case 'sarif':
      return `${JSON.stringify(output.log, null, 2)}\n`;
    case 'json':
      return `${JSON.stringify(output.report, null, 2)}\n`;
    case 'baseline':
      return serializeBaseline(output.baseline);
  }
}

/** Registers `piiguard merge` on the CLI program; `done` receives the exit code. */
export function addMergeCommand(program: Command, io: CliIo, done: (exitCode: number) => void): void {
  program
    .command('merge')
    .description('merge the SARIF or JSON reports (or baselines) of `piiguard scan --shard k/n` runs into one')
    .argument('<files...>', 'reports to merge; a folder stands for the .sarif and .json files in it')
    .option('-o, --output <file>', 'write the merged report to a file instead of standard output')
    .addOption(new Option('-f, --format <format>', 'format of the inputs and the output (default: the inputs\')').choices(MERGE_FORMATS))
    .addOption(new Option('--fail-on <severity>', 'exit with 1 when a merged finding not in the baseline is at or above this severity').choices(FAIL_ON_VALUES).default('none'))
    .option('-q, --quiet', 'no summary line')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 merged, 1 merged and a new finding at or above --fail-on, 2 an input is missing, invalid, or a shard is missing.',
        '',
        'Examples:',
        '  piiguard merge shard-1.sarif shard-2.sarif shard-3.sarif --output piiguard.sarif',
        '  piiguard merge reports/ --output piiguard.sarif --fail-on error',
        '  piiguard merge baseline-1.json baseline-2.json --output piiguard-baseline.json',
      ].join('\n'),
    )
    .configureOutput({
      outputError: (text, write) => write(renderMessage(messages.usage(text, 'piiguard merge --help'))),
    })
    .action((files: string[], options: MergeCliOptions) => {
      done(runMerge(files, options, io));
    });
}

function runMerge(files: readonly string[], options: MergeCliOptions, io: CliIo): number {
  let output: MergeOutput;
  let inputs: MergeInput[];
  try {
    inputs = readInputs(files, io.cwd);
    output = mergeInputs(inputs, options.format);
  } catch (error) {
    if (error instanceof MergeError || error instanceof BaselineError) {
      io.stderr(renderMessage(messages.scanInput(error.message, error.hint)));
      return EXIT_USAGE;
    }
    throw error;
  }
  const text = serializeMerged(output);
  if (options.output === undefined) {
    io.stdout(text);
  } else {
    const file = path.resolve(io.cwd, options.output);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    } catch (error) {
      io.stderr(renderMessage(messages.outputNotWritten(file, (error as Error).message)));
      return EXIT_USAGE;
    }
  }
  const failing = countFailing(output, options.failOn);
  if (!options.quiet && options.output !== undefined) {
    io.stderr(`piiguard: merged ${inputs.length} ${output.format} file${inputs.length === 1 ? '' : 's'}: ${describeMerged(output)}. Written to ${path.relative(io.cwd, path.resolve(io.cwd, options.output)) || options.output}.\n`);
  }
  return failing > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

function describeMerged(output: MergeOutput): string {
  if (output.format === 'baseline') return `${output.baseline.entries.length} baseline entries`;
  const states =
    output.format === 'json'
      ? output.report.findings.filter((f) => !f.suppression).map((f) => f.baselineState)
      : output.log.runs.flatMap((run) => run.results ?? []).filter((r) => !r.suppressions?.length).map((r) => r.baselineState);
  const known = states.filter((s) => s === 'unchanged').length;
  const withBaseline = states.some((s) => s !== undefined);
  return `${states.length} unsuppressed finding${states.length === 1 ? '' : 's'}${withBaseline ? ` (${states.length - known} new, ${known} in baseline)` : ''}`;
}

/** Reads each file, or the .sarif/.json files of a folder (sorted), as JSON. */
function readInputs(files: readonly string[], cwd: string): MergeInput[] {
  const paths: string[] = [];
  for (const given of files) {
    const absolute = path.resolve(cwd, given);
    let isDirectory = false;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      throw new MergeError(`no such file or folder: ${given}.`, 'Check the paths given to piiguard merge (they are resolved from the current directory).');
    }
    if (!isDirectory) {
      paths.push(absolute);
      continue;
    }
    const inside = readdirSync(absolute)
      .filter((name) => /\.(sarif|json)$/i.test(name))
      .sort()
      .map((name) => path.join(absolute, name));
    if (inside.length === 0) throw new MergeError(`the folder ${given} holds no .sarif or .json file.`, 'Point piiguard merge at the downloaded shard reports.');
    paths.push(...inside);
  }
  return paths.map((file) => {
    const name = path.relative(cwd, file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new MergeError(`cannot read ${name} (${(error as Error).message}).`, 'Check the paths given to piiguard merge.');
    }
    try {
      return { name, data: JSON.parse(text) as unknown };
    } catch (error) {
      throw new MergeError(`${name} is not JSON (${(error as Error).message}).`, 'Merge the files written by `piiguard scan --output …`; a truncated file means its shard did not finish.');
    }
  });
}

function readShard(value: unknown, name: string): Shard | undefined {
  if (value === undefined) return undefined;
  if (isRecord(value) && Number.isSafeInteger(value.index) && Number.isSafeInteger(value.count)) {
    const shard = { index: value.index as number, count: value.count as number };
    if (shard.index >= 1 && shard.index <= shard.count) return shard;
  }
  throw new MergeError(`${name} has an invalid shard marker ${JSON.stringify(value)}.`, 'Merge the files written by `piiguard scan --shard k/n`.');
}

/** The file a result is reported in, decoded, for ordering (as a single scan orders by path). */
function resultFile(result: Sarif.Result): string {
  return decodeUri(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
}

function notificationFile(notification: Sarif.Notification): string {
  return decodeUri(notification.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
}

function decodeUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** Sorted by keys with localeCompare, as a scan sorts paths and messages; equal keys keep their input order. */
function stableSortBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): T[] {
  const compareKeys = (a: readonly string[], b: readonly string[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const order = (a[i] ?? '').localeCompare(b[i] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  };
  return items
    .map((item, index) => ({ item, index, keys: keys(item) }))
    .sort((a, b) => compareKeys(a.keys, b.keys) || a.index - b.index)
    .map(({ item }) => item);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
