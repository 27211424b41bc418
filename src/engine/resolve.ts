import ts, { SyntaxKind } from '../typescript.js';
import { type ChainStep, type CompiledApiRef, matchesExactly, matchesSuffix, skipTransparent, syntacticChain } from './access-path.js';
import { Memo } from './memo.js';

export type ResolvedRoot = { kind: 'module'; module: string } | { kind: 'global'; name: string } | { kind: 'local' };

export interface ResolvedChain {
  root: ResolvedRoot;
  steps: ChainStep[];
}

/** Built-ins whose methods share names with sinks (`new Map().set`, `Object.create`): never a heuristic match. */
const BUILTIN_GLOBALS = new Set([
  'Object', 'Array', 'Map', 'Set', 'WeakMap', 'WeakSet', 'JSON', 'Math', 'Promise', 'Reflect', 'Date', 'String',
  'Number', 'Boolean', 'Symbol', 'Buffer', 'Intl', 'RegExp', 'URLSearchParams', 'FormData', 'Headers', 'Atomics',
]);

const MAX_DEPTH = 12;

/**
 * Resolves what an expression is in terms of imports and globals — `this.logger.info` →
 * `@nestjs/common` Logger, new(), info — by following imports (across files), const initializers,
 * class fields, constructor parameters and type annotations. Never looks at node_modules code.
 */
export class ApiResolver {
  private readonly cache = new Memo<ts.Node, ResolvedChain>();

  constructor(
    private readonly checker: ts.TypeChecker,
    /** Name resolution, shared with the other checks' cache. */
    private readonly symbolOf: (id: ts.Identifier) => ts.Symbol | undefined,
  ) {}

  resolve(expr: ts.Expression): ResolvedChain | undefined {
    return this.resolveAt(expr, 0);
  }

  /** The first compiled ref the callee matches: exact rows on the resolved chain, receiver rows on syntax. */
  match(callee: ts.Expression, refs: readonly CompiledApiRef[]): CompiledApiRef | undefined {
    let resolved: ResolvedChain | undefined | null = null;
    let syntax: ChainStep[] | undefined;
    for (const ref of refs) {
      if (ref.root.kind === 'receiver') {
        if (resolved === null) resolved = this.resolve(callee);
        if (resolved?.root.kind === 'global' && BUILTIN_GLOBALS.has(resolved.root.name)) continue;
        syntax ??= this.syntaxOf(callee);
        if (matchesSuffix(ref.steps, ref.root.pattern, syntax)) return ref;
        continue;
      }
      if (resolved === null) resolved = this.resolve(callee);
      if (!resolved) continue;
      const root = resolved.root;
      if (ref.root.kind === 'module' && root.kind === 'module' && root.module === ref.root.module && matchesExactly(ref.steps, resolved.steps)) return ref;
      if (ref.root.kind === 'global' && root.kind === 'global' && root.name === ref.root.name && matchesExactly(ref.steps, resolved.steps)) return ref;
    }
    return undefined;
  }

  private readonly syntaxCache = new Map<ts.Expression, ChainStep[]>();

  /** The callee's syntactic chain, once per callee: a call is matched against several sinks' rows. */
  private syntaxOf(callee: ts.Expression): ChainStep[] {
    let chain = this.syntaxCache.get(callee);
    if (!chain) this.syntaxCache.set(callee, (chain = syntacticChain(callee)));
    return chain;
  }

  private resolveAt(input: ts.Expression, depth: number): ResolvedChain | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const expr = skipTransparent(input);
    return this.cache.get(expr, () => this.compute(expr, depth));
  }

  private compute(expr: ts.Expression, depth: number): ResolvedChain | undefined {
    if (ts.isPropertyAccessExpression(expr)) {
      if (expr.expression.kind === SyntaxKind.ThisKeyword) {
        const field = this.resolveThisMember(expr, depth);
        if (field) return field;
      }
      return extend(this.resolveAt(expr.expression, depth + 1), { kind: 'member', name: expr.name.text });
    }
    if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) {
      return extend(this.resolveAt(expr.expression, depth + 1), { kind: 'member', name: expr.argumentExpression.text });
    }
    if (ts.isCallExpression(expr)) {
      const module = requiredModule(expr);
      if (module !== undefined) return { root: { kind: 'module', module }, steps: [] };
      return extend(this.resolveAt(expr.expression, depth + 1), { kind: 'call' });
    }
    if (ts.isNewExpression(expr)) return extend(this.resolveAt(expr.expression, depth + 1), { kind: 'new' });
    if (ts.isIdentifier(expr)) return this.resolveIdentifier(expr, depth);
    return undefined;
  }

  private resolveIdentifier(id: ts.Identifier, depth: number): ResolvedChain | undefined {
    // symbolOf resolves shorthand `{ logger }` to the variable, not the property.
    const symbol = this.symbolOf(id);
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return { root: { kind: 'global', name: id.text }, steps: [] };
    if (declaration.getSourceFile().isDeclarationFile && !ts.isImportSpecifier(declaration) && !ts.isImportClause(declaration)) {
      return { root: { kind: 'global', name: id.text }, steps: [] };
    }
    // Every `logger.info(…)` of a file reads the same `logger`: resolved once per symbol.
    return this.symbolCache.get(symbol, () => this.resolveDeclaration(declaration, symbol, depth));
  }

  private readonly symbolCache = new Memo<ts.Symbol, ResolvedChain>();

  private resolveDeclaration(declaration: ts.Declaration, symbol: ts.Symbol, depth: number): ResolvedChain | undefined {
    if (ts.isImportSpecifier(declaration) || ts.isImportClause(declaration) || ts.isNamespaceImport(declaration)) {
      const importDecl = findAncestor(declaration, ts.isImportDeclaration);
      const specifier = importDecl && ts.isStringLiteral(importDecl.moduleSpecifier) ? importDecl.moduleSpecifier.text : undefined;
      if (specifier === undefined) return undefined;
      if (isRelative(specifier)) return this.resolveAlias(symbol, depth);
      if (ts.isImportSpecifier(declaration)) {
        const imported = (declaration.propertyName ?? declaration.name).text;
        return { root: { kind: 'module', module: specifier }, steps: imported === 'default' ? [] : [{ kind: 'member', name: imported }] };
      }
      return { root: { kind: 'module', module: specifier }, steps: [] };
    }
    if (ts.isImportEqualsDeclaration(declaration)) {
      const ref = declaration.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        return isRelative(ref.expression.text) ? this.resolveAlias(symbol, depth) : { root: { kind: 'module', module: ref.expression.text }, steps: [] };
      }
      return undefined;
    }
    if (ts.isVariableDeclaration(declaration)) {
      if (declaration.initializer && ts.isIdentifier(declaration.name)) return this.resolveAt(declaration.initializer, depth + 1);
      return { root: { kind: 'local' }, steps: [] };
    }
    if (ts.isBindingElement(declaration)) {
      const variable = findAncestor(declaration, ts.isVariableDeclaration);
      if (variable?.initializer && ts.isObjectBindingPattern(declaration.parent) && declaration.parent.parent === variable) {
        const property = declaration.propertyName && ts.isIdentifier(declaration.propertyName) ? declaration.propertyName.text : ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
        if (property) return extend(this.resolveAt(variable.initializer, depth + 1), { kind: 'member', name: property });
      }
      return { root: { kind: 'local' }, steps: [] };
    }
    if (ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration)) {
      if (ts.isPropertyDeclaration(declaration) && declaration.initializer) return this.resolveAt(declaration.initializer, depth + 1);
      if (declaration.type) return extend(this.resolveType(declaration.type, depth + 1), { kind: 'new' });
      return { root: { kind: 'local' }, steps: [] };
    }
    if (ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration)) {
      const base = declaration.heritageClauses?.find((h) => h.token === SyntaxKind.ExtendsKeyword)?.types[0];
      if (base) return this.resolveAt(base.expression, depth + 1);
      return { root: { kind: 'local' }, steps: [] };
    }
    if (ts.isExportSpecifier(declaration)) return this.resolveAlias(symbol, depth);
    return { root: { kind: 'local' }, steps: [] };
  }

  /** An import from a file of the program: continue at the exported declaration. */
  private resolveAlias(symbol: ts.Symbol, depth: number): ResolvedChain | undefined {
    let target: ts.Symbol;
    try {
      target = this.checker.getAliasedSymbol(symbol);
    } catch {
      return { root: { kind: 'local' }, steps: [] };
    }
    const declaration = target.declarations?.[0];
    if (!declaration || target === symbol) return { root: { kind: 'local' }, steps: [] };
    if (ts.isSourceFile(declaration)) return { root: { kind: 'local' }, steps: [] };
    return this.resolveDeclaration(declaration, target, depth + 1);
  }

  private resolveType(type: ts.TypeNode, depth: number): ResolvedChain | undefined {
    if (ts.isTypeReferenceNode(type)) return this.resolveEntityName(type.typeName, depth);
    if (ts.isUnionTypeNode(type)) {
      for (const member of type.types) {
        const resolved = ts.isTypeReferenceNode(member) ? this.resolveEntityName(member.typeName, depth) : undefined;
        if (resolved && resolved.root.kind !== 'local') return resolved;
      }
    }
    return undefined;
  }

  private resolveEntityName(name: ts.EntityName, depth: number): ResolvedChain | undefined {
    if (ts.isIdentifier(name)) return this.resolveIdentifier(name, depth);
    return extend(this.resolveEntityName(name.left, depth + 1), { kind: 'member', name: name.right.text });
  }

  /** `this.x`: the class field's initializer or type, a constructor parameter property, or `this.x = …` in the constructor. */
  private resolveThisMember(expr: ts.PropertyAccessExpression, depth: number): ResolvedChain | undefined {
    const cls = findAncestor(expr, (n): n is ts.ClassLikeDeclaration => ts.isClassDeclaration(n) || ts.isClassExpression(n));
    if (!cls) return undefined;
    const name = expr.name.text;
    // `this.logger` is read by every method of the class: resolved once per class and member.
    let members = this.memberCache.get(cls);
    if (!members) this.memberCache.set(cls, (members = new Memo()));
    return members.get(name, () => this.resolveClassMember(cls, name, depth));
  }

  private readonly memberCache = new Map<ts.ClassLikeDeclaration, Memo<string, ResolvedChain>>();

  private resolveClassMember(cls: ts.ClassLikeDeclaration, name: string, depth: number): ResolvedChain | undefined {
    for (const member of cls.members) {
      if (ts.isPropertyDeclaration(member) && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name)) && member.name.text === name) {
        if (member.initializer) return this.resolveAt(member.initializer, depth + 1);
        if (member.type) return extend(this.resolveType(member.type, depth + 1), { kind: 'new' });
      }
      if (ts.isConstructorDeclaration(member)) {
        for (const param of member.parameters) {
          if (ts.isIdentifier(param.name) && param.name.text === name && param.type && ts.getModifiers(param)?.length) {
            return extend(this.resolveType(param.type, depth + 1), { kind: 'new' });
          }
        }
        const assigned = member.body ? findThisAssignment(member.body, name) : undefined;
        if (assigned) return this.resolveAt(assigned, depth + 1);
      }
    }
    return undefined;
  }
}

function extend(chain: ResolvedChain | undefined, step: ChainStep): ResolvedChain | undefined {
  if (!chain) return undefined;
  return { root: chain.root, steps: [...chain.steps, step] };
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

/** `require('x')` and `await import('x')`. */
export function requiredModule(call: ts.CallExpression): string | undefined {
  const arg = call.arguments[0];
  if (!arg || !ts.isStringLiteralLike(arg) || call.arguments.length !== 1) return undefined;
  if (ts.isIdentifier(call.expression) && call.expression.text === 'require') return arg.text;
  if (call.expression.kind === SyntaxKind.ImportKeyword) return arg.text;
  return undefined;
}

function findThisAssignment(body: ts.Block, name: string): ts.Expression | undefined {
  for (const statement of body.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const e = statement.expression;
    if (
      ts.isBinaryExpression(e) &&
      e.operatorToken.kind === SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(e.left) &&
      e.left.expression.kind === SyntaxKind.ThisKeyword &&
      e.left.name.text === name
    ) {
      return e.right;
    }
  }
  return undefined;
}

export function findAncestor<T extends ts.Node>(node: ts.Node, test: (n: ts.Node) => n is T): T | undefined {
  let current: ts.Node | undefined = node.parent;
  while (current) {
    if (test(current)) return current;
    current = current.parent;
  }
  return undefined;
}
