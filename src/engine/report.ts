import { createHash } from 'node:crypto';
import path from 'node:path';
import ts, { SyntaxKind } from '../typescript.js';
import { RULES } from '../../rules/index.js';
import type { RuleId, Severity } from '../../rules/types.js';
import { codeText } from './checks/flow-sinks.js';
import type { RawFinding } from './checks/raw.js';
import type { Finding, FlowStep, SourceLocation, Suggestion, TextEdit } from './finding.js';
import { maskPiiInText } from './mask.js';

export function locationOf(node: ts.Node): SourceLocation {
  const sf = node.getSourceFile();
  const start = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  const end = sf.getLineAndCharacterOfPosition(node.getEnd());
  return { file: sf.fileName, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function relative(rootDir: string, file: string): string {
  return path.relative(rootDir, file).split(path.sep).join('/');
}

/** Turns a check's raw finding into the Finding every surface shows: three-beat message, flow, fixes, fingerprint. */
export function toFinding(raw: RawFinding, severity: Severity, rootDir: string): Finding {
  const meta = RULES[raw.ruleId];
  const location = locationOf(raw.node);
  const flow: FlowStep[] = [];
  let source: Finding['source'];
  if (raw.label) {
    const originLocation = locationOf(raw.label.origin);
    const originElsewhere = originLocation.file !== location.file || originLocation.line !== location.line;
    source = { description: maskPiiInText(raw.label.describe), location: originLocation };
    flow.push({ location: originLocation, message: maskPiiInText(raw.label.describe) });
    for (const step of [...raw.label.steps, ...(raw.via ?? [])]) flow.push({ location: locationOf(step.node), message: maskPiiInText(step.note) });
    flow.push({ location, message: `reaches ${maskPiiInText(raw.sinkText)}` });
    if (!originElsewhere && flow.length === 2) flow.length = 0;
    if (originElsewhere && raw.label.signal === 'source') {
      raw = { ...raw, summary: raw.summary.replace(raw.label.describe, `${raw.label.describe} at ${relative(rootDir, originLocation.file)}:${originLocation.line}`) };
    }
  }
  const summary = maskPiiInText(raw.summary);
  const message = `${summary}. ${meta.why} ${meta.fix}`;
  return {
    ruleId: raw.ruleId,
    severity,
    message,
    summary,
    location,
    piiKind: raw.kind,
    sink: maskPiiInText(raw.sinkText),
    source,
    flow: dedupeFlow(flow),
    fix: raw.fix,
    suggestions: suggestionsFor(raw),
    fingerprint: '',
  };
}

function dedupeFlow(flow: FlowStep[]): FlowStep[] {
  return flow.filter((step, i) => i === 0 || step.location.line !== flow[i - 1]!.location.line || step.location.file !== flow[i - 1]!.location.file || step.message !== flow[i - 1]!.message);
}

const MASK_FUNCTION: Readonly<Record<string, string>> = { phone: 'maskPhone', 'national-id': 'maskId', 'payment-card': 'maskCard', email: 'maskEmail' };

function suggestionsFor(raw: RawFinding): Suggestion[] {
  const sf = raw.node.getSourceFile();
  const suggestions: Suggestion[] = [];
  const node = raw.node;
  if (raw.ruleId === 'no-pii-in-logs' && raw.label && !raw.label.container && isExpression(node)) {
    const fn = MASK_FUNCTION[raw.label.kind] ?? 'maskPii';
    suggestions.push({ title: `Wrap in ${fn}()`, edits: wrap(node, fn, sf) });
  }
  if (raw.ruleId === 'no-plaintext-pii-storage' && raw.label && isExpression(node) && !ts.isObjectLiteralElement(node)) {
    suggestions.push({ title: 'Wrap in encrypt()', edits: wrap(node, 'encrypt', sf) });
  }
  if (raw.ruleId === 'no-plaintext-pii-storage' && raw.label && ts.isPropertyAssignment(node)) {
    suggestions.push({ title: 'Wrap in encrypt()', edits: wrap(node.initializer, 'encrypt', sf) });
  }
  if (raw.ruleId === 'require-consent-check') {
    const statement = enclosingStatement(node);
    if (statement && raw.destination) {
      const indent = indentationAt(sf, statement.getStart(sf));
      const isAsync = !!ts.findAncestor(statement, (n) => ts.isFunctionLike(n) && ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === SyntaxKind.AsyncKeyword));
      const destination = raw.destination.getText(sf);
      const check = isAsync ? `!(await hasConsent(${destination}))` : `!hasConsent(${destination})`;
      suggestions.push({ title: 'Insert a consent / do-not-call guard', edits: [{ start: statement.getStart(sf), end: statement.getStart(sf), text: `if (${check}) return;\n${indent}` }] });
    }
  }
  const lineStart = sf.getLineStarts()[sf.getLineAndCharacterOfPosition(node.getStart(sf)).line]!;
  const indent = indentationAt(sf, node.getStart(sf));
  suggestions.push({
    title: `Suppress ${raw.ruleId} on this line (give a reason)`,
    edits: [{ start: lineStart, end: lineStart, text: `${indent}// piiguard-ignore-next-line ${raw.ruleId} -- <reason>\n` }],
  });
  return suggestions;
}

function isExpression(node: ts.Node): node is ts.Expression {
  return ts.isExpression(node) || ts.isIdentifier(node);
}

function wrap(node: ts.Node, fn: string, sf: ts.SourceFile): TextEdit[] {
  return [
    { start: node.getStart(sf), end: node.getStart(sf), text: `${fn}(` },
    { start: node.getEnd(), end: node.getEnd(), text: ')' },
  ];
}

function enclosingStatement(node: ts.Node): ts.Statement | undefined {
  let current: ts.Node | undefined = node;
  while (current && !(ts.isStatement(current) && (ts.isBlock(current.parent) || ts.isSourceFile(current.parent) || ts.isCaseClause(current.parent)))) current = current.parent;
  return current as ts.Statement | undefined;
}

function indentationAt(sf: ts.SourceFile, pos: number): string {
  const line = sf.getLineAndCharacterOfPosition(pos).line;
  const start = sf.getLineStarts()[line]!;
  return /^[ \t]*/.exec(sf.text.slice(start, pos))?.[0] ?? '';
}

/**
 * Stable across line shifts and unrelated edits: rule, file, enclosing function, sink and source
 * text, and the reported code itself (whitespace-normalised), then an occurrence counter.
 */
export function assignFingerprints(findings: Finding[], raws: readonly RawFinding[], rootDir: string): void {
  const seen = new Map<string, number>();
  findings.forEach((finding, i) => {
    const raw = raws[i]!;
    const base = [
      finding.ruleId,
      relative(rootDir, finding.location.file),
      enclosingName(raw.node),
      raw.sinkText,
      raw.label?.describe ?? '',
      codeText(raw.node).replace(/\s+/g, ' ').slice(0, 200),
    ].join('\u0000');
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    finding.fingerprint = createHash('sha256').update(`${base}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

function enclosingName(node: ts.Node): string {
  const names: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isClassDeclaration(n)) && n.name) names.unshift(n.name.getText());
    else if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.parent && ts.isVariableDeclaration(n.parent)) names.unshift(n.parent.name.getText());
  }
  return names.join('.');
}

export function severityOf(ruleId: RuleId, setting: string | undefined): Severity {
  return setting === 'error' || setting === 'warning' || setting === 'note' ? setting : RULES[ruleId].severity;
}
