/** Command-line parsing shared by the bench scripts: Node's util.parseArgs, strict, plus number checks. */
import { parseArgs } from 'node:util';

export type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

export function parseOptions(argv: readonly string[], options: OptionSpec, usage: string): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new Error(`${(error as Error).message}. Options: ${usage}`);
  }
}

/** A positive integer option, or undefined when absent. */
export function positiveInt(values: Record<string, string | boolean | undefined>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const parsed = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} needs a positive integer`);
  return parsed;
}
