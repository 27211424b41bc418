/**
 * Every piiguard ESLint rule is the same adapter over the engine: analyse the file (typed or
 * syntactic), keep the findings of this rule that no suppression comment covers, report them.
 */
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { RULES, docsUrl } from '../../rules/index.js';
import type { RuleId } from '../../rules/types.js';
import { engineConfigFor, readRuleOptions, readSettings } from './engine-config.js';
import { findingsForFile } from './file-findings.js';
import { type KnowledgeSettings, ruleOptionsSchema } from './knowledge-schema.js';
import { MESSAGES, type MessageId, toReport } from './report.js';

export interface PiiguardRuleDocs {
  /** Severity in `configs.recommended`, when the rule is in it. */
  recommended?: 'error' | 'warn';
  /** Works without type information too (syntactic mode), with less reach. */
  requiresTypeChecking: false;
}

export type PiiguardRuleOptions = [KnowledgeSettings?];

export type PiiguardRule = TSESLint.RuleModule<MessageId, PiiguardRuleOptions, PiiguardRuleDocs> & { name: string };

const createRule = ESLintUtils.RuleCreator<PiiguardRuleDocs>((name) => docsUrl(name as RuleId));

/** Only safe, meaning-preserving changes are autofixes (`http://` → `https://`, `sip:` → `sips:`). */
const FIXABLE: ReadonlySet<RuleId> = new Set<RuleId>(['no-plaintext-transport']);

/**
 * What the piiguard rules running on a file registered in create(), keyed by its SourceCode: their
 * ids (the engine runs those) and the knowledge in their options (no-invalid-suppression judges
 * comments against all of it).
 */
interface FileRegistration {
  rules: Set<RuleId>;
  knowledge: KnowledgeSettings[];
}
const registrations = new WeakMap<object, FileRegistration>();
/** An analysis failure is reported once per file, not once per rule. */
const failedFiles = new WeakSet<object>();

export function eslintSeverity(id: RuleId): 'error' | 'warn' {
  return RULES[id].severity === 'error' ? 'error' : 'warn';
}

export function createPiiguardRule(id: RuleId): PiiguardRule {
  const meta = RULES[id];
  const fixable = FIXABLE.has(id);
  return createRule<PiiguardRuleOptions, MessageId>({
    name: id,
    meta: {
      type: 'problem',
      docs: {
        description: meta.description,
        ...(meta.presets.includes('recommended') ? { recommended: eslintSeverity(id) } : {}),
        requiresTypeChecking: false,
      },
      messages: MESSAGES,
      schema: ruleOptionsSchema(id),
      hasSuggestions: true,
      ...(fixable ? { fixable: 'code' as const } : {}),
    },
    create(context) {
      const settings = readSettings(context.settings);
      const own = readRuleOptions(`piiguard/${id}`, context.options);
      const { sourceCode } = context;
      let registration = registrations.get(sourceCode);
      if (!registration) registrations.set(sourceCode, (registration = { rules: new Set(), knowledge: [] }));
      registration.rules.add(id);
      registration.knowledge.push(own);
      const file = registration;

      return {
        // Every rule's create() has run by now, so all of them are registered.
        'Program:exit'() {
          const knowledge = id === 'no-invalid-suppression' ? file.knowledge : [own];
          const config = engineConfigFor(settings, knowledge, { rootDir: context.cwd, rules: file.rules });
          let findings;
          try {
            const services = sourceCode.parserServices;
            findings = findingsForFile(
              { filename: context.filename, text: sourceCode.text, program: services?.program, parsed: services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast) },
              config,
            ).findings;
          } catch (error) {
            if (failedFiles.has(sourceCode)) return;
            failedFiles.add(sourceCode);
            const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
            context.report({ loc: { line: 1, column: 0 }, messageId: 'analysisFailed', data: { detail: detail.slice(0, 300) } });
            return;
          }
          for (const finding of findings) {
            if (finding.ruleId !== id || finding.suppression) continue;
            context.report(toReport(finding, { fixable }));
          }
        },
      };
    },
  }) as PiiguardRule;
}
