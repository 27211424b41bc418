import picocolors from 'picocolors';
import type { FileNotice, SourceLocation } from '../../../engine/finding.js';
import { maskPiiInText } from '../../../engine/mask.js';
import type { LineExplanation } from '../../../scan/explain.js';
import type { Signal } from '../../../engine/taint.js';
import { PII_KIND_LABELS, type PiiKind, type RuleId, type Severity } from '../../../../rules/types.js';
import type { JsonLocation } from '../json.js';
import { type ToolInfo, relativePath } from '../shared.js';

/** The signal of an explanation as a user reads it, with the distinctions the engine's reason makes. */
export type ExplainSignal = Signal | 'dialled-number' | 'protected';

/**
 * `piiguard explain --format json`: a stable, documented shape (docs/inventory.md). Paths are
 * relative to `rootDir`; every text quoting the code is masked.
 */
export interface ExplainReport {
  version: 1;
  tool: { name: string; version: string };
  rootDir: string;
  file: string;
  line: number;
  /** The line's code, masked and trimmed. */
  code: string;
  /** Whether any expression on the line is taken for PII. */
  piiFound: boolean;
  findings: { ruleId: RuleId; severity: Severity; message: string; location: JsonLocation; suppression?: { justification: string; until?: string } }[];
  explanations: {
    expression: string;
    location: JsonLocation;
    kind?: PiiKind;
    /** source, type, name or literal; dialled-number: a name taken for a phone number because it is dialled; protected: masked or encrypted here. */
    signal?: ExplainSignal;
    /** The signal in words: "framework source", "name", "protected (masked)". */
    signalLabel: string;
    reason: string;
    flow: { message: string; location: JsonLocation }[];
  }[];
  notices: { level: FileNotice['level']; message: string }[];
}

const SIGNAL_WORDS: Readonly<Record<ExplainSignal, string>> = {
  source: 'framework source',
  type: 'declared type',
  name: 'name',
  literal: 'literal value',
  'dialled-number': 'used as a dialled number',
  protected: 'protected',
};

export function buildExplainReport(explained: LineExplanation, tool: Pick<ToolInfo, 'name' | 'version'>): ExplainReport {
  const location = (l: SourceLocation): JsonLocation => ({
    file: maskPiiInText(relativePath(explained.rootDir, l.file)),
    line: l.line,
    column: l.column,
    endLine: l.endLine,
    endColumn: l.endColumn,
  });
  const explanations = explained.explanations.map((e) => {
    const signal = explainSignal(e.signal, e.reason);
    return {
      expression: maskPiiInText(e.expression),
      location: location(e.location),
      ...(e.kind ? { kind: e.kind } : {}),
      ...(signal ? { signal } : {}),
      signalLabel: signalLabel(signal, e.reason),
      reason: maskPiiInText(e.reason),
      flow: e.flow.map((step) => ({ message: maskPiiInText(step.message), location: location(step.location) })),
    };
  });
  return {
    version: 1,
    tool: { name: tool.name, version: tool.version },
    rootDir: explained.rootDir,
    file: maskPiiInText(relativePath(explained.rootDir, explained.file)),
    line: explained.line,
    code: maskPiiInText(explained.lineText.trim()),
    piiFound: explanations.length > 0,
    findings: explained.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: maskPiiInText(f.message),
      location: location(f.location),
      ...(f.suppression
        ? { suppression: { justification: maskPiiInText(f.suppression.justification), ...(f.suppression.until ? { until: f.suppression.until } : {}) } }
        : {}),
    })),
    explanations,
    notices: explained.notices.map((n) => ({ level: n.level, message: maskPiiInText(n.message) })),
  };
}

/** The engine says 'name' for a variable taken for a phone number because it is dialled; its reason tells them apart. */
function explainSignal(signal: Signal | 'protected' | undefined, reason: string): ExplainSignal | undefined {
  if (signal === 'name' && reason.includes('used as the number dialled')) return 'dialled-number';
  return signal;
}

function signalLabel(signal: ExplainSignal | undefined, reason: string): string {
  if (!signal) return 'unknown';
  if (signal !== 'protected') return SIGNAL_WORDS[signal];
  const how = /protected here \((masked|encrypted)\)/.exec(reason)?.[1];
  return how ? `protected (${how})` : 'protected';
}

export function formatExplainJson(report: ExplainReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** What to change when a guess is wrong, by the signal that made it. */
const TUNING_HINTS: Readonly<Partial<Record<ExplainSignal, string>>> = {
  name: 'If this name is not PII here, add the word to "pii.nonPiiWords" in piiguard.config.json.',
  type: 'If this type does not hold PII, leave it out of "pii.types" in piiguard.config.json (built-in types such as E164 are PII by definition).',
  literal: 'A literal is taken for PII when it validates as a real number or ID; use a reserved fictional one (NANP 555-0100..0199) in fixtures and tests.',
  'dialled-number': 'A value passed to a dialler as the destination is a phone number; check the dial call, or name the value after what it holds.',
};

/**
 * `piiguard explain` as text: the line, the findings there, then each expression taken for PII
 * with its signal, the reason in one sentence and its flow from the source; or a clear statement
 * that nothing there is taken for PII. Every piece quoting code is masked.
 */
export function formatExplainText(report: ExplainReport, options: { color: boolean }): string {
  const c = picocolors.createColors(options.color);
  const m = maskPiiInText;
  const at = (l: JsonLocation) => `${l.file}:${l.line}:${l.column}`;
  const out: string[] = [c.underline(m(`${report.file}:${report.line}`)), `  ${c.dim(`${report.line} |`)} ${m(report.code)}`, ''];

  if (report.findings.length > 0) {
    out.push(c.bold(report.findings.length === 1 ? 'Finding on this line' : `Findings on this line (${report.findings.length})`));
    for (const f of report.findings) {
      const severity = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.blue('note');
      const suppressed = f.suppression ? ` ${c.dim(`(suppressed: ${m(f.suppression.justification)})`)}` : '';
      out.push(`  ${severity}  ${c.dim(f.ruleId)}${suppressed}`, ...wrap(m(f.message), 92).map((line) => `    ${line}`));
    }
    out.push('');
  }

  if (!report.piiFound) {
    out.push(
      report.findings.length > 0
        ? 'No value on this line is taken for PII (the finding above is about a setting, not a PII value).'
        : 'Nothing on this line is taken for PII: no framework source, PII type, PII name or PII literal, and no finding.',
    );
    out.push(...report.notices.map((n) => `${n.level === 'info' ? c.dim('info') : c.yellow(n.level)}  ${m(n.message)}`));
    return `${out.join('\n')}\n`;
  }

  out.push(c.bold(report.explanations.length === 1 ? 'Taken for PII on this line' : `Taken for PII on this line (${report.explanations.length})`));
  const hints = new Set<string>();
  for (const [index, e] of report.explanations.entries()) {
    const kind = e.kind ? PII_KIND_LABELS[e.kind] : 'PII';
    const signal = e.signal === 'protected' ? c.green(`${e.signalLabel}, no finding for it`) : `signal: ${c.cyan(e.signalLabel)}`;
    out.push(`  ${index + 1}. ${c.bold(m(e.expression))} ${c.dim(`(column ${e.location.column})`)}`);
    out.push(`     ${kind} \u2014 ${signal}`);
    out.push(...wrap(m(e.reason), 88).map((line) => `     ${line}`));
    if (e.flow.length > 0) {
      out.push(`     ${c.dim('flow:')}`);
      for (const step of e.flow) out.push(`       ${c.dim(m(at(step.location)))}  ${m(step.message)}`);
    }
    const hint = e.signal ? TUNING_HINTS[e.signal] : undefined;
    if (hint) hints.add(hint);
  }
  if (hints.size > 0 || report.findings.some((f) => !f.suppression)) {
    out.push('', c.bold('Wrong guess?'));
    for (const hint of hints) out.push(...wrap(hint, 92).map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`));
    const open = report.findings.find((f) => !f.suppression);
    if (open) out.push(`  - ${hints.size > 0 ? 'Or suppress' : 'Suppress'} the finding with a reason: // piiguard-ignore-next-line ${open.ruleId} -- <why this is safe>`);
  }
  out.push(...report.notices.map((n) => `${n.level === 'info' ? c.dim('info') : c.yellow(n.level)}  ${m(n.message)}`));
  return `${out.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}
