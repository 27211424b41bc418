import ts from '../typescript.js';

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
  ts.SyntaxKind.ImportSpecifier,
  ts.SyntaxKind.ImportClause,
  ts.SyntaxKind.NamespaceImport,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.ExportSpecifier,
  ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.TypeReference,
  ts.SyntaxKind.ExpressionWithTypeArguments,
  ts.SyntaxKind.QualifiedName,
  ts.SyntaxKind.TypeQuery,
  ts.SyntaxKind.ShorthandPropertyAssignment,
  ts.SyntaxKind.LabeledStatement,
  ts.SyntaxKind.BreakStatement,
  ts.SyntaxKind.ContinueStatement,
]);

const COMMONJS_NAMES = new Set(['module', 'exports', 'require']);

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
  const parent = id.parent;
  if (!parent || NOT_A_VALUE_READ.has(parent.kind)) return undefined;
  // A declaration's own name (a parameter property's is the property, a type member's is no variable),
  // a member name (`x.phone`, `{ phone: … }`) or the key of a destructured property (`{ phone: to }`).
  if ((parent as { name?: ts.Node }).name === id) return undefined;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return undefined;
  const name = id.escapedText;
  // CommonJS `module`, `exports` and `require` are symbols the checker makes up for JavaScript files.
  if (COMMONJS_NAMES.has(name as string)) return undefined;
  for (let scope: ts.Node | undefined = parent; scope; scope = scope.parent) {
    const locals = (scope as WithLocals).locals;
    if (!locals) continue;
    // A script's top level is the global scope, merged across files by the checker.
    if (ts.isSourceFile(scope) && !ts.isExternalModule(scope) && !isCommonJsModule(scope)) return undefined;
    const symbol = locals.get(name);
    if (!symbol) continue;
    // A value or an import (the checker answers with the alias, not its target). An exported member's
    // local is only `ExportValue`, and a type of the same name is not a value: the checker decides.
    if (symbol.flags & (ts.SymbolFlags.Value | ts.SymbolFlags.Alias)) return symbol;
    return undefined;
  }
  return undefined;
}

function isCommonJsModule(sourceFile: ts.SourceFile): boolean {
  return (sourceFile as { commonJsModuleIndicator?: ts.Node }).commonJsModuleIndicator !== undefined;
}
