import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanCompilerOptions } from '../../src/scan/program.js';
import { WorkspaceProgram } from '../../src/lsp/workspace-program.js';

const dirs: string[] = [];
function workspace(files: Record<string, string>): { root: string; file: (name: string) => string; program: WorkspaceProgram } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'piiguard-wp-')));
  dirs.push(root);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
  const program = new WorkspaceProgram({ compilerOptions: scanCompilerOptions({}) });
  const file = (name: string) => path.join(root, name);
  program.setWorkspaceFiles(Object.keys(files).map(file));
  program.markWorkspaceLoaded();
  return { root, file, program };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const FILES = {
  'format.ts': "export const describe = (phone: string) => 'caller ' + phone;\n",
  'calls.ts': "import { describe } from './format';\nexport const log = (msisdn: string) => console.log(describe(msisdn));\n",
  'routes.ts': "import { log } from './calls';\nexport const route = () => log('x');\n",
  'other.ts': 'export const unrelated = 1;\n',
};

describe('WorkspaceProgram', () => {
  it('reuses the SourceFile of every unchanged file when one open file is edited', () => {
    const { file, program } = workspace(FILES);
    program.openDocument(file('calls.ts'), FILES['calls.ts'], 1);
    const first = program.program();
    program.changeDocument(file('calls.ts'), `${FILES['calls.ts']}// edited\n`, 2);
    const second = program.program();
    expect(second).not.toBe(first);
    expect(second.getSourceFile(file('calls.ts'))).not.toBe(first.getSourceFile(file('calls.ts')));
    expect(second.getSourceFile(file('calls.ts'))?.text).toContain('// edited');
    for (const name of ['format.ts', 'routes.ts', 'other.ts']) expect(second.getSourceFile(file(name))).toBe(first.getSourceFile(file(name)));
    // Nothing changed: the same program.
    expect(program.program()).toBe(second);
  });

  it('reads a closed file from disk again, and notices changes on disk', () => {
    const { file, program } = workspace(FILES);
    program.openDocument(file('other.ts'), 'export const unsaved = 2;\n', 1);
    expect(program.program().getSourceFile(file('other.ts'))?.text).toContain('unsaved');
    program.closeDocument(file('other.ts'));
    expect(program.program().getSourceFile(file('other.ts'))?.text).toBe(FILES['other.ts']);
    fs.writeFileSync(file('other.ts'), 'export const changed = 3;\n');
    program.fileChangedOnDisk(file('other.ts'), 'changed');
    expect(program.program().getSourceFile(file('other.ts'))?.text).toContain('changed');
  });

  it('finds the files connected to an edited one through imports, both ways, nearest first', () => {
    const { file, program } = workspace(FILES);
    expect(program.connectedFiles(file('calls.ts'), 10)).toEqual([file('routes.ts'), file('format.ts')]);
    expect(program.connectedFiles(file('format.ts'), 10)).toEqual([file('calls.ts'), file('routes.ts')]);
    expect(program.connectedFiles(file('other.ts'), 10)).toEqual([]);
    expect(program.connectedFiles(file('format.ts'), 1)).toEqual([file('calls.ts')]);
  });

  it('resolves an import again when the missing file appears', () => {
    const { file, program } = workspace({ 'main.ts': "import { helper } from './later';\nexport const x = helper;\n" });
    expect(program.program().getSourceFile(file('later.ts'))).toBeUndefined();
    fs.writeFileSync(file('later.ts'), 'export const helper = 1;\n');
    program.fileChangedOnDisk(file('later.ts'), 'created');
    expect(program.program().getSourceFile(file('later.ts'))?.text).toContain('helper');
    expect(program.connectedFiles(file('later.ts'), 10)).toEqual([file('main.ts')]);
  });
});
