import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import picocolors from 'picocolors';
import { ConfigError, formatConfigProblem } from '../config/errors.js';
import { packageInfo } from '../config/package-files.js';
import type { FailOn } from '../config/types.js';
import { severityAtLeast } from '../engine/finding.js';
import { maskPiiInText } from '../engine/mask.js';
import { ScanInputError } from '../scan/errors.js';
import type { ScanDependencies, ScanResult } from '../scan/scan.js';
import { OUTPUT_FORMATS, type OutputFormat, type ReportRun, formatResult } from './formatters/index.js';
import { readRepositoryInfo } from './formatters/html/repository.js';
import { plural, summarize } from './formatters/shared.js';
import { type CliMessage, EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, messages, renderMessage } from './messages.js';
import { FAIL_ON_VALUES, type RuleOverrides, collectRuleOption, parseDateOption, wholeNumberOption } from './options.js';
import { BaselineError, DEFAULT_BASELINE_FILE, baselineStateOf, checkBaselineShard, countBaselineStates, readBaseline, updateBaselineFile } from './baseline.js';
import { type ChangedLines, ChangedLinesError, changedLinesSince, keepChangedFindings } from './changed-lines.js';
import { addMergeCommand } from './merge.js';
import { addExplainCommand } from './explain.js';
import { addInventoryCommand } from './inventory.js';
import { type Shard, parseShardOption, selectShardFiles } from './shard.js';
import { NO_PROGRESS, type ProgressDisplay, type ProgressStream, createProgressDisplay, progressWanted } from './progress.js';

/** Where the CLI reads and writes; replaced in tests. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Whether colour is wanted when neither --color nor --no-color is given (NO_COLOR, FORCE_COLOR, TTY). */
  colorByDefault: boolean;
  /** Environment (CI, TERM), read for the progress bar. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the progress bar is drawn (stderr); no bar without it. */
  progressStream?: ProgressStream;
}

interface ScanOptions {
  format: OutputFormat;
  output?: string;
  failOn?: FailOn;
  config?: string;
  rule?: RuleOverrides;
  color?: boolean;
  quiet?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  changedSince?: string;
  shard?: Shard;
  today?: string;
  maxFileMs?: number;
  maxHeapMb?: number;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    colorByDefault: picocolors.isColorSupported,
    env: process.env,
    progressStream: process.stderr,
  };
}

/** Runs the CLI and resolves to the exit code: 0 clean, 1 findings at or above --fail-on, 2 usage/config error. */
export async function runCli(argv: readonly string[], io: CliIo = processIo(), dependencies: ScanDependencies = {}): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const program = new Command('piiguard')
    .description('Find PII-compliance problems (unmasked logs, plaintext storage, calls without consent, plaintext transport) in JavaScript and TypeScript code.')
    .version(packageInfo().version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(renderMessage(messages.usage(text, 'piiguard --help'))),
    });

  program
    .command('scan')
    .description('scan files and directories for PII-compliance problems')
    .argument('[paths...]', 'files, directories or globs to scan', ['.'])
    .addOption(
      new Option('-f, --format <format>', 'report format (sarif: code scanning; gitlab: GitLab SAST report; html: one self-contained page)')
        .choices(OUTPUT_FORMATS)
        .default('text'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1 (default: "error", or failOn in the config)').choices(
        FAIL_ON_VALUES,
      ),
    )
    .option('-c, --config <file>', 'configuration file (default: nearest piiguard.config.json or package.json#piiguard)')
    .option('--rule <id=severity>', 'set a rule to error, warning, note or off (repeatable)', collectRuleOption)
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .option('-q, --quiet', 'report errors only')
    .option('--baseline <file>', 'JSON file of accepted findings: they are marked "unchanged" and only new findings can fail')
    .addOption(
      new Option('--update-baseline', `write the current findings to the --baseline file (default ${DEFAULT_BASELINE_FILE}) and exit 0`).conflicts('changedSince'),
    )
    .option('--changed-since <git-ref>', 'report only findings on lines changed since the merge base with this git ref (uncommitted and untracked files included)')
    .option('--shard <k/n>', 'analyse and report only the k-th of n size-balanced parts of the files (CI matrix; combine with piiguard merge)', parseShardOption)
    .option('--today <YYYY-MM-DD>', 'date that suppression expiries are checked against (default: today)', parseDateOption)
    .option('--max-file-ms <ms>', 'time budget per file; slower files are skipped with a warning (default: 10000, or maxFileMs in the config)', wholeNumberOption(100, 30_000))
    .option('--max-heap-mb <mb>', 'skip the remaining files with a warning when memory use passes this (default: 80% of the heap limit, or maxHeapMb)', wholeNumberOption(64, 4096))
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 nothing at or above --fail-on, 1 unsuppressed findings at or above it, 2 usage or configuration error.',
        '',
        'Examples:',
        '  piiguard scan',
        '  piiguard scan src --format sarif --output piiguard.sarif',
        '  piiguard scan --format html --output piiguard-report.html',
        '  piiguard scan --rule no-plaintext-transport=warning --fail-on warning',
        '  piiguard scan --update-baseline --baseline piiguard-baseline.json',
        '  piiguard scan --baseline piiguard-baseline.json --changed-since origin/main',
        '  piiguard scan --shard 2/4 --format sarif --output shard-2.sarif   (then: piiguard merge shard-*.sarif)',
      ].join('\n'),
    )
    .configureOutput({
      outputError: (text, write) => write(renderMessage(messages.usage(text, 'piiguard scan --help'))),
    })
    .action(async (paths: string[], options: ScanOptions) => {
      exitCode = await runScan(paths, options, io, dependencies);
    });

  program
    .command('lsp')
    .description('run the language server for editors (Neovim, Helix, Emacs, …), speaking LSP on stdin/stdout')
    .option('--stdio', 'use standard input and output (the only transport, accepted for editors that pass it)')
    .action(async () => {
      // Loaded here: the server pulls in the LSP libraries, which other commands don't need.
      const { runStdioServer } = await import('../lsp/stdio.js');
      exitCode = await runStdioServer();
    });

  addMergeCommand(program, io, (code) => {
    exitCode = code;
  });
  addInventoryCommand(program, io, (code) => {
    exitCode = code;
  }, dependencies);
  addExplainCommand(program, io, (code) => {
    exitCode = code;
  }, dependencies);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every parse error is a usage error (2), never 1.
      return error.exitCode === 0 ? EXIT_CLEAN : EXIT_USAGE;
    }
    io.stderr(renderMessage(messages.internalError(maskPiiInText(describeError(error)))));
    return EXIT_USAGE;
  }
  return exitCode;
}

async function runScan(paths: string[], options: ScanOptions, io: CliIo, dependencies: ScanDependencies): Promise<number> {
  const fail = (message: CliMessage) => {
    io.stderr(renderMessage(message));
    return EXIT_USAGE;
  };
  const ci = readCiInputs(options, io.cwd);
  if ('what' in ci) return fail(ci);
  const writesToStdout = options.output === undefined;
  const progress = createProgress(io, options.quiet === true);
  const startedAt = new Date();

  let result: ScanResult;
  try {
    // Loaded here, not at startup: --help, --version and usage errors don't need TypeScript.
    const { scan } = await import('../scan/scan.js');
    result = await scan(
      {
        cwd: io.cwd,
        paths,
        ...(options.config !== undefined ? { configPath: options.config } : {}),
        ...(options.rule ? { rules: options.rule } : {}),
        ...(options.today ? { today: options.today } : {}),
        limits: {
          ...(options.maxFileMs !== undefined ? { maxFileMs: options.maxFileMs } : {}),
          ...(options.maxHeapMb !== undefined ? { maxHeapMb: options.maxHeapMb } : {}),
        },
        ...(options.shard ? { selectFiles: shardSelector(options.shard) } : {}),
        onProgress: (done, total, phase) => progress.update(phase, done, total),
      },
      dependencies,
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      const problems = error.problems.map((problem) => formatConfigProblem(problem, (file) => displayPath(io.cwd, file)));
      return fail(messages.configInvalid(problems.join('\n'), error.hint));
    }
    if (error instanceof ScanInputError) return fail(messages.scanInput(error.message, error.hint));
    return fail(messages.internalError(maskPiiInText(describeError(error))));
  } finally {
    // Erased before anything else reaches the terminal: the bar never mixes with messages or the report.
    progress.pause();
  }

  if (ci.changed) result = keepChangedFindings(result, ci.changed);
  if (options.shard) result = { ...result, shard: options.shard };
  if (options.updateBaseline) {
    const file = path.resolve(io.cwd, options.baseline ?? DEFAULT_BASELINE_FILE);
    try {
      const update = updateBaselineFile(file, result, new Date());
      result = { ...result, baseline: { file, fingerprints: new Set(update.baseline.entries.map((e) => e.fingerprint)) } };
      if (!options.quiet) io.stderr(`${baselineUpdateSummary(displayPath(io.cwd, file), update)}\n`);
    } catch (error) {
      if (error instanceof BaselineError) return fail(messages.scanInput(error.message, error.hint));
      return fail(messages.scanInput(`cannot write the baseline ${file} (${describeError(error)}).`, 'Choose a writable path for --baseline.'));
    }
  } else if (ci.baseline) {
    result = { ...result, baseline: ci.baseline };
  }

  const color = options.color ?? (writesToStdout && io.colorByDefault);
  let report: string;
  try {
    progress.update('report', 0, 0);
    const run: ReportRun = {
      startedAt,
      finishedAt: new Date(),
      ...(options.format === 'html' ? { repository: readRepositoryInfo(result.rootDir) } : {}),
    };
    report = formatResult(options.format, result, { color, quiet: options.quiet === true }, undefined, run);
  } finally {
    progress.stop();
  }
  if (options.output === undefined) {
    io.stdout(report);
  } else {
    const file = path.resolve(io.cwd, options.output);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, report);
    } catch (error) {
      return fail(messages.outputNotWritten(file, describeError(error)));
    }
    if (!options.quiet) io.stderr(`${outputSummary(result)} Report written to ${displayPath(io.cwd, file)}.\n`);
  }

  if (options.updateBaseline) return EXIT_CLEAN;
  const failOn = options.failOn ?? result.config.failOn;
  return hasFailingFindings(result, failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** Whether an unsuppressed finding that is not in the baseline is at or above the threshold. */
export function hasFailingFindings(result: ScanResult, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return result.findings.some((f) => !f.suppression && baselineStateOf(result, f) !== 'unchanged' && severityAtLeast(f.severity, failOn));
}

/** --baseline and --changed-since are read before the scan, so a wrong path or ref costs no scan time. */
function readCiInputs(options: ScanOptions, cwd: string): { baseline?: ScanResult['baseline']; changed?: ChangedLines } | CliMessage {
  try {
    let baseline: ScanResult['baseline'];
    if (options.baseline !== undefined && !options.updateBaseline) {
      const file = path.resolve(cwd, options.baseline);
      const read = readBaseline(file);
      checkBaselineShard(read, file, options.shard);
      baseline = { file, fingerprints: new Set(read.entries.map((e) => e.fingerprint)) };
    }
    const changed = options.changedSince === undefined ? undefined : changedLinesSince(options.changedSince, cwd);
    return { ...(baseline ? { baseline } : {}), ...(changed ? { changed } : {}) };
  } catch (error) {
    if (error instanceof BaselineError || error instanceof ChangedLinesError) return messages.scanInput(error.message, error.hint);
    throw error;
  }
}

function shardSelector(shard: Shard) {
  return (files: readonly string[], rootDir: string) => selectShardFiles(files, rootDir, shard);
}

function baselineUpdateSummary(file: string, update: { written: boolean; added: number; removed: number; baseline: { entries: unknown[] } }): string {
  const entries = plural(update.baseline.entries.length, 'finding');
  if (!update.written) return `piiguard: baseline ${file} is up to date (${entries}).`;
  return `piiguard: baseline ${file} written: ${entries} (${update.added} added, ${update.removed} removed).`;
}

function outputSummary(result: ScanResult): string {
  const s = summarize(result);
  const known = result.baseline ? countBaselineStates(result, result.findings) : undefined;
  const baseline = known ? `; ${known.new} new, ${known.unchanged} in baseline` : '';
  return `piiguard: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')} (${s.suppressed} suppressed${baseline}) in ${plural(result.filesScanned, 'scanned file')}.`;
}

/** A progress bar on an interactive stderr for scans longer than a moment (not on CI, not with --quiet). */
function createProgress(io: CliIo, quiet: boolean): ProgressDisplay {
  if (!io.progressStream || !progressWanted({ stderrIsTTY: io.stderrIsTTY, quiet, env: io.env ?? {} })) return NO_PROGRESS;
  return createProgressDisplay({ stream: io.progressStream });
}

/** Relative to the current directory when below it, absolute otherwise. */
function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
