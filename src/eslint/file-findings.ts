/**
 * The engine's findings for the file ESLint is linting.
 *
 * Typed mode: the parser's ts.Program (typescript-eslint with `projectService` or `project`) is
 * reused as is — never a second program of the project. The engine analyses that program once
 * (flows cross files) and serves every later file from its cache.
 *
 * Syntactic mode: without a program, or for a file the program does not hold as ESLint sees it,
 * a program of this one file (see single-file-program.ts).
 */
import ts, { SyntaxKind } from '../typescript.js';
import { createAnalyzer } from '../engine/analyzer.js';
import type { EngineConfig } from '../engine/api.js';
import type { Finding } from '../engine/finding.js';
import { singleFileProgram } from './single-file-program.js';

export type AnalysisMode = 'typed' | 'syntactic';

export interface FileFindings {
  mode: AnalysisMode;
  findings: readonly Finding[];
}

export interface LintedFile {
  /** Absolute file name as ESLint gives it (`context.filename`). */
  filename: string;
  /** The text ESLint parsed (`context.sourceCode.text`); report offsets refer to it. */
  text: string;
  /** `parserServices.program` when the parser ran with type information. */
  program: ts.Program | null | undefined;
  /** The parser's ts.SourceFile of the text (typescript-eslint without a program), if any. */
  parsed: unknown;
}

export function findingsForFile(file: LintedFile, config: EngineConfig): FileFindings {
  const typed = file.program ? file.program.getSourceFile(file.filename) : undefined;
  // A program built before an autofix pass holds the old text: its offsets would be wrong here.
  if (file.program && typed && typed.text === file.text && sameTypeScript(typed)) {
    return { mode: 'typed', findings: createAnalyzer(file.program, config).analyzeFile(typed) };
  }
  const single = singleFileProgram(file.filename, file.text, reusableParse(file));
  return { mode: 'syntactic', findings: createAnalyzer(single.program, config).analyzeFile(single.sourceFile) };
}

/**
 * The engine reads syntax kinds by number, so a tree must come from the TypeScript piiguard runs
 * with. SourceFile is the last kind of the syntax enum: any TypeScript release that adds a kind
 * moves it, so a differing number means a different TypeScript.
 */
function sameTypeScript(node: ts.Node): boolean {
  if (node.kind === SyntaxKind.SourceFile) return true;
  warnOnce();
  return false;
}

let warned = false;
function warnOnce(): void {
  if (warned) return;
  warned = true;
  process.emitWarning(
    `piiguard: the ESLint parser uses a different TypeScript than piiguard (${ts.version}), so its program cannot be reused; ` +
      'files are analysed one at a time, without type information. Install the TypeScript version piiguard depends on in the project.',
    { code: 'PIIGUARD_TYPESCRIPT_MISMATCH' },
  );
}

/**
 * typescript-eslint parses with TypeScript even without a project; its tree is reused unless the
 * file has JSDoc, which that parser then skips (jsDocParsingMode "none") and the engine reads.
 */
function reusableParse(file: LintedFile): ts.SourceFile | undefined {
  const parsed = file.parsed as ts.SourceFile | undefined;
  if (!parsed || typeof parsed !== 'object' || parsed.kind !== SyntaxKind.SourceFile) return undefined;
  if (parsed.text !== file.text || file.text.includes('/**')) return undefined;
  return parsed;
}
