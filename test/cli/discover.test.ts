import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/scan/discover.js';
import { ScanInputError } from '../../src/scan/errors.js';
import { tempDir, writeTree } from './helpers.js';

async function discovered(root: string, paths: string[] = ['.'], options: { include?: string[]; exclude?: string[]; cwd?: string } = {}) {
  const result = await discoverFiles(paths, { cwd: options.cwd ?? root, rootDir: root, ...options });
  return { ...result, relative: result.files.map((f) => path.relative(root, f).split(path.sep).join('/')) };
}

describe('discoverFiles', () => {
  it('finds every JS/TS extension and skips the default ignores', async () => {
    const root = tempDir();
    writeTree(root, {
      'src/a.ts': '',
      'src/b.tsx': '',
      'src/c.mts': '',
      'src/d.cts': '',
      'src/e.js': '',
      'src/f.jsx': '',
      'src/g.mjs': '',
      'src/h.cjs': '',
      'src/readme.md': '',
      'src/types.d.ts': '',
      'src/app.min.js': '',
      'src/app.bundle.js': '',
      'node_modules/pkg/index.js': '',
      'packages/x/node_modules/pkg/index.js': '',
      'dist/a.js': '',
      'build/a.js': '',
      'out/a.js': '',
      'coverage/a.js': '',
      'vendor/a.js': '',
      '.git/hooks/a.js': '',
      '.cache/a.js': '',
    });
    const { relative } = await discovered(root);
    expect(relative).toEqual(['src/a.ts', 'src/b.tsx', 'src/c.mts', 'src/d.cts', 'src/e.js', 'src/f.jsx', 'src/g.mjs', 'src/h.cjs']);
  });

  it('honours the root .gitignore and nested ones, relative to their directory', async () => {
    const root = tempDir();
    writeTree(root, {
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/keep.ts': '',
      'src/x.gen.ts': '',
      'generated/api.ts': '',
      'packages/web/.gitignore': '/tmp\n!important.gen.ts\n',
      'packages/web/tmp/scratch.ts': '',
      'packages/web/src/tmp/kept.ts': '',
      'packages/web/important.gen.ts': '',
    });
    const { relative } = await discovered(root);
    expect(relative).toEqual(['packages/web/important.gen.ts', 'packages/web/src/tmp/kept.ts', 'src/keep.ts']);
  });

  it('applies .gitignore files above the scanned directory up to the repository root', async () => {
    const root = tempDir();
    writeTree(root, { '.gitignore': 'legacy/\n', 'app/src/legacy/old.ts': '', 'app/src/new.ts': '' });
    mkdirSync(path.join(root, '.git'));
    const { relative } = await discovered(root, ['app/src']);
    expect(relative).toEqual(['app/src/new.ts']);
  });

  it('applies include and exclude globs relative to the root', async () => {
    const root = tempDir();
    writeTree(root, { 'src/a.ts': '', 'src/a.test.ts': '', 'scripts/b.ts': '', 'src/notes.txt': '' });
    expect((await discovered(root, ['.'], { include: ['src/**'] })).relative).toEqual(['src/a.test.ts', 'src/a.ts']);
    expect((await discovered(root, ['.'], { exclude: ['**/*.test.ts', 'scripts/**'] })).relative).toEqual(['src/a.ts']);
    expect((await discovered(root, ['scripts'], { include: ['src/**'] })).relative).toEqual([]);
  });

  it('does not follow symbolic links: loops end, links out of the tree are not entered', async () => {
    const root = tempDir();
    const outside = tempDir();
    writeTree(root, { 'src/a.ts': '' });
    writeTree(outside, { 'secret.ts': '' });
    symlinkSync(root, path.join(root, 'src/loop'), 'dir');
    symlinkSync(path.join(root, 'src'), path.join(root, 'src/self'), 'dir');
    symlinkSync(outside, path.join(root, 'elsewhere'), 'dir');
    symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'src/linked.ts'), 'file');
    symlinkSync(path.join(root, 'src/missing.ts'), path.join(root, 'src/dangling.ts'), 'file');
    const { relative } = await discovered(root);
    expect(relative).toEqual(['src/a.ts']);
  });

  it('always scans explicitly named files, even ignored ones, once', async () => {
    const root = tempDir();
    writeTree(root, { '.gitignore': 'gen.ts\n', 'gen.ts': '', 'dist/out.js': '', 'lib.d.ts': '' });
    const { relative } = await discovered(root, ['gen.ts', 'dist/out.js', './gen.ts']);
    expect(relative).toEqual(['dist/out.js', 'gen.ts']);
  });

  it('scans a directory named explicitly even if its name is ignored by default', async () => {
    const root = tempDir();
    writeTree(root, { 'build/tools/gen.ts': '', 'build/node_modules/x.js': '' });
    expect((await discovered(root, ['build'])).relative).toEqual(['build/tools/gen.ts']);
  });

  it('reports a named file that is not JavaScript or TypeScript as a notice', async () => {
    const root = tempDir();
    writeTree(root, { 'notes.md': '' });
    const { files, notices } = await discovered(root, ['notes.md']);
    expect(files).toEqual([]);
    expect(notices).toEqual([expect.objectContaining({ file: path.join(root, 'notes.md'), level: 'warning' })]);
  });

  it('expands glob arguments', async () => {
    const root = tempDir();
    writeTree(root, { 'src/a.ts': '', 'src/b.js': '', 'node_modules/c.ts': '' });
    expect((await discovered(root, ['**/*.ts'])).relative).toEqual(['src/a.ts']);
  });

  it('throws ScanInputError naming paths that do not exist', async () => {
    const root = tempDir();
    await expect(discoverFiles(['missing', 'src'], { cwd: root })).rejects.toThrow(ScanInputError);
    await expect(discoverFiles(['missing'], { cwd: root })).rejects.toThrow('No such file or directory: missing');
  });

  it('walks a directory outside the root with the default ignores only', async () => {
    const root = tempDir();
    const other = tempDir();
    writeTree(other, { 'a.ts': '', 'node_modules/b.ts': '' });
    const { files } = await discoverFiles([other], { cwd: root, rootDir: root, exclude: ['**/a.ts'] });
    expect(files).toEqual([path.join(other, 'a.ts')]);
  });
});
