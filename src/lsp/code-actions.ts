import type ts from 'typescript';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { Finding, TextEdit } from '../engine/finding.js';
import { maskPiiInText } from '../engine/mask.js';
import { positionAt } from './diagnostics.js';
import { SUPPRESS_WITH_REASON_COMMAND, type SuppressWithReasonArgs } from './protocol.js';

/** `source.fixAll.piiguard`: every safe fix of the file at once (fix-on-save). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.piiguard`;

export interface CodeActionContext {
  uri: string;
  /** The text the findings were computed from (offsets of fixes refer to it). */
  sourceFile: ts.SourceFile;
  /** The client runs `piiguard.suppressWithReason`, which asks for the reason. */
  suppressWithReasonCommand: boolean;
}

/**
 * Quick fixes for one finding: its safe fix (preferred), the rule's suggestions, and a suppression
 * that asks for a reason (or, in editors without that command, inserts the comment with a
 * `<reason>` placeholder to fill in).
 */
export function quickFixes(finding: Finding, diagnostic: Diagnostic, ctx: CodeActionContext): CodeAction[] {
  const actions: CodeAction[] = [];
  if (finding.fix && finding.fix.length > 0) {
    actions.push({
      title: fixTitle(finding.fix, ctx.sourceFile, finding),
      kind: CodeActionKind.QuickFix,
      isPreferred: true,
      diagnostics: [diagnostic],
      edit: { changes: { [ctx.uri]: toLspEdits(finding.fix, ctx.sourceFile) } },
    });
  }
  for (const suggestion of finding.suggestions) {
    if (isSuppression(suggestion.edits) && ctx.suppressWithReasonCommand) {
      actions.push(suppressWithReason(finding, diagnostic, ctx));
      continue;
    }
    actions.push({
      title: suggestion.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [ctx.uri]: toLspEdits(suggestion.edits, ctx.sourceFile) } },
    });
  }
  return actions;
}

/** All safe fixes of a file, skipping any that overlap an earlier one. */
export function fixAllAction(findings: readonly Finding[], ctx: CodeActionContext): CodeAction | undefined {
  const edits: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix || fix.length === 0) continue;
    if (fix.some((e) => edits.some((taken) => e.start < taken.end && taken.start < e.end))) continue;
    edits.push(...fix);
  }
  if (edits.length === 0) return undefined;
  return { title: 'Fix all safe piiguard problems', kind: FIX_ALL_KIND, edit: { changes: { [ctx.uri]: toLspEdits(edits, ctx.sourceFile) } } };
}

function suppressWithReason(finding: Finding, diagnostic: Diagnostic, ctx: CodeActionContext): CodeAction {
  const line = finding.location.line - 1;
  const lineStart = ctx.sourceFile.getLineStarts()[line] ?? 0;
  const indent = /^[ \t]*/.exec(ctx.sourceFile.text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  const args: SuppressWithReasonArgs = { uri: ctx.uri, line, indent, ruleId: finding.ruleId };
  return {
    title: `Suppress ${finding.ruleId} on this line with a reason…`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Suppress with a reason', command: SUPPRESS_WITH_REASON_COMMAND, arguments: [args] },
  };
}

function isSuppression(edits: readonly TextEdit[]): boolean {
  return edits.some((e) => e.text.includes('piiguard-ignore-'));
}

export function toLspEdits(edits: readonly TextEdit[], sourceFile: ts.SourceFile): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: positionAt(sourceFile, e.start), end: positionAt(sourceFile, e.end) }, newText: e.text }));
}

/** "Replace 'http://' with 'https://'" for a short single replacement; a generic title otherwise. */
function fixTitle(fix: readonly TextEdit[], sourceFile: ts.SourceFile, finding: Finding): string {
  const only = fix.length === 1 ? fix[0] : undefined;
  if (only) {
    const before = sourceFile.text.slice(only.start, only.end);
    if (before.length > 0 && before.length <= 40 && only.text.length <= 40 && !/\n/.test(before + only.text)) {
      return maskPiiInText(`Replace '${before}' with '${only.text}'`);
    }
  }
  return `Fix ${finding.ruleId}`;
}
