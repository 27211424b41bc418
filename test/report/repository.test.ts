import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { originPath, readRepositoryInfo } from '../../src/cli/formatters/html/repository.js';
import { tempDir, writeTree } from '../cli/helpers.js';

const COMMIT = '3f6c0d1a9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a';
const OTHER = 'aaaabbbbccccddddeeeeffff0000111122223333';

describe('readRepositoryInfo (reads .git, runs no git)', () => {
  it('follows HEAD to a loose branch ref, from a subfolder of the work tree', () => {
    const root = tempDir();
    writeTree(root, {
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/refs/heads/main': `${COMMIT}\n`,
      '.git/config': '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@gitlab.com:acme/call-center.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
      'services/dialer/a.ts': '',
    });
    expect(readRepositoryInfo(path.join(root, 'services/dialer'))).toEqual({ name: 'acme/call-center', commit: COMMIT, branch: 'main' });
  });

  it('reads packed refs and a detached HEAD', () => {
    const root = tempDir();
    writeTree(root, {
      '.git/HEAD': 'ref: refs/heads/release/2.1\n',
      '.git/packed-refs': `# pack-refs with: peeled fully-peeled sorted\n${OTHER} refs/heads/main\n${COMMIT} refs/heads/release/2.1\n`,
    });
    expect(readRepositoryInfo(root)).toMatchObject({ commit: COMMIT, branch: 'release/2.1' });

    const detached = tempDir();
    writeTree(detached, { '.git/HEAD': `${COMMIT}\n` });
    expect(readRepositoryInfo(detached)).toEqual({ name: path.basename(detached), commit: COMMIT });
  });

  it('handles linked work trees: .git is a file pointing at a gitdir with a commondir', () => {
    const root = tempDir();
    writeTree(root, {
      'main/.git/config': '[remote "origin"]\n\turl = https://github.com/acme/call-center\n',
      'main/.git/refs/heads/feature': `${COMMIT}\n`,
      'main/.git/worktrees/feature/HEAD': 'ref: refs/heads/feature\n',
      'main/.git/worktrees/feature/commondir': '../..\n',
      'feature/.git': `gitdir: ${path.join(root, 'main/.git/worktrees/feature')}\n`,
    });
    expect(readRepositoryInfo(path.join(root, 'feature'))).toEqual({ name: 'acme/call-center', commit: COMMIT, branch: 'feature' });
  });

  it('names the repository after package.json, then the folder, when there is no origin', () => {
    const root = tempDir();
    writeTree(root, { '.git/HEAD': 'ref: refs/heads/main\n', 'package.json': '{ "name": "@acme/dialer" }' });
    expect(readRepositoryInfo(root)).toEqual({ name: '@acme/dialer', branch: 'main' });
    const plain = tempDir();
    expect(readRepositoryInfo(plain).name).toBe(path.basename(plain));
  });

  it('ignores broken or hostile git metadata', () => {
    const root = tempDir();
    writeTree(root, { '.git/HEAD': 'ref: refs/heads/../../../../etc/passwd\n', '.git/config': 'not a config' });
    expect(readRepositoryInfo(root)).toEqual({ name: path.basename(root) });
    const garbage = tempDir();
    writeTree(garbage, { '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': 'not a hash\n' });
    expect(readRepositoryInfo(garbage).commit).toBeUndefined();
  });
});

describe('originPath', () => {
  it.each([
    ['git@github.com:acme/call-center.git', 'acme/call-center'],
    ['ssh://git@gitlab.example.com:2222/group/sub/call-center.git', 'group/sub/call-center'],
    ['https://gitlab.com/acme/call-center.git', 'acme/call-center'],
    ['https://x-access-token:ghp_s3cr3tT0k3n@github.com/acme/call-center.git', 'acme/call-center'],
    ['https://user:p%40ss@example.com/acme/call-center', 'acme/call-center'],
    ['/srv/git/call-center.git', 'call-center'],
    ['file:///srv/git/call-center.git', 'call-center'],
  ])('%s → %s, never with credentials', (url, expected) => {
    const name = originPath(`[remote "upstream"]\n\turl = https://elsewhere/x/y\n[remote "origin"]\n\turl = ${url}\n`);
    expect(name).toBe(expected);
    expect(name).not.toMatch(/token|s3cr3t|p%40ss|p@ss|@/);
  });

  it('is undefined without an origin remote', () => {
    expect(originPath('[remote "upstream"]\n\turl = https://github.com/x/y\n')).toBeUndefined();
    expect(originPath('')).toBeUndefined();
  });
});
