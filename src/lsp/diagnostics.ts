import { pathToFileURL } from 'node:url';
import type ts from 'typescript';
import { type Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation, type Position, type Range } from 'vscode-languageserver/node';
import { docsUrl } from '../../rules/index.js';
import type { Severity } from '../../rules/types.js';
import type { Finding, SourceLocation } from '../engine/finding.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';

/** What the server keeps in `Diagnostic.data` to find the finding again for code actions. */
export interface DiagnosticData {
  fingerprint: string;
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  note: DiagnosticSeverity.Information,
};

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** 1-based engine locations to 0-based LSP ranges (both count UTF-16 code units). */
export function rangeOf(location: SourceLocation): Range {
  return {
    start: { line: location.line - 1, character: location.column - 1 },
    end: { line: location.endLine - 1, character: location.endColumn - 1 },
  };
}

export function positionAt(sourceFile: ts.SourceFile, offset: number): Position {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(Math.max(0, Math.min(offset, sourceFile.text.length)));
  return { line, character };
}

/**
 * A finding as an editor diagnostic: the rule id as code with a link to its docs, and the data
 * flow — where the value came from and how it got here — as related information.
 */
export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = { fingerprint: finding.fingerprint };
  const diagnostic: Diagnostic = {
    range: rangeOf(finding.location),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  const related = relatedInformation(finding);
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

function relatedInformation(finding: Finding): DiagnosticRelatedInformation[] {
  // The last step of a flow is the sink, i.e. the diagnostic itself.
  const steps = finding.flow.length > 0 ? finding.flow.slice(0, -1) : finding.source ? [{ location: finding.source.location, message: finding.source.description }] : [];
  return steps.map((step, index) => ({
    location: { uri: fileUri(step.location.file), range: rangeOf(step.location) },
    message: index === 0 ? `Source: ${step.message}` : step.message,
  }));
}

/** Unsuppressed findings are shown; suppressed ones stay in SARIF only. */
export function visibleFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => !f.suppression);
}
