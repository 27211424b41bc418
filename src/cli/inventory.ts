import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { ConfigError, formatConfigProblem } from '../config/errors.js';
import { maskPiiInText } from '../engine/mask.js';
import { ScanInputError } from '../scan/errors.js';
import type { ProjectDependencies } from '../scan/project.js';
import { readRepositoryInfo } from './formatters/html/repository.js';
import { INVENTORY_FORMATS, type InventoryFormat, buildInventoryReport, formatInventory } from './formatters/inventory/index.js';
import { defaultToolInfo, plural } from './formatters/shared.js';
import { type CliMessage, EXIT_CLEAN, EXIT_USAGE, messages, renderMessage } from './messages.js';
import type { CliIo } from './run.js';

interface InventoryOptions {
  format: InventoryFormat;
  output?: string;
  config?: string;
  quiet?: boolean;
}

/**
 * Registers `piiguard inventory`: every PII source and every flow of PII into a log, a store or a
 * dialler, protected or not — the data-flow record auditors ask for. Not a gate: exit code 0,
 * or 2 for usage and configuration errors. `done` receives the exit code.
 */
export function addInventoryCommand(program: Command, io: CliIo, done: (exitCode: number) => void, dependencies: ProjectDependencies = {}): void {
  program
    .command('inventory')
    .description('list every PII source and every place it flows (logs, storage, outbound calls), protected or not: a record of processing')
    .argument('[paths...]', 'files, directories or globs to inventory', ['.'])
    .addOption(
      new Option('-f, --format <format>', 'json: stable documented shape; csv: one row per processing activity (GDPR Art. 30 style); html: one self-contained page')
        .choices(INVENTORY_FORMATS)
        .default('json'),
    )
    .option('-o, --output <file>', 'write the inventory to a file instead of standard output')
    .option('-c, --config <file>', 'configuration file (default: nearest piiguard.config.json or package.json#piiguard)')
    .option('-q, --quiet', 'no summary line when writing to a file')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 inventory written (findings do not fail it: use piiguard scan as the gate), 2 usage or configuration error.',
        '',
        'Examples:',
        '  piiguard inventory',
        '  piiguard inventory src --format csv --output record-of-processing.csv',
        '  piiguard inventory --format html --output pii-inventory.html',
        '',
        'Columns, JSON fields and how auditors use it: docs/inventory.md',
      ].join('\n'),
    )
    .configureOutput({
      outputError: (text, write) => write(renderMessage(messages.usage(text, 'piiguard inventory --help'))),
    })
    .action(async (paths: string[], options: InventoryOptions) => {
      done(await runInventory(paths, options, io, dependencies));
    });
}

async function runInventory(paths: string[], options: InventoryOptions, io: CliIo, dependencies: ProjectDependencies): Promise<number> {
  const fail = (message: CliMessage) => {
    io.stderr(renderMessage(message));
    return EXIT_USAGE;
  };
  let output: string;
  let summary: string;
  try {
    // Loaded here, not at startup: --help and usage errors don't need TypeScript.
    const { collectInventory } = await import('../scan/inventory.js');
    const result = await collectInventory({ cwd: io.cwd, paths, ...(options.config !== undefined ? { configPath: options.config } : {}) }, dependencies);
    const report = buildInventoryReport(result, new Date(), defaultToolInfo());
    output = formatInventory(options.format, report, options.format === 'html' ? { repository: readRepositoryInfo(result.rootDir) } : {});
    const s = report.summary;
    summary = `piiguard: ${plural(s.sources, 'PII source')}, ${plural(s.flows, 'flow')} (${s.unprotectedFlows} without protection; ${plural(s.openFindings, 'open finding')}) in ${plural(s.filesScanned, 'file')}.`;
  } catch (error) {
    return fail(projectFailure(error, io.cwd));
  }
  if (options.output === undefined) {
    io.stdout(output);
    return EXIT_CLEAN;
  }
  const file = path.resolve(io.cwd, options.output);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, output);
  } catch (error) {
    return fail(messages.outputNotWritten(file, describeError(error)));
  }
  if (!options.quiet) io.stderr(`${summary} Inventory written to ${displayPath(io.cwd, file)}.\n`);
  return EXIT_CLEAN;
}

/** The message for an error from reading the project: configuration, input, or an internal error. */
export function projectFailure(error: unknown, cwd: string): CliMessage {
  if (error instanceof ConfigError) {
    // Problems quote the configuration's values, which can be numbers copied from the code.
    const problems = error.problems.map((problem) => maskPiiInText(formatConfigProblem(problem, (file) => displayPath(cwd, file))));
    return messages.configInvalid(problems.join('\n'), error.hint);
  }
  if (error instanceof ScanInputError) return messages.scanInput(maskPiiInText(error.message), error.hint);
  return messages.internalError(maskPiiInText(describeError(error)));
}

/** Relative to the current directory when below it, absolute otherwise. */
function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
