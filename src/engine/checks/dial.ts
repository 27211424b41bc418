import ts, { SyntaxKind } from '../../typescript.js';
import type { DialSinkModel } from '../../../rules/types.js';
import { chainText, skipTransparent } from '../access-path.js';
import type { EngineContext } from '../context.js';
import { ConsentAnalysis } from './consent.js';
import { calleeText, objectLiteralOf, propertyValue, staticText } from './flow-sinks.js';
import { forEachReturn } from '../taint.js';
import type { RawFinding } from './raw.js';

const VERB: Readonly<Record<DialSinkModel['channel'], string>> = { call: 'places a call to', sms: 'sends an SMS to', message: 'sends a message to' };

/** Outbound calls and messages: the destination must be consent-checked on every path. */
export class DialCheck {
  readonly findings: RawFinding[] = [];
  /** Every dial judged, for the data-flow inventory. */
  readonly dials: { sink: ts.CallExpression | ts.NewExpression; destination: ts.Expression; guarded: boolean; sinkText: string }[] = [];

  constructor(
    private readonly ctx: EngineContext,
    private readonly consent: ConsentAnalysis,
  ) {}

  /** Records the dialled variables without judging consent (the consent rule is off). */
  rememberDestination(sink: ts.CallExpression | ts.NewExpression, model: DialSinkModel): void {
    if (model.commandPattern && !this.commandMatches(sink, model.commandPattern)) return;
    const destination = this.destination(sink, model)?.expr;
    if (destination) this.rememberDialled(destination, calleeText(sink));
  }

  /** Judges a dial; false when the call turned out not to dial a number (so other sinks may claim it). */
  check(sink: ts.CallExpression | ts.NewExpression, model: DialSinkModel): boolean {
    if (model.commandPattern && !this.commandMatches(sink, model.commandPattern)) return true;
    const found = this.destination(sink, model);
    if (found === null) return false; // not a call to a number (SNS to a topic, an AI `messages.create`)
    // A map keyed by the numbers (Pinpoint `Addresses`) is judged where each number is put into it.
    const writes = found?.keys ? this.keyWrites(found.expr) : [];
    const destination = writes[0]?.key ?? found?.expr;
    if (destination && isInternalNumber(destination)) return true;
    if (destination) this.rememberDialled(destination, calleeText(sink));
    const guarded = writes.length > 0 ? writes.every((w) => this.consent.isGuarded(w.site, w.key)) : this.consent.isGuarded(sink, destination);
    const sinkText = calleeText(sink);
    if (destination) this.dials.push({ sink, destination, guarded, sinkText });
    if (guarded) return true;
    const target = destination ? describeDestination(destination) : 'a number';
    this.findings.push({
      ruleId: 'require-consent-check',
      node: sink,
      sinkText,
      summary: `${sinkText} ${VERB[model.channel]} ${target} with no consent or do-not-call check on every path before it`,
      kind: 'phone',
      destination,
    });
    return true;
  }

  private commandMatches(sink: ts.CallExpression | ts.NewExpression, command: NonNullable<DialSinkModel['commandPattern']>): boolean {
    const arg = sink.arguments?.[command.arg];
    if (!arg) return false;
    let value: ts.Expression | undefined = arg;
    if (command.property) {
      const object = objectLiteralOf(arg, this.ctx);
      value = object ? findPropertyCaseInsensitive(object, command.property) : undefined;
    }
    const text = value ? staticText(value, this.ctx) : undefined;
    return text !== undefined && new RegExp(command.pattern, 'i').test(text);
  }

  /**
   * The numbers of a map keyed by them: `{ [phone]: … }`, or `addresses[mobile] = …` in the function that
   * builds `addresses` (each with the write, where a guard must stand).
   */
  private keyWrites(map: ts.Expression): { site: ts.Node; key: ts.Expression }[] {
    const e = skipTransparent(map);
    if (ts.isObjectLiteralExpression(e)) {
      return e.properties.flatMap((p) => (p.name && ts.isComputedPropertyName(p.name) ? [{ site: e, key: p.name.expression }] : []));
    }
    if (!ts.isIdentifier(e)) return [];
    const symbol = this.ctx.symbolOf(e);
    const declaration = symbol?.valueDeclaration;
    const scope = declaration && ts.findAncestor(declaration, (n) => ts.isFunctionLike(n) || ts.isSourceFile(n));
    if (!symbol || !declaration || !scope) return [];
    const writes: { site: ts.Node; key: ts.Expression }[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left)) {
        const target = skipTransparent(node.left.expression);
        if (ts.isIdentifier(target) && this.ctx.symbolOf(target) === symbol) writes.push({ site: node, key: node.left.argumentExpression });
      }
      ts.forEachChild(node, visit);
    };
    visit(scope);
    return writes;
  }

  /** The dialled number; undefined when it can't be seen; null when the call has no number at all. */
  private destination(sink: ts.CallExpression | ts.NewExpression, model: DialSinkModel): { expr: ts.Expression; keys: boolean } | undefined | null {
    const args = sink.arguments ?? [];
    let opaque = false;
    for (const selector of model.destination) {
      if (selector.construction) {
        const callee = skipTransparent(sink.expression);
        const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
        const traced = receiver ? this.constructionArgument(receiver, new RegExp(selector.construction.classPattern), selector.construction.arg, 0) : undefined;
        if (traced) return { expr: numberOf(traced, this.ctx), keys: false };
        continue;
      }
      if (selector.arg === undefined) continue;
      const arg = args[selector.arg];
      // A callback (`messages.create(params, (err, message) => …)`) is never the number.
      if (!arg || isFunctionValue(arg)) continue;
      // ESL `bgapi('originate', '<dial string>')`: the command word alone is not the destination.
      if (!selector.property && model.commandPattern && ts.isStringLiteralLike(skipTransparent(arg)) && /^\s*\w+\s*$/.test((skipTransparent(arg) as ts.StringLiteralLike).text)) continue;
      if (!selector.property) return { expr: numberOf(arg, this.ctx), keys: false };
      const literal = objectLiteralOf(arg, this.ctx);
      const built = literal ? undefined : this.builtByHelper(arg);
      const object = literal ?? built?.object;
      if (!object) {
        opaque = true;
        continue;
      }
      let value: ts.Expression | undefined = object;
      for (const name of selector.property) {
        const current: ts.ObjectLiteralExpression | undefined = value ? objectLiteralOf(value, this.ctx) : undefined;
        value = current ? findPropertyCaseInsensitive(current, [name]) : undefined;
      }
      if (value && built) value = this.argumentBehind(value, built.call, built.fn);
      if (value) return { expr: selector.keys ? value : numberOf(value, this.ctx), keys: !!selector.keys };
    }
    return opaque ? undefined : null;
  }

  /**
   * A request body built by a helper of the program (`callsApi.createCall(id, callBody(to, answerUrl))`):
   * the object literal it returns, when it returns one.
   */
  private builtByHelper(arg: ts.Expression): { object: ts.ObjectLiteralExpression; call: ts.CallExpression; fn: ts.SignatureDeclaration } | undefined {
    const call = skipTransparent(arg);
    if (!ts.isCallExpression(call)) return undefined;
    const fn = this.ctx.resolveFunction(call);
    const body = fn && (fn as ts.FunctionLikeDeclaration).body;
    if (!fn || !body) return undefined;
    const returned: ts.Expression[] = [];
    if (ts.isBlock(body)) forEachReturn(body, (r) => r.expression && returned.push(r.expression));
    else returned.push(body);
    const objects = returned.map((r) => objectLiteralOf(r, this.ctx));
    const object = objects[0];
    return object && objects.every((o) => o === object) ? { object, call, fn } : undefined;
  }

  /** A value inside a helper's body, as the caller gave it: the argument it is computed from, when it is one parameter. */
  private argumentBehind(value: ts.Expression, call: ts.CallExpression, fn: ts.SignatureDeclaration): ts.Expression {
    const params = this.parametersBehind(value, fn, 0);
    const index = params.size === 1 ? [...params][0]! : -1;
    return (index >= 0 ? call.arguments[index] : undefined) ?? value;
  }

  /** Indexes of `fn`'s parameters that `expr` is computed from (through local consts). */
  private parametersBehind(expr: ts.Node, fn: ts.SignatureDeclaration, depth: number): Set<number> {
    const found = new Set<number>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const declaration = this.ctx.symbolOf(node)?.valueDeclaration;
        if (declaration && ts.isParameter(declaration) && declaration.parent === fn) found.add(fn.parameters.indexOf(declaration));
        else if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && depth < 4 && ts.findAncestor(declaration, (n) => n === fn)) {
          for (const i of this.parametersBehind(declaration.initializer, fn, depth + 1)) found.add(i);
        }
        return;
      }
      if (ts.isPropertyAccessExpression(node)) {
        visit(node.expression);
        return;
      }
      if (ts.isFunctionLike(node)) return;
      ts.forEachChild(node, visit);
    };
    visit(expr);
    return found;
  }

  /**
   * Variables that are the dialled number hold phone numbers, whatever they are called: the whole
   * destination (`to: number`), or the slot of a dial string right after a channel prefix
   * (`PJSIP/${n}@trunk`, `sofia/gateway/gw/${n}`, `sip:${n}@host`). Other interpolations (queue names,
   * variables) are left alone.
   */
  private rememberDialled(destination: ts.Expression, sinkText: string, depth = 0): void {
    const e = skipTransparent(destination);
    if (ts.isIdentifier(e)) {
      if (/^[A-Z0-9_]+$/.test(e.text)) return; // a constant such as TRUNK
      const symbol = this.ctx.symbolOf(e);
      const declaration = symbol?.valueDeclaration;
      if (!symbol || !declaration) return;
      if (ts.isVariableDeclaration(declaration) && declaration.initializer && depth < 3 && !ts.isCallExpression(skipTransparent(declaration.initializer))) {
        const init = skipTransparent(declaration.initializer);
        if (ts.isTemplateExpression(init) || ts.isBinaryExpression(init)) {
          this.rememberDialled(init, sinkText, depth + 1);
          return;
        }
      }
      if ((ts.isParameter(declaration) || ts.isVariableDeclaration(declaration) || ts.isBindingElement(declaration)) && !this.ctx.dialledSymbols.has(symbol)) this.ctx.dialledSymbols.set(symbol, sinkText);
      return;
    }
    if (ts.isTemplateExpression(e)) {
      let before = e.head.text;
      for (const span of e.templateSpans) {
        if (/(\/|sips?:|tel:)$/i.test(before.trimEnd())) this.rememberDialled(span.expression, sinkText, depth + 1);
        before = span.literal.text;
      }
      for (const span of e.templateSpans) {
        const inner = skipTransparent(span.expression);
        if (ts.isIdentifier(inner) && depth < 3) {
          // `${legA} ${legB}`: a dial string built in pieces.
          const declaration = this.ctx.symbolOf(inner)?.valueDeclaration;
          if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isTemplateExpression(skipTransparent(declaration.initializer))) {
            this.rememberDialled(declaration.initializer, sinkText, depth + 1);
          }
        }
      }
      return;
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) {
      const left = skipTransparent(e.left);
      if (ts.isStringLiteralLike(left) && /(\/|sips?:|tel:)$/i.test(left.text)) this.rememberDialled(e.right, sinkText, depth + 1);
    }
  }

  /**
   * The argument given to `new <Class>(…)` for the value `expr`: through consts, and through factory
   * functions (`this.makeInviter(number)` returning `new Inviter(ua, target)` → `number`).
   */
  private constructionArgument(expr: ts.Expression, classPattern: RegExp, index: number, depth: number): ts.Expression | undefined {
    if (depth > 4) return undefined;
    const e = skipTransparent(expr);
    if (ts.isNewExpression(e)) {
      const callee = skipTransparent(e.expression);
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      return classPattern.test(name) ? e.arguments?.[index] : undefined;
    }
    if (ts.isIdentifier(e)) {
      const declaration = this.ctx.symbolOf(e)?.valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) return this.constructionArgument(declaration.initializer, classPattern, index, depth + 1);
      return undefined;
    }
    if (ts.isCallExpression(e)) {
      const fn = this.ctx.resolveFunction(e);
      const body = fn && (fn as ts.FunctionLikeDeclaration).body;
      if (!fn || !body) return undefined;
      let found: ts.Expression | undefined;
      const fromReturn = (value: ts.Expression): void => {
        const inner = this.constructionArgument(value, classPattern, index, depth + 1);
        if (!inner || found) return;
        // Derived from one parameter of the factory (`makeURI(\`sips:${digits}@…\`)` from `number`): what this call passes.
        const params = this.parametersBehind(inner, fn, 0);
        const paramIndex = params.size === 1 ? [...params][0]! : -1;
        found = paramIndex >= 0 ? e.arguments[paramIndex] ?? inner : inner;
      };
      if (ts.isBlock(body)) forEachReturn(body, (r) => r.expression && fromReturn(r.expression));
      else fromReturn(body);
      return found;
    }
    return undefined;
  }
}

function isFunctionValue(expr: ts.Expression): boolean {
  const e = skipTransparent(expr);
  return ts.isArrowFunction(e) || ts.isFunctionExpression(e);
}

/** jambonz `{ type: 'phone', number }`, Vonage `[{ type: 'phone', number }]`: the number inside. */
function numberOf(expr: ts.Expression, ctx: EngineContext): ts.Expression {
  const e = skipTransparent(expr);
  const inner = ts.isArrayLiteralExpression(e) && e.elements.length === 1 ? skipTransparent(e.elements[0]!) : e;
  const object = ts.isObjectLiteralExpression(inner) ? inner : undefined;
  if (object) return propertyValue(object, 'number') ?? propertyValue(object, 'phoneNumber') ?? inner;
  void ctx;
  return inner;
}

function findPropertyCaseInsensitive(object: ts.ObjectLiteralExpression, names: readonly string[]): ts.Expression | undefined {
  for (const name of names) {
    const exact = propertyValue(object, name);
    if (exact) return exact;
    for (const p of object.properties) {
      if (ts.isPropertyAssignment(p) && p.name.getText().replace(/['"]/g, '').toLowerCase() === name.toLowerCase()) return p.initializer;
    }
  }
  return undefined;
}

/** Literals and `process.env.ONCALL_NUMBER`: the team's own numbers, not people being contacted. */
function isInternalNumber(destination: ts.Expression): boolean {
  const e = skipTransparent(destination);
  if (ts.isStringLiteralLike(e)) return true;
  const text = chainText(e);
  return text !== undefined && /^(process\.env|config|env|settings)\./.test(text) && /^[A-Z0-9_.a-z]+$/.test(text) && /(ONCALL|ON_CALL|SUPPORT|ADMIN|OPS|ALERT|oncall|support|admin|ops|alert)/.test(text);
}

function describeDestination(destination: ts.Expression): string {
  const text = destination.getText().replace(/\s+/g, ' ');
  return `\`${text.length > 40 ? `${text.slice(0, 37)}…` : text}\``;
}
