import ts, { SyntaxKind } from '../../typescript.js';
import { chainText, isScopeReference, skipTransparent } from '../access-path.js';
import type { EngineContext } from '../context.js';

/**
 * Consent dominance: is there a consent / do-not-call check concerning the same number (or the
 * same customer) on every path to a dial? Shapes: wrapping `if`, early return/throw/continue,
 * `&&`, ternary, a `filter` over the iterated list, an asserting helper (recognised by its
 * body), or — when the number is a parameter — a guard in every caller.
 */
export class ConsentAnalysis {
  private readonly throwsCache = new Map<ts.Node, boolean>();
  private readonly callersIndex: Map<string, ts.CallExpression[]>;

  constructor(
    private readonly ctx: EngineContext,
    callers: Map<string, ts.CallExpression[]>,
  ) {
    this.callersIndex = callers;
  }

  isGuarded(sink: ts.Node, destination: ts.Expression | undefined, depth = 0): boolean {
    if (!destination) return this.guardedWithin(sink, new Roots(), depth);
    // `to: optedIn.map(r => r.mobile)` where `optedIn = recipients.filter(r => r.smsOptIn)`.
    if (this.isFilteredList(destination, 0)) return true;
    // Every number the destination may be must be checked: `prefer ? c.mobile : c.phone` needs both.
    const all = this.leaves(destination, [], 0);
    // In `PJSIP/${lead.phone}@${TRUNK}` only the phone-named parts are numbers to check.
    const phoneLeaves = all.filter((leaf) => this.isPhoneNamed(leaf.expr));
    const leaves = phoneLeaves.length > 0 ? phoneLeaves : all.length === 1 ? all : [];
    if (leaves.length === 0) return this.guardedWithin(sink, this.rootsOf(destination), depth);
    return leaves.every((leaf) => {
      const roots = this.rootsOf(leaf.expr);
      for (const alias of leaf.aliases) {
        roots.texts.add(alias.text);
        const symbol = this.ctx.symbolOf(alias);
        if (symbol) roots.symbols.add(symbol);
      }
      return this.guardedWithin(sink, roots, depth);
    });
  }

  private isPhoneNamed(expr: ts.Expression): boolean {
    const name = ts.isIdentifier(expr) ? expr.text : ts.isPropertyAccessExpression(expr) ? expr.name.text : undefined;
    return name !== undefined && this.ctx.knowledge.classifyName(name, { telephony: true })?.kind === 'phone';
  }

  /** The values a destination may hold, with the variables it passed through on the way. */
  private leaves(expr: ts.Expression, aliases: readonly ts.Identifier[], depth: number): { expr: ts.Expression; aliases: readonly ts.Identifier[] }[] {
    const e = skipTransparent(expr);
    if (ts.isConditionalExpression(e)) return [...this.leaves(e.whenTrue, aliases, depth), ...this.leaves(e.whenFalse, aliases, depth)];
    if (ts.isBinaryExpression(e) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken, SyntaxKind.PlusToken].includes(e.operatorToken.kind)) {
      return [...this.leaves(e.left, aliases, depth), ...this.leaves(e.right, aliases, depth)];
    }
    if (ts.isTemplateExpression(e)) {
      // A dial string: the number is the slot after a channel prefix (`sofia/gateway/gw/${n}`, `PJSIP/${n}@trunk`,
      // `sip:${n}@host`); other slots are caller IDs, variables and trunks.
      const slots: ts.Expression[] = [];
      let before = e.head.text;
      for (const span of e.templateSpans) {
        if (DIAL_SLOT.test(before)) slots.push(span.expression);
        before = span.literal.text;
      }
      return (slots.length > 0 ? slots : e.templateSpans.map((s) => s.expression)).flatMap((x) => this.leaves(x, aliases, depth));
    }
    if (ts.isPropertyAccessExpression(e) && /^(config|process\.env|env|settings|CONFIG)\b/.test(chainText(e) ?? '')) return []; // our own numbers
    if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return [];
    if (ts.isIdentifier(e) && depth < 3) {
      const declaration = this.ctx.symbolOf(e)?.valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && !this.ctx.knowledge.classifyName(e.text)) {
        const init = skipTransparent(declaration.initializer);
        if (ts.isStringLiteralLike(init) || ts.isNumericLiteral(init)) return []; // a constant, not a number being dialled
        const inner = this.leaves(init, [...aliases, e], depth + 1);
        if (inner.length > 0) return inner;
      }
    }
    return [{ expr: e, aliases }];
  }

  private guardedWithin(sink: ts.Node, roots: Roots, depth: number): boolean {
    let child: ts.Node = sink;
    for (let node = sink.parent; node; child = node, node = node.parent) {
      if (ts.isIfStatement(node) && child !== node.expression && this.checked(node.expression, child === node.thenStatement, roots)) return true;
      if (ts.isConditionalExpression(node) && child !== node.condition && this.checked(node.condition, child === node.whenTrue, roots)) return true;
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken && child === node.right && this.checked(node.left, true, roots)) return true;
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.BarBarToken && child === node.right && this.checked(node.left, false, roots)) return true;
      if ((ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isModuleBlock(node)) && this.precedingGuard(node.statements, child, roots)) return true;
      if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && child === node.statement && this.iterationFiltered(node.expression, node.initializer, roots)) return true;
      if (ts.isFunctionLike(node)) {
        if (this.callbackOfFilteredList(node, roots)) return true;
        // An inline callback (`new Promise((resolve) => …)`, `list.forEach(…)`) runs where it is passed: keep looking outside.
        if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.parent && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) continue;
        return this.guardedInCallers(node, roots, depth);
      }
    }
    return false;
  }

  // ---- what the number is -------------------------------------------------------------------

  /** Symbols and texts the destination depends on: `lead.phone` → lead, lead.phone; `to` → to and its initializer's roots. */
  private rootsOf(expr: ts.Expression, roots = new Roots(), depth = 0): Roots {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const symbol = this.ctx.symbolOf(node);
        if (symbol) roots.symbols.add(symbol);
        roots.texts.add(node.text);
        const declaration = symbol?.valueDeclaration;
        if (depth < 3 && declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) this.rootsOf(declaration.initializer, roots, depth + 1);
        if (depth < 3 && declaration && ts.isBindingElement(declaration)) {
          const variable = findVariable(declaration);
          if (variable?.initializer) this.rootsOf(variable.initializer, roots, depth + 1);
        }
        return;
      }
      if (ts.isPropertyAccessExpression(node)) {
        const text = chainText(node);
        if (text) roots.texts.add(text);
        visit(node.expression);
        return;
      }
      if (ts.isFunctionLike(node)) return;
      ts.forEachChild(node, visit);
    };
    visit(expr);
    return roots;
  }

  /**
   * Does a check's argument concern the dialled number or its record? A phone-named member must be the
   * dialled one (`hasConsent(lead.mobile)` does not cover `lead.phone`); other members (`lead.id`) and
   * the record itself count.
   */
  private mentions(node: ts.Node, roots: Roots): boolean {
    if (roots.isEmpty()) return true;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(n)) {
        const symbol = this.ctx.symbolOf(n);
        if ((symbol && roots.symbols.has(symbol)) || roots.texts.has(n.text)) found = true;
        return;
      }
      if (ts.isPropertyAccessExpression(n)) {
        const text = chainText(n);
        if (text && roots.texts.has(text)) {
          found = true;
          return;
        }
        if (this.ctx.knowledge.classifyName(n.name.text)?.kind === 'phone') return; // another number
        if (ts.isPropertyAccessExpression(skipTransparent(n.expression)) && text && !roots.texts.has(chainText(n.expression) ?? '')) {
          // `lead.referrer.id`: a different record reached through the dialled one.
          const inner = chainText(n.expression);
          if (inner && [...roots.texts].some((t) => t.startsWith(`${inner}.`) || t === inner)) found = true;
          return;
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  }

  /** The checked object is the dialled record itself (`lead.doNotCall` for `lead.phone`), not one reached through it. */
  private isRootObject(expr: ts.Expression, roots: Roots): boolean {
    if (roots.isEmpty()) return true;
    const e = skipTransparent(expr);
    const text = chainText(e);
    if (text && roots.texts.has(text)) return true;
    if (ts.isIdentifier(e)) {
      const symbol = this.ctx.symbolOf(e);
      return !!symbol && roots.symbols.has(symbol);
    }
    return false;
  }

  // ---- what a check is ----------------------------------------------------------------------

  /**
   * Is a consent check certain to have run when `condition` evaluated to `outcome`? `a || b` true may
   * have skipped b; `a && b` false may have skipped b. Polarity of the check itself is not judged.
   */
  private checked(condition: ts.Expression, outcome: boolean, roots: Roots): boolean {
    const c = skipTransparent(condition);
    if (ts.isPrefixUnaryExpression(c) && c.operator === SyntaxKind.ExclamationToken) return this.checked(c.operand, !outcome, roots);
    if (ts.isBinaryExpression(c)) {
      const op = c.operatorToken.kind;
      if (op === SyntaxKind.AmpersandAmpersandToken) {
        return outcome
          ? this.checked(c.left, true, roots) || this.checked(c.right, true, roots)
          : this.checked(c.left, false, roots) && (this.checked(c.left, true, roots) || this.checked(c.right, false, roots));
      }
      if (op === SyntaxKind.BarBarToken) {
        return outcome
          ? this.checked(c.left, true, roots) && (this.checked(c.left, false, roots) || this.checked(c.right, true, roots))
          : this.checked(c.left, false, roots) || this.checked(c.right, false, roots);
      }
    }
    return this.conditionChecks(c, roots);
  }

  /** Does this condition contain a consent check on the same number/customer? Follows `const ok = await hasConsent(x)`. */
  private conditionChecks(condition: ts.Expression, roots: Roots, depth = 0): boolean {
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(node) && this.isCheckCall(node, roots)) {
        // `if (hasConsent(phone))` on an async check tests a Promise, which is always truthy: no guard at all.
        found = !this.isUnawaitedPromise(node);
        return;
      }
      if (ts.isPropertyAccessExpression(node) && this.isCheckProperty(node, roots)) {
        found = true;
        return;
      }
      if (ts.isIdentifier(node) && depth < 2 && isScopeReference(node)) {
        const declaration = this.ctx.symbolOf(node)?.valueDeclaration;
        if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && this.conditionChecks(declaration.initializer, roots, depth + 1)) {
          found = true;
          return;
        }
        const computed = declaration && ts.isBindingElement(declaration) ? this.elementPropertySource(declaration) : undefined;
        if (computed && this.conditionChecks(computed, roots, depth + 1)) {
          found = true;
          return;
        }
      }
      if (ts.isFunctionLike(node)) return;
      ts.forEachChild(node, visit);
    };
    visit(condition);
    return found;
  }

  /** A call to an async function (or one declared to return a Promise) whose result is tested without `await`. */
  private isUnawaitedPromise(call: ts.CallExpression): boolean {
    let node: ts.Node = call;
    while (ts.isParenthesizedExpression(node.parent) || (ts.isPrefixUnaryExpression(node.parent) && node.parent.operator === SyntaxKind.ExclamationToken)) node = node.parent;
    const parent = node.parent;
    const tested =
      (ts.isIfStatement(parent) && parent.expression === node) ||
      (ts.isConditionalExpression(parent) && parent.condition === node) ||
      (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken || parent.operatorToken.kind === SyntaxKind.BarBarToken));
    if (!tested) return false;
    const fn = this.ctx.resolveFunction(call);
    if (!fn) return false;
    const isAsync = ts.canHaveModifiers(fn) && !!ts.getModifiers(fn)?.some((m) => m.kind === SyntaxKind.AsyncKeyword);
    return isAsync || (!!fn.type && ts.isTypeReferenceNode(fn.type) && fn.type.typeName.getText() === 'Promise');
  }

  /**
   * `for (const { c, blocked } of checked)` where `checked = await Promise.all(list.map(async (c) => ({ c,
   * blocked: await isOnDncList(c.phone) })))`: the expression that computed `blocked`.
   */
  private elementPropertySource(element: ts.BindingElement): ts.Expression | undefined {
    const pattern = element.parent;
    const variable = pattern.parent;
    if (!ts.isObjectBindingPattern(pattern) || !ts.isVariableDeclaration(variable)) return undefined;
    const statement = variable.parent?.parent;
    if (!statement || !ts.isForOfStatement(statement)) return undefined;
    const key = element.propertyName ?? element.name;
    if (!ts.isIdentifier(key)) return undefined;
    let list: ts.Expression = skipTransparent(statement.expression);
    for (let i = 0; i < 4; i++) {
      if (ts.isIdentifier(list)) {
        const declaration = this.ctx.symbolOf(list)?.valueDeclaration;
        if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
        list = skipTransparent(declaration.initializer);
      } else if (ts.isCallExpression(list) && calleeNames(skipTransparent(list.expression)).includes('all') && list.arguments[0]) {
        list = skipTransparent(list.arguments[0]); // Promise.all(…)
      } else break;
    }
    if (!ts.isCallExpression(list)) return undefined;
    const callee = skipTransparent(list.expression);
    const mapper = list.arguments[0];
    if (!ts.isPropertyAccessExpression(callee) || !/^(map|flatMap)$/.test(callee.name.text) || !mapper || !(ts.isArrowFunction(mapper) || ts.isFunctionExpression(mapper))) return undefined;
    const returned = ts.isBlock(mapper.body) ? undefined : skipTransparent(mapper.body);
    const object = returned && ts.isObjectLiteralExpression(returned) ? returned : undefined;
    const property = object?.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === key.text);
    return property && ts.isPropertyAssignment(property) ? property.initializer : undefined;
  }

  private isConsentName(name: string): boolean {
    return this.ctx.knowledge.consentFunctions.some((p) => p.test(name));
  }

  private isCheckCall(call: ts.CallExpression, roots: Roots): boolean {
    const callee = skipTransparent(call.expression);
    const names = calleeNames(callee);
    if (!names.some((n) => this.isConsentName(n))) {
      // A local helper whose body checks consent: `if (!(await allowed(phone)))`.
      const fn = this.ctx.resolveFunction(call);
      if (!fn || !this.bodyChecksConsent(fn)) return false;
    }
    if (roots.isEmpty()) return true;
    return call.arguments.some((a) => this.mentions(a, roots)) || (ts.isPropertyAccessExpression(callee) && this.mentions(callee.expression, roots));
  }

  private isCheckProperty(access: ts.PropertyAccessExpression, roots: Roots): boolean {
    const name = access.name.text;
    if (this.ctx.knowledge.consentProperties.some((p) => p.test(name))) return this.isRootObject(access.expression, roots);
    return this.ctx.knowledge.verdictProperties.some((p) => p.test(name)) && this.isAnswerAbout(access.expression, roots);
  }

  /**
   * A permission answer about the dialled number: `(await checkNumber(to)).allowed`, or `verdict.allowed`
   * where `const verdict = await requestVerdict(number)`. The call must be given the number (or its record).
   */
  private isAnswerAbout(expr: ts.Expression, roots: Roots): boolean {
    if (roots.isEmpty()) return false;
    let answer = skipTransparent(expr);
    if (ts.isIdentifier(answer)) {
      const declaration = this.ctx.symbolOf(answer)?.valueDeclaration;
      if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
      answer = skipTransparent(declaration.initializer);
    }
    return ts.isCallExpression(answer) && answer.arguments.some((a) => this.mentions(a, roots));
  }

  private bodyChecksConsent(fn: ts.SignatureDeclaration): boolean {
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (!body) return false;
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(n) && calleeNames(skipTransparent(n.expression)).some((name) => this.isConsentName(name))) found = true;
      else if (ts.isPropertyAccessExpression(n) && this.ctx.knowledge.consentProperties.some((p) => p.test(n.name.text))) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(body);
    return found;
  }

  // ---- guard shapes -------------------------------------------------------------------------

  /** An earlier statement in the same block: `if (!ok) return;` or an asserting helper call. */
  private precedingGuard(statements: readonly ts.Statement[], current: ts.Node | undefined, roots: Roots): boolean {
    for (const statement of statements) {
      if (statement === current) return false;
      if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement) && this.checked(statement.expression, false, roots)) return true;
      if (ts.isTryStatement(statement) && statement.catchClause && exits(statement.catchClause.block) && this.precedingGuard(statement.tryBlock.statements, undefined, roots)) return true;
      if (ts.isIfStatement(statement) && statement.elseStatement && exits(statement.thenStatement) && exits(statement.elseStatement)) continue;
      const call = assertionCall(statement);
      // A kept result (`const phone = await requireSmsPermission(c)`) may be a yes/no answer: only a helper whose body throws counts.
      if (call && this.isAssertion(call, roots, ts.isExpressionStatement(statement))) return true;
    }
    return false;
  }

  /** `await assertConsent(phone)` — a helper that throws (by its body), or an assert/ensure consent function. */
  private isAssertion(call: ts.CallExpression, roots: Roots, byNameAlone = true): boolean {
    const fn = this.ctx.resolveFunction(call);
    const mentionsRoots = roots.isEmpty() || call.arguments.some((a) => this.mentions(a, roots));
    if (!mentionsRoots) return false;
    if (fn) return this.throwsConditionally(fn) && (this.bodyChecksConsent(fn) || calleeNames(skipTransparent(call.expression)).some((n) => this.isConsentName(n)));
    const names = calleeNames(skipTransparent(call.expression));
    return byNameAlone && names.some((n) => /^(assert|ensure|require|verify|enforce|guard)/i.test(n) && this.isConsentName(n));
  }

  private throwsConditionally(fn: ts.SignatureDeclaration): boolean {
    const cached = this.throwsCache.get(fn);
    if (cached !== undefined) return cached;
    this.throwsCache.set(fn, false);
    const body = (fn as ts.FunctionLikeDeclaration).body;
    let result = false;
    if (body) {
      const visit = (n: ts.Node): void => {
        if (result) return;
        if (ts.isThrowStatement(n)) result = true;
        else if (ts.isCallExpression(n) && ts.isExpressionStatement(n.parent)) {
          const inner = this.ctx.resolveFunction(n);
          if (inner && inner !== fn && this.throwsConditionally(inner)) result = true;
        }
        if (!result && !ts.isFunctionLike(n)) ts.forEachChild(n, visit);
      };
      ts.forEachChild(body, visit);
    }
    this.throwsCache.set(fn, result);
    return result;
  }

  /** `for (const lead of leads.filter(l => l.consent))`, `for (const n of await scrubDnc(numbers))`. */
  private iterationFiltered(iterated: ts.Expression, loopVariable: ts.ForInitializer, roots: Roots): boolean {
    const variableNames = new Set<string>();
    if (ts.isVariableDeclarationList(loopVariable)) {
      for (const d of loopVariable.declarations) collectNames(d.name, variableNames);
    }
    const related = roots.isEmpty() || [...variableNames].some((n) => roots.texts.has(n));
    return related && this.isFilteredList(iterated, 0);
  }

  private isFilteredList(expr: ts.Expression, depth: number): boolean {
    const e = skipTransparent(expr);
    if (ts.isIdentifier(e) && depth < 3) {
      const declaration = this.ctx.symbolOf(e)?.valueDeclaration;
      return !!declaration && ts.isVariableDeclaration(declaration) && !!declaration.initializer && this.isFilteredList(declaration.initializer, depth + 1);
    }
    if (!ts.isCallExpression(e)) return false;
    const callee = skipTransparent(e.expression);
    const names = calleeNames(callee);
    if (names.some((n) => this.isConsentName(n))) return true;
    if (ts.isPropertyAccessExpression(callee)) {
      if (callee.name.text === 'filter') {
        const predicate = e.arguments[0];
        if (predicate && this.predicateChecks(predicate)) return true;
      }
      // `leads.filter(hasConsent).map(l => l.phone)`: any stage of the chain may filter.
      return this.isFilteredList(callee.expression, depth + 1);
    }
    const fn = this.ctx.resolveFunction(e);
    return !!fn && this.bodyChecksConsent(fn);
  }

  private predicateChecks(predicate: ts.Expression): boolean {
    if (ts.isIdentifier(predicate)) return this.isConsentName(predicate.text) || this.resolvesToConsentFunction(predicate);
    if (ts.isPropertyAccessExpression(predicate)) return calleeNames(predicate).some((n) => this.isConsentName(n));
    if (ts.isArrowFunction(predicate) || ts.isFunctionExpression(predicate)) return this.bodyChecksConsent(predicate);
    return false;
  }

  private resolvesToConsentFunction(id: ts.Identifier): boolean {
    const declaration = this.ctx.symbolOf(id)?.valueDeclaration;
    if (!declaration) return false;
    if (ts.isFunctionDeclaration(declaration)) return this.bodyChecksConsent(declaration);
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))) return this.bodyChecksConsent(declaration.initializer);
    return false;
  }

  /** The dial sits in a callback over a filtered list: `leads.filter(l => l.consent).forEach(l => dial(l))`. */
  private callbackOfFilteredList(fn: ts.SignatureDeclaration, roots: Roots): boolean {
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
    const call = fn.parent;
    if (!call || !ts.isCallExpression(call)) return false;
    const callee = skipTransparent(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !/^(forEach|map|flatMap|reduce|then)$/.test(callee.name.text)) return false;
    const names = new Set<string>();
    for (const p of fn.parameters) collectNames(p.name, names);
    const related = roots.isEmpty() || [...names].some((n) => roots.texts.has(n));
    return related && this.isFilteredList(callee.expression, 0);
  }

  /** The number is a parameter: every caller must guard the argument it passes. */
  private guardedInCallers(fn: ts.SignatureDeclaration, roots: Roots, depth: number): boolean {
    if (depth >= 3) return false;
    const indexes = fn.parameters
      .map((p, i) => {
        const names = new Set<string>();
        collectNames(p.name, names);
        return [...names].some((n) => roots.texts.has(n)) ? i : -1;
      })
      .filter((i) => i >= 0);
    if (indexes.length === 0) return false;
    const name = functionName(fn);
    if (!name) return false;
    const calls = (this.callersIndex.get(name) ?? []).filter((call) => this.ctx.resolveFunction(call) === fn);
    if (calls.length === 0) return false;
    return calls.every((call) => {
      const args = indexes.map((i) => call.arguments[i]).filter((a): a is ts.Expression => a !== undefined);
      const callerRoots = new Roots();
      for (const a of args) this.rootsOf(a, callerRoots);
      return this.guardedWithin(call, callerRoots, depth + 1);
    });
  }
}

const DIAL_SLOT = /(\/|sips?:|tel:)$/i;

class Roots {
  readonly symbols = new Set<ts.Symbol>();
  readonly texts = new Set<string>();
  isEmpty(): boolean {
    return this.symbols.size === 0 && this.texts.size === 0;
  }
}

function calleeNames(callee: ts.Expression): string[] {
  const names: string[] = [];
  let current: ts.Expression = callee;
  for (let i = 0; i < 4; i++) {
    current = skipTransparent(current);
    if (ts.isPropertyAccessExpression(current)) {
      names.push(current.name.text);
      current = current.expression;
    } else if (ts.isIdentifier(current)) {
      names.push(current.text);
      break;
    } else if (ts.isCallExpression(current)) {
      current = current.expression;
    } else break;
  }
  return names;
}

/** Does this statement leave the current path: return, throw, continue, break (or a block ending so)? */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return !!last && exits(last);
  }
  if (ts.isExpressionStatement(statement)) {
    const e = skipTransparent(statement.expression);
    // process.exit(), reply.status(403).send() followed by nothing are not exits; only explicit ones count.
    return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'exit';
  }
  return false;
}

/** `await assertDialable(to);`, or a helper that throws or returns the number: `const phone = await requireSmsPermission(contact);`. */
function assertionCall(statement: ts.Statement): ts.CallExpression | undefined {
  let e: ts.Expression | undefined;
  if (ts.isExpressionStatement(statement)) e = skipTransparent(statement.expression);
  else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const initializer = statement.declarationList.declarations[0]!.initializer;
    e = initializer && skipTransparent(initializer);
  }
  return e && ts.isCallExpression(e) ? e : undefined;
}

function collectNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collectNames(element.name, into);
}

function findVariable(element: ts.BindingElement): ts.VariableDeclaration | undefined {
  let node: ts.Node = element;
  while (ts.isBindingElement(node) || ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node)) node = node.parent;
  return ts.isVariableDeclaration(node) ? node : undefined;
}

export function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}
