import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScopeLookup, scopeSymbol } from '../../src/engine/scope.js';
import { createScanProgram } from '../../src/scan/program.js';
import ts from '../../src/typescript.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Shapes where scope lookup and the checker could disagree. */
const TRICKY: Record<string, string> = {
  'module.ts': `
    import { sendSms as send, type Lead } from './lib';
    import * as dnc from './dnc';
    export const hotline = 'x';
    export function dial(phone: string) { return send(phone) && hotline; }
    const phone = 'outer';
    class Dialer {
      constructor(private readonly store: { save(p: string): void }, phone: string) { this.store.save(phone); store.save(phone); }
      run(lead: Lead) { const phone = lead.phone; { const phone = 'inner'; void phone; } return dnc.check(phone) && Dialer.name; }
    }
    type shadow = string;
    function uses(shadow: number) { type phone = number; const v: phone = shadow; return v + phone.length; }
    try { dial(phone); } catch (error) { void error; }
    for (const [index, phone] of ['a'].entries()) void (index + phone);
    const { a: renamed, b = renamed } = { a: 1, b: 2 };
    label: for (;;) { break label; }
    void uses; void Dialer; void renamed; void b; void arguments;
    const countdown = function self(n: number): number { return n ? self(n - 1) : JSON.parse(String(n)); };
    const Made = class Klass { static make() { return new Klass(); } };
    void countdown; void Made; void [JSON.stringify(phone), new Date(), fetch, undeclared, self, Klass];
    export default phone;
  `,
  'lib.ts': `export function sendSms(to: string) { return !!to; } export interface Lead { phone: string }`,
  'dnc.ts': `export const check = (n: string) => n.length > 0;`,
  'script.js': `var shared = 1; function helper(x) { return x + shared; } helper(shared);`,
  'other-script.js': `var shared = 2; helper(shared);`,
  'common.js': `const crypto = require('crypto'); function hash(v) { return crypto.createHash('sha256').update(v); } module.exports = { hash };`,
  'view.tsx': `import { Badge } from './lib'; const Row = ({ phone }: { phone: string }) => <Badge phone={phone} />; export { Row };`,
};

/** A bound program: scope tables (and parent pointers) exist once the checker is created. */
function programOver(files: Map<string, string>, rootDir = root): ts.Program {
  const program = createScanProgram(files, { rootDir }).program;
  program.getTypeChecker();
  return program;
}

/** Every identifier must get the symbol the checker gives; `answered` counts those the scope tables settled. */
function disagreements(program: ts.Program, fileNames: ReadonlySet<string>): { answered: number; wrong: string[] } {
  const checker = program.getTypeChecker();
  // One lookup for the whole program, as the engine has: a global's symbol is asked once and reused.
  const lookup = new ScopeLookup(checker);
  let answered = 0;
  const wrong: string[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (!fileNames.has(sourceFile.fileName)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        if (scopeSymbol(node)) answered++;
        if (lookup.symbolAt(node) !== checker.getSymbolAtLocation(node)) wrong.push(`${path.relative(root, sourceFile.fileName)}:${node.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { answered, wrong };
}

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('scopeSymbol', () => {
  it('agrees with the checker on shadowing, imports, exports, parameter properties, scripts and JSX', () => {
    const dir = path.join(root, 'test/__virtual__/scope');
    const files = new Map(Object.entries(TRICKY).map(([name, text]) => [path.join(dir, name), text]));
    const result = disagreements(programOver(files, dir), new Set(files.keys()));
    expect(result.wrong).toEqual([]);
    expect(result.answered).toBeGreaterThan(20);
  });

  it('leaves to the checker what only it can answer', () => {
    const dir = path.join(root, 'test/__virtual__/scope');
    const files = new Map(Object.entries(TRICKY).map(([name, text]) => [path.join(dir, name), text]));
    // No tsconfig.json there: default options, so a .js file without imports or exports is a script.
    const program = programOver(files, dir);
    const module = program.getSourceFile(path.join(dir, 'module.ts'))!;
    const script = program.getSourceFile(path.join(dir, 'script.js'))!;
    const names = (sourceFile: ts.SourceFile, text: string): ts.Identifier[] => {
      const found: ts.Identifier[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && node.text === text) found.push(node);
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
      return found;
    };
    // An exported member (the checker answers with the export symbol), a script global, a declaration name.
    expect(names(module, 'hotline').map(scopeSymbol)).toEqual([undefined, undefined]);
    expect(names(script, 'shared').map(scopeSymbol)).toEqual([undefined, undefined, undefined]);
    expect(scopeSymbol(names(module, 'store')[0]!)).toBeUndefined();
    // A value read in a function scope is answered: `store.save(phone)` reads the constructor parameter.
    const reads = names(module, 'store').map((id) => [ts.SyntaxKind[id.parent.kind], scopeSymbol(id)?.valueDeclaration?.kind]);
    expect(reads).toContainEqual(['PropertyAccessExpression', ts.SyntaxKind.Parameter]);
  });

  it('agrees with the checker on every fixture, example and holdout file', () => {
    const files = new Map<string, string>();
    for (const dir of ['test/cases', 'examples', 'eval']) for (const file of sourcesUnder(path.join(root, dir))) files.set(file, fs.readFileSync(file, 'utf8'));
    const result = disagreements(programOver(files), new Set(files.keys()));
    expect(result.wrong).toEqual([]);
    expect(result.answered).toBeGreaterThan(2_000);
  });
});
