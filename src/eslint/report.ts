/**
 * A Finding as an ESLint report: the same message text as the CLI, the engine's location,
 * its safe fix, and its suggestions under message ids an editor and RuleTester can tell apart.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Finding, Suggestion, TextEdit } from '../engine/finding.js';

/** Message ids of every piiguard rule: the finding, and one per kind of suggestion. */
export const MESSAGES = {
  finding: '{{ message }}',
  analysisFailed: 'piiguard could not analyse this file ({{ detail }}). Other files are unaffected; please report this with the file\'s structure (not its data).',
  wrapMask: 'Wrap in {{ fn }}()',
  wrapEncrypt: 'Wrap in {{ fn }}()',
  insertConsentGuard: 'Insert a consent / do-not-call guard',
  suppress: 'Suppress {{ ruleId }} on this line (give a reason)',
  removeSuppression: 'Remove this suppression comment',
  applyFix: 'Apply the safe fix',
  otherSuggestion: '{{ title }}',
} as const;

export type MessageId = keyof typeof MESSAGES;
type SuggestionMessageId = Exclude<MessageId, 'finding' | 'analysisFailed'>;

export interface ReportOptions {
  /** Whether the rule declares `meta.fixable`; otherwise a fix is offered as a suggestion. */
  fixable: boolean;
}

export function toReport(finding: Finding, options: ReportOptions): TSESLint.ReportDescriptor<MessageId> {
  const { location } = finding;
  const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = finding.suggestions.map(toSuggestion);
  const fix = finding.fix && finding.fix.length > 0 ? finding.fix : undefined;
  if (fix && !options.fixable) suggest.unshift({ messageId: 'applyFix', fix: fixer(fix) });
  return {
    loc: {
      start: { line: location.line, column: location.column - 1 },
      end: { line: location.endLine, column: location.endColumn - 1 },
    },
    messageId: 'finding',
    data: { message: finding.message },
    ...(fix && options.fixable ? { fix: fixer(fix) } : {}),
    ...(suggest.length > 0 ? { suggest } : {}),
  };
}

function toSuggestion(suggestion: Suggestion): TSESLint.SuggestionReportDescriptor<MessageId> {
  const { messageId, data } = classify(suggestion.title);
  return { messageId, data, fix: fixer(suggestion.edits) };
}

/** The engine names its suggestions by title; the kinds are told apart by their wording. */
function classify(title: string): { messageId: SuggestionMessageId; data: Record<string, string> } {
  const wrap = /^Wrap in ([\w$.]+)\(\)$/.exec(title);
  if (wrap) {
    const fn = wrap[1] as string;
    return { messageId: /encrypt|tokeni[sz]e/i.test(fn) ? 'wrapEncrypt' : 'wrapMask', data: { fn } };
  }
  if (/^Insert a consent/.test(title)) return { messageId: 'insertConsentGuard', data: {} };
  const suppress = /^Suppress ([\w-]+) on this line/.exec(title);
  if (suppress) return { messageId: 'suppress', data: { ruleId: suppress[1] as string } };
  if (/^Remove this suppression comment$/.test(title)) return { messageId: 'removeSuppression', data: {} };
  return { messageId: 'otherSuggestion', data: { title } };
}

function fixer(edits: readonly TextEdit[]): TSESLint.ReportFixFunction {
  return (fix) => edits.map((edit) => fix.replaceTextRange([edit.start, edit.end], edit.text));
}
