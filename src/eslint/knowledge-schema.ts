/**
 * JSON Schemas for what ESLint users may write, cut out of the configuration schema
 * (rules/schema/config.schema.json) so that the two never drift apart:
 *
 * - `settings.piiguard`: the knowledge part of piiguard.config.json (PII names and types,
 *   sources, sinks, sanitizers, consent checks, transport), shared by every rule;
 * - each rule's options: the knowledge that rule uses, added for that rule only.
 *
 * Severities, include/exclude and failOn are not knowledge: ESLint's own `rules`, `files` and
 * `ignores` play those parts.
 */
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { configSchema } from '../config/index.js';
import type { PiiguardConfigFile } from '../config/index.js';
import type { RuleId } from '../../rules/types.js';

/** Top-level keys of piiguard.config.json that carry knowledge. */
export const KNOWLEDGE_KEYS = ['pii', 'sources', 'sinks', 'sanitizers', 'consent', 'transport'] as const;

export type KnowledgeKey = (typeof KNOWLEDGE_KEYS)[number];
type SinkKind = keyof NonNullable<PiiguardConfigFile['sinks']>;

/** The knowledge part of a configuration: the shape of `settings.piiguard` and of rule options. */
export type KnowledgeSettings = Pick<PiiguardConfigFile, KnowledgeKey>;

/** Which knowledge each rule reads, so a rule's options offer only what changes its findings. */
const RULE_KNOWLEDGE: Readonly<Record<RuleId, { keys: readonly KnowledgeKey[]; sinks?: readonly SinkKind[] }>> = {
  'no-pii-in-logs': { keys: ['pii', 'sources', 'sinks', 'sanitizers'], sinks: ['log'] },
  'no-plaintext-pii-storage': { keys: ['pii', 'sources', 'sinks', 'sanitizers'], sinks: ['storage'] },
  'require-consent-check': { keys: ['pii', 'sources', 'sinks', 'consent'], sinks: ['dial'] },
  'no-plaintext-transport': { keys: ['transport'] },
  // Literal validators are not configurable.
  'no-hardcoded-pii': { keys: [] },
  'no-reversible-pii-hash': { keys: ['pii', 'sources', 'sanitizers'] },
  'no-pii-in-url': { keys: ['pii', 'sources', 'sanitizers'] },
  'no-pii-to-third-party': { keys: ['pii', 'sources', 'sanitizers'] },
  'no-invalid-suppression': { keys: [] },
};

/** What is read of the configuration schema: plain JSON Schema objects. */
interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  definitions?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}

let cachedConfigSchema: SchemaNode | undefined;

function fullSchema(): SchemaNode {
  cachedConfigSchema ??= configSchema() as SchemaNode;
  return cachedConfigSchema;
}

function propertySchema(name: string): SchemaNode {
  const schema = fullSchema().properties?.[name];
  if (!schema) throw new Error(`piiguard: the configuration schema has no "${name}" property`);
  return schema;
}

function knowledgeObjectSchema(keys: readonly KnowledgeKey[], sinks: readonly SinkKind[] | undefined, description: string): SchemaNode {
  const properties: Record<string, SchemaNode> = {};
  for (const key of keys) {
    const schema = propertySchema(key);
    if (key === 'sinks' && sinks) {
      const all = schema.properties ?? {};
      properties[key] = { ...schema, properties: Object.fromEntries(sinks.map((kind) => [kind, all[kind] ?? {}])) };
    } else {
      properties[key] = schema;
    }
  }
  return { type: 'object', additionalProperties: false, description, properties };
}

/** The schema of `settings.piiguard` (its `$ref`s point into `definitions`, included). */
export function settingsSchema(): JSONSchema4 {
  return {
    ...knowledgeObjectSchema(KNOWLEDGE_KEYS, undefined, 'piiguard knowledge shared by every piiguard rule: the knowledge keys of piiguard.config.json.'),
    definitions: fullSchema().definitions,
  } as unknown as JSONSchema4;
}

/**
 * `meta.schema` of a rule: at most one options object holding the knowledge keys the rule reads.
 * In the object form ESLint validates the options array against it as is, so the `$ref`s into
 * `definitions` resolve.
 */
export function ruleOptionsSchema(id: RuleId): JSONSchema4 {
  const { keys, sinks } = RULE_KNOWLEDGE[id];
  if (keys.length === 0) return { type: 'array', maxItems: 0 };
  return {
    type: 'array',
    minItems: 0,
    maxItems: 1,
    items: [knowledgeObjectSchema(keys, sinks, `Knowledge added for ${id} only, on top of settings.piiguard.`)],
    definitions: fullSchema().definitions,
  } as unknown as JSONSchema4;
}

export function ruleHasOptions(id: RuleId): boolean {
  return RULE_KNOWLEDGE[id].keys.length > 0;
}
