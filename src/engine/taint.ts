import ts, { SyntaxKind, NodeFlags, TypeFlags } from '../typescript.js';
import type { PiiKind, SanitizerPurpose } from '../../rules/types.js';
import { chainText, skipTransparent } from './access-path.js';
import { classifyLiteral, findPiiLiterals } from './classify/literals.js';
import type { EngineContext } from './context.js';
import { findAncestor } from './resolve.js';
import { indexFile } from './file-index.js';
import { Memo } from './memo.js';

/** Which signal made a value PII, strongest first. */
export type Signal = 'source' | 'type' | 'literal' | 'name';

export const SIGNAL_STRENGTH: Readonly<Record<Signal, number>> = { source: 4, type: 3, literal: 2, name: 1 };

export interface FlowNode {
  node: ts.Node;
  note: string;
}

/** A PII value (or an object carrying one in `field`) and where it came from. */
export interface Label {
  kind: PiiKind;
  signal: Signal;
  origin: ts.Node;
  /** How messages name the origin: `req.body.From (Twilio webhook parameter)`, `lead.phone`. */
  describe: string;
  container: boolean;
  field?: string;
  /** Key path of the PII inside a logged/written object literal (`['caller', 'number']`), for redaction paths. */
  path?: readonly string[];
  /** Set on labels kept for the data-flow inventory after a sanitizer: how the value was protected. */
  protectedBy?: SanitizerPurpose;
  /** The value went through a mask function that reveals too much: what it reveals. */
  weakMask?: string;
  steps: readonly FlowNode[];
}

/** The value depends on a parameter of `fn`: resolved at each call site through the function's summary. */
export interface ParamRef {
  fn: ts.SignatureDeclaration;
  index: number;
  path: readonly string[];
  /** The parameter's value was put into an object under this key (`{ phone: p }`). */
  into?: string;
  steps: readonly FlowNode[];
}

export interface Taint {
  labels: readonly Label[];
  params: readonly ParamRef[];
  /** Known not to be PII: sanitized, or a literal that is not PII. Stops the name heuristic. */
  clean: boolean;
  /** PII that was masked or encrypted on the way: no finding, but part of the data-flow inventory. */
  protectedLabels?: readonly Label[];
}

export const EMPTY: Taint = { labels: [], params: [], clean: false };
export const CLEAN: Taint = { labels: [], params: [], clean: true };

const MAX_LABELS = 4;
/** Nested evaluations (expressions within expressions, across function summaries) before giving up. */
const MAX_EVALUATION_DEPTH = 400;
const MAX_PARAMS = 4;
const MAX_STEPS = 10;

export function union(...taints: readonly Taint[]): Taint {
  if (taints.length === 1) return taints[0]!;
  const labels: Label[] = [];
  const params: ParamRef[] = [];
  let protectedLabels: Label[] | undefined;
  let clean = taints.length > 0;
  for (const t of taints) {
    for (const l of t.labels) if (labels.length < MAX_LABELS && !labels.some((x) => x.origin === l.origin && x.kind === l.kind && x.field === l.field)) labels.push(l);
    for (const p of t.params) if (params.length < MAX_PARAMS && !params.some((x) => x.fn === p.fn && x.index === p.index && x.path.join('.') === p.path.join('.'))) params.push(p);
    for (const l of t.protectedLabels ?? []) if ((protectedLabels ??= []).length < MAX_LABELS && !protectedLabels.some((x) => x.origin === l.origin)) protectedLabels.push(l);
    if (!t.clean) clean = false;
  }
  const result: Taint = { labels, params, clean: clean && labels.length === 0 && params.length === 0 };
  return protectedLabels ? { ...result, protectedLabels } : result;
}

/** What a sanitizer returns: nothing left to report, but the protected PII is remembered for the inventory. */
function protectedResult(input: Taint, purpose: SanitizerPurpose, node: ts.Node, note: string): Taint {
  const protectedLabels = [...input.labels, ...(input.protectedLabels ?? [])].slice(0, MAX_LABELS).map((l) => ({ ...l, protectedBy: l.protectedBy ?? purpose, steps: [...l.steps, { node, note }] }));
  return protectedLabels.length ? { labels: [], params: [], clean: true, protectedLabels } : CLEAN;
}

export function isTainted(t: Taint): boolean {
  return t.labels.length > 0 || t.params.length > 0;
}

export function withStep(t: Taint, node: ts.Node, note: string): Taint {
  if (!isTainted(t) && !t.protectedLabels) return t;
  const add = <T extends { steps: readonly FlowNode[] }>(x: T): T => (x.steps.length >= MAX_STEPS ? x : { ...x, steps: [...x.steps, { node, note }] });
  const result: Taint = { labels: t.labels.map(add), params: t.params.map(add), clean: t.clean };
  return t.protectedLabels ? { ...result, protectedLabels: t.protectedLabels.map(add) } : result;
}

const STRING_PROPAGATING = new Set([
  'toString', 'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'toLocaleUpperCase', 'toLocaleLowerCase',
  'normalize', 'padStart', 'padEnd', 'concat', 'replace', 'replaceAll', 'split', 'valueOf', 'repeat', 'format',
  // Partial copies that keep more than a masked remainder (the short ones are treated as masking first).
  'slice', 'substring', 'substr', 'at', 'charAt',
  // libphonenumber-js PhoneNumber formatting: still the whole number.
  'formatNational', 'formatInternational', 'getURI',
]);
/** Members of a phone-number object that are the number itself. */
const PHONE_OBJECT_MEMBERS = new Set(['number', 'nationalNumber', 'formatNational', 'formatInternational', 'getURI', 'uri', 'e164', 'international']);
const ARRAY_PROPAGATING = new Set(['filter', 'find', 'findLast', 'at', 'slice', 'concat', 'flat', 'sort', 'toSorted', 'reverse', 'values', 'join', 'splice', 'shift', 'pop']);
/** A record's plain copy: Sequelize `toJSON()`, Mongoose `toObject()`/`toJSON()`, class-transformer `instanceToPlain`-style helpers. */
const RECORD_COPY_METHODS = new Set(['toJSON', 'toObject']);
/** Query-builder steps that keep the rows' shape. */
const QUERY_BUILDER_METHODS = new Set([
  'where', 'andWhere', 'orWhere', 'whereIn', 'whereNot', 'whereNotNull', 'whereNull', 'whereBetween', 'whereRaw', 'orderBy',
  'limit', 'offset', 'groupBy', 'having', 'join', 'leftJoin', 'innerJoin', 'from', 'into', 'first', 'distinct', 'clone', 'lean', 'exec', 'sort', 'skip',
]);
/** Calls that name the columns they read or write. */
const COLUMN_METHODS = new Set(['select', 'pluck', 'column', 'columns', 'returning', 'distinct', 'project', 'attributes']);
const SAME_TYPE_ARRAY_METHODS = new Set(['slice', 'filter', 'concat', 'sort', 'toSorted', 'reverse', 'toReversed', 'splice']);
const ELEMENT_ARRAY_METHODS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findLast', 'some', 'every', 'findIndex']);
const GLOBAL_PROPAGATORS = new Set(['String', 'JSON.stringify', 'encodeURIComponent', 'encodeURI', 'Buffer.from', 'Object.values', 'Object.entries', 'Object.assign', 'structuredClone', 'Array.from', 'Promise.resolve', 'Promise.all', 'util.format', 'format']);
const PARTIAL_METHODS = new Set(['slice', 'substring', 'substr']);
const MASK_REPLACEMENT = /^[*xX•#·_-]+$/;
const GETTER_PREFIX = /^(get|fetch|find|load|read|lookup|resolve)([A-Z].*)$/;
/** What a getter is given rather than what it returns: `ByPhone`, `ForLead`, `FromCrm`. */
const LOOKUP_KEY = /(By|For|From|With|In|Of)([A-Z0-9].*)$/;

/**
 * Demand-driven taint evaluation: what PII an expression may carry and where it came from.
 * Results are memoised per node; parameters stay symbolic (`ParamRef`) and are resolved per call site
 * through function summaries, so each function body is evaluated once per program.
 */
export class TaintAnalysis {
  private readonly memo = new Map<ts.Node, Taint>();
  private readonly returns = new Map<ts.Node, Taint>();

  constructor(private readonly ctx: EngineContext) {}

  private depth = 0;

  taintOf(expr: ts.Expression): Taint {
    const cached = this.memo.get(expr);
    if (cached) return cached;
    // An explicit bound instead of the stack limit: at the bottom of the stack V8 can fail in ways that
    // are not a catchable RangeError (compiling a regular expression there aborts the process).
    if (this.depth >= MAX_EVALUATION_DEPTH || this.evaluating.has(expr)) return EMPTY;
    this.evaluating.add(expr); // cycle guard
    let result: Taint = EMPTY;
    this.depth++;
    try {
      result = this.compute(expr);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error; // pathological nesting: give up on this expression only
    } finally {
      this.depth--;
      this.evaluating.delete(expr);
      this.memo.set(expr, result);
    }
    return result;
  }

  /** Expressions being evaluated (a small set, apart from the large memo): a cycle reads as EMPTY. */
  private readonly evaluating = new Set<ts.Expression>();

  private compute(expr: ts.Expression): Taint {
    if (ts.isParenthesizedExpression(expr) || ts.isAwaitExpression(expr) || ts.isNonNullExpression(expr) || ts.isAsExpression(expr) || ts.isTypeAssertionExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isSpreadElement(expr)) {
      return this.taintOf(expr.expression);
    }
    switch (expr.kind) {
      case SyntaxKind.Identifier:
        return this.identifierTaint(expr as ts.Identifier);
      case SyntaxKind.PropertyAccessExpression:
        return this.propertyAccessTaint(expr as ts.PropertyAccessExpression);
      case SyntaxKind.ElementAccessExpression:
        return this.elementAccessTaint(expr as ts.ElementAccessExpression);
      case SyntaxKind.CallExpression:
        return this.callTaint(expr as ts.CallExpression);
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
        return this.literalTaint(expr as ts.StringLiteralLike);
      case SyntaxKind.TemplateExpression: {
        const t = expr as ts.TemplateExpression;
        const parts = [this.textTaint(t.head.text, t.head), ...t.templateSpans.flatMap((s) => [this.withTypes(s.expression, this.taintOf(s.expression)), this.textTaint(s.literal.text, s.literal)])];
        return dropClean(union(...parts));
      }
      case SyntaxKind.TaggedTemplateExpression: {
        const t = (expr as ts.TaggedTemplateExpression).template;
        return ts.isTemplateExpression(t) ? dropClean(union(...t.templateSpans.map((s) => this.taintOf(s.expression)))) : EMPTY;
      }
      case SyntaxKind.BinaryExpression:
        return this.binaryTaint(expr as ts.BinaryExpression);
      case SyntaxKind.ConditionalExpression: {
        const c = expr as ts.ConditionalExpression;
        return union(this.taintOf(c.whenTrue), this.taintOf(c.whenFalse));
      }
      case SyntaxKind.ObjectLiteralExpression:
        return this.objectTaint(expr as ts.ObjectLiteralExpression);
      case SyntaxKind.ArrayLiteralExpression: {
        // An empty array is a placeholder to be filled, not evidence that nothing is PII.
        const elements = (expr as ts.ArrayLiteralExpression).elements;
        return elements.length === 0 ? EMPTY : union(...elements.map((e) => this.withTypes(e, this.taintOf(e))));
      }
      case SyntaxKind.NumericLiteral:
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword:
      case SyntaxKind.RegularExpressionLiteral:
      case SyntaxKind.TypeOfExpression:
      case SyntaxKind.ArrowFunction:
      case SyntaxKind.FunctionExpression:
        return CLEAN;
      case SyntaxKind.PrefixUnaryExpression:
        return (expr as ts.PrefixUnaryExpression).operator === SyntaxKind.ExclamationToken ? CLEAN : EMPTY;
      default:
        return EMPTY;
    }
  }

  // ---- literals -------------------------------------------------------------------------------

  private literalTaint(lit: ts.StringLiteralLike): Taint {
    return this.textTaint(lit.text, lit);
  }

  private textTaint(text: string, node: ts.Node): Taint {
    if (text.length < 6 || text.length > 2000) return CLEAN;
    const whole = classifyLiteral(text);
    const match = whole ?? findPiiLiterals(text)[0];
    if (!match) return CLEAN;
    return { labels: [{ kind: match.kind, signal: 'literal', origin: node, describe: `a hardcoded ${match.format}`, container: false, steps: [] }], params: [], clean: false };
  }

  // ---- names and types -----------------------------------------------------------------------

  nameTaint(name: string, node: ts.Node, describe?: string): Taint {
    const classify = this.ctx.knowledge.classifyName;
    // Whether the code is telephony code only matters when it changes the answer (rarely): ask it then.
    const outside = classify(name, { telephony: false });
    const inside = classify(name, { telephony: true });
    const match = outside?.kind === inside?.kind && outside?.term === inside?.term ? outside : this.ctx.isTelephony(node) ? inside : outside;
    if (!match) return EMPTY;
    return { labels: [{ kind: match.kind, signal: 'name', origin: node, describe: describe ?? name, container: false, steps: [] }], params: [], clean: false };
  }

  /** A declared type that denotes PII (`E164`, `PhoneNumber`), from an annotation, without the checker. */
  private annotationTaint(type: ts.TypeNode | undefined, node: ts.Node, describe: string): Taint {
    if (!type) return EMPTY;
    const names: string[] = [];
    const collect = (t: ts.TypeNode): void => {
      if (ts.isTypeReferenceNode(t)) names.push(ts.isIdentifier(t.typeName) ? t.typeName.text : t.typeName.right.text);
      else if (ts.isUnionTypeNode(t)) t.types.forEach(collect);
      else if (ts.isArrayTypeNode(t)) collect(t.elementType);
    };
    collect(type);
    for (const name of names) {
      const kind = this.ctx.knowledge.typeNames.get(name);
      if (kind) return { labels: [{ kind, signal: 'type', origin: node, describe: `${describe} (type ${name})`, container: false, steps: [] }], params: [], clean: false };
    }
    return EMPTY;
  }

  // ---- identifiers ---------------------------------------------------------------------------

  private identifierTaint(id: ts.Identifier): Taint {
    const t = this.identifierTaintBySymbol(id);
    if (t.labels.length > 0 || t.clean) return t;
    const symbol = this.ctx.symbolOf(id);
    const dialledBy = symbol && this.ctx.dialledSymbols.get(symbol);
    if (!dialledBy) return t;
    const declaration = symbol.valueDeclaration ?? id;
    return union(t, { labels: [{ kind: 'phone', signal: 'name', origin: ts.getNameOfDeclaration(declaration) ?? declaration, describe: `${id.text} (the number dialled by ${dialledBy})`, container: false, steps: [] }], params: [], clean: false });
  }

  private identifierTaintBySymbol(id: ts.Identifier): Taint {
    if (id.text === 'undefined') return CLEAN;
    const symbol = this.ctx.symbolOf(id);
    let declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (symbol && declaration && (ts.isImportSpecifier(declaration) || ts.isImportClause(declaration))) {
      const target = this.ctx.aliasedDeclaration(symbol);
      if (!target) return this.nameTaint(id.text, id);
      declaration = target;
    }
    if (!declaration) return this.nameTaint(id.text, id);
    if (declaration.getSourceFile().isDeclarationFile) return EMPTY;
    if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) return this.variableTaint(declaration, declaration.name, id);
    if (ts.isBindingElement(declaration)) return this.bindingTaint(declaration, id);
    if (ts.isParameter(declaration)) return this.parameterTaint(declaration, id);
    if (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration) || ts.isEnumDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isModuleDeclaration(declaration)) return EMPTY;
    return this.nameTaint(id.text, id);
  }

  private variableTaint(declaration: ts.VariableDeclaration, name: ts.Identifier, use: ts.Identifier): Taint {
    const statement = declaration.parent?.parent;
    if (statement && (ts.isForOfStatement(statement) || ts.isForInStatement(statement))) {
      const iterated = ts.isForOfStatement(statement) ? this.taintOf(statement.expression) : EMPTY;
      const t = isTainted(iterated) ? iterated : union(this.nameTaint(name.text, name), this.annotationTaint(declaration.type, name, name.text));
      return withStep(t, name, `iterated as ${name.text}`);
    }
    // A const has one definition wherever it is used: evaluate it once per declaration.
    const isConst = declaration.parent !== undefined && ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & NodeFlags.Const) !== 0;
    if (isConst) {
      const cached = this.constTaint.get(declaration);
      if (cached) return cached;
    }
    const definitions = this.reachingDefinitions(declaration, use);
    const fromValues = union(...definitions.map((d) => this.taintOf(d)));
    // Values that are only symbolic (a parameter passed through `toE164(raw)`) still let the name speak.
    const fromDeclaration = fromValues.labels.length > 0 || fromValues.clean ? EMPTY : union(this.annotationTaint(declaration.type, name, name.text), this.nameTaint(name.text, name));
    const assigned = withStep(fromValues, name, `assigned to ${name.text}`);
    const result = isTainted(fromDeclaration) ? union(assigned, fromDeclaration) : assigned;
    if (isConst) this.constTaint.set(declaration, result);
    return result;
  }

  private readonly constTaint = new Map<ts.VariableDeclaration, Taint>();

  private bindingTaint(element: ts.BindingElement, use: ts.Identifier): Taint {
    const path: string[] = [];
    let node: ts.Node = element;
    while (ts.isBindingElement(node)) {
      const pattern: ts.BindingPattern = node.parent;
      if (ts.isObjectBindingPattern(pattern)) {
        const key = node.propertyName ?? node.name;
        path.unshift(ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : '?');
      } else {
        path.unshift('[]');
      }
      node = pattern.parent;
    }
    const localName = ts.isIdentifier(element.name) ? element.name.text : use.text;
    let t = EMPTY;
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const statement = node.parent?.parent;
      const base = statement && ts.isForOfStatement(statement) ? statement.expression : node.initializer;
      t = this.accessPath(base, path, element);
    } else if (ts.isParameter(node)) {
      const fn = node.parent;
      const index = fn.parameters.indexOf(node);
      const callback = this.callbackArgument(fn, index);
      const base = callback ? this.pathOf(callback, path, element) : EMPTY;
      const ref: Taint = this.isSummarisable(fn) ? { labels: [], params: [{ fn, index, path, steps: [] }], clean: false } : EMPTY;
      t = union(base, ref);
    }
    const last = path[path.length - 1];
    if (!t.labels.length && !t.clean) t = union(t, this.nameTaint(localName, element), last && last !== localName && last !== '[]' ? this.nameTaint(last, element) : EMPTY);
    return withStep(t, element, `destructured as ${localName}`);
  }

  private parameterTaint(param: ts.ParameterDeclaration, use: ts.Identifier): Taint {
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    const name = ts.isIdentifier(param.name) ? param.name.text : use.text;
    const parts: Taint[] = [this.nameTaint(name, param.name), this.annotationTaint(param.type, param.name, name)];
    const callback = this.callbackArgument(fn, index);
    if (callback) parts.push(withStep(callback, param.name, `passed to callback as ${name}`));
    if (this.isSummarisable(fn)) parts.push({ labels: [], params: [{ fn, index, path: [], steps: [] }], clean: false });
    if (param.initializer) parts.push(dropClean(this.taintOf(param.initializer)));
    return union(...parts);
  }

  /** Functions whose callers we look for: named declarations, methods, and functions bound to a name. */
  isSummarisable(fn: ts.SignatureDeclaration): boolean {
    if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) return true;
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parent) {
      return ts.isVariableDeclaration(fn.parent) || ts.isPropertyAssignment(fn.parent) || ts.isPropertyDeclaration(fn.parent);
    }
    return false;
  }

  /** `list.forEach(p => …)`, `promise.then(v => …)`: the parameter receives the receiver's elements or value. */
  private callbackArgument(fn: ts.SignatureDeclaration, index: number): Taint | undefined {
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
    const call = fn.parent;
    if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return undefined;
    const callee = skipTransparent(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    if ((ITERATION_METHODS.has(method) && index === 0) || (method === 'reduce' && index === 1) || (method === 'then' && index === 0)) {
      return this.taintOf(callee.expression);
    }
    return undefined;
  }

  /**
   * Definitions of a variable that may reach `use`: the last one on the way to it (an initializer or an
   * assignment in an enclosing block), plus any later ones in branches. Flow-insensitive beyond that.
   */
  private reachingDefinitions(declaration: ts.VariableDeclaration, use: ts.Node): ts.Expression[] {
    const defs: { value: ts.Expression; anchor: ts.Node }[] = [];
    if (declaration.initializer) defs.push({ value: declaration.initializer, anchor: declaration });
    const flags = declaration.parent && ts.isVariableDeclarationList(declaration.parent) ? declaration.parent.flags : 0;
    if (!(flags & NodeFlags.Const)) {
      const name = (declaration.name as ts.Identifier).text;
      const symbol = this.ctx.symbolOf(declaration.name as ts.Identifier);
      for (const assignment of this.assignmentsNamed(declaration.getSourceFile(), name)) {
        if (this.ctx.symbolOf(assignment.left as ts.Identifier) === symbol) defs.push({ value: assignment.right, anchor: assignment });
      }
    }
    if (defs.length <= 1) return defs.map((d) => d.value);
    const before = defs.filter((d) => d.anchor.pos < use.pos).sort((a, b) => a.anchor.pos - b.anchor.pos);
    if (before.length === 0) return defs.map((d) => d.value);
    let start = 0;
    for (let i = before.length - 1; i >= 0; i--) {
      if (dominatesByPosition(before[i]!.anchor, use)) {
        start = i;
        break;
      }
    }
    return before.slice(start).map((d) => d.value);
  }

  private assignmentsNamed(sourceFile: ts.SourceFile, name: string): readonly ts.BinaryExpression[] {
    return indexFile(sourceFile).variableAssignments.get(name) ?? [];
  }


  // ---- property access -----------------------------------------------------------------------

  private propertyAccessTaint(pa: ts.PropertyAccessExpression): Taint {
    const name = pa.name.text;
    const source = this.sourceLabel(this.canonicalChain(pa.expression), name, pa);
    if (source) return source;
    if (pa.expression.kind === SyntaxKind.ThisKeyword) {
      const field = this.thisFieldTaint(pa);
      if (isTainted(field) || field.clean) return field;
    }
    const fromObject = this.memberOf(this.taintOf(pa.expression), name, pa);
    if (fromObject.labels.length > 0) return fromObject;
    const byName = this.nameTaint(name, pa, chainText(pa) ?? name);
    return union(fromObject, byName);
  }

  private elementAccessTaint(ea: ts.ElementAccessExpression): Taint {
    const arg = ea.argumentExpression;
    if (ts.isStringLiteralLike(arg)) {
      const source = this.sourceLabel(this.canonicalChain(ea.expression), arg.text, ea);
      if (source) return source;
      const fromObject = this.memberOf(this.taintOf(ea.expression), arg.text, ea);
      return fromObject.labels.length > 0 ? fromObject : union(fromObject, this.nameTaint(arg.text, ea, chainText(ea)));
    }
    return this.memberOf(this.taintOf(ea.expression), '[]', ea);
  }

  /** `obj.name` given what `obj` carries. */
  private memberOf(object: Taint, name: string, node: ts.Node): Taint {
    const labels: Label[] = [];
    for (const l of object.labels) {
      if (name === '[]') labels.push(l);
      else if (!l.container && l.kind === 'phone' && PHONE_OBJECT_MEMBERS.has(name)) labels.push(l);
      else if (l.container && l.field === name) labels.push({ ...l, container: false, field: undefined, steps: [...l.steps, { node, note: `read as .${name}` }] });
      else if (l.container && l.field === undefined) {
        const match = this.ctx.knowledge.classifyName(name);
        if (match) labels.push({ ...l, kind: match.kind, container: false, steps: [...l.steps, { node, note: `read as .${name}` }] });
      }
    }
    const params = object.params.map((p) => ({ ...p, path: [...p.path, name] }));
    return { labels, params, clean: false };
  }

  /**
   * The access chain with local aliases expanded, so sources match however they were reached:
   * `const body = req.body; body.From` → `req.body.From`; `const { body } = req` → `req.body`.
   */
  canonicalChain(expr: ts.Expression, depth = 0): string | undefined {
    const text = chainText(expr);
    if (text === undefined || depth > 4) return text;
    const dot = text.indexOf('.');
    const rootName = dot < 0 ? text : text.slice(0, dot);
    const rest = dot < 0 ? '' : text.slice(dot);
    let root: ts.Expression = skipTransparent(expr);
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipTransparent(root.expression);
    if (!ts.isIdentifier(root) || root.text !== rootName) return text;
    const declaration = this.ctx.symbolOf(root)?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) && declaration.initializer) {
      const expanded = this.canonicalChain(declaration.initializer, depth + 1);
      return expanded !== undefined ? expanded + rest : text;
    }
    if (declaration && ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent) && ts.isVariableDeclaration(declaration.parent.parent) && declaration.parent.parent.initializer) {
      const key = declaration.propertyName ?? declaration.name;
      const base = this.canonicalChain(declaration.parent.parent.initializer, depth + 1);
      if (base !== undefined && ts.isIdentifier(key)) return `${base}.${key.text}${rest}`;
    }
    return text;
  }

  private readonly thisFields = new Map<ts.Node, Map<string, ts.Expression[]>>();

  /** `this.lastOrigin`: the field's initializer and every `this.lastOrigin = …` in the class. */
  private thisFieldTaint(pa: ts.PropertyAccessExpression): Taint {
    const cls = findAncestor(pa, ts.isClassLike);
    if (!cls) return EMPTY;
    let fields = this.thisFields.get(cls);
    if (!fields) {
      const built = new Map<string, ts.Expression[]>();
      const add = (name: string, value: ts.Expression): void => {
        const list = built.get(name);
        if (list) list.push(value);
        else built.set(name, [value]);
      };
      for (const member of cls.members) if (ts.isPropertyDeclaration(member) && member.initializer && ts.isIdentifier(member.name)) add(member.name.text, member.initializer);
      const visit = (node: ts.Node): void => {
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.expression.kind === SyntaxKind.ThisKeyword) add(node.left.name.text, node.right);
        if (!ts.isClassLike(node)) ts.forEachChild(node, visit);
      };
      cls.members.forEach((m) => ts.forEachChild(m, visit));
      this.thisFields.set(cls, (fields = built));
    }
    const values = fields.get(pa.name.text);
    if (!values?.length) return EMPTY;
    return withStep(union(...values.map((v) => this.taintOf(v))), pa, `kept in this.${pa.name.text}`);
  }

  /** Follows `base.a.b` for destructuring: sources by text, then what each member carries. */
  private accessPath(base: ts.Expression, path: readonly string[], node: ts.Node): Taint {
    let text = this.canonicalChain(base);
    let t = this.taintOf(base);
    for (const segment of path) {
      const source = segment === '[]' ? undefined : this.sourceLabel(text, segment, node);
      t = source ?? this.memberOf(t, segment, node);
      text = text !== undefined && segment !== '[]' ? `${text}.${segment}` : undefined;
    }
    return t;
  }

  private pathOf(t: Taint, path: readonly string[], node: ts.Node): Taint {
    let result = t;
    for (const segment of path) result = this.memberOf(result, segment, node);
    return result;
  }

  /** Telephony framework sources: `req.body.From`, `channel.caller.number`. */
  sourceLabel(objectText: string | undefined, property: string, node: ts.Node): Taint | undefined {
    if (objectText === undefined || !this.ctx.knowledge.sourcePropertyNames.has(property)) return undefined;
    for (const source of this.ctx.knowledge.sources) {
      if (!source.object || !source.properties?.has(property) || !source.object.test(objectText)) continue;
      if (source.model.telephonyOnly && !this.ctx.isTelephony(node)) continue;
      return {
        labels: [{ kind: source.model.kind, signal: 'source', origin: node, describe: `${objectText}.${property} (${source.model.describe})`, container: false, steps: [] }],
        params: [],
        clean: false,
      };
    }
    return undefined;
  }

  // ---- operators and literals ----------------------------------------------------------------

  private binaryTaint(b: ts.BinaryExpression): Taint {
    switch (b.operatorToken.kind) {
      case SyntaxKind.PlusToken:
      case SyntaxKind.PlusEqualsToken:
        return dropClean(union(this.taintOf(b.left), this.taintOf(b.right)));
      case SyntaxKind.BarBarToken:
      case SyntaxKind.QuestionQuestionToken:
        return union(this.taintOf(b.left), this.taintOf(b.right));
      case SyntaxKind.AmpersandAmpersandToken:
      case SyntaxKind.EqualsToken:
      case SyntaxKind.CommaToken:
      case SyntaxKind.BarBarEqualsToken:
      case SyntaxKind.QuestionQuestionEqualsToken:
        return this.taintOf(b.right);
      default:
        return CLEAN; // comparisons and arithmetic give booleans and numbers
    }
  }

  private objectTaint(obj: ts.ObjectLiteralExpression): Taint {
    const parts: Taint[] = [];
    let explicitKeys: Set<string> | undefined;
    for (const prop of obj.properties) {
      if (ts.isSpreadAssignment(prop)) {
        explicitKeys ??= new Set(obj.properties.map((p) => (p.name ? propertyNameText(p.name as ts.PropertyName) : undefined)).filter((k): k is string => k !== undefined));
        const keys = explicitKeys;
        const spread = this.withTypes(prop.expression, this.taintOf(prop.expression));
        parts.push({ ...spread, labels: spread.labels.filter((l) => !(l.field && keys.has(l.field))) });
        continue;
      }
      let key: string | undefined;
      let value: Taint;
      if (ts.isPropertyAssignment(prop)) {
        key = propertyNameText(prop.name);
        value = this.withTypes(prop.initializer, this.taintOf(prop.initializer));
        if (!isTainted(value) && !value.clean && key !== undefined) value = this.nameTaint(key, prop.name);
      } else if (ts.isShorthandPropertyAssignment(prop)) {
        key = prop.name.text;
        // `{ session }`: logging a record under its own name is common enough to ask the checker.
        value = this.withTypes(prop.name, this.taintOf(prop.name), true);
      } else {
        continue;
      }
      const at = key ?? '?';
      if (!isTainted(value)) {
        if (value.protectedLabels) parts.push({ labels: [], params: [], clean: true, protectedLabels: value.protectedLabels.map((l) => ({ ...l, container: true, field: key, path: [at] })) });
        continue;
      }
      parts.push({
        labels: value.labels.map((l) => (l.container ? { ...l, path: [at, ...(l.path ?? (l.field ? [l.field] : []))] } : { ...l, container: true, field: key, path: [at] })),
        params: value.params.map((p) => (p.into ? p : { ...p, into: key })),
        clean: false,
      });
    }
    return parts.length === 0 ? CLEAN : union(...parts);
  }

  // ---- calls ---------------------------------------------------------------------------------

  private callTaint(call: ts.CallExpression): Taint {
    const callee = skipTransparent(call.expression);
    const calleeName = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    const k = this.ctx.knowledge;

    // FreeSWITCH: event.getHeader('Caller-Caller-ID-Number')
    if (calleeName && k.sourceMethodNames.has(calleeName)) {
      const first = call.arguments[0];
      const firstText = first && ts.isStringLiteralLike(first) ? first.text : undefined;
      const source = k.sources.find((s) => s.methods?.has(calleeName) && (s.firstArgs?.size === 0 ? call.arguments.length > 0 : firstText !== undefined && s.firstArgs?.has(firstText)));
      if (source) {
        const describe = firstText !== undefined && source.firstArgs?.size ? `${firstText} (${source.model.describe})` : `${calleeName}() (${source.model.describe})`;
        return { labels: [{ kind: source.model.kind, signal: 'source', origin: call, describe, container: false, steps: [] }], params: [], clean: false };
      }
    }
    const args = call.arguments;
    const purpose = this.ctx.sanitizerOf(call);
    if (purpose) {
      const input = union(...args.map((a) => this.taintOf(a)), ts.isPropertyAccessExpression(callee) ? EMPTY : EMPTY);
      return protectedResult(input, purpose, call, `${purpose === 'mask' ? 'masked' : 'encrypted'} by ${calleeName ?? 'a sanitizer'}()`);
    }

    const argsTaint = (): Taint => dropClean(union(...args.map((a) => this.withTypes(a, this.taintOf(a)))));
    const text = chainText(callee);
    if ((text && GLOBAL_PROPAGATORS.has(text)) || this.ctx.isPropagator(call)) {
      // A CSV serialiser told which columns to write: `stringify(rows, { columns: ['customer_phone', …] })`.
      // A method (`value.trim()`, `phone.normalize()`) formats its receiver; a function formats its arguments.
      const receiver = ts.isPropertyAccessExpression(callee) && !(text && GLOBAL_PROPAGATORS.has(text)) ? dropClean(this.taintOf(callee.expression)) : EMPTY;
      return withStep(union(argsTaint(), receiver, this.namedColumns(args, call)), call, `passed through ${text ?? 'a formatter'}()`);
    }

    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (COLUMN_METHODS.has(method)) {
        const columns = this.namedColumns(args, call);
        if (isTainted(columns)) return union(columns, this.taintOf(callee.expression));
      }
      if (QUERY_BUILDER_METHODS.has(method)) {
        // `db('wrapups').select('customer_phone').whereBetween(…)`: the rows keep what was selected.
        const receiver = this.taintOf(callee.expression);
        if (isTainted(receiver)) return receiver;
      }
      if ((PARTIAL_METHODS.has(method) && revealsAtMostFour(call)) || ((method === 'replace' || method === 'replaceAll') && isMaskingReplacement(call))) {
        return protectedResult(this.taintOf(callee.expression), 'mask', call, `masked by .${method}()`);
      }
      // `pan.slice(0, 8)`: a card's BIN (issuer prefix, up to 8 digits) is not the card number (PCI DSS 3.4.1).
      if (PARTIAL_METHODS.has(method) && isBinPrefix(call)) {
        const receiver = this.taintOf(callee.expression);
        if (receiver.labels.length > 0 && receiver.labels.every((l) => l.kind === 'payment-card')) return protectedResult(receiver, 'mask', call, `cut to the card's BIN by .${method}()`);
      }
      if (method === 'map' || method === 'flatMap' || method === 'then') {
        const fn = args[0];
        if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return this.returnTaint(fn);
        if (fn && method !== 'then') {
          const receiver = this.taintOf(callee.expression);
          return ts.isIdentifier(fn) && this.ctx.sanitizerName(fn.text) ? CLEAN : receiver;
        }
      }
      if (method === 'encode' || method === 'from') return argsTaint(); // TextEncoder.encode(x), Buffer.from(x)
      if (RECORD_COPY_METHODS.has(method)) return withStep(dropClean(this.withTypes(callee.expression, this.taintOf(callee.expression), true)), call, `copied by .${method}()`);
      if (STRING_PROPAGATING.has(method) || ARRAY_PROPAGATING.has(method)) {
        const receiver = this.taintOf(callee.expression);
        if (isTainted(receiver)) return method === 'concat' ? union(receiver, argsTaint()) : receiver;
        if (method === 'concat') return argsTaint();
      }
    }

    const fn = this.ctx.resolveFunction(call);
    if (fn) {
      const summary = this.returnTaint(fn);
      const substituted = this.substitute(summary, fn, call);
      const weak = this.ctx.weakMask(call);
      if (weak && isTainted(substituted)) return { ...substituted, labels: substituted.labels.map((l) => ({ ...l, weakMask: weak, steps: [...l.steps, { node: call, note: weak }] })) };
      if (isTainted(substituted) || substituted.clean) return withStep(substituted, call, `returned from ${calleeName ?? 'a function'}()`);
    }
    const getter = calleeName ? GETTER_PREFIX.exec(calleeName)?.[2] : undefined;
    // A getter's name is a guess at what it returns; a return type the program declares says it for sure.
    if (getter && !(fn && this.declaresKnownType(fn))) return this.getterTaint(getter, call, `${text ?? calleeName}()`);
    return EMPTY;
  }

  /**
   * What a getter returns, by its name: `getCustomerPhone()` a phone; `findCustomerByPhone()` a customer
   * record, which holds PII (the phone it was looked up by, at least).
   */
  private getterTaint(getter: string, call: ts.CallExpression, describe: string): Taint {
    const key = LOOKUP_KEY.exec(getter);
    const subject = key ? getter.slice(0, key.index) : getter;
    const returned = subject ? this.nameTaint(subject, call, describe) : EMPTY;
    if (isTainted(returned) || !key || key[1] !== 'By' || !key[2]) return returned;
    // Which fields the record has is unknown (the phone may be kept tokenised, beside others): a record carrying PII.
    const lookedUpBy = this.nameTaint(key[2].charAt(0).toLowerCase() + key[2].slice(1), call, describe);
    return { ...lookedUpBy, labels: lookedUpBy.labels.map((l) => ({ ...l, container: true })) };
  }

  /**
   * The function declares that it returns a record whose type the checker knows (not an unresolved import):
   * its fields, read by the type check, say whether it carries PII.
   */
  private declaresKnownType(fn: ts.SignatureDeclaration): boolean {
    const annotation = fn.type ?? jsDocReturnType(fn);
    if (!annotation) return false;
    try {
      const type = unwrapPromise(this.ctx.checker, this.ctx.checker.getTypeFromTypeNode(annotation));
      const members = type.isUnion() ? type.types.filter((t) => !(t.flags & (TypeFlags.Null | TypeFlags.Undefined))) : [type];
      return members.length > 0 && members.every((t) => (t.flags & TypeFlags.Object) !== 0);
    } catch {
      return false;
    }
  }

  /** PII-named column names written as string literals (directly, in arrays, or as `columns`/`fields` options). */
  private namedColumns(args: readonly ts.Expression[], node: ts.Node): Taint {
    const labels: Label[] = [];
    const consider = (e: ts.Expression, depth: number): void => {
      const x = skipTransparent(e);
      if (ts.isStringLiteralLike(x)) {
        const column = x.text.split(/(?<!\s)\s+as\s+|\./i).pop() ?? x.text; // lookbehind: linear on long whitespace
        const match = /^[A-Za-z_][\w-]*$/.test(column) ? this.ctx.knowledge.classifyName(column) : undefined;
        if (match && labels.length < MAX_LABELS) labels.push({ kind: match.kind, signal: 'name', origin: x, describe: `column ${column}`, container: true, field: column, path: [column], steps: [] });
      } else if (ts.isArrayLiteralExpression(x) && depth < 2) x.elements.forEach((el) => consider(el, depth + 1));
      else if (ts.isObjectLiteralExpression(x) && depth < 1) {
        for (const p of x.properties) if (ts.isPropertyAssignment(p) && /^(columns|fields|header|headers|select|attributes|projection)$/.test(propertyNameText(p.name) ?? '')) consider(p.initializer, depth + 1);
      }
    };
    args.forEach((a) => consider(a, 0));
    void node;
    return labels.length ? { labels, params: [], clean: false } : EMPTY;
  }

  /** What a function returns, with its own parameters left symbolic. */
  returnTaint(fn: ts.SignatureDeclaration): Taint {
    const cached = this.returns.get(fn);
    if (cached) return cached;
    this.returns.set(fn, EMPTY);
    const body = (fn as ts.FunctionLikeDeclaration).body;
    let result = EMPTY;
    if (body) {
      if (!ts.isBlock(body)) result = this.taintOf(body);
      else {
        const values: Taint[] = [];
        forEachReturn(body, (r) => {
          if (r.expression) values.push(this.taintOf(r.expression));
        });
        result = values.length ? union(...values) : EMPTY;
      }
    }
    this.returns.set(fn, result);
    return result;
  }

  /** Replaces `fn`'s symbolic parameters with what the call passes. */
  substitute(t: Taint, fn: ts.SignatureDeclaration, call: ts.CallExpression | ts.NewExpression): Taint {
    if (t.params.every((p) => p.fn !== fn)) return t;
    // What the caller passed comes first: its labels name the caller's value (`cb.phone`), not the parameter.
    const parts: Taint[] = [];
    for (const p of t.params) {
      if (p.fn !== fn) continue;
      const arg = call.arguments?.[p.index];
      if (!arg) continue;
      let argTaint = withStep(p.path.length ? this.pathOf(this.taintOf(arg), p.path, arg) : this.taintOf(arg), arg, 'passed as an argument');
      if (p.into) {
        const into = p.into;
        argTaint = { ...argTaint, labels: argTaint.labels.map((l) => (l.container ? l : { ...l, container: true, field: into, path: [into] })), params: argTaint.params.map((q) => (q.into ? q : { ...q, into })) };
      }
      parts.push(argTaint);
    }
    parts.push({ labels: t.labels, params: t.params.filter((p) => p.fn !== fn), clean: t.clean });
    return union(...parts);
  }

  // ---- types (only at sinks: the checker is queried lazily) ---------------------------------

  /** Adds what the declared type says when nothing else marks the value (objects of PII-bearing types). */
  withTypes(expr: ts.Expression, t: Taint, infer = false): Taint {
    if (t.labels.length > 0 || t.clean) return t;
    const e = skipTransparent(expr);
    const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
    if (name !== undefined && this.ctx.knowledge.isScalarName(name)) return t;
    if (name !== undefined || ts.isCallExpression(e) || ts.isElementAccessExpression(e)) {
      const typed = this.typeTaint(expr, infer);
      return typed.labels.length ? union(t, typed) : t;
    }
    return t;
  }

  private readonly typeFieldCache = new Memo<ts.Type, { kind: PiiKind; field?: string; typeName?: string }>();

  /** PII by the declared type: a PII type name, or an object type with a PII property. */
  typeTaint(expr: ts.Expression, infer = false): Taint {
    const type = this.declaredType(expr, 0) ?? (infer ? this.inferredType(expr) : undefined);
    if (!type) return EMPTY;
    let found: ReturnType<TaintAnalysis['typeFields']>;
    try {
      found = this.typeFields(type, 0);
    } catch {
      return EMPTY;
    }
    if (!found) return EMPTY;
    const text = chainText(expr) ?? 'value';
    const describe = found.field ? `${text} (its type ${found.typeName ?? ''} has ${found.field})`.replace(' type  has', ' type has') : `${text} (type ${found.typeName ?? ''})`;
    return {
      labels: [{ kind: found.kind, signal: 'type', origin: expr, describe, container: found.field !== undefined, field: found.field, steps: [] }],
      params: [],
      clean: false,
    };
  }

  isBooleanTyped(expr: ts.Expression): boolean {
    const type = this.declaredType(expr, 0);
    return !!type && (type.flags & TypeFlags.BooleanLike) !== 0;
  }

  /**
   * A value handed straight to a sink whose type is only inferred: ask the checker, for a plain name. In
   * JavaScript there is nothing else to go on; in TypeScript the variables left are those whose type comes
   * from a library's generics (`const existing = await Contact.findOne(…)` of an ORM), which `declaredType`
   * cannot read. Asked only where a record is logged or written under its own name (see `withTypes`).
   */
  private inferredType(expr: ts.Expression): ts.Type | undefined {
    const e = skipTransparent(expr);
    if (!ts.isIdentifier(e)) return undefined;
    const symbol = this.ctx.symbolOf(e);
    const declaration = symbol?.valueDeclaration;
    if (!symbol || !declaration || declaration.getSourceFile().isDeclarationFile) return undefined;
    // Only variables initialised with something that may be a record: a parameter's type in JavaScript
    // is its JSDoc (read by declaredType) or a callback's context (followed by the taint itself), and
    // primitive-looking initializers can't be records.
    // An element (`rows[i]`) has its array's declared element type, which declaredType reads; inferring
    // it would check everything that built the array.
    // A call given a callback (`rows.reduce((acc, r) => …, {})`) is inferred by checking the callback against
    // each overload: costly, and the taint follows what the callback returns where it matters.
    if (!ts.isVariableDeclaration(declaration) || !declaration.initializer || isPrimitiveExpression(declaration.initializer) || isElementRead(declaration.initializer) || takesCallback(declaration.initializer)) return undefined;
    try {
      // The variable's type, not its narrowed type at this use: narrowing walks the function's control flow.
      return this.ctx.checker.getTypeOfSymbol(symbol);
    } catch {
      return undefined;
    }
  }


  private readonly declaredTypes = new Memo<ts.Node, ts.Type>();

  /**
   * The type the code declares for a value — annotations, JSDoc, declared return types, class members —
   * without asking the checker to infer anything: inference can check whole function bodies, and this
   * is asked at every sink argument.
   */
  private declaredType(input: ts.Expression, depth: number): ts.Type | undefined {
    if (depth > 4) return undefined;
    // `JSON.parse(raw) as SinchIceEvent`: the asserted type is declared (not `as const`).
    let outer = input;
    while (ts.isParenthesizedExpression(outer) || ts.isAwaitExpression(outer)) outer = outer.expression;
    if ((ts.isAsExpression(outer) || ts.isTypeAssertionExpression(outer)) && !(ts.isTypeReferenceNode(outer.type) && outer.type.typeName.getText() === 'const')) {
      try {
        return this.ctx.checker.getTypeFromTypeNode(outer.type);
      } catch {
        return undefined;
      }
    }
    const expr = skipTransparent(input);
    return this.declaredTypes.get(expr, () => {
      try {
        return this.computeDeclaredType(expr, depth);
      } catch {
        return undefined;
      }
    });
  }

  private computeDeclaredType(expr: ts.Expression, depth: number): ts.Type | undefined {
    const checker = this.ctx.checker;
    if (ts.isIdentifier(expr)) {
      const symbol = this.ctx.symbolOf(expr);
      let declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      if (symbol && declaration && (ts.isImportSpecifier(declaration) || ts.isImportClause(declaration))) declaration = this.ctx.aliasedDeclaration(symbol);
      return declaration ? this.typeOfDeclaration(declaration, depth) : undefined;
    }
    if (ts.isPropertyAccessExpression(expr)) {
      if (expr.expression.kind === SyntaxKind.ThisKeyword) {
        const cls = findAncestor(expr, ts.isClassLike);
        const member = cls?.members.find((m) => m.name && ts.isIdentifier(m.name) && m.name.text === expr.name.text);
        if (member && ts.isPropertyDeclaration(member)) return this.typeOfDeclaration(member, depth);
        const ctor = cls?.members.find(ts.isConstructorDeclaration);
        const param = ctor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === expr.name.text);
        return param ? this.typeOfDeclaration(param, depth) : undefined;
      }
      const objectType = this.declaredType(expr.expression, depth + 1);
      if (!objectType) return undefined;
      return this.memberType(objectType, expr.name.text);
    }
    if (ts.isElementAccessExpression(expr)) {
      const objectType = this.declaredType(expr.expression, depth + 1);
      return objectType ? elementType(checker, objectType) : undefined;
    }
    if (ts.isCallExpression(expr)) {
      const callee = skipTransparent(expr.expression);
      if (ts.isPropertyAccessExpression(callee) && SAME_TYPE_ARRAY_METHODS.has(callee.name.text)) return this.declaredType(callee.expression, depth + 1);
      if (ts.isPropertyAccessExpression(callee) && ELEMENT_ARRAY_METHODS.has(callee.name.text)) {
        const receiver = this.declaredType(callee.expression, depth + 1);
        return receiver ? elementType(checker, receiver) : undefined;
      }
      const fn = this.ctx.resolveFunction(expr);
      const returnType = fn?.type ?? (fn ? jsDocReturnType(fn) : undefined);
      return returnType ? unwrapPromise(checker, checker.getTypeFromTypeNode(returnType)) : undefined;
    }
    return undefined;
  }

  private readonly memberTypes = new Map<ts.Type, Memo<string, ts.Type>>();

  /** The declared type of member `name` of `objectType` (`lead.phone` for every `lead` of type Lead). */
  private memberType(objectType: ts.Type, name: string): ts.Type | undefined {
    let members = this.memberTypes.get(objectType);
    if (!members) this.memberTypes.set(objectType, (members = new Memo()));
    return members.get(name, () => {
      const checker = this.ctx.checker;
      const prop = checker.getPropertyOfType(checker.getApparentType(objectType), name);
      return prop ? checker.getTypeOfSymbol(prop) : undefined;
    });
  }

  private readonly declarationTypes = new Memo<ts.Declaration, ts.Type>();

  /** Every use of a variable asks for its declaration's type: computed once per declaration. */
  private typeOfDeclaration(declaration: ts.Declaration, depth: number): ts.Type | undefined {
    return this.declarationTypes.get(declaration, () => this.computeTypeOfDeclaration(declaration, depth));
  }

  private computeTypeOfDeclaration(declaration: ts.Declaration, depth: number): ts.Type | undefined {
    const checker = this.ctx.checker;
    if (declaration.getSourceFile().isDeclarationFile) return undefined;
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) {
      // `({ callRecord }: CallRecordSummaryProps)`, `const { lead } = job`: a member of the declared whole.
      const owner = declaration.parent.parent;
      const key = declaration.propertyName ?? declaration.name;
      if (!ts.isIdentifier(key)) return undefined;
      let whole: ts.Type | undefined;
      if (ts.isParameter(owner) || ts.isVariableDeclaration(owner)) {
        const annotation = owner.type ?? jsDocType(owner);
        if (annotation) whole = checker.getTypeFromTypeNode(annotation);
        else if (ts.isVariableDeclaration(owner) && owner.initializer) whole = this.declaredType(owner.initializer, depth + 1);
      }
      const prop = whole ? checker.getPropertyOfType(checker.getApparentType(whole), key.text) : undefined;
      return prop ? checker.getTypeOfSymbol(prop) : undefined;
    }
    if (ts.isBindingElement(declaration)) {
      // `for (const [index, row] of rows.entries())`: the second element is an element of `rows`.
      const pattern = declaration.parent;
      const variable = pattern.parent;
      const statement = variable?.parent?.parent;
      if (ts.isArrayBindingPattern(pattern) && pattern.elements.indexOf(declaration) === 1 && variable && ts.isVariableDeclaration(variable) && statement && ts.isForOfStatement(statement)) {
        const iterated = skipTransparent(statement.expression);
        if (ts.isCallExpression(iterated) && ts.isPropertyAccessExpression(iterated.expression) && iterated.expression.name.text === 'entries') {
          const receiver = this.declaredType(iterated.expression.expression, depth + 1);
          return receiver ? elementType(checker, receiver) : undefined;
        }
      }
      return undefined;
    }
    const annotated = (ts.isVariableDeclaration(declaration) || ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration)) && declaration.type
      ? declaration.type
      : jsDocType(declaration);
    if (annotated) return checker.getTypeFromTypeNode(annotated);
    if (ts.isVariableDeclaration(declaration)) {
      const statement = declaration.parent?.parent;
      if (statement && ts.isForOfStatement(statement)) {
        const iterated = this.declaredType(statement.expression, depth + 1);
        return iterated ? elementType(checker, iterated) : undefined;
      }
      return declaration.initializer ? this.declaredType(declaration.initializer, depth + 1) : undefined;
    }
    if (ts.isParameter(declaration)) {
      // `leads.forEach((lead) => …)`: an element of the declared receiver.
      const fn = declaration.parent;
      const call = fn.parent;
      if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && call && ts.isCallExpression(call) && fn.parameters[0] === declaration) {
        const callee = skipTransparent(call.expression);
        if (ts.isPropertyAccessExpression(callee) && ITERATION_METHODS.has(callee.name.text)) {
          const receiver = this.declaredType(callee.expression, depth + 1);
          return receiver ? elementType(checker, receiver) : undefined;
        }
      }
    }
    return undefined;
  }

  private typeFields(type: ts.Type, depth: number): { kind: PiiKind; field?: string; typeName?: string } | undefined {
    return this.typeFieldCache.get(type, () => this.computeTypeFields(type, depth));
  }

  private computeTypeFields(type: ts.Type, depth: number): { kind: PiiKind; field?: string; typeName?: string } | undefined {
    const k = this.ctx.knowledge;
    const named = type.aliasSymbol?.name ?? type.getSymbol()?.name;
    if (named && k.typeNames.has(named)) return { kind: k.typeNames.get(named)!, typeName: named };
    if (type.isUnion()) {
      for (const member of type.types) {
        const found = this.typeFields(member, depth);
        if (found) return found;
      }
      return undefined;
    }
    if (!(type.flags & TypeFlags.Object) || depth > 1) return undefined;
    const checker = this.ctx.checker;
    if (checker.isArrayType(type)) {
      const element = checker.getTypeArguments(type as ts.TypeReference)[0];
      return element ? this.typeFields(element, depth + 1) : undefined;
    }
    // Functions and classes (constructors) are not records.
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return undefined;
    const properties = checker.getPropertiesOfType(type);
    if (properties.length > 80) return undefined;
    for (const prop of properties) {
      const match = k.classifyName(prop.name);
      if (!match) continue;
      const declaration = prop.valueDeclaration;
      if (declaration?.getSourceFile().isDeclarationFile && !k.typeNames.size) continue;
      const propType = checker.getTypeOfSymbol(prop);
      if (propType.flags & (TypeFlags.BooleanLike | TypeFlags.NumberLike)) continue;
      if (propType.getCallSignatures().length > 0) continue;
      return { kind: match.kind, field: prop.name, typeName: named };
    }
    // One level down: a CallRecord whose `customer` has a phone carries it too.
    if (depth === 0) {
      for (const prop of properties.slice(0, 40)) {
        const propType = checker.getTypeOfSymbol(prop);
        if (!(propType.flags & TypeFlags.Object) || propType.getCallSignatures().length > 0) continue;
        const inner = this.typeFields(propType, depth + 1);
        if (inner) return { kind: inner.kind, field: prop.name, typeName: named };
      }
    }
    return undefined;
  }
}

function dropClean(t: Taint): Taint {
  return t.clean ? EMPTY : t;
}

export function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/** The definition sits in a block that encloses `use` (so it runs before it on every path through that block). */
function dominatesByPosition(anchor: ts.Node, use: ts.Node): boolean {
  const statement = findStatement(anchor);
  const container = statement?.parent;
  if (!container) return false;
  for (let n: ts.Node | undefined = use; n; n = n.parent) if (n === container) return true;
  return false;
}

function findStatement(node: ts.Node): ts.Node | undefined {
  let current: ts.Node | undefined = node;
  while (current && !(ts.isBlock(current.parent) || ts.isSourceFile(current.parent) || ts.isModuleBlock(current.parent) || ts.isCaseClause(current.parent))) current = current.parent;
  return current;
}

export function forEachReturn(body: ts.Node, visit: (r: ts.ReturnStatement) => void): void {
  const walk = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) visit(node);
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(body, walk);
}

/** `.slice(0, 6)` … `.slice(0, 8)`: the leading digits only. */
function isBinPrefix(call: ts.CallExpression): boolean {
  const [a, b] = call.arguments.map((x) => numericValue(x));
  return call.arguments.length === 2 && a === 0 && b !== undefined && b <= 8;
}

/** `phone.slice(-4)`, `id.substring(0, 2)`: at most four characters survive. */
function revealsAtMostFour(call: ts.CallExpression): boolean {
  const nums = call.arguments.map((a) => numericValue(a));
  if (nums.some((n) => n === undefined)) return false;
  const [a, b] = nums as number[];
  if (a === undefined) return false;
  if (b === undefined) return a < 0 && a >= -4;
  return Math.abs(b - a) <= 4;
}

function numericValue(expr: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(expr)) return Number(expr.text);
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === SyntaxKind.MinusToken && ts.isNumericLiteral(expr.operand)) return -Number(expr.operand.text);
  return undefined;
}

/** `.replace(/\d(?=\d{4})/g, '*')` masks; `.replace(/\D/g, '')` only normalises. */
function isMaskingReplacement(call: ts.CallExpression): boolean {
  const replacement = call.arguments[1];
  if (!replacement) return false;
  if (ts.isStringLiteralLike(replacement)) return MASK_REPLACEMENT.test(replacement.text);
  return ts.isArrowFunction(replacement) || ts.isFunctionExpression(replacement);
}

function isPrimitiveExpression(expr: ts.Expression): boolean {
  const e = skipTransparent(expr);
  return (
    ts.isStringLiteralLike(e) ||
    ts.isTemplateExpression(e) ||
    ts.isNumericLiteral(e) ||
    e.kind === SyntaxKind.TrueKeyword ||
    e.kind === SyntaxKind.FalseKeyword ||
    (ts.isBinaryExpression(e) && e.operatorToken.kind !== SyntaxKind.QuestionQuestionToken && e.operatorToken.kind !== SyntaxKind.BarBarToken && e.operatorToken.kind !== SyntaxKind.AmpersandAmpersandToken) ||
    ts.isPrefixUnaryExpression(e) ||
    (ts.isCallExpression(e) && PRIMITIVE_RESULT_CALLS.has(lastCalleeName(e.expression) ?? ''))
  );
}

/** JSDoc types count in JavaScript only (TypeScript ignores them): no comment lookups in .ts files. */
function jsDocType(node: ts.Node): ts.TypeNode | undefined {
  return node.flags & NodeFlags.JavaScriptFile ? ts.getJSDocType(node) : undefined;
}

function jsDocReturnType(node: ts.SignatureDeclaration): ts.TypeNode | undefined {
  return node.flags & NodeFlags.JavaScriptFile ? ts.getJSDocReturnType(node) : undefined;
}

/** `rows[i]`, `rows[i] ?? fallback`. */
function takesCallback(expr: ts.Expression): boolean {
  const e = skipTransparent(expr);
  return ts.isCallExpression(e) && e.arguments.some((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
}

function isElementRead(expr: ts.Expression): boolean {
  const e = skipTransparent(expr);
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken)) return isElementRead(e.left);
  return ts.isElementAccessExpression(e);
}

/** Calls whose result is a string or a number whatever they are called on. */
const PRIMITIVE_RESULT_CALLS = new Set(['join', 'toString', 'toFixed', 'toISOString', 'toLocaleString', 'Number', 'String', 'parseInt', 'parseFloat', 'floor', 'round', 'ceil', 'now', 'randomUUID', 'digest']);

function lastCalleeName(callee: ts.Expression): string | undefined {
  const e = skipTransparent(callee);
  return ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
}

function elementType(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  if (checker.isArrayType(type) || checker.isTupleType(type)) return checker.getTypeArguments(type as ts.TypeReference)[0];
  return undefined;
}

function unwrapPromise(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  if (type.getSymbol()?.name === 'Promise') return checker.getTypeArguments(type as ts.TypeReference)[0] ?? type;
  return type;
}

export { findAncestor };
