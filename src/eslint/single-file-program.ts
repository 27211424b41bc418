/**
 * Syntactic mode: when ESLint parses without type information (espree, or @typescript-eslint/parser
 * without a project) there is no program to reuse, so the engine gets a program of the one file
 * being linted. Imports are not followed (`noResolve`): no cross-file flows and no types from
 * other modules, but the file's own declarations, literals, names and the standard library types
 * are there.
 */
import path from 'node:path';
import ts from '../typescript.js';

/**
 * The standard library the engine's type questions need (arrays, maps, promises, Object.entries),
 * and no more: every single-file program's checker merges the globals of all its library files,
 * so lib.dom alone would cost more than analysing a typical file. On the annotated rule fixtures
 * this gives the same findings as es2022 + dom.
 */
const SYNTACTIC_LIBS = [
  'lib.es5.d.ts',
  'lib.es2015.core.d.ts',
  'lib.es2015.collection.d.ts',
  'lib.es2015.iterable.d.ts',
  'lib.es2015.promise.d.ts',
  'lib.es2015.symbol.d.ts',
  'lib.es2017.object.d.ts',
];

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  allowJs: true,
  checkJs: false,
  noEmit: true,
  noResolve: true,
  skipLibCheck: true,
  types: [],
  lib: SYNTACTIC_LIBS,
  experimentalDecorators: true,
};

const SUPPORTED = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

/** Library files parse once per process and are shared by every single-file program. */
const libFiles = new Map<string, ts.SourceFile | undefined>();

/** The last few programs, by file name: all rules of a file ask for the same one in a row. */
const recent = new Map<string, { text: string; program: ts.Program; sourceFile: ts.SourceFile }>();
const RECENT_LIMIT = 8;

export interface SingleFile {
  program: ts.Program;
  sourceFile: ts.SourceFile;
}

/**
 * `parsed`: the parser's own ts.SourceFile of this text, when it may be reused (same TypeScript,
 * same text); otherwise the text is parsed here.
 */
export function singleFileProgram(fileName: string, text: string, parsed?: ts.SourceFile): SingleFile {
  const cached = recent.get(fileName);
  if (cached && cached.text === text) return cached;
  // Virtual names (`<input>`, `README.md/0.js` from processors) still need an extension TS accepts.
  const programFileName = path.resolve(SUPPORTED.test(fileName) ? fileName : `${fileName}.ts`);
  const sourceFile = parsed && path.resolve(parsed.fileName) === programFileName ? parsed : ts.createSourceFile(programFileName, text, ts.ScriptTarget.ES2022, true);
  const program = ts.createProgram({ rootNames: [sourceFile.fileName], options: COMPILER_OPTIONS, host: createHost(sourceFile) });
  const entry = { text, program, sourceFile };
  recent.delete(fileName);
  recent.set(fileName, entry);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  return entry;
}

function createHost(sourceFile: ts.SourceFile): ts.CompilerHost {
  const libDir = path.dirname(ts.getDefaultLibFilePath(COMPILER_OPTIONS));
  const isLib = (fileName: string) => path.dirname(path.resolve(fileName)) === libDir;
  const rootName = path.resolve(sourceFile.fileName);
  return {
    getSourceFile(fileName, languageVersion) {
      if (path.resolve(fileName) === rootName) return sourceFile;
      if (!isLib(fileName)) return undefined;
      if (!libFiles.has(fileName)) {
        const text = ts.sys.readFile(fileName);
        libFiles.set(fileName, text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true));
      }
      return libFiles.get(fileName);
    },
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    writeFile: () => {
      // noEmit: nothing is written.
    },
    getCurrentDirectory: () => path.dirname(sourceFile.fileName),
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (fileName) => path.resolve(fileName) === rootName || (isLib(fileName) && ts.sys.fileExists(fileName)),
    readFile: (fileName) => (path.resolve(fileName) === rootName ? sourceFile.text : isLib(fileName) ? ts.sys.readFile(fileName) : undefined),
    directoryExists: () => true,
    getDirectories: () => [],
  };
}
