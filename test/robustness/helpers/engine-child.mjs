// The real engine (built, in dist/) in a child process, for the property tests: a hang is ended
// by killing the child and a crash (even a V8 fatal error) costs only the child, so each case gets
// a clear verdict. Plain JavaScript: the child runs on Node's own loader, not vitest's.
//
// Request:  { id, files: { 'a.ts': text }, orders: [['a.ts', 'b.ts'], …] }
// Response: { id, skipped: reason } when the scan layer would leave a file out (too deep to parse
//           or analyse, as src/scan/budget.ts decides), otherwise
//           { id, outputs: [json, …] } — one per order, each a fresh program analysed in that order,
//           findings grouped by file name — and { id, ms }.
import path from 'node:path';
import ts from 'typescript';

const dist = new URL('../../../dist/', import.meta.url);
const { createAnalyzer } = await import(new URL('src/engine/analyzer.js', dist).href);
const { defaultKnowledge } = await import(new URL('rules/knowledge.js', dist).href);
const { MAX_SYNTAX_DEPTH, syntaxDepth } = await import(new URL('src/scan/budget.js', dist).href);

const ROOT = '/virtual';
// The options of test/helpers/engine.ts.
const OPTIONS = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  experimentalDecorators: true,
};
// One EngineConfig object for every program, as the CLI uses one per scan.
const CONFIG = { knowledge: defaultKnowledge, rules: {}, rootDir: ROOT, today: '2026-11-22' };
const libraryFiles = new Map();

function analyze(texts, order) {
  const files = new Map(Object.entries(texts).map(([name, text]) => [path.join(ROOT, name), text]));
  const host = ts.createCompilerHost(OPTIONS, true);
  const fromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = files.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    if (!libraryFiles.has(fileName)) libraryFiles.set(fileName, fromDisk(fileName, languageVersion, onError, shouldCreate));
    return libraryFiles.get(fileName);
  };
  const exists = host.fileExists.bind(host);
  host.fileExists = (fileName) => files.has(fileName) || exists(fileName);
  const read = host.readFile.bind(host);
  host.readFile = (fileName) => files.get(fileName) ?? read(fileName);
  const program = ts.createProgram({ rootNames: [...files.keys()], options: OPTIONS, host });
  const analyzer = createAnalyzer(program, CONFIG);
  const byFile = {};
  for (const name of order) byFile[name] = analyzer.analyzeFile(program.getSourceFile(path.join(ROOT, name)));
  return JSON.stringify(Object.keys(byFile).sort().map((name) => [name, byFile[name]]));
}

/** What the scan layer (src/scan/budget.ts) does before the engine sees a file. */
function scanLayerSkips(texts) {
  for (const [name, text] of Object.entries(texts)) {
    let sourceFile;
    try {
      sourceFile = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
    } catch (error) {
      if (error instanceof RangeError) return `${name}: nested too deeply to parse`;
      throw error;
    }
    if (syntaxDepth(sourceFile) > MAX_SYNTAX_DEPTH) return `${name}: nested too deeply to analyse`;
  }
  return undefined;
}

process.on('message', (request) => {
  const started = performance.now();
  try {
    const skipped = scanLayerSkips(request.files);
    if (skipped) {
      process.send({ id: request.id, skipped, ms: performance.now() - started });
      return;
    }
    const outputs = request.orders.map((order) => analyze(request.files, order));
    process.send({ id: request.id, outputs, ms: performance.now() - started });
  } catch (error) {
    process.send({ id: request.id, error: error && error.stack ? String(error.stack) : String(error), ms: performance.now() - started });
  }
});
process.send({ ready: true });
