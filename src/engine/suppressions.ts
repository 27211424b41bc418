/**
 * Inline suppressions, the same in the CLI, the ESLint plugin and the editor:
 *
 *   // piiguard-ignore-next-line no-pii-in-logs -- masked upstream by the gateway (until 2027-06-30)
 *   doSomething(phone); // piiguard-ignore-line no-pii-in-logs, no-pii-in-url -- reviewed in SEC-123
 *   /* piiguard-ignore-file no-plaintext-transport -- local test harness only *\/
 *
 * A suppression must name a known rule and give a reason; it may carry an expiry date. One that
 * breaks these rules, has expired, or suppresses nothing is reported by `no-invalid-suppression`.
 * Suppressed findings are kept, marked with the justification, so SARIF can record them.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import ts, { SyntaxKind } from '../typescript.js';
import { RULES } from '../../rules/index.js';
import type { Severity } from '../../rules/types.js';
import { compareFindings, type Finding, type SourceLocation, type Suggestion } from './finding.js';

export type SuppressionScope = 'next-line' | 'line' | 'file';

export interface SuppressionDirective {
  scope: SuppressionScope;
  /** Rule ids as written (a leading `piiguard/` removed), in order. */
  ruleIds: string[];
  /** Text after `--`, without the expiry; '' when missing. */
  reason: string;
  /** Expiry as a valid YYYY-MM-DD date. */
  until?: string;
  /** What was written in `(until …)` when it is not a valid date. */
  invalidUntil?: string;
  /** The whole comment as written. */
  text: string;
  /** Offsets of the comment, [start, end). */
  start: number;
  end: number;
  /** 1-based position of the comment. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 1-based lines whose findings it covers (inclusive). */
  firstCoveredLine: number;
  lastCoveredLine: number;
  /** What to delete to remove the comment: the whole line when the comment is alone on it. */
  removal: { start: number; end: number };
}

export interface ApplySuppressionsOptions {
  /** Absolute path of the file; only findings located in it are considered. */
  file: string;
  /** YYYY-MM-DD; a directive whose `until` is before it has expired. */
  today: string;
  /** Rule ids a directive may name. */
  knownRules: readonly string[];
  /** Rules that ran on this file (default: all known). A directive for a rule that did not run is not "unused". */
  activeRules?: readonly string[];
  /** Severity of the problems (default: the rule's own). */
  severity?: Severity;
  /** Makes fingerprints independent of where the repository is checked out. */
  rootDir?: string;
}

export interface AppliedSuppressions {
  /** All findings given, those covered by a valid directive carrying `suppression`. */
  findings: Finding[];
  /** `no-invalid-suppression` findings, possibly themselves suppressed. */
  problems: Finding[];
}

const MARKER = 'piiguard-ignore-';
const DIRECTIVE = /^piiguard-ignore-(next-line|line|file)(?![\w-])/;
const UNTIL = /\(\s*until\s([^()]*)\)\s*$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PROBLEM_RULE = 'no-invalid-suppression';
/** Directives are one line of prose; the rest of a huge comment is not read. */
const MAX_DIRECTIVE_LENGTH = 2_000;

// ---------------------------------------------------------------------------------------------
// Parsing

/** Directives in the comments of a JS/TS source text, in order. Strings and regexes are skipped. */
export function parseSuppressions(text: string): SuppressionDirective[] {
  if (!text.includes(MARKER)) return [];
  const lineStarts = computeLineStarts(text);
  const directives: SuppressionDirective[] = [];
  for (const comment of scanComments(text)) {
    const directive = parseDirective(text, comment.start, comment.end, comment.multiLine, lineStarts);
    if (directive) directives.push(directive);
  }
  return directives;
}

interface CommentRange {
  start: number;
  end: number;
  multiLine: boolean;
}

/**
 * Comments found by the TypeScript scanner. Template literals are followed through their
 * `${…}` parts, and a `/` starts a regular expression where a value cannot precede it.
 */
function* scanComments(text: string): Generator<CommentRange> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const templateBraceDepths: number[] = [];
  let braceDepth = 0;
  let previous = SyntaxKind.Unknown;
  let nextMarker = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    switch (kind) {
      case SyntaxKind.SingleLineCommentTrivia:
      case SyntaxKind.MultiLineCommentTrivia: {
        const start = scanner.getTokenStart();
        const end = scanner.getTokenEnd();
        // The next marker's offset, looked up again only once passed: linear over the file.
        if (nextMarker < start) nextMarker = text.indexOf(MARKER, start);
        if (nextMarker < 0) return;
        if (nextMarker < end) yield { start, end, multiLine: kind === SyntaxKind.MultiLineCommentTrivia };
        continue;
      }
      case SyntaxKind.WhitespaceTrivia:
      case SyntaxKind.NewLineTrivia:
      case SyntaxKind.ShebangTrivia:
      case SyntaxKind.ConflictMarkerTrivia:
        continue;
      case SyntaxKind.OpenBraceToken:
        braceDepth++;
        break;
      case SyntaxKind.CloseBraceToken:
        if (templateBraceDepths.length > 0 && templateBraceDepths[templateBraceDepths.length - 1] === braceDepth) {
          kind = scanner.reScanTemplateToken(false);
          if (kind === SyntaxKind.TemplateTail) templateBraceDepths.pop();
        } else {
          braceDepth--;
        }
        break;
      case SyntaxKind.TemplateHead:
        templateBraceDepths.push(braceDepth);
        break;
      case SyntaxKind.SlashToken:
      case SyntaxKind.SlashEqualsToken:
        if (regexMayFollow(previous)) kind = scanner.reScanSlashToken();
        break;
      default:
        break;
    }
    previous = kind;
  }
}

/** After these tokens a `/` divides; anywhere else it starts a regular expression. */
function regexMayFollow(previous: ts.SyntaxKind): boolean {
  switch (previous) {
    case SyntaxKind.CloseParenToken:
    case SyntaxKind.CloseBracketToken:
    case SyntaxKind.CloseBraceToken:
    case SyntaxKind.PlusPlusToken:
    case SyntaxKind.MinusMinusToken:
    case SyntaxKind.ThisKeyword:
    case SyntaxKind.SuperKeyword:
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
      return false;
    default:
      break;
  }
  if (previous >= SyntaxKind.FirstPunctuation && previous <= SyntaxKind.LastPunctuation) return true;
  if (previous >= SyntaxKind.FirstReservedWord && previous <= SyntaxKind.LastReservedWord) return true;
  return previous === SyntaxKind.Unknown;
}

function parseDirective(
  text: string,
  start: number,
  end: number,
  multiLine: boolean,
  lineStarts: readonly number[],
): SuppressionDirective | undefined {
  const raw = text.slice(start, end);
  let body = multiLine ? raw.slice(2, raw.endsWith('*/') ? -2 : undefined) : raw.slice(2);
  body = body.replace(/^[\s*]*/, '').slice(0, MAX_DIRECTIVE_LENGTH);
  const match = DIRECTIVE.exec(body);
  if (!match) return undefined;
  const scope = match[1] as SuppressionScope;

  // Continuation lines of a block comment may start with ` * `.
  let rest = body
    .slice(match[0].length)
    .replace(/(\r\n|[\r\n\u2028\u2029])[ \t]*\*(?!\/)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

  let until: string | undefined;
  let invalidUntil: string | undefined;
  const untilMatch = UNTIL.exec(rest);
  if (untilMatch) {
    const written = (untilMatch[1] as string).trim();
    if (isValidDate(written)) until = written;
    else invalidUntil = written;
    rest = rest.slice(0, untilMatch.index).trim();
  }

  const dashes = rest.indexOf('--');
  const rulePart = dashes < 0 ? rest : rest.slice(0, dashes);
  const reasonText = dashes < 0 ? '' : rest.slice(dashes + 2).trim();
  const ruleIds = rulePart
    .split(/[\s,]+/)
    .filter((id) => id.length > 0)
    .map((id) => id.replace(/^piiguard\//, ''));

  const startPos = positionOf(start, lineStarts);
  const endPos = positionOf(end, lineStarts);
  const firstCoveredLine = scope === 'next-line' ? endPos.line + 1 : scope === 'line' ? startPos.line : 1;
  const lastCoveredLine = scope === 'next-line' ? endPos.line + 1 : scope === 'line' ? endPos.line : Number.MAX_SAFE_INTEGER;

  const directive: SuppressionDirective = {
    scope,
    ruleIds,
    reason: /[\p{L}\p{N}]/u.test(reasonText) ? reasonText : '',
    text: raw.length > MAX_DIRECTIVE_LENGTH ? raw.slice(0, MAX_DIRECTIVE_LENGTH) : raw,
    start,
    end,
    line: startPos.line,
    column: startPos.column,
    endLine: endPos.line,
    endColumn: endPos.column,
    firstCoveredLine,
    lastCoveredLine,
    removal: removalRange(text, start, end),
  };
  if (until !== undefined) directive.until = until;
  if (invalidUntil !== undefined) directive.invalidUntil = invalidUntil;
  return directive;
}

function isValidDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The comment alone on its line(s) goes with its line; after code, with the spaces before it. */
function removalRange(text: string, start: number, end: number): { start: number; end: number } {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (before.trim() === '' && after.trim() === '') {
    let next = lineEnd;
    if (text[next] === '\r') next++;
    if (text[next] === '\n') next++;
    return { start: lineStart, end: next };
  }
  let from = start;
  while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  return { start: from, end };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 || c === 0x2028 || c === 0x2029) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column of an offset. */
function positionOf(offset: number, lineStarts: readonly number[]): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
}

// ---------------------------------------------------------------------------------------------
// Applying

type ProblemKind = 'no-rule' | 'unknown-rule' | 'no-reason' | 'invalid-until' | 'expired' | 'unused';

interface Problem {
  directive: SuppressionDirective;
  kind: ProblemKind;
  /** The rule id concerned (unknown or unused), if any. */
  ruleId?: string;
}

/**
 * Marks findings covered by a valid, unexpired directive, and reports directives that are
 * invalid, expired or unused. Inputs are not modified.
 */
export function applySuppressions(
  findings: readonly Finding[],
  directives: readonly SuppressionDirective[],
  opts: ApplySuppressionsOptions,
): AppliedSuppressions {
  const known = new Set(opts.knownRules);
  const active = new Set(opts.activeRules ?? opts.knownRules);
  const invalid: Problem[] = [];
  const usable: SuppressionDirective[] = [];

  for (const directive of directives) {
    const before = invalid.length;
    if (directive.ruleIds.length === 0) invalid.push({ directive, kind: 'no-rule' });
    for (const ruleId of directive.ruleIds) {
      if (!known.has(ruleId)) invalid.push({ directive, kind: 'unknown-rule', ruleId });
    }
    // `<reason>` is the placeholder editors insert: a reason still to be written.
    if (directive.reason === '' || /^<\s*reason\s*>$/i.test(directive.reason.trim())) invalid.push({ directive, kind: 'no-reason' });
    if (directive.invalidUntil !== undefined) invalid.push({ directive, kind: 'invalid-until' });
    else if (directive.until !== undefined && directive.until < opts.today) invalid.push({ directive, kind: 'expired' });
    // An unknown rule id alone does not disable the directive's other, known rules.
    const disabling = invalid.slice(before).some((p) => p.kind !== 'unknown-rule');
    if (!disabling && directive.ruleIds.some((id) => known.has(id))) usable.push(directive);
  }

  const used = new Map<SuppressionDirective, Set<string>>();
  const suppress = (finding: Finding): Finding => {
    if (finding.suppression || finding.location.file !== opts.file) return finding;
    const directive = usable.find(
      (d) =>
        d.ruleIds.includes(finding.ruleId) &&
        finding.location.line >= d.firstCoveredLine &&
        finding.location.line <= d.lastCoveredLine,
    );
    if (!directive) return finding;
    let rules = used.get(directive);
    if (!rules) used.set(directive, (rules = new Set()));
    rules.add(finding.ruleId);
    const suppressed: Finding = { ...finding, suppression: { justification: directive.reason } };
    if (directive.until !== undefined) suppressed.suppression = { justification: directive.reason, until: directive.until };
    return suppressed;
  };

  const outFindings = findings.map(suppress);

  const unused = (forProblemRule: boolean): Problem[] => {
    const out: Problem[] = [];
    for (const directive of usable) {
      for (const ruleId of directive.ruleIds) {
        if ((ruleId === PROBLEM_RULE) !== forProblemRule) continue;
        if (!known.has(ruleId) || !active.has(ruleId)) continue;
        if (!used.get(directive)?.has(ruleId)) out.push({ directive, kind: 'unused', ruleId });
      }
    }
    return out;
  };

  const builder = new ProblemBuilder(opts);
  // Problems may themselves be suppressed by a directive naming no-invalid-suppression.
  const problems = [...invalid, ...unused(false)].map((p) => suppress(builder.build(p)));
  problems.push(...unused(true).map((p) => builder.build(p)));
  return { findings: outFindings, problems: problems.sort(compareFindings) };
}

class ProblemBuilder {
  private readonly occurrences = new Map<string, number>();
  private readonly severity: Severity;
  private readonly fingerprintPath: string;

  constructor(private readonly opts: ApplySuppressionsOptions) {
    this.severity = opts.severity ?? RULES[PROBLEM_RULE].severity;
    this.fingerprintPath = opts.rootDir
      ? path.relative(opts.rootDir, opts.file).split(path.sep).join('/')
      : opts.file;
  }

  build(problem: Problem): Finding {
    const { directive } = problem;
    const meta = RULES[PROBLEM_RULE];
    const { what, fix } = describeProblem(problem, this.opts.knownRules);
    const location: SourceLocation = {
      file: this.opts.file,
      line: directive.line,
      column: directive.column,
      endLine: directive.endLine,
      endColumn: directive.endColumn,
    };
    const suggestions: Suggestion[] = [];
    if (problem.kind === 'unused' || problem.kind === 'expired') {
      suggestions.push({
        title: 'Remove this suppression comment',
        edits: [{ start: directive.removal.start, end: directive.removal.end, text: '' }],
      });
    }
    return {
      ruleId: PROBLEM_RULE,
      severity: this.severity,
      message: `${what} ${meta.why} ${fix}`,
      summary: what,
      location,
      flow: [],
      suggestions,
      fingerprint: this.fingerprint(problem),
    };
  }

  /** Rule, file, problem and the directive's text: stable when lines move. */
  private fingerprint(problem: Problem): string {
    const text = problem.directive.text.replace(/\s+/g, ' ').trim();
    const key = [PROBLEM_RULE, this.fingerprintPath, problem.kind, problem.ruleId ?? '', text].join('\u0000');
    const occurrence = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  }
}

function describeProblem(problem: Problem, knownRules: readonly string[]): { what: string; fix: string } {
  const { directive } = problem;
  const head = `piiguard-ignore-${directive.scope}`;
  const named = directive.ruleIds.length > 0 ? `${head} ${directive.ruleIds.join(', ')}` : head;
  const example = `// ${head} ${directive.ruleIds[0] ?? 'no-pii-in-logs'} -- <reason> (until YYYY-MM-DD)`;
  switch (problem.kind) {
    case 'no-rule':
      return {
        what: `${head} names no rule, so it suppresses nothing.`,
        fix: `Name the rule it is meant for: \`${example}\`.`,
      };
    case 'unknown-rule':
      return {
        what: `${head} names unknown rule "${problem.ruleId ?? ''}".`,
        fix: `Use one of: ${knownRules.join(', ')}.`,
      };
    case 'no-reason':
      return {
        what: `${named} gives no reason, so it suppresses nothing.`,
        fix: `Add the reason after \`--\`: \`${example}\`.`,
      };
    case 'invalid-until':
      return {
        what: `${named} has an expiry that is not a date ("${directive.invalidUntil ?? ''}"), so it suppresses nothing.`,
        fix: 'Write the expiry as `(until YYYY-MM-DD)` at the end of the comment.',
      };
    case 'expired':
      return {
        what: `${named} expired on ${directive.until ?? ''}, so it suppresses nothing.`,
        fix: 'Fix the finding it was hiding, renew the date after a review, or delete the comment.',
      };
    case 'unused':
      return {
        what: `${head} ${problem.ruleId ?? ''} suppresses nothing: no ${problem.ruleId ?? ''} finding is ${
          directive.scope === 'file' ? 'in this file' : 'on the line it covers'
        }.`,
        fix: 'Delete the comment, or move it to the line it was meant for.',
      };
  }
}
