import ts, { SyntaxKind } from '../typescript.js';
import type { ApiRef } from '../../rules/types.js';

/** One step of an access path: a member (any of `names`, or any at all), a call, or a construction. */
export type PathStep =
  | { kind: 'member'; names: ReadonlySet<string> | 'any' }
  | { kind: 'call' }
  | { kind: 'new' };

/** A concrete step of an expression's chain. */
export type ChainStep = { kind: 'member'; name: string } | { kind: 'call' } | { kind: 'new' };

export interface CompiledApiRef {
  ref: ApiRef;
  root: { kind: 'module'; module: string } | { kind: 'global'; name: string } | { kind: 'receiver'; pattern: RegExp };
  steps: readonly PathStep[];
}

const CALL: PathStep = { kind: 'call' };
const NEW: PathStep = { kind: 'new' };

/**
 * Parses the access-path language of rules/types.ts (`createLogger().{info,warn}`, `new Logger().log`,
 * `{new PutCommand(),new UpdateCommand()}`) into every step sequence it stands for.
 */
export function parseAccessPath(path: string): PathStep[][] {
  let results: PathStep[][] = [[]];
  let i = 0;
  const append = (alternatives: PathStep[][]): void => {
    const next: PathStep[][] = [];
    for (const prefix of results) for (const alt of alternatives) next.push([...prefix, ...alt]);
    results = next;
  };
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.' || ch === ' ') {
      i++;
    } else if (path.startsWith('new()', i)) {
      append([[NEW]]);
      i += 5;
    } else if (path.startsWith('new ', i)) {
      i += 4;
      const name = readName(path, i);
      i += name.length;
      if (path.startsWith('()', i)) i += 2;
      append([[member(name), NEW]]);
    } else if (path.startsWith('()', i)) {
      append([[CALL]]);
      i += 2;
    } else if (ch === '{') {
      const close = matchingBrace(path, i);
      const items = splitTopLevel(path.slice(i + 1, close));
      i = close + 1;
      let callAfter = false;
      if (path.startsWith('()', i)) {
        callAfter = true;
        i += 2;
      }
      const simple = items.every((item) => /^[\w$]+$/.test(item));
      if (simple) {
        const step: PathStep = { kind: 'member', names: new Set(items) };
        append([callAfter ? [step, CALL] : [step]]);
      } else {
        const alternatives = items.flatMap((item) => parseAccessPath(item));
        append(callAfter ? alternatives.map((a) => [...a, CALL]) : alternatives);
      }
    } else if (ch === '*') {
      append([[{ kind: 'member', names: 'any' }]]);
      i++;
    } else {
      const name = readName(path, i);
      if (name.length === 0) throw new Error(`Bad access path "${path}" at ${i}`);
      i += name.length;
      append([[member(name)]]);
    }
  }
  return results;
}

function member(name: string): PathStep {
  return { kind: 'member', names: new Set([name]) };
}

function readName(path: string, from: number): string {
  const match = /^[\w$]+/.exec(path.slice(from));
  return match ? match[0] : '';
}

function matchingBrace(path: string, open: number): number {
  let depth = 0;
  for (let i = open; i < path.length; i++) {
    if (path[i] === '{') depth++;
    else if (path[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unclosed brace in access path "${path}"`);
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}

export function compileApiRefs(refs: readonly ApiRef[]): CompiledApiRef[] {
  const compiled: CompiledApiRef[] = [];
  for (const ref of refs) {
    const root: CompiledApiRef['root'] =
      'module' in ref.root
        ? { kind: 'module', module: ref.root.module }
        : 'global' in ref.root
          ? { kind: 'global', name: ref.root.global }
          : { kind: 'receiver', pattern: new RegExp(ref.root.receiverName) };
    for (const steps of parseAccessPath(ref.path)) compiled.push({ ref, root, steps });
  }
  return compiled;
}

function stepMatches(pattern: PathStep, step: ChainStep): boolean {
  if (pattern.kind !== step.kind) return false;
  if (pattern.kind === 'member' && step.kind === 'member') return pattern.names === 'any' || pattern.names.has(step.name);
  return true;
}

/** Whole-chain match: `steps` must equal the pattern exactly. */
export function matchesExactly(pattern: readonly PathStep[], steps: readonly ChainStep[]): boolean {
  if (pattern.length !== steps.length) return false;
  for (let i = 0; i < steps.length; i++) if (!stepMatches(pattern[i]!, steps[i]!)) return false;
  return true;
}

/**
 * Suffix match for receiver-name rows: the chain ends with the pattern, and the name right before the
 * suffix (the receiver; for an empty pattern the last name itself) matches.
 */
export function matchesSuffix(pattern: readonly PathStep[], receiver: RegExp, steps: readonly ChainStep[]): boolean {
  if (steps.length < pattern.length + 1) return false;
  const offset = steps.length - pattern.length;
  for (let i = 0; i < pattern.length; i++) if (!stepMatches(pattern[i]!, steps[offset + i]!)) return false;
  const receiverName = nameBefore(steps, pattern.length === 0 ? steps.length : offset);
  return receiverName !== undefined && receiver.test(receiverName);
}

/** The name of the value that ends at index `end` (exclusive): a member name, or the callee of a call. */
function nameBefore(steps: readonly ChainStep[], end: number): string | undefined {
  for (let i = end - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.kind === 'member') return step.name;
  }
  return undefined;
}

/** A cheap syntactic pre-filter for calls: can this callee's last name match any of the refs? */
export interface CalleeFilter {
  names: Set<string>;
  /** Receiver rows with an empty path name the callee itself by pattern (`^[A-Z]\w*Error$`). */
  patterns: RegExp[];
  /** Module rows without members (`debug('app')(…)`): any identifier callee may match… */
  anyIdentifier: boolean;
  /** …in a file that imports one of these modules (or through a name that says so, see below). */
  identifierModules: Set<string>;
  any: boolean;
}

/** A local wrapper around such a module keeps its purpose in its name: `debugDialer(…)`, `log(…)`. */
const WRAPPER_NAME = /debug|log|trace/i;

export function calleeFilter(compiled: readonly CompiledApiRef[]): CalleeFilter {
  const filter: CalleeFilter = { names: new Set(), patterns: [], anyIdentifier: false, identifierModules: new Set(), any: false };
  for (const c of compiled) {
    const lastMember = [...c.steps].reverse().find((s) => s.kind === 'member');
    if (lastMember && lastMember.kind === 'member') {
      if (lastMember.names === 'any') filter.any = true;
      else for (const n of lastMember.names) filter.names.add(n);
    } else if (c.root.kind === 'global') filter.names.add(c.root.name);
    else if (c.root.kind === 'receiver') filter.patterns.push(c.root.pattern);
    else {
      filter.anyIdentifier = true;
      filter.identifierModules.add(c.root.module);
    }
  }
  return filter;
}

export function passesCalleeFilter(filter: CalleeFilter, callee: ts.Expression, file?: { importedModules: ReadonlySet<string>; importedNames: ReadonlyMap<string, string> }): boolean {
  if (filter.any) return true;
  const expr = skipTransparent(callee);
  const name = ts.isPropertyAccessExpression(expr) ? expr.name.text : ts.isIdentifier(expr) ? expr.text : ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression) ? expr.argumentExpression.text : undefined;
  if (name === undefined) return ts.isCallExpression(expr) && identifierRowsApply(filter, name, file?.importedModules);
  if (filter.names.has(name)) return true;
  if (ts.isIdentifier(expr) && filter.names.has(file?.importedNames.get(name) ?? '')) return true;
  if (ts.isIdentifier(expr) && identifierRowsApply(filter, name, file?.importedModules)) return true;
  return matchesPattern(filter, name);
}

/** Pattern answers per name: the same method names (`get`, `then`, `push`) are asked about in every file. */
const patternAnswers = new WeakMap<CalleeFilter, Map<string, boolean>>();

function matchesPattern(filter: CalleeFilter, name: string): boolean {
  if (filter.patterns.length === 0) return false;
  let answers = patternAnswers.get(filter);
  if (!answers) patternAnswers.set(filter, (answers = new Map()));
  let answer = answers.get(name);
  if (answer === undefined) answers.set(name, (answer = filter.patterns.some((p) => p.test(name))));
  return answer;
}

/** Rows naming a callee by its module alone apply in files importing that module, and to local wrappers named for it. */
function identifierRowsApply(filter: CalleeFilter, name: string | undefined, importedModules: ReadonlySet<string> | undefined): boolean {
  return filter.anyIdentifier && (importedModules === undefined || WRAPPER_NAME.test(name ?? '') || someShared(filter.identifierModules, importedModules));
}

function someShared(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const item of a) if (b.has(item)) return true;
  return false;
}

/**
 * Whether an identifier names a value in scope (`lead`, `ok`) rather than a member or key (`x.lead`,
 * `{ lead: 1 }`). Asking the checker for a member's symbol type-checks the object it belongs to.
 */
export function isScopeReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (!parent) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (ts.isQualifiedName(parent) && parent.right === id) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === id) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return false;
  return true;
}

/** The syntactic chain of an expression: `this.db.collection('x').doc(id).set` → this, db, collection, (), doc, (), set. */
export function syntacticChain(expr: ts.Expression): ChainStep[] {
  const steps: ChainStep[] = [];
  let current: ts.Expression = expr;
  for (let guard = 0; guard < 64; guard++) {
    current = skipTransparent(current);
    if (ts.isPropertyAccessExpression(current)) {
      steps.push({ kind: 'member', name: current.name.text });
      current = current.expression;
    } else if (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression)) {
      steps.push({ kind: 'member', name: current.argumentExpression.text });
      current = current.expression;
    } else if (ts.isCallExpression(current)) {
      steps.push({ kind: 'call' });
      current = current.expression;
    } else if (ts.isNewExpression(current)) {
      steps.push({ kind: 'new' });
      current = current.expression;
    } else if (ts.isIdentifier(current)) {
      steps.push({ kind: 'member', name: current.text });
      break;
    } else if (current.kind === SyntaxKind.ThisKeyword) {
      steps.push({ kind: 'member', name: 'this' });
      break;
    } else {
      break;
    }
  }
  return steps.reverse();
}

/** Parentheses, `await`, type assertions and `!` do not change what a value is. */
export function skipTransparent(expr: ts.Expression): ts.Expression {
  let current = expr;
  // A switch on the kind: this runs on nearly every expression the checks look at.
  for (;;) {
    switch (current.kind) {
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AwaitExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.TypeAssertionExpression:
      case SyntaxKind.SatisfiesExpression:
        current = (current as ts.ParenthesizedExpression | ts.AwaitExpression | ts.NonNullExpression | ts.AsExpression | ts.TypeAssertion | ts.SatisfiesExpression).expression;
        break;
      default:
        return current;
    }
  }
}

/** Text of a property-access chain (`req.body.From`), or undefined when it is not a plain chain. */
export function chainText(expr: ts.Expression): string | undefined {
  const parts: string[] = [];
  let current: ts.Expression = skipTransparent(expr);
  for (let guard = 0; guard < 32; guard++) {
    if (ts.isPropertyAccessExpression(current)) {
      parts.push(current.name.text);
      current = skipTransparent(current.expression);
    } else if (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression)) {
      parts.push(current.argumentExpression.text);
      current = skipTransparent(current.expression);
    } else if (ts.isIdentifier(current)) {
      parts.push(current.text);
      return parts.reverse().join('.');
    } else if (current.kind === SyntaxKind.ThisKeyword) {
      parts.push('this');
      return parts.reverse().join('.');
    } else {
      return undefined;
    }
  }
  return undefined;
}
