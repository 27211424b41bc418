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
import { OUTPUT_FORMATS, type OutputFormat, formatResult } from './formatters/index.js';
import { plural, summarize } from './formatters/shared.js';
import { type CliMessage, EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, messages, renderMessage } from './messages.js';
import { FAIL_ON_VALUES, type RuleOverrides, collectRuleOption } from './options.js';

/** Where the CLI reads and writes; replaced in tests. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Whether colour is wanted when neither --color nor --no-color is given (NO_COLOR, FORCE_COLOR, TTY). */
  colorByDefault: boolean;
}

interface ScanOptions {
  format: OutputFormat;
  output?: string;
  failOn?: FailOn;
  config?: string;
  rule?: RuleOverrides;
  color?: boolean;
  quiet?: boolean;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    colorByDefault: picocolors.isColorSupported,
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
    .addOption(new Option('-f, --format <format>', 'report format').choices(OUTPUT_FORMATS).default('text'))
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
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 nothing at or above --fail-on, 1 unsuppressed findings at or above it, 2 usage or configuration error.',
        '',
        'Examples:',
        '  piiguard scan',
        '  piiguard scan src --format sarif --output piiguard.sarif',
        '  piiguard scan --rule no-plaintext-transport=warning --fail-on warning',
      ].join('\n'),
    )
    .configureOutput({
      outputError: (text, write) => write(renderMessage(messages.usage(text, 'piiguard scan --help'))),
    })
    .action(async (paths: string[], options: ScanOptions) => {
      exitCode = await runScan(paths, options, io, dependencies);
    });

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
  const writesToStdout = options.output === undefined;
  const progress = createProgress(io, options.format === 'text' && !options.quiet && writesToStdout);

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
        onProgress: progress.update,
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
    progress.clear();
  }

  const color = options.color ?? (writesToStdout && io.colorByDefault);
  const report = formatResult(options.format, result, { color, quiet: options.quiet === true });
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

  const failOn = options.failOn ?? result.config.failOn;
  return hasFailingFindings(result, failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** Whether an unsuppressed finding is at or above the threshold. */
export function hasFailingFindings(result: ScanResult, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return result.findings.some((f) => !f.suppression && severityAtLeast(f.severity, failOn));
}

function outputSummary(result: ScanResult): string {
  const s = summarize(result);
  return `piiguard: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')} (${s.suppressed} suppressed) in ${plural(result.filesScanned, 'scanned file')}.`;
}

/** A one-line "Scanning 120/800 files" on an interactive stderr, for long scans. */
function createProgress(io: CliIo, enabled: boolean) {
  let shown = false;
  let lastDraw = 0;
  return {
    update: (done: number, total: number) => {
      if (!enabled || !io.stderrIsTTY || total < 50) return;
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      shown = true;
      io.stderr(`\rScanning ${done}/${total} files…`);
    },
    clear: () => {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
    },
  };
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
