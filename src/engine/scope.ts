import ts, { SyntaxKind, SymbolFlags } from '../typescript.js';

/**
 * The binder's scope tables: every function, block and module gets a `locals` table when the type
 * checker is created. They are not in TypeScript's public types, but they are what the checker's own
 * name resolution reads first.
 */
interface WithLocals {
  locals?: ts.SymbolTable;
}

/** Parents of an identifier that make it something other than a value read in scope. */
const NOT_A_VALUE_READ = new Set<ts.SyntaxKind>([
  SyntaxKind.ImportSpecifier,
  SyntaxKind.ImportClause,
  SyntaxKind.NamespaceImport,
  SyntaxKind.ImportEqualsDeclaration,
  SyntaxKind.ExportSpecifier,
  SyntaxKind.ExportAssignment,
  SyntaxKind.TypeReference,
  SyntaxKind.ExpressionWithTypeArguments,
  SyntaxKind.QualifiedName,
  SyntaxKind.TypeQuery,
  SyntaxKind.ShorthandPropertyAssignment,
  SyntaxKind.LabeledStatement,
  SyntaxKind.BreakStatement,
  SyntaxKind.ContinueStatement,
]);

const COMMONJS_NAMES = new Set(['module', 'exports', 'require']);

/**
 * Parents of a plain value read whose name, when no enclosing scope of a module declares it, can only be
 * a global (`JSON.stringify`, `fetch(…)`, `new Date()`, `String(x)`): the same symbol in every module.
 */
const GLOBAL_READ_PARENTS = new Set<ts.SyntaxKind>([
  SyntaxKind.PropertyAccessExpression,
  SyntaxKind.ElementAccessExpression,
  SyntaxKind.CallExpression,
  SyntaxKind.NewExpression,
  SyntaxKind.BinaryExpression,
  SyntaxKind.TemplateSpan,
  SyntaxKind.SpreadElement,
  SyntaxKind.AwaitExpression,
  SyntaxKind.ReturnStatement,
  SyntaxKind.ArrayLiteralExpression,
  SyntaxKind.ConditionalExpression,
]);

/** What reading the scope tables found: the symbol, or that the name is undeclared in a module (a global), or nothing certain. */
type ScopeAnswer = ts.Symbol | 'global' | undefined;

/**
 * The symbol a plain value read (`lead`, `hasConsent(…)`) refers to when it is declared in an
 * enclosing function, block or module scope: the same symbol the checker's `getSymbolAtLocation`
 * gives, found by reading the scope tables upwards instead of through the checker's general name
 * resolution (several times slower, and asked for tens of thousands of names in a repository scan).
 *
 * Returns undefined whenever the answer needs the checker: declaration names, names in any other position, exported
 * module members (the checker answers with the export symbol), script-file globals (merged across
 * files), and names not declared in an enclosing scope (globals, `arguments`).
 */
export function scopeSymbol(id: ts.Identifier): ts.Symbol | undefined {
  const answer = readScopes(id);
  return answer === 'global' ? undefined : answer;
}

/**
 * The symbol the checker's `getSymbolAtLocation` gives for a name, read from the scope tables where
 * they settle it (see scopeSymbol). Names no enclosing scope of a module declares are globals, asked
 * of the checker once per name: `JSON`, `fetch` and `String` are read thousands of times in a repository.
 */
export class ScopeLookup {
  private readonly globals = new Map<string, ts.Symbol | null>();

  constructor(private readonly checker: ts.TypeChecker) {}

  symbolAt(id: ts.Identifier): ts.Symbol | undefined {
    const answer = readScopes(id);
    if (answer === undefined) return this.checker.getSymbolAtLocation(id);
    if (answer !== 'global') return answer;
    let global = this.globals.get(id.text);
    if (global === undefined) this.globals.set(id.text, (global = this.checker.getSymbolAtLocation(id) ?? null));
    return global ?? undefined;
  }
}

function readScopes(id: ts.Identifier): ScopeAnswer {
  const parent = id.parent;
  if (!parent || NOT_A_VALUE_READ.has(parent.kind)) return undefined;
  // A declaration's own name (a parameter property's is the property, a type member's is no variable),
  // a member name (`x.phone`, `{ phone: … }`) or the key of a destructured property (`{ phone: to }`).
  if ((parent as { name?: ts.Node }).name === id) return undefined;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return undefined;
  const name = id.escapedText;
  // CommonJS `module`, `exports` and `require` are symbols the checker makes up for JavaScript files,
  // and `arguments` one it makes up for each function.
  if (COMMONJS_NAMES.has(name as string) || name === 'arguments') return undefined;
  for (let scope: ts.Node | undefined = parent; scope; scope = scope.parent) {
    // A named function or class expression sees its own name, which is in no scope table.
    if ((scope.kind === SyntaxKind.FunctionExpression || scope.kind === SyntaxKind.ClassExpression) && (scope as ts.FunctionExpression | ts.ClassExpression).name?.escapedText === name) return undefined;
    const locals = (scope as WithLocals).locals;
    if (!locals) continue;
    if (ts.isSourceFile(scope)) {
      // A script's top level is the global scope, merged across files by the checker.
      if (!ts.isExternalModule(scope) && !isCommonJsModule(scope)) return undefined;
      const symbol = locals.get(name);
      if (!symbol) return GLOBAL_READ_PARENTS.has(parent.kind) ? 'global' : undefined;
      return symbol.flags & (SymbolFlags.Value | SymbolFlags.Alias) ? symbol : undefined;
    }
    const symbol = locals.get(name);
    if (!symbol) continue;
    // A value or an import (the checker answers with the alias, not its target). An exported member's
    // local is only `ExportValue`, and a type of the same name is not a value: the checker decides.
    if (symbol.flags & (SymbolFlags.Value | SymbolFlags.Alias)) return symbol;
    return undefined;
  }
  return undefined;
}

function isCommonJsModule(sourceFile: ts.SourceFile): boolean {
  return (sourceFile as { commonJsModuleIndicator?: ts.Node }).commonJsModuleIndicator !== undefined;
}
