import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('loading the TypeScript compiler', () => {
  // An ES-module import of the 9 MB CommonJS bundle makes Node lex all of it for named exports first:
  // about 0.3 s added to every CLI run, which is what the scan-vs-tsc comparison measures.
  it('goes through src/typescript.ts (require) everywhere, never an ES-module value import', () => {
    const offenders = sourceFiles(path.join(root, 'src')).filter((file) => /^import (?!type )[^;]*from 'typescript';/m.test(fs.readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });

  it('gives the compiler with its types and values', async () => {
    const { default: ts } = await import('../../src/typescript.js');
    const sourceFile: import('typescript').SourceFile = ts.createSourceFile('x.ts', 'const phone = 1;', ts.ScriptTarget.Latest);
    expect(ts.isVariableStatement(sourceFile.statements[0]!)).toBe(true);
  });

  it('does not pass through the ES-module loader when the engine loads', () => {
    const program = path.join(root, 'dist/src/scan/program.js');
    if (!fs.existsSync(program)) return; // `npm test` builds first; a bare vitest run may not have dist/
    // A loader hook sees every module the ES-module loader loads; a CommonJS module imported from an ES
    // module goes through it (and is lexed), a `require`d one does not.
    const hooks = `export async function load(url, context, next) { if (url.includes('/typescript/lib/')) console.log('esm-loaded ' + url); return next(url, context); }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const output = execFileSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', `await import(${JSON.stringify(`file://${program}`)}); console.log('loaded');`], { encoding: 'utf8' });
    expect(output).toContain('loaded');
    expect(output).not.toContain('esm-loaded');
  });
});
