import { InvalidArgumentError } from 'commander';
import type { FailOn } from '../config/types.js';
import type { RuleSetting } from '../engine/api.js';
import { RULE_IDS } from '../../rules/index.js';
import type { RuleId } from '../../rules/types.js';
import { ruleOptionProblem } from './messages.js';

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'note', 'none'];
export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'note', 'off'];

export type RuleOverrides = Partial<Record<RuleId, RuleSetting>>;

/** Commander argument parser for the repeatable `--rule <id=severity>`. */
export function collectRuleOption(value: string, previous: RuleOverrides = {}): RuleOverrides {
  const separator = value.indexOf('=');
  const id = value.slice(0, separator).trim();
  const setting = value.slice(separator + 1).trim();
  if (separator < 0 || !isRuleId(id) || !isRuleSetting(setting)) {
    throw new InvalidArgumentError(ruleOptionProblem(value, RULE_IDS, RULE_SETTINGS));
  }
  return { ...previous, [id]: setting };
}

function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

function isRuleSetting(value: string): value is RuleSetting {
  return (RULE_SETTINGS as readonly string[]).includes(value);
}

/** Commander argument parser for `--today <YYYY-MM-DD>`: a real calendar date. */
export function parseDateOption(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.toISOString().slice(0, 10) !== match[0]) {
    throw new InvalidArgumentError('Expected a date as YYYY-MM-DD, e.g. 2026-06-30.');
  }
  return match[0];
}

/**
 * Commander argument parser for a whole number of at least `minimum`, e.g. `--max-file-ms 30000`.
 * The minimums match rules/schema/config.schema.json.
 */
export function wholeNumberOption(minimum: number, example: number): (value: string) => number {
  return (value) => {
    const trimmed = value.trim();
    const parsed = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < minimum) {
      throw new InvalidArgumentError(`Expected a whole number of at least ${minimum}, e.g. ${example}.`);
    }
    return parsed;
  };
}
