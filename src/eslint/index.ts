/**
 * piiguard's ESLint plugin, for flat config:
 *
 *   import piiguard from 'piiguard/eslint-plugin';
 *   export default [piiguard.configs.recommended];
 *
 * Project-wide knowledge (extra PII names and types, sources, sinks, sanitizers, consent checks,
 * safe hosts) goes in `settings.piiguard`, with the same keys as piiguard.config.json.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { packageInfo } from '../config/package-files.js';
import { presetConfig } from './configs.js';
import { rules } from './rules/index.js';

export interface PiiguardPlugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: {
    recommended: TSESLint.FlatConfig.Config;
    strict: TSESLint.FlatConfig.Config;
  };
}

const plugin = {
  meta: { name: 'piiguard', version: packageInfo().version },
  rules,
  configs: {},
} as PiiguardPlugin;

// Flat configs name the plugin object itself.
plugin.configs = {
  recommended: presetConfig('recommended', plugin as unknown as TSESLint.FlatConfig.Plugin),
  strict: presetConfig('strict', plugin as unknown as TSESLint.FlatConfig.Plugin),
};

export { rules };
export { settingsSchema, ruleOptionsSchema, type KnowledgeSettings } from './knowledge-schema.js';
export type { PiiguardRule, PiiguardRuleDocs, PiiguardRuleOptions } from './create-rule.js';
export default plugin;
