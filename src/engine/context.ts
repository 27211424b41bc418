import ts, { SyntaxKind, SymbolFlags } from '../typescript.js';
import type { SanitizerPurpose } from '../../rules/types.js';
import { passesCalleeFilter, skipTransparent } from './access-path.js';
import type { CompiledKnowledge } from './compiled-knowledge.js';
import { indexFile } from './file-index.js';
import { Memo } from './memo.js';
import { ApiResolver, findAncestor, requiredModule } from './resolve.js';
import { ScopeLookup } from './scope.js';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'all', 'use', 'route', 'ws', 'on']);
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'All', 'Controller']);

/** The path of a route object (`path` in hapi, `url` in fastify), when it is a literal. */
function routePath(route: ts.ObjectLiteralExpression): string | undefined {
  for (const p of route.properties) {
    if (ts.isPropertyAssignment(p) && /^(path|url)$/.test(p.name.getText()) && ts.isStringLiteralLike(p.initializer)) return p.initializer.text;
  }
  return undefined;
}

/**
 * What every check needs about one program: the checker (queried lazily), the compiled knowledge,
 * and small caches keyed by node or file. One instance per ts.Program.
 */
export class EngineContext {
  readonly resolver: ApiResolver;
  /** Variables used as a dial destination: whatever they hold is a phone number (`conn.bgapi(\`originate …${number}\`)`). */
  readonly dialledSymbols = new Map<ts.Symbol, string>();
  private readonly telephonyFiles = new Map<ts.SourceFile, boolean>();
  private readonly telephonyFunctions = new Map<ts.Node, boolean>();
  private readonly sanitizerCache = new Map<ts.Node, SanitizerPurpose | null>();
  private readonly functionCache = new Memo<ts.Node, ts.SignatureDeclaration>();

  constructor(
    readonly program: ts.Program,
    readonly checker: ts.TypeChecker,
    readonly knowledge: CompiledKnowledge,
  ) {
    this.resolver = new ApiResolver(checker, (id) => this.symbolOf(id));
    this.scopes = new ScopeLookup(checker);
  }

  private readonly scopes: ScopeLookup;

  /** The checker resolves a name anew (walking its scopes) on every call; the checks ask about the same names often. */
  private readonly symbols = new Map<ts.Identifier, ts.Symbol | null>();

  symbolOf(id: ts.Identifier): ts.Symbol | undefined {
    const cached = this.symbols.get(id);
    if (cached !== undefined) return cached ?? undefined;
    let symbol: ts.Symbol | undefined;
    try {
      symbol = ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id ? this.checker.getShorthandAssignmentValueSymbol(id.parent) : this.scopes.symbolAt(id);
    } catch {
      symbol = undefined;
    }
    this.symbols.set(id, symbol ?? null);
    return symbol;
  }

  /** The declaration an import refers to, when it is in the program's own (non-declaration) files. */
  aliasedDeclaration(symbol: ts.Symbol): ts.Declaration | undefined {
    try {
      const target = this.checker.getAliasedSymbol(symbol);
      const declaration = target.valueDeclaration ?? target.declarations?.[0];
      if (!declaration || declaration.getSourceFile().isDeclarationFile || ts.isSourceFile(declaration)) return undefined;
      return declaration;
    } catch {
      return undefined;
    }
  }

  /** Telephony code: the file imports a telephony SDK, or the node sits in a telephony route handler. */
  isTelephony(node: ts.Node): boolean {
    const file = node.getSourceFile();
    if (this.isTelephonyFile(file)) return true;
    for (let fn = findAncestor(node, ts.isFunctionLike); fn; fn = findAncestor(fn, ts.isFunctionLike)) {
      const known = this.telephonyFunctions.get(fn);
      if (known !== undefined) {
        if (known) return true;
        continue;
      }
      const result = this.isTelephonyHandler(fn);
      this.telephonyFunctions.set(fn, result);
      if (result) return true;
    }
    return false;
  }

  private isTelephonyFile(file: ts.SourceFile): boolean {
    const cached = this.telephonyFiles.get(file);
    if (cached !== undefined) return cached;
    const modules = this.knowledge.telephonyModules;
    let result = false;
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && modules.has(statement.moduleSpecifier.text)) result = true;
      else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          const init = d.initializer && skipTransparent(d.initializer);
          if (init && ts.isCallExpression(init)) {
            const m = requiredModule(init) ?? (ts.isCallExpression(init.expression) ? requiredModule(init.expression) : undefined);
            if (m && modules.has(m)) result = true;
          }
        }
      }
      if (result) break;
    }
    this.telephonyFiles.set(file, result);
    return result;
  }

  private isTelephonyHandler(fn: ts.Node): boolean {
    const route = this.knowledge.telephonyRoute;
    const parent = fn.parent;
    if (parent && ts.isCallExpression(parent)) {
      const callee = skipTransparent(parent.expression);
      const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const first = parent.arguments[0];
      if (method && ROUTE_METHODS.has(method) && first && ts.isStringLiteralLike(first) && (route.test(first.text) || this.routerPrefixMatches(callee))) return true;
    }
    // hapi and fastify route objects: `{ method: 'POST', path: '/bandwidth/voice/answer', handler }` (hapi may nest it in `options`).
    let owner: ts.Node | undefined = parent && ts.isPropertyAssignment(parent) && parent.initializer === fn ? parent.parent : ts.isMethodDeclaration(fn) ? fn.parent : undefined;
    for (let hops = 0; owner && ts.isObjectLiteralExpression(owner) && hops < 2; hops++) {
      const path = routePath(owner);
      if (path !== undefined) return route.test(path);
      owner = ts.isPropertyAssignment(owner.parent) && /^(options|config)$/.test(owner.parent.name.getText()) ? owner.parent.parent : undefined;
    }
    if (ts.isMethodDeclaration(fn)) {
      const decorated = [...(ts.getDecorators(fn) ?? []), ...(ts.getDecorators(fn.parent as ts.ClassDeclaration) ?? [])];
      for (const d of decorated) {
        if (!ts.isCallExpression(d.expression) || !ts.isIdentifier(d.expression.expression)) continue;
        if (!ROUTE_DECORATORS.has(d.expression.expression.text)) continue;
        const arg = d.expression.arguments[0];
        if (arg && ts.isStringLiteralLike(arg) && route.test(arg.text)) return true;
      }
    }
    return false;
  }

  /** koa-router: `router.post('/status', …)` on `new Router({ prefix: '/webhooks/messagebird' })`. */
  private routerPrefixMatches(callee: ts.Expression): boolean {
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
    const declaration = this.symbolOf(callee.expression)?.valueDeclaration;
    const init = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? skipTransparent(declaration.initializer) : undefined;
    const options = init && ts.isNewExpression(init) ? init.arguments?.[0] : undefined;
    if (!options || !ts.isObjectLiteralExpression(options)) return false;
    const prefix = options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'prefix');
    return !!prefix && ts.isStringLiteralLike(prefix.initializer) && this.knowledge.telephonyRoute.test(prefix.initializer.text);
  }

  sanitizerName(name: string): SanitizerPurpose | undefined {
    return this.knowledge.sanitizerNames.find((s) => s.pattern.test(name))?.purpose;
  }

  /** Is this call a masking or encryption function (by name or by API)? */
  sanitizerOf(call: ts.CallExpression | ts.NewExpression): SanitizerPurpose | undefined {
    const cached = this.sanitizerCache.get(call);
    if (cached !== undefined) return cached ?? undefined;
    let result: SanitizerPurpose | undefined;
    const callee = skipTransparent(call.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (name) result = this.sanitizerName(name);
    // A local mask function must really mask: one revealing more than first 3 + last 4 digits does not count.
    if (result === 'mask' && this.weakMask(call) !== undefined) result = undefined;
    // `kms.encrypt(…)`, `vault.transit.encrypt(…)`: method on a receiver named after the sanitizer.
    if (!result && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) result = this.sanitizerName(callee.expression.text) && /^(encrypt|tokenize|seal|mask|redact)/.test(callee.name.text) ? this.sanitizerName(callee.expression.text) : undefined;
    if (!result && passesCalleeFilter(this.knowledge.sanitizerCallees, callee, indexFile(call.getSourceFile()))) {
      for (const group of this.knowledge.sanitizerCalls) {
        if (this.resolver.match(callee, group.refs)) {
          result = group.purpose;
          break;
        }
      }
    }
    this.sanitizerCache.set(call, result ?? null);
    return result;
  }

  private readonly weakMasks = new Map<ts.Node, string | null>();

  /** What a local mask function reveals when that is too much (`first 6 and last 4 digits`), else undefined. */
  weakMask(call: ts.CallExpression | ts.NewExpression): string | undefined {
    const fn = this.resolveFunction(call);
    if (!fn) return undefined;
    const cached = this.weakMasks.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    const name = ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) ? fn.name?.getText() : fn.parent && ts.isVariableDeclaration(fn.parent) ? fn.parent.name.getText() : undefined;
    const idLike = /id|ssn|passport|card|pan|inn|snils|nino/i.test(name ?? '') && !/phone|msisdn|mobile|tel/i.test(name ?? '');
    const revealed = revealedByBody(fn);
    let verdict: string | undefined;
    if (revealed) {
      // At most the first 3 and last 4 digits of a phone (6 and 4 characters of an ID): no more than 4 at the
      // end, and no more than 7 (10) in all — `+1202…43` keeps as much as `120…0143`.
      const [maxPrefix, maxSuffix] = idLike ? [6, 4] : [3, 4];
      if (revealed.suffix > maxSuffix || revealed.prefix + revealed.suffix > maxPrefix + maxSuffix) {
        const shown = revealed.prefix >= 99 ? 'all but the last few characters' : `the first ${revealed.prefix} and last ${revealed.suffix} characters`;
        verdict = `${name ?? 'the mask'}() reveals ${shown} (at most the first ${maxPrefix} and last ${maxSuffix} may show)`;
      }
    }
    this.weakMasks.set(fn, verdict ?? null);
    return verdict;
  }

  isPropagator(call: ts.CallExpression): boolean {
    const callee = skipTransparent(call.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (name && this.knowledge.propagatorNames.some((p) => p.test(name))) return true;
    return passesCalleeFilter(this.knowledge.propagatorCallees, callee, indexFile(call.getSourceFile())) && this.resolver.match(callee, this.knowledge.propagatorCalls) !== undefined;
  }

  /** The function a call invokes, when its body is in the program: plain functions, `this.method()`, imported helpers. */
  resolveFunction(call: ts.CallExpression | ts.NewExpression): ts.SignatureDeclaration | undefined {
    return this.functionCache.get(call, () => this.computeFunction(call));
  }

  private computeFunction(call: ts.CallExpression | ts.NewExpression): ts.SignatureDeclaration | undefined {
    const callee = skipTransparent(call.expression);
    if (ts.isIdentifier(callee)) return this.functionOfSymbol(this.symbolOf(callee));
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const name = callee.name.text;
    const receiver = skipTransparent(callee.expression);
    if (receiver.kind === SyntaxKind.ThisKeyword) {
      const cls = findAncestor(callee, ts.isClassLike);
      return cls ? memberFunction(cls, name) : undefined;
    }
    // `obj.method()`: resolve the receiver by declaration only. Asking the checker for the method's
    // symbol would type-check the receiver expression, which is what makes whole-repo scans slow.
    const type = this.receiverType(receiver);
    if (type) {
      const declaration = type.getProperty(name)?.valueDeclaration;
      return declaration ? functionOfDeclaration(declaration) : undefined;
    }
    if (ts.isIdentifier(receiver)) {
      const symbol = this.symbolOf(receiver);
      const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      if (!symbol || !declaration) return undefined;
      if (ts.isNamespaceImport(declaration) || ts.isImportClause(declaration) || ts.isImportSpecifier(declaration)) return this.importedMember(symbol, callee);
      if (ts.isVariableDeclaration(declaration)) return this.memberOfInitializer(declaration, name);
    }
    return undefined;
  }

  /**
   * `m.fn()` on an import: the member of the module or of the exported object, read from declarations.
   * Only shapes those don't settle go to the checker, whose answer for a member type-checks the receiver.
   */
  private importedMember(alias: ts.Symbol, callee: ts.PropertyAccessExpression): ts.SignatureDeclaration | undefined {
    let target: ts.Symbol;
    try {
      target = this.checker.getAliasedSymbol(alias);
    } catch {
      return undefined;
    }
    const declaration = target.valueDeclaration ?? target.declarations?.[0];
    // A package or an unresolved path: the program has no body to summarise.
    if (!declaration || declaration.getSourceFile().isDeclarationFile) return undefined;
    if (ts.isSourceFile(declaration)) {
      const member = target.exports?.get(callee.name.escapedText);
      if (member) return this.functionOfSymbol(member);
    } else if (ts.isVariableDeclaration(declaration)) {
      const found = this.memberOfInitializer(declaration, callee.name.text);
      if (found) return found;
    }
    try {
      return this.functionOfSymbol(this.checker.getSymbolAtLocation(callee.name));
    } catch {
      return undefined;
    }
  }

  /** Method `name` of the object literal or `new Class()` a variable is initialised with. */
  private memberOfInitializer(declaration: ts.VariableDeclaration, name: string): ts.SignatureDeclaration | undefined {
    if (!declaration.initializer) return undefined;
    const init = skipTransparent(declaration.initializer);
    if (ts.isObjectLiteralExpression(init)) {
      const prop = init.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name);
      if (prop && ts.isMethodDeclaration(prop) && prop.body) return prop;
      if (prop && ts.isPropertyAssignment(prop) && isFunctionExpression(prop.initializer)) return prop.initializer;
    }
    if (ts.isNewExpression(init) && ts.isIdentifier(init.expression)) {
      const cls = this.symbolOf(init.expression)?.valueDeclaration;
      if (cls && ts.isClassLike(cls)) return memberFunction(cls, name);
    }
    return undefined;
  }

  /** The declared type of a method call's receiver: an annotated variable, parameter or class field. */
  private receiverType(receiver: ts.Expression): ts.Type | undefined {
    let declaration: ts.Declaration | undefined;
    if (ts.isIdentifier(receiver)) {
      const symbol = this.symbolOf(receiver);
      declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    } else if (ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === SyntaxKind.ThisKeyword) {
      const cls = findAncestor(receiver, ts.isClassLike);
      const field = receiver.name.text;
      declaration = cls?.members.find((m) => ts.isPropertyDeclaration(m) && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) && m.name.text === field);
      if (!declaration) {
        const ctor = cls?.members.find(ts.isConstructorDeclaration);
        declaration = ctor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === field);
      }
    }
    if (!declaration || declaration.getSourceFile().isDeclarationFile) return undefined;
    const annotation = (ts.isVariableDeclaration(declaration) || ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration)) ? declaration.type : undefined;
    if (!annotation || !ts.isTypeReferenceNode(annotation)) return undefined;
    try {
      return this.checker.getTypeFromTypeNode(annotation);
    } catch {
      return undefined;
    }
  }

  private functionOfSymbol(input: ts.Symbol | undefined): ts.SignatureDeclaration | undefined {
    let symbol = input;
    try {
      if (symbol && symbol.flags & SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    } catch {
      return undefined;
    }
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    return declaration ? functionOfDeclaration(declaration) : undefined;
  }
}

function memberFunction(cls: ts.ClassLikeDeclaration, name: string): ts.SignatureDeclaration | undefined {
  const member = cls.members.find((m) => m.name && ts.isIdentifier(m.name) && m.name.text === name);
  if (member && ts.isMethodDeclaration(member) && member.body) return member;
  if (member && ts.isPropertyDeclaration(member) && member.initializer && isFunctionExpression(member.initializer)) return member.initializer;
  return undefined;
}

function functionOfDeclaration(declaration: ts.Declaration): ts.SignatureDeclaration | undefined {
  if (declaration.getSourceFile().isDeclarationFile) return undefined;
  if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body) return declaration;
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer && isFunctionExpression(declaration.initializer)) {
    return declaration.initializer;
  }
  return undefined;
}

/** How many leading and trailing characters a mask body keeps, from its slice/substring/replace calls. */
function revealedByBody(fn: ts.SignatureDeclaration): { prefix: number; suffix: number } | undefined {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return undefined;
  let prefix = 0;
  let suffix = 0;
  let seen = false;
  const numberOf = (e: ts.Expression | undefined): number | undefined => {
    if (!e) return undefined;
    if (ts.isNumericLiteral(e)) return Number(e.text);
    if (ts.isPrefixUnaryExpression(e) && e.operator === SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
    // `value.length - 4`
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.MinusToken && ts.isPropertyAccessExpression(e.left) && e.left.name.text === 'length' && ts.isNumericLiteral(e.right)) return -Number(e.right.text);
    return undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [a, b] = [numberOf(node.arguments[0]), numberOf(node.arguments[1])];
      if (/^(slice|substring|substr)$/.test(method) && a !== undefined) {
        seen = true;
        if (a < 0 && b === undefined) suffix = Math.max(suffix, -a);
        else if (a === 0 && b !== undefined && b > 0) prefix = Math.max(prefix, b);
        // `slice(0, -2)`, `substring(0, s.length - 2)`: everything but the last few characters.
        else if (a === 0 && b !== undefined && b < 0) prefix = Math.max(prefix, 99);
      }
      const pattern = node.arguments[0];
      if ((method === 'replace' || method === 'replaceAll') && pattern && ts.isRegularExpressionLiteral(pattern)) {
        const kept = /\(\?=(?:\\d|\.)\{(\d+)\}\)/.exec(pattern.text);
        if (kept) {
          seen = true;
          suffix = Math.max(suffix, Number(kept[1]));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return seen ? { prefix, suffix } : undefined;
}

function isFunctionExpression(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}
