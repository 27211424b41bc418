import type { TSESLint } from '@typescript-eslint/utils';
import { RULES, RULE_IDS } from '../../rules/index.js';
import type { Preset } from '../../rules/types.js';
import { eslintSeverity } from './create-rule.js';

type RuleLevels = Record<string, 'error' | 'warn'>;

/**
 * `recommended`: the rules of the recommended preset at their own severity (error → "error",
 * warning and note → "warn"). `strict`: the rules of the strict preset, all at "error", so a
 * warning such as a suppression without a reason also fails CI.
 */
export function presetRules(preset: Preset): RuleLevels {
  const levels: RuleLevels = {};
  for (const id of RULE_IDS) {
    if (!RULES[id].presets.includes(preset)) continue;
    levels[`piiguard/${id}`] = preset === 'strict' ? 'error' : eslintSeverity(id);
  }
  return levels;
}

export function presetConfig(preset: Preset, plugin: TSESLint.FlatConfig.Plugin): TSESLint.FlatConfig.Config {
  return { name: `piiguard/${preset}`, plugins: { piiguard: plugin }, rules: presetRules(preset) };
}
