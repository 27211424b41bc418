import { existsSync } from 'node:fs';
import path from 'node:path';
import ts from '../typescript.js';
import type { FileNotice } from '../engine/finding.js';
import { readSourceFile } from './read-source.js';

/**
 * ECMAScript library declarations only. Browser and Node globals (`document`, `localStorage`, `console`,
 * `fetch`) are recognised by name whether or not they are declared, and lib.dom.d.ts alone costs about
 * half a second of CPU to parse and bind on every scan.
 */
export const DEFAULT_LIBS: readonly string[] = ['lib.es2022.d.ts'];
const HOST_LIBS = /(^|\.)(dom|webworker|scripthost)(\.|$)/i;

/**
 * Parent pointers are left to the binder, which sets them on every node when the type checker is
 * created (before any analysis): a separate pass over every tree while parsing costs a quarter of
 * the parse time.
 */
const SET_PARENT_NODES = false;

export interface ScanProgramOptions {
  rootDir: string;
  /** tsconfig.json to take compilerOptions from; default: rootDir/tsconfig.json when present. */
  tsconfigPath?: string;
  maxFileSizeKb?: number;
}

export interface ScanProgram {
  program: ts.Program;
  /** Source files of the scanned files, in the order given. */
  sourceFiles: ts.SourceFile[];
  /** tsconfig problems and per-file syntax errors. */
  notices: FileNotice[];
  /** The tsconfig.json whose options were used, if any. */
  tsconfigPath: string | undefined;
}

/**
 * One ts.Program over the files to scan, served from their already-decoded texts (so UTF-16 and
 * Latin-1 files parse as read). The project's compilerOptions are used for module resolution,
 * JSX and paths, but with our file list and without emitting or type-checking libraries.
 * tsconfig plugins are never loaded: createProgram doesn't run them.
 */
export function createScanProgram(files: ReadonlyMap<string, string>, options: ScanProgramOptions): ScanProgram {
  const notices: FileNotice[] = [];
  const tsconfigPath = options.tsconfigPath ?? defaultTsconfig(options.rootDir);
  const projectOptions = tsconfigPath ? readProjectOptions(tsconfigPath, notices) : {};
  const compilerOptions = scanCompilerOptions(projectOptions);
  const host = createScanHost(files, compilerOptions, options.maxFileSizeKb);
  const rootNames = [...files.keys()];
  const program = ts.createProgram({ rootNames, options: compilerOptions, host });

  const sourceFiles: ts.SourceFile[] = [];
  for (const file of rootNames) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    sourceFiles.push(sourceFile);
    const notice = syntaxNotice(file, parseErrors(program, sourceFile));
    if (notice) notices.push(notice);
  }
  return { program, sourceFiles, notices, tsconfigPath };
}

/** The project's options with what a scan needs forced on top. */
export function scanCompilerOptions(project: ts.CompilerOptions): ts.CompilerOptions {
  const {
    plugins: _plugins,
    composite: _composite,
    incremental: _incremental,
    tsBuildInfoFile: _tsBuildInfoFile,
    declaration: _declaration,
    declarationMap: _declarationMap,
    emitDeclarationOnly: _emitDeclarationOnly,
    sourceMap: _sourceMap,
    inlineSourceMap: _inlineSourceMap,
    outDir: _outDir,
    outFile: _outFile,
    ...kept
  } = project;
  const module = kept.module ?? ts.ModuleKind.ESNext;
  return {
    target: ts.ScriptTarget.ES2022,
    ...kept,
    module,
    moduleResolution: kept.moduleResolution ?? moduleResolutionFor(module),
    jsx: kept.jsx ?? ts.JsxEmit.Preserve,
    lib: withoutHostLibs(kept.lib),
    allowJs: true,
    checkJs: false,
    noEmit: true,
    skipLibCheck: true,
    // @types packages are not needed to find PII and cost a lot of parsing.
    types: [],
    noLib: false,
    // The project's own deprecated settings (node10, ES5, baseUrl) must not matter to a scan.
    ignoreDeprecations: '6.0',
  };
}

/** The project's ES libraries without DOM/WebWorker (see DEFAULT_LIBS). */
function withoutHostLibs(libs: readonly string[] | undefined): string[] {
  const kept = (libs ?? []).filter((lib) => !HOST_LIBS.test(lib.replace(/^lib\./, '').replace(/\.d\.ts$/, '')));
  return kept.length > 0 ? kept : [...DEFAULT_LIBS];
}

function moduleResolutionFor(module: ts.ModuleKind): ts.ModuleResolutionKind {
  switch (module) {
    case ts.ModuleKind.Node16:
    case ts.ModuleKind.Node18:
    case ts.ModuleKind.Node20:
      return ts.ModuleResolutionKind.Node16;
    case ts.ModuleKind.NodeNext:
      return ts.ModuleResolutionKind.NodeNext;
    default:
      // TypeScript 6 accepts bundler resolution with every other module kind, CommonJS included.
      return ts.ModuleResolutionKind.Bundler;
  }
}

function defaultTsconfig(rootDir: string): string | undefined {
  const candidate = path.join(rootDir, 'tsconfig.json');
  return existsSync(candidate) ? candidate : undefined;
}

function readProjectOptions(tsconfigPath: string, notices: FileNotice[]): ts.CompilerOptions {
  const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  if (read.error) {
    notices.push({
      file: tsconfigPath,
      level: 'warning',
      message: `Cannot use this tsconfig.json (${flatten(read.error)}); scanning with default compiler options.`,
    });
    return {};
  }
  // Only compilerOptions are used; the file list ("files", "include") is ours. Errors about
  // inputs (TS18003 "No inputs were found") or unknown options don't matter to a scan.
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfigPath), undefined, tsconfigPath);
  return parsed.options;
}

function createScanHost(files: ReadonlyMap<string, string>, options: ts.CompilerOptions, maxFileSizeKb: number | undefined): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const defaultGetSourceFile = host.getSourceFile.bind(host);
  const defaultFileExists = host.fileExists.bind(host);
  const defaultReadFile = host.readFile.bind(host);
  const cache = new Map<string, ts.SourceFile | undefined>();
  const textOf = (fileName: string) => files.get(path.resolve(fileName));

  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    const key = path.resolve(fileName);
    if (cache.has(key)) return cache.get(key);
    let sourceFile: ts.SourceFile | undefined;
    const text = files.get(key);
    if (text !== undefined) {
      sourceFile = ts.createSourceFile(fileName, text, languageVersionOrOptions, SET_PARENT_NODES);
    } else if (/\.d\.[cm]?ts$/.test(fileName)) {
      sourceFile = defaultGetSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    } else {
      // An imported project file that wasn't selected for scanning (generated, ignored): load it
      // for types, but with the same guards against huge, binary and minified files.
      const read = readSourceFile(key, maxFileSizeKb === undefined ? {} : { maxFileSizeKb });
      sourceFile = read.status === 'read' ? ts.createSourceFile(fileName, read.text, languageVersionOrOptions, SET_PARENT_NODES) : undefined;
    }
    cache.set(key, sourceFile);
    return sourceFile;
  };
  // Module resolution asks about the same node_modules folders and package files from every file
  // of a package; a scan reads the disk as it was when it started, so answers are kept.
  const existing = new Map<string, boolean>();
  const existingDirectories = new Map<string, boolean>();
  const defaultDirectoryExists = host.directoryExists?.bind(host);
  host.fileExists = (fileName) => textOf(fileName) !== undefined || remember(existing, fileName, defaultFileExists);
  if (defaultDirectoryExists) host.directoryExists = (directory) => remember(existingDirectories, directory, defaultDirectoryExists);
  host.readFile = (fileName) => textOf(fileName) ?? defaultReadFile(fileName);
  host.writeFile = () => {
    // noEmit: nothing is ever written.
  };
  return host;
}

/**
 * What the parser could not read. `getSyntacticDiagnostics` adds, for JavaScript files, a walk of the
 * whole tree for TypeScript-only syntax (a type annotation in a .js file), which is no obstacle to a
 * scan; the parser's own diagnostics are kept on the SourceFile.
 */
function parseErrors(program: ts.Program, sourceFile: ts.SourceFile): readonly ts.Diagnostic[] {
  const parsed = (sourceFile as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  return parsed ?? program.getSyntacticDiagnostics(sourceFile);
}

function remember(answers: Map<string, boolean>, key: string, ask: (key: string) => boolean): boolean {
  let answer = answers.get(key);
  if (answer === undefined) answers.set(key, (answer = ask(key)));
  return answer;
}

function syntaxNotice(file: string, diagnostics: readonly ts.Diagnostic[]): FileNotice | undefined {
  if (diagnostics.length === 0) return undefined;
  const first = diagnostics[0];
  let where = '';
  if (first?.file && first.start !== undefined) {
    const { line, character } = first.file.getLineAndCharacterOfPosition(first.start);
    where = ` (first at ${line + 1}:${character + 1}: ${flatten(first)})`;
  }
  const count = diagnostics.length === 1 ? '1 syntax error' : `${diagnostics.length} syntax errors`;
  return { file, level: 'warning', message: `${count}${where}; analysed what could be parsed.` };
}

function flatten(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
}
