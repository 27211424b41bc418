import type { PiiKind, RuleId, Severity } from '../../rules/types.js';

/** 1-based line and column, like editors and SARIF. `file` is absolute. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FlowStep {
  location: SourceLocation;
  /** What happens at this step, PII already masked: "req.body.From (Twilio webhook)", "assigned to caller". */
  message: string;
}

/** A text edit in the file of the finding: replace [start, end) character offsets with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Suggestion {
  title: string;
  edits: TextEdit[];
}

export interface Suppression {
  justification: string;
  /** ISO date (YYYY-MM-DD) after which the suppression stops working. */
  until?: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** Full message in three beats (what, why, what to do). Never contains a raw PII value. */
  message: string;
  /** First beat only: what was found. */
  summary: string;
  location: SourceLocation;
  piiKind?: PiiKind;
  /** Text naming the sink: 'logger.info', 'prisma.lead.create', 'client.calls.create'. */
  sink?: string;
  /** Where the value came from, when known. */
  source?: { description: string; location: SourceLocation };
  /** Source → … → sink; empty for findings without a data flow (transport settings). */
  flow: FlowStep[];
  /** Safe automatic fix (applied by --fix / ESLint fix). */
  fix?: TextEdit[];
  suggestions: Suggestion[];
  /** Stable across line shifts: rule, file (relative), sink text, source text, occurrence. */
  fingerprint: string;
  /** Set when an inline suppression covers the finding; suppressed findings are kept for SARIF. */
  suppression?: Suppression;
}

/** A per-file problem that is not a finding: unreadable, binary, too large, parse errors. */
export interface FileNotice {
  file: string;
  level: 'warning' | 'error' | 'info';
  message: string;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { note: 1, warning: 2, error: 3 };

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[threshold];
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.location.file.localeCompare(b.location.file) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}
