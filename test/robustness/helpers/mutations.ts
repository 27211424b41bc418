/**
 * Sources for the property tests: the annotated fixtures, mutated token by token (deleted,
 * duplicated, swapped, junk inserted, wrapped in deep nesting, unusual Unicode, very long lines,
 * truncated), and edits that change only whitespace or comments.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';

export interface Fixture {
  /** Repository-relative path, kept as the file name so the extension picks the language. */
  name: string;
  text: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** The rule fixtures and the example project, sorted. */
export function loadFixtures(repoRoot: string, dirs: readonly string[]): Fixture[] {
  const out: Fixture[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        out.push({ name: path.relative(repoRoot, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  for (const dir of dirs) walk(path.join(repoRoot, dir));
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------------------------------------
// Tokens

export interface Token {
  start: number;
  end: number;
  /** Inside JSX, where whitespace is text. */
  jsx: boolean;
}

function scriptKind(name: string): ts.ScriptKind {
  if (name.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (name.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return /\.[cm]?js$/.test(name) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

function isJsx(node: ts.Node): boolean {
  return node.kind >= ts.SyntaxKind.JsxElement && node.kind <= ts.SyntaxKind.JsxNamespacedName;
}

function isJsDoc(node: ts.Node): boolean {
  return node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;
}

/**
 * The tokens of a file in order, from the syntax tree (so template and regex tokens are whole).
 * Text nested too deeply for the parser (mutations nest) is split by the scanner instead.
 */
export function tokensOf(name: string, text: string): Token[] {
  let sourceFile: ts.SourceFile;
  try {
    sourceFile = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, scriptKind(name));
  } catch (error) {
    if (error instanceof RangeError) return scannedTokens(text);
    throw error;
  }
  const tokens: Token[] = [];
  const stack: { node: ts.Node; jsx: boolean }[] = [{ node: sourceFile, jsx: false }];
  while (stack.length > 0) {
    const { node, jsx } = stack.pop()!;
    if (isJsDoc(node)) continue;
    const children = node.getChildren(sourceFile);
    if (children.length === 0) {
      if (node.kind !== ts.SyntaxKind.EndOfFileToken && node.end > node.getStart(sourceFile)) tokens.push({ start: node.getStart(sourceFile), end: node.end, jsx });
      continue;
    }
    const inside = jsx || isJsx(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, jsx: inside });
  }
  return tokens.sort((a, b) => a.start - b.start);
}

function scannedTokens(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const tokens: Token[] = [];
  while (scanner.scan() !== ts.SyntaxKind.EndOfFileToken) tokens.push({ start: scanner.getTokenStart(), end: scanner.getTokenEnd(), jsx: false });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Mutations

export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; other: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'nest'; at: number; length: number; depth: number; form: NestForm }
  | { op: 'unicode'; at: number; text: string }
  | { op: 'long-line'; at: number; form: 'identifier' | 'string' | 'comment' | 'joined-lines'; size: number }
  | { op: 'truncate'; at: number };

type NestForm = 'parens' | 'brackets' | 'braces' | 'calls' | 'arrows' | 'templates' | 'objects' | 'negations' | 'awaits';

const JUNK = ['{', '}', '(', ')', '[', ']', ';', ',', '=>', '=', '.', '?.', '...', "'", '"', '`', '${', '/*', '*/', '//', '/', '<', '>', '</', '@', '#', '\\', 'async', 'await', 'function', 'class', 'return', 'if', 'else', 'new', 'import', 'export', 'type', 'enum', 'yield', 'let', 'const', '0x', '1e', '1n', '\n'];

/** Unusual Unicode: zero-width and bidi controls, lone surrogates, line/paragraph separators, astral, combining, BOM, NUL. */
const UNICODE = ['\u200b', '\u200d', '\u202e', '\u2066', '\ud800', '\udc00', '\u2028', '\u2029', '\u{1F4DE}', 'e\u0301', '\ufeff', '\u0000', '\u00a0', '\u3000', '\uffff', '\u{10FFFF}', 'ℌ', '\u0442\u0435\u043b', '\u53f7\u7801'];

const NESTS: Record<NestForm, (inner: string, depth: number) => string> = {
  parens: (inner, d) => `${'('.repeat(d)}${inner}${')'.repeat(d)}`,
  brackets: (inner, d) => `${'['.repeat(d)}${inner}${']'.repeat(d)}`,
  braces: (inner, d) => `${'{'.repeat(d)}${inner}${'}'.repeat(d)}`,
  calls: (inner, d) => `${'f('.repeat(d)}${inner}${')'.repeat(d)}`,
  arrows: (inner, d) => `${'() => '.repeat(d)}${inner}`,
  templates: (inner, d) => `${'`${'.repeat(d)}${inner}${'}`'.repeat(d)}`,
  objects: (inner, d) => `${'{ phone: '.repeat(d)}${inner}${' }'.repeat(d)}`,
  negations: (inner, d) => `${'!'.repeat(d)}${inner}`,
  awaits: (inner, d) => `${'await '.repeat(d)}${inner}`,
};

/**
 * Mutations shrink well: positions are plain numbers taken modulo the token count, so fast-check
 * can shrink them towards the start of the file and the list towards one mutation.
 */
export function mutationArbitrary(): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: 100_000 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('swap' as const), at, other: at }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at, text: fc.constantFrom(...JUNK) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('nest' as const),
        at,
        length: fc.nat({ max: 20 }),
        depth: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 200, max: 1_200 })),
        form: fc.constantFrom<NestForm>('parens', 'brackets', 'braces', 'calls', 'arrows', 'templates', 'objects', 'negations', 'awaits'),
      }),
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('unicode' as const), at, text: fc.constantFrom(...UNICODE) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('long-line' as const),
        at,
        form: fc.constantFrom('identifier' as const, 'string' as const, 'comment' as const, 'joined-lines' as const),
        size: fc.integer({ min: 1_000, max: 50_000 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
  );
}

/**
 * Long strings alternate letters with digits and spaces: a run of 100,000 letters in one string
 * literal takes seconds in a known quadratic expression (regex-linear.test.ts lists it), which
 * would make every such case fail on time rather than find something new.
 */
function filler(size: number): string {
  return 'ab1 cd2 '.repeat(Math.ceil(size / 8)).slice(0, size);
}

export function applyMutation(name: string, text: string, mutation: Mutation): string {
  const tokens = tokensOf(name, text);
  if (tokens.length === 0) return mutation.op === 'insert' || mutation.op === 'unicode' ? mutation.text + text : text;
  const token = tokens[mutation.at % tokens.length]!;
  const slice = (t: Token) => text.slice(t.start, t.end);
  switch (mutation.op) {
    case 'delete':
      return text.slice(0, token.start) + text.slice(token.end);
    case 'duplicate':
      return text.slice(0, token.end) + ' ' + slice(token) + text.slice(token.end);
    case 'swap': {
      const other = tokens[mutation.other % tokens.length]!;
      if (other === token) return text;
      const [first, second] = other.start < token.start ? [other, token] : [token, other];
      return text.slice(0, first.start) + slice(second) + text.slice(first.end, second.start) + slice(first) + text.slice(second.end);
    }
    case 'insert':
      return `${text.slice(0, token.start)}${mutation.text} ${text.slice(token.start)}`;
    case 'nest': {
      const last = tokens[Math.min(tokens.length - 1, (mutation.at % tokens.length) + mutation.length)]!;
      return text.slice(0, token.start) + NESTS[mutation.form](text.slice(token.start, last.end), mutation.depth) + text.slice(last.end);
    }
    case 'unicode':
      return text.slice(0, token.start) + mutation.text + text.slice(token.start);
    case 'long-line':
      return longLine(text, token, mutation.form, mutation.size);
    case 'truncate':
      return text.slice(0, token.start);
  }
}

function longLine(text: string, token: Token, form: 'identifier' | 'string' | 'comment' | 'joined-lines', size: number): string {
  const before = text.slice(0, token.start);
  const after = text.slice(token.start);
  switch (form) {
    case 'identifier':
      return `${before}phone${'x'.repeat(size)} ${after}`;
    case 'string':
      return `${before}'${filler(size)}' + ${after}`;
    case 'comment':
      return `${before}/* ${filler(size)} */ ${after}`;
    case 'joined-lines':
      // From this token on, newlines become spaces until `size` characters were joined.
      return before + after.slice(0, size).replace(/\r?\n/g, ' ') + after.slice(size);
  }
}

export function applyMutations(name: string, text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce((current, mutation) => applyMutation(name, current, mutation), text);
}

// ---------------------------------------------------------------------------------------------
// Edits that change only whitespace or comments, keeping every line where it was

export type TriviaEdit =
  | { op: 'spaces-before'; at: number; text: string }
  | { op: 'comment-before'; at: number; text: string }
  | { op: 'comment-at-line-end'; at: number; text: string };

export function triviaEditArbitrary(): fc.Arbitrary<TriviaEdit> {
  const at = fc.nat({ max: 100_000 });
  return fc.oneof(
    fc.record({ op: fc.constant('spaces-before' as const), at, text: fc.constantFrom(' ', '  ', '\t', ' \t ', '\u00a0', '\ufeff') }),
    fc.record({ op: fc.constant('comment-before' as const), at, text: fc.constantFrom('/* c */', '/**/', '/* phone: +1 (415) */', '/* piiguard */', '/* ${x} ` \' " */') }),
    fc.record({ op: fc.constant('comment-at-line-end' as const), at, text: fc.constantFrom('// c', '//', '// TODO: mask the phone', '/* trailing */') }),
  );
}

/**
 * Applies a whitespace/comment edit at a token boundary, never inside JSX text. Line comments go
 * only where the rest of the line is blank, so they can't swallow code or a block comment.
 */
export function applyTriviaEdit(name: string, text: string, edit: TriviaEdit): string {
  const tokens = tokensOf(name, text).filter((t) => !t.jsx);
  if (tokens.length === 0) return text;
  const index = edit.at % tokens.length;
  const token = tokens[index]!;
  switch (edit.op) {
    case 'spaces-before':
    case 'comment-before':
      return `${text.slice(0, token.start)}${edit.text} ${text.slice(token.start)}`;
    case 'comment-at-line-end': {
      const lineEnd = text.slice(token.end).search(/\r?\n|\r|\u2028|\u2029|$/) + token.end;
      if (text.slice(token.end, lineEnd).trim() !== '') return text;
      const next = tokens[index + 1];
      if (next && next.start < lineEnd) return text;
      return `${text.slice(0, lineEnd)} ${edit.text}${text.slice(lineEnd)}`;
    }
  }
}

export function applyTriviaEdits(name: string, text: string, edits: readonly TriviaEdit[]): string {
  return edits.reduce((current, edit) => applyTriviaEdit(name, current, edit), text);
}

// ---------------------------------------------------------------------------------------------
// Generated programs: shapes that stress recursion in the analysis rather than in the parser

export type GeneratedShape = 'return-chain' | 'call-chain' | 'variable-chain' | 'object-chain' | 'recursion-cycle' | 'callback-chain' | 'import-cycle';

export interface GeneratedProgram {
  shape: GeneratedShape;
  length: number;
}

export function generatedProgramArbitrary(): fc.Arbitrary<GeneratedProgram> {
  return fc.record({
    shape: fc.constantFrom<GeneratedShape>('return-chain', 'call-chain', 'variable-chain', 'object-chain', 'recursion-cycle', 'callback-chain', 'import-cycle'),
    length: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 200, max: 3_000 })),
  });
}

const HEADER = "import twilio from 'twilio';\n";

/** Files of a generated program: PII from a Twilio webhook passed along `length` steps into a log. */
export function generateProgram({ shape, length }: GeneratedProgram): Record<string, string> {
  const lines: string[] = [HEADER];
  switch (shape) {
    case 'return-chain':
      lines.push('function g0(req: any) { return req.body.From; }');
      for (let i = 1; i <= length; i++) lines.push(`function g${i}(req: any) { return g${i - 1}(req); }`);
      lines.push(`export function handler(req: any) { console.log(g${length}(req)); }`);
      break;
    case 'call-chain':
      for (let i = 0; i < length; i++) lines.push(`function f${i}(p: string) { f${i + 1}(p); }`);
      lines.push(`function f${length}(p: string) { console.log(p); }`);
      lines.push('export function handler(req: any) { f0(req.body.From); }');
      break;
    case 'variable-chain':
      lines.push('export function handler(req: any) {', '  const v0 = req.body.From;');
      for (let i = 1; i <= length; i++) lines.push(`  const v${i} = v${i - 1};`);
      lines.push(`  console.log(v${length});`, '}');
      break;
    case 'object-chain':
      lines.push('export function handler(req: any) {', '  const o0 = { phone: req.body.From };');
      for (let i = 1; i <= length; i++) lines.push(`  const o${i} = { inner: o${i - 1}, n: ${i} };`);
      lines.push(`  console.log(o${length});`, '}');
      break;
    case 'recursion-cycle':
      for (let i = 0; i < length; i++) lines.push(`function r${i}(p: string, n: number): string { return n > 0 ? r${(i + 1) % length}(p, n - 1) : p; }`);
      lines.push('export function handler(req: any) { console.log(r0(req.body.From, 3)); }');
      break;
    case 'callback-chain':
      lines.push('export async function handler(req: any) {', '  await Promise.resolve(req.body.From)');
      for (let i = 0; i < length; i++) lines.push(`    .then((v${i}) => [v${i}].map((x) => x)[0])`);
      lines.push('    .then((last) => console.log(last));', '}');
      break;
    case 'import-cycle': {
      // `length` files, each re-exporting a function of the next, the last one closing the cycle.
      const count = Math.min(length, 300);
      const files: Record<string, string> = {};
      for (let i = 0; i < count; i++) {
        const next = (i + 1) % count;
        files[`m${i}.ts`] = `${HEADER}import { pass${next} } from './m${next}';\nexport function pass${i}(p: string, n: number): string { return n > 0 ? pass${next}(p, n - 1) : p; }\n`;
      }
      files['main.ts'] = `${HEADER}import { pass0 } from './m0';\nexport function handler(req: any) { console.log(pass0(req.body.From, 2)); }\n`;
      return files;
    }
  }
  return { 'main.ts': `${lines.join('\n')}\n` };
}
