import { type Command, Option } from 'commander';
import { packageInfo } from '../config/package-files.js';
import type { ProjectDependencies } from '../scan/project.js';
import { buildExplainReport, formatExplainJson, formatExplainText } from './formatters/inventory/explain.js';
import { projectFailure } from './inventory.js';
import { EXIT_CLEAN, EXIT_USAGE, messages, renderMessage } from './messages.js';
import type { CliIo } from './run.js';

export const EXPLAIN_FORMATS = ['text', 'json'] as const;

interface ExplainOptions {
  format: (typeof EXPLAIN_FORMATS)[number];
  config?: string;
  color?: boolean;
}

/**
 * Registers `piiguard explain <file>:<line>`: why each value on the line is taken for PII (which
 * signal: framework source, declared type, name, literal, dialled number; or that it is protected)
 * with its flow from the source, and the findings there — so a user can tell a real finding from a
 * wrong guess and tune the configuration. Exit code 0, or 2 for a bad location or configuration.
 */
export function addExplainCommand(program: Command, io: CliIo, done: (exitCode: number) => void, dependencies: ProjectDependencies = {}): void {
  program
    .command('explain')
    .description('say why the values on a line are taken for PII (which signal) and show their flow')
    .argument('<file:line>', 'a source file and a 1-based line, e.g. src/webhooks/voice.ts:42 (a trailing :column is accepted)')
    .addOption(new Option('-f, --format <format>', 'text for people, json for tools').choices(EXPLAIN_FORMATS).default('text'))
    .option('-c, --config <file>', 'configuration file (default: nearest piiguard.config.json or package.json#piiguard)')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .addHelpText(
      'after',
      [
        '',
        'The whole project (the configuration\'s folder, or the current directory) is analysed, so flows from other files are followed as in piiguard scan.',
        'Exit codes: 0 explained (also when nothing on the line is PII), 2 no such file or line, or a configuration error.',
        '',
        'Examples:',
        '  piiguard explain src/webhooks/twilio-voice.ts:65',
        '  piiguard explain src/storage/repositories.ts:103 --format json',
      ].join('\n'),
    )
    .configureOutput({
      outputError: (text, write) => write(renderMessage(messages.usage(text, 'piiguard explain --help'))),
    })
    .action(async (target: string, options: ExplainOptions) => {
      done(await runExplain(target, options, io, dependencies));
    });
}

/** `file:line` or `file:line:column` (what editors and compilers print); Windows drive letters survive. */
export function parseFileLine(target: string): { file: string; line: number } | undefined {
  const match = /^(.+?):(\d+)(?::\d+)?$/.exec(target.trim());
  if (!match) return undefined;
  const line = Number(match[2]);
  return Number.isSafeInteger(line) && line >= 1 ? { file: match[1]!, line } : undefined;
}

async function runExplain(target: string, options: ExplainOptions, io: CliIo, dependencies: ProjectDependencies): Promise<number> {
  const parsed = parseFileLine(target);
  if (!parsed) {
    io.stderr(
      renderMessage(
        messages.scanInput(
          `"${target}" is not a <file>:<line> location.`,
          'Give a source file and a 1-based line number joined by a colon, e.g. piiguard explain src/webhooks/voice.ts:42.',
        ),
      ),
    );
    return EXIT_USAGE;
  }
  let output: string;
  try {
    // Loaded here, not at startup: --help and usage errors don't need TypeScript.
    const { explainLine } = await import('../scan/explain.js');
    const explained = await explainLine({ cwd: io.cwd, file: parsed.file, line: parsed.line, ...(options.config !== undefined ? { configPath: options.config } : {}) }, dependencies);
    const info = packageInfo();
    const report = buildExplainReport(explained, { name: info.name, version: info.version });
    output = options.format === 'json' ? formatExplainJson(report) : formatExplainText(report, { color: options.color ?? io.colorByDefault });
  } catch (error) {
    io.stderr(renderMessage(projectFailure(error, io.cwd)));
    return EXIT_USAGE;
  }
  io.stdout(output);
  return EXIT_CLEAN;
}
