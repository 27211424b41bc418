import ts, { SyntaxKind } from '../typescript.js';
import { skipTransparent } from './access-path.js';

/**
 * What one walk of a file finds, independent of any program or configuration: call sites by callee
 * name, sink candidates, decorated properties, assignments to properties, and the literals and options
 * the transport check reads. Cached per SourceFile object, so a new program that reuses an unchanged
 * file (an editor keystroke elsewhere) reuses its index.
 */
export interface FileIndex {
  /** Calls by the callee's last name (`notify(x)`, `this.notify(x)`, `svc.notify(x)` → notify). */
  callsByName: ReadonlyMap<string, readonly ts.CallExpression[]>;
  calls: readonly ts.CallExpression[];
  constructions: readonly ts.NewExpression[];
  taggedTemplates: readonly ts.TaggedTemplateExpression[];
  propertyAssignments: readonly ts.BinaryExpression[];
  decoratedProperties: readonly ts.PropertyDeclaration[];
  /** String literals, template parts, object property assignments and `x.y = …` — the transport check's input. */
  transportNodes: readonly ts.Node[];
  /** TSX `href`/`src`/`action` attributes. */
  jsxUrlAttributes: readonly ts.JsxAttribute[];
  /** TSX text between tags that holds more than whitespace (`<p>Call us on …</p>`). */
  jsxTexts: readonly ts.JsxText[];
  /** Module specifiers the file imports or requires. */
  importedModules: ReadonlySet<string>;
  /** Local names of named imports → the imported names (`import { set as idbSet }` → idbSet → set). */
  importedNames: ReadonlyMap<string, string>;
  /** Assignments to plain names (`to = …`, `to ??= …`, `body += …`) by the name, in source order: later definitions of a variable. */
  variableAssignments: ReadonlyMap<string, readonly ts.BinaryExpression[]>;
  /** Set when the file is nested too deeply to walk completely; the index holds what was reached. */
  truncated: boolean;
  /** How deeply the syntax tree nests (the file itself is 0): the scan leaves out files too deep to bind. */
  depth: number;
}

const cache = new WeakMap<ts.SourceFile, FileIndex>();

/** Assignments that give a variable a value carrying the right side (not `-=`, `*=`…: numbers). */
const VALUE_ASSIGNMENTS = new Set([SyntaxKind.EqualsToken, SyntaxKind.PlusEqualsToken, SyntaxKind.QuestionQuestionEqualsToken, SyntaxKind.BarBarEqualsToken]);

export function indexFile(sourceFile: ts.SourceFile): FileIndex {
  let index = cache.get(sourceFile);
  if (!index) cache.set(sourceFile, (index = buildFileIndex(sourceFile)));
  return index;
}

function buildFileIndex(sourceFile: ts.SourceFile): FileIndex {
  const callsByName = new Map<string, ts.CallExpression[]>();
  const calls: ts.CallExpression[] = [];
  const constructions: ts.NewExpression[] = [];
  const taggedTemplates: ts.TaggedTemplateExpression[] = [];
  const propertyAssignments: ts.BinaryExpression[] = [];
  const decoratedProperties: ts.PropertyDeclaration[] = [];
  const transportNodes: ts.Node[] = [];
  const jsxUrlAttributes: ts.JsxAttribute[] = [];
  const jsxTexts: ts.JsxText[] = [];
  const importedModules = new Set<string>();
  const importedNames = new Map<string, string>();
  const variableAssignments = new Map<string, ts.BinaryExpression[]>();
  let truncated = false;

  // An explicit stack instead of recursion: a file nested 100,000 deep must not overflow ours. It may
  // run before binding, so nothing here relies on parent pointers.
  const stack: ts.Node[] = [sourceFile];
  const depths: number[] = [0];
  let deepest = 0;
  let childDepth = 0;
  const push = (child: ts.Node): void => {
    stack.push(child);
    depths.push(childDepth);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    const depth = depths.pop()!;
    if (depth > deepest) deepest = depth;
    childDepth = depth + 1;
    switch (node.kind) {
      case SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        calls.push(call);
        const callee = skipTransparent(call.expression);
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        const first = call.arguments[0];
        if ((name === 'require' || callee.kind === SyntaxKind.ImportKeyword) && first && ts.isStringLiteralLike(first)) importedModules.add(first.text);
        if (name !== undefined) {
          const list = callsByName.get(name);
          if (list) list.push(call);
          else callsByName.set(name, [call]);
        }
        break;
      }
      case SyntaxKind.ImportDeclaration: {
        const declaration = node as ts.ImportDeclaration;
        if (ts.isStringLiteral(declaration.moduleSpecifier)) importedModules.add(declaration.moduleSpecifier.text);
        const bindings = declaration.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) if (e.propertyName) importedNames.set(e.name.text, e.propertyName.getText(sourceFile));
        break;
      }
      case SyntaxKind.NewExpression:
        constructions.push(node as ts.NewExpression);
        break;
      case SyntaxKind.JsxAttribute: {
        const attribute = node as ts.JsxAttribute;
        if (/^(href|src|action|formAction|to)$/.test(attribute.name.getText(sourceFile))) jsxUrlAttributes.push(attribute);
        break;
      }
      case SyntaxKind.JsxText:
        if (!(node as ts.JsxText).containsOnlyTriviaWhiteSpaces) jsxTexts.push(node as ts.JsxText);
        break;
      case SyntaxKind.TaggedTemplateExpression:
        taggedTemplates.push(node as ts.TaggedTemplateExpression);
        break;
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
      case SyntaxKind.TemplateHead:
      case SyntaxKind.TemplateMiddle:
      case SyntaxKind.TemplateTail:
      case SyntaxKind.PropertyAssignment:
        transportNodes.push(node);
        break;
      case SyntaxKind.BinaryExpression: {
        const b = node as ts.BinaryExpression;
        const operator = b.operatorToken.kind;
        if (operator === SyntaxKind.EqualsToken) {
          transportNodes.push(b);
          if (ts.isPropertyAccessExpression(b.left) || ts.isElementAccessExpression(b.left)) propertyAssignments.push(b);
        }
        if (ts.isIdentifier(b.left) && VALUE_ASSIGNMENTS.has(operator)) {
          const list = variableAssignments.get(b.left.text);
          if (list) list.push(b);
          else variableAssignments.set(b.left.text, [b]);
        }
        break;
      }
      case SyntaxKind.PropertyDeclaration:
        if (ts.getDecorators(node as ts.PropertyDeclaration)?.length) decoratedProperties.push(node as ts.PropertyDeclaration);
        break;
      default:
        break;
    }
    if (stack.length > 2_000_000) {
      truncated = true;
      break;
    }
    const before = stack.length;
    ts.forEachChild(node, push);
    // Children were pushed in source order; reverse them so they pop in source order (their depths are equal).
    reverseTail(stack, before);
  }
  // Source order keeps findings and their fingerprints' occurrence counters stable.
  const byPos = <T extends ts.Node>(list: T[]): T[] => list.sort((a, b) => a.pos - b.pos || a.end - b.end);
  return {
    callsByName,
    calls: byPos(calls),
    constructions: byPos(constructions),
    taggedTemplates: byPos(taggedTemplates),
    propertyAssignments: byPos(propertyAssignments),
    decoratedProperties: byPos(decoratedProperties),
    transportNodes: byPos(transportNodes),
    jsxUrlAttributes: byPos(jsxUrlAttributes),
    jsxTexts: byPos(jsxTexts),
    importedModules,
    importedNames,
    variableAssignments,
    truncated,
    depth: deepest,
  };
}

function reverseTail(stack: ts.Node[], from: number): void {
  for (let i = from, j = stack.length - 1; i < j; i++, j--) {
    const tmp = stack[i]!;
    stack[i] = stack[j]!;
    stack[j] = tmp;
  }
}
