import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createScanProgram, scanCompilerOptions } from '../../src/scan/program.js';
import { tempDir, writeTree } from './helpers.js';

function textsOf(root: string, files: Record<string, string>): Map<string, string> {
  writeTree(root, files);
  return new Map(Object.entries(files).map(([relative, text]) => [path.join(root, relative), text]));
}

describe('host libraries', () => {
  it('drops DOM and WebWorker from a project\'s lib list, keeping its ES libraries', () => {
    expect(scanCompilerOptions({ lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'] }).lib).toEqual(['lib.es2023.d.ts']);
    expect(scanCompilerOptions({ lib: ['lib.dom.d.ts'] }).lib).toEqual(['lib.es2022.d.ts']);
  });
});

describe('createScanProgram', () => {
  it('builds one program over TS and JS files, serving the decoded texts', () => {
    const root = tempDir();
    const texts = textsOf(root, {
      'src/voice.ts': "import { maskPhone } from './mask.js';\nexport const x = maskPhone('a');\n",
      'src/mask.js': 'export function maskPhone(p) { return p; }\n',
    });
    // What the program sees is what we decoded, not what is on disk.
    texts.set(path.join(root, 'src/mask.js'), 'export function maskPhone(p) { return "***"; }\n');
    const { program, sourceFiles, notices } = createScanProgram(texts, { rootDir: root });
    expect(sourceFiles.map((f) => path.relative(root, f.fileName))).toEqual(['src/voice.ts', 'src/mask.js']);
    expect(sourceFiles[1]?.text).toContain('"***"');
    expect(notices).toEqual([]);
    // Cross-file resolution works (the engine follows calls across files).
    const checker = program.getTypeChecker();
    const voice = sourceFiles[0]!;
    const call = (voice.statements[1] as ts.VariableStatement).declarationList.declarations[0]!.initializer as ts.CallExpression;
    const imported = checker.getSymbolAtLocation(call.expression)!;
    expect(checker.getAliasedSymbol(imported).declarations?.[0]?.getSourceFile().fileName).toBe(path.join(root, 'src/mask.js'));
    expect(sourceFiles[0]?.statements[0]?.parent).toBe(voice); // parent pointers are set
  });

  it('reports syntax errors as a notice and keeps what parsed', () => {
    const root = tempDir();
    const texts = textsOf(root, { 'broken.ts': 'const a = ;\nfunction f( {\nlogger.info(phone);\n' });
    const { sourceFiles, notices } = createScanProgram(texts, { rootDir: root });
    expect(sourceFiles).toHaveLength(1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ file: path.join(root, 'broken.ts'), level: 'warning' });
    expect(notices[0]?.message).toMatch(/^\d+ syntax errors \(first at 1:11: Expression expected\.\); analysed what could be parsed\.$/);
  });

  it("uses the project's tsconfig compilerOptions (paths, jsx) with our file list", () => {
    const root = tempDir();
    writeTree(root, {
      'tsconfig.json': JSON.stringify({
        // comments and trailing commas are fine in tsconfig
        compilerOptions: { jsx: 'react-jsx', paths: { '@lib/*': ['./lib/*'] }, module: 'nodenext', plugins: [{ name: 'evil-plugin' }] },
        include: ['nothing/**'],
      }),
      'lib/util.ts': 'export const util = 1;\n',
    });
    const texts = textsOf(root, { 'src/app.tsx': "import { util } from '@lib/util';\nexport const el = <div>{util}</div>;\n" });
    const { program, tsconfigPath } = createScanProgram(texts, { rootDir: root });
    expect(tsconfigPath).toBe(path.join(root, 'tsconfig.json'));
    const options = program.getCompilerOptions();
    expect(options).toMatchObject({ jsx: ts.JsxEmit.ReactJSX, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: true, noEmit: true, types: [] });
    expect(options.plugins).toBeUndefined();
    expect(program.getSourceFile(path.join(root, 'lib/util.ts'))).toBeDefined();
  });

  it('falls back to defaults with a notice when tsconfig.json is malformed', () => {
    const root = tempDir();
    writeTree(root, { 'tsconfig.json': '{ "compilerOptions": { "jsx": ' });
    const texts = textsOf(root, { 'a.ts': 'export {};\n' });
    const { notices, program } = createScanProgram(texts, { rootDir: root });
    expect(notices).toEqual([expect.objectContaining({ file: path.join(root, 'tsconfig.json'), level: 'warning' })]);
    expect(program.getCompilerOptions().moduleResolution).toBe(ts.ModuleResolutionKind.Bundler);
  });

  it('does not load an imported project file that is minified', () => {
    const root = tempDir();
    writeTree(root, { 'vendor.js': `export const v=1;${'var a=1;'.repeat(4000)}` });
    const texts = textsOf(root, { 'a.ts': "import { v } from './vendor.js';\nexport const x = v;\n" });
    const { program } = createScanProgram(texts, { rootDir: root });
    expect(program.getSourceFile(path.join(root, 'vendor.js'))).toBeUndefined();
  });
});

describe('scanCompilerOptions', () => {
  it('defaults: ES2022 libs (no DOM: browser globals are recognised by name), bundler resolution, JSX preserved, no emit', () => {
    expect(scanCompilerOptions({})).toMatchObject({
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.Preserve,
      lib: ['lib.es2022.d.ts'],
      allowJs: true,
      checkJs: false,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      noLib: false,
    });
  });

  it('keeps the project choices that matter for resolution and drops emit settings', () => {
    const options = scanCompilerOptions({
      module: ts.ModuleKind.CommonJS,
      lib: ['lib.es2020.d.ts'],
      checkJs: true,
      noLib: true,
      composite: true,
      outDir: '/x',
      types: ['node'],
    });
    expect(options).toMatchObject({ module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2020.d.ts'], checkJs: false, noLib: false, types: [] });
    expect(options.composite).toBeUndefined();
    expect(options.outDir).toBeUndefined();
    expect(scanCompilerOptions({ module: ts.ModuleKind.Node16 }).moduleResolution).toBe(ts.ModuleResolutionKind.Node16);
  });
});
