/**
 * The TypeScript compiler, loaded with `require`: importing its 9 MB CommonJS bundle from an ES module
 * makes Node lex the whole file for named exports first, about 0.3 s on every run of the CLI.
 */
import ts = require('typescript');

export default ts;

/**
 * The bundle exports every name through a getter (`SyntaxKind: () => SyntaxKind`), so each
 * `ts.SyntaxKind.X` is a function call; the engine's walks read these enums hundreds of thousands
 * of times per scan. Read once here.
 */
export const { SyntaxKind, SymbolFlags, NodeFlags, TypeFlags } = ts;
