/**
 * ESLint settings and rule options → the engine's EngineConfig.
 *
 * The engine caches its program-wide analysis per (program, EngineConfig object), so the same
 * settings must always give the same EngineConfig object. ESLint may hand each file freshly
 * merged settings and options objects, so configs are memoised by content, not by identity.
 */
import { type ConfigProblem, localDate, toEngineConfig } from '../config/index.js';
import type { ParsedJson } from '../config/json-parser.js';
import { isRecord } from '../config/key-path.js';
import { validateConfig } from '../config/validate.js';
import type { EngineConfig } from '../engine/api.js';
import { RULES, RULE_IDS } from '../../rules/index.js';
import type { RuleId } from '../../rules/types.js';
import { KNOWLEDGE_KEYS, type KnowledgeSettings } from './knowledge-schema.js';

const SETTINGS_LABEL = 'ESLint configuration';

/** The validated `settings.piiguard` of a file's configuration. */
export function readSettings(settings: Readonly<Record<string, unknown>>): KnowledgeSettings {
  const value = settings.piiguard;
  if (value === undefined) return {};
  return validated(value, 'settings.piiguard', () => settingsHint);
}

/** Validated options of a rule (ESLint has already checked them against `meta.schema`). */
export function readRuleOptions(ruleName: string, options: readonly unknown[]): KnowledgeSettings {
  const value = options[0];
  if (value === undefined) return {};
  return validated(value, `rules["${ruleName}"] options`, () => `Fix the options of ${ruleName}; they take the same knowledge keys as settings.piiguard.`);
}

const settingsHint =
  'settings.piiguard takes the knowledge keys of piiguard.config.json (pii, sources, sinks, sanitizers, consent, transport). ' +
  'Set severities in the ESLint config\'s "rules" and select files with "files" / "ignores".';

const validatedCache = new Map<string, KnowledgeSettings>();

function validated(value: unknown, keyPrefix: string, hint: () => string): KnowledgeSettings {
  const key = `${keyPrefix}\u0000${stableJson(value)}`;
  const cached = validatedCache.get(key);
  if (cached) return cached;
  const problems: ConfigProblem[] = [];
  if (!isRecord(value)) {
    problems.push({ file: SETTINGS_LABEL, keyPath: keyPrefix, message: `expected an object, found ${Array.isArray(value) ? 'an array' : typeof value}.` });
  } else {
    for (const name of Object.keys(value)) {
      if (!(KNOWLEDGE_KEYS as readonly string[]).includes(name)) {
        problems.push({ file: SETTINGS_LABEL, keyPath: `${keyPrefix}.${name}`, message: `"${name}" is not a knowledge key. Allowed keys: ${KNOWLEDGE_KEYS.join(', ')}.` });
      }
    }
    // The CLI's validator: the same schema, the same messages, and regular expressions and access paths checked.
    const parsed: ParsedJson = { value, positions: new Map() };
    problems.push(...validateConfig(value, { file: SETTINGS_LABEL, parsed, basePointer: '', keyPrefix }).filter((p) => !problems.some((q) => q.keyPath === p.keyPath)));
  }
  if (problems.length > 0) {
    throw new Error(`piiguard: invalid ${keyPrefix} in the ESLint configuration.\n${problems.map((p) => `  ${p.keyPath}: ${p.message}`).join('\n')}\n${hint()}`);
  }
  const result = value as KnowledgeSettings;
  validatedCache.set(key, result);
  return result;
}

const engineConfigCache = new Map<string, EngineConfig>();

export interface EngineConfigContext {
  /** Root for relative paths in messages: ESLint's cwd. */
  rootDir: string;
  /**
   * The piiguard rules ESLint runs on the file. The engine runs exactly these, as `piiguard scan`
   * runs the rules its configuration enables: a suppression naming a rule that does not run is not
   * judged unused, and rules that are off cost nothing.
   */
  rules: Iterable<RuleId>;
  /** YYYY-MM-DD; default: today. */
  today?: string;
}

/**
 * The EngineConfig for shared settings plus rule knowledge, memoised by content, rule set and date
 * (an editor session may run past midnight, and suppression expiry depends on the date).
 */
export function engineConfigFor(settings: KnowledgeSettings, ruleKnowledge: readonly KnowledgeSettings[], context: EngineConfigContext): EngineConfig {
  const today = context.today ?? localDate(new Date());
  const merged = ruleKnowledge.reduce<KnowledgeSettings>((acc, extra) => mergeKnowledge(acc, extra), settings);
  const on = new Set(context.rules);
  const rules: EngineConfig['rules'] = Object.fromEntries(RULE_IDS.map((id) => [id, on.has(id) ? RULES[id].severity : 'off']));
  const key = [today, context.rootDir, RULE_IDS.filter((id) => on.has(id)).join(','), stableJson(merged)].join('\u0000');
  let config = engineConfigCache.get(key);
  if (!config) {
    config = toEngineConfig({ ...merged, rules }, { rootDir: context.rootDir, today });
    engineConfigCache.set(key, config);
  }
  return config;
}

/** Knowledge only ever extends: arrays concatenate, objects merge key by key. */
export function mergeKnowledge(base: KnowledgeSettings, extra: KnowledgeSettings): KnowledgeSettings {
  return deepMerge(base, extra) as KnowledgeSettings;
}

function deepMerge(a: unknown, b: unknown): unknown {
  if (b === undefined) return a;
  if (a === undefined) return b;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (isRecord(a) && isRecord(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = deepMerge(a[key], value);
    return out;
  }
  return b;
}

/** JSON with object keys sorted, so equal content gives equal keys whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
