import { maskPiiInText } from '../engine/mask.js';

/** One thing wrong with a configuration file, located as precisely as we can. */
export interface ConfigProblem {
  /** Absolute path of the file. */
  file: string;
  line?: number;
  column?: number;
  /** Dotted key path, e.g. `rules.no-pii-in-logz` or `sinks.log[0].calls`; '' for the whole file. */
  keyPath: string;
  /** What is wrong and what is allowed, e.g. `unknown rule id. Known rules: …`. */
  message: string;
}

/** The configuration cannot be used. The CLI reports it and exits with 2. */
export class ConfigError extends Error {
  constructor(
    readonly problems: readonly ConfigProblem[],
    /** What the user should do about it, shown after the problems. */
    readonly hint: string = 'Fix the configuration and run piiguard again. The schema is rules/schema/config.schema.json in the piiguard package.',
  ) {
    super(problems.map((problem) => formatConfigProblem(problem)).join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * `piiguard.config.json:3:5: rules.no-pii-in-logz: unknown rule id …`. `displayPath` lets the CLI
 * show the file relative to the current directory. Problems quote the configuration's keys and
 * values, which can be numbers copied from the repository: they are masked like every other text
 * piiguard prints.
 */
export function formatConfigProblem(problem: ConfigProblem, displayPath: (file: string) => string = (file) => file): string {
  const file = displayPath(problem.file);
  const where = problem.line === undefined ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
  return maskPiiInText(problem.keyPath === '' ? `${where}: ${problem.message}` : `${where}: ${problem.keyPath}: ${problem.message}`);
}
