import { closestMatch } from '../config/key-path.js';

/**
 * Every error the CLI prints is one of these templates: what happened, then what to do.
 * Keep the wording here so it stays consistent and reviewable in one place.
 */

export interface CliMessage {
  /** What happened, one or more lines. */
  what: string;
  /** What to do about it. */
  todo: string;
}

export function renderMessage(message: CliMessage): string {
  return `piiguard: ${message.what.trimEnd()}\n${message.todo.trimEnd()}\n`;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export const messages = {
  /** Commander's own parse errors ("error: unknown option '--formt'"). */
  usage(commanderText: string, helpCommand: string): CliMessage {
    const what = commanderText
      .trim()
      .replace(/^error: /, '')
      .replace(/\n\(Did you mean/, ' (did you mean');
    return { what, todo: `Run \`${helpCommand}\` to see the commands, options and allowed values.` };
  },

  configInvalid(problems: string, hint: string): CliMessage {
    return { what: `the configuration is not valid:\n${indent(problems)}`, todo: hint };
  },

  scanInput(what: string, hint: string): CliMessage {
    return { what, todo: hint };
  },

  outputNotWritten(file: string, reason: string): CliMessage {
    return {
      what: `cannot write the report to ${file} (${reason}).`,
      todo: 'Choose a writable path for --output, or leave it out to print the report.',
    };
  },

  internalError(detail: string): CliMessage {
    return {
      what: `the scan stopped on an unexpected internal error: ${detail}`,
      todo: 'Please report it at https://github.com/piiguard/piiguard/issues with the command you ran (not the scanned data). Meanwhile, narrow the scan to the failing folder or exclude it in piiguard.config.json.',
    };
  },
};

/** Hints for --rule values, reused by the option parser. */
export function ruleOptionProblem(value: string, knownRules: readonly string[], severities: readonly string[]): string {
  const separator = value.indexOf('=');
  if (separator < 0) return `Expected <rule-id>=<severity>, e.g. no-pii-in-logs=warning.`;
  const id = value.slice(0, separator).trim();
  if (!knownRules.includes(id)) {
    const suggestion = closestMatch(id, knownRules);
    return `Unknown rule id "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Known rules: ${knownRules.join(', ')}.`;
  }
  return `Unknown severity "${value.slice(separator + 1).trim()}" for ${id}. Allowed: ${severities.join(', ')}.`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
