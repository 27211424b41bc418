import { RULE_IDS } from '../../rules/index.js';
import type { RuleId, Severity } from '../../rules/types.js';
import { DEFAULT_SETTINGS, type PiiguardSettings } from './protocol.js';

const RULE_VALUES: readonly string[] = ['error', 'warning', 'note', 'off'];
const MAX_TYPING_DELAY_MS = 5_000;

/**
 * Settings as sent by an editor, made safe to use: unknown keys and wrong types fall back to the
 * default, and each problem is reported once so the user can fix it.
 */
export function normalizeSettings(raw: unknown, report: (problem: string) => void = () => undefined): PiiguardSettings {
  const input = isRecord(raw) ? raw : {};
  const settings: PiiguardSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (typeof input.enable === 'boolean') settings.enable = input.enable;
  if (typeof input.configFile === 'string') settings.configFile = input.configFile.trim();
  if (input.run === 'onType' || input.run === 'onSave') settings.run = input.run;
  else if (input.run !== undefined) report(`piiguard.run must be "onType" or "onSave"; using "${DEFAULT_SETTINGS.run}".`);
  if (typeof input.typingDelayMs === 'number' && Number.isFinite(input.typingDelayMs)) {
    settings.typingDelayMs = Math.max(0, Math.min(MAX_TYPING_DELAY_MS, Math.round(input.typingDelayMs)));
  }
  if (isRecord(input.rules)) {
    for (const [id, value] of Object.entries(input.rules)) {
      if (!(RULE_IDS as readonly string[]).includes(id)) {
        report(`piiguard.rules: unknown rule "${id}" (known: ${RULE_IDS.join(', ')}).`);
        continue;
      }
      if (typeof value !== 'string' || !RULE_VALUES.includes(value)) {
        report(`piiguard.rules.${id} must be one of ${RULE_VALUES.join(', ')}.`);
        continue;
      }
      settings.rules[id as RuleId] = value as Severity | 'off';
    }
  }
  return settings;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
