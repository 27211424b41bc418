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
