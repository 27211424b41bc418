import { renameSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChangedLines, type GitRunner, changedLinesSince, parseUnifiedDiff, touchesChangedLines, unquoteC } from '../../src/cli/changed-lines.js';
import type { JsonReport } from '../../src/cli/formatters/json.js';
import { createFakeAnalyzer } from '../cli/fake-analyzer.js';
import { syntheticFinding } from '../cli/helpers.js';
import { cli, commitAll, git, initRepo, tempDir, writeTree } from './helpers.js';

const fake = { createAnalyzer: createFakeAnalyzer };
/** Ten unchanged lines, so git sees a rename rather than a new file. */
const PADDING = Array.from({ length: 10 }, (_, i) => `export const line${i} = ${i};\n`).join('');

/** file:line of each reported finding, via the CLI with the fake engine (logger.info(phone) and http:// are findings). */
async function reported(cwd: string, ...args: string[]): Promise<string[]> {
  const run = await cli(cwd, ['scan', '--format', 'json', '--fail-on', 'none', ...args], fake);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as JsonReport).findings.map((f) => `${f.location.file}:${f.location.line}`);
}

describe('parseUnifiedDiff', () => {
  it('collects added and modified lines on the new side, and the line after a pure deletion', () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1111111..2222222 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3 +3 @@ export function a() {',
      '-  old();',
      '+  fresh();',
      '@@ -10,2 +9,0 @@',
      '-  if (!(await hasConsent(to))) return;',
      '-  // guard',
      '@@ -20,0 +19,3 @@',
      '+++ not a header, an added line that starts with two pluses',
      '+diff --git a/x b/x',
      '+@@ -1 +1 @@',
      '\\ No newline at end of file',
      'diff --git "a/src/caf\\303\\251 \\"q\\".ts" "b/src/caf\\303\\251 \\"q\\".ts"',
      '--- "a/src/caf\\303\\251 \\"q\\".ts"',
      '+++ "b/src/caf\\303\\251 \\"q\\".ts"',
      '@@ -1,0 +2,2 @@',
      '+one',
      '+two',
      'diff --git a/old name.ts b/new name.ts',
      'similarity index 90%',
      'rename from old name.ts',
      'rename to new name.ts',
      '--- a/old name.ts\t',
      '+++ b/new name.ts\t',
      '@@ -5 +5 @@',
      '-a',
      '+b',
      'diff --git a/gone.ts b/gone.ts',
      'deleted file mode 100644',
      '--- a/gone.ts',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-x',
      '-y',
      'diff --git a/logo.png b/logo.png',
      'Binary files a/logo.png and b/logo.png differ',
      '',
    ].join('\n');
    const files = parseUnifiedDiff(diff);
    expect([...files.keys()]).toEqual(['src/a.ts', 'src/café "q".ts', 'new name.ts']);
    expect([...files.get('src/a.ts')!].sort((a, b) => a - b)).toEqual([3, 10, 19, 20, 21]);
    expect([...files.get('src/café "q".ts')!]).toEqual([2, 3]);
    expect([...files.get('new name.ts')!]).toEqual([5]);
  });

  it('decodes C-quoted paths', () => {
    expect(unquoteC('"a\\tb\\\\c\\"d"')).toBe('a\tb\\c"d');
    expect(unquoteC('"\\344\\275\\240\\345\\245\\275.ts"')).toBe('你好.ts');
  });

  it('a finding counts as changed when it, its source or a step of its flow is on a changed line', () => {
    const files = new Map<string, ReadonlySet<number> | 'all'>([
      ['/r/src/voice.ts', new Set([3])],
      ['/r/src/new.ts', 'all'],
    ]);
    const changed: ChangedLines = { ref: 'main', base: 'abc', repoRoot: '/r', files };
    const finding = syntheticFinding('/r/src/log.ts');
    const same = (file: string) => file;
    expect(touchesChangedLines(finding, changed, same)).toBe(false);
    const viaVoice = { ...finding, flow: [{ location: { ...finding.location, file: '/r/src/voice.ts', line: 3, endLine: 3 }, message: 'req.body.From' }] };
    expect(touchesChangedLines(viaVoice, changed, same)).toBe(true);
    expect(touchesChangedLines(syntheticFinding('/r/src/new.ts', { flow: [] }), changed, same)).toBe(true);
  });
});

describe('--changed-since', () => {
  it('reports findings on changed lines only: modified, renamed, staged and untracked files', async () => {
    const root = tempDir();
    writeTree(root, {
      'src/a.ts': 'export const a = 1;\nlogger.info(phone);\nexport const b = 2;\n',
      'src/old-name.ts': `logger.info(phone);\n${PADDING}export const y = 2;\n`,
      'src/untouched.ts': 'logger.info(phone);\n',
    });
    initRepo(root);
    writeTree(root, {
      // a.ts: a new finding on line 4; the old one on line 2 is unchanged.
      'src/a.ts': 'export const a = 1;\nlogger.info(phone);\nexport const b = 2;\nlogger.info(phone);\n',
      'src/staged.ts': 'logger.info(phone);\n',
      'src/untracked dir/new file.ts': "fetch('http://crm.acme-telecom.com');\n",
    });
    git(root, 'add', 'src/staged.ts');
    // A rename with one changed line: only that line counts.
    renameSync(path.join(root, 'src/old-name.ts'), path.join(root, 'src/new-name.ts'));
    writeTree(root, { 'src/new-name.ts': `logger.info(phone);\n${PADDING}logger.info(phone);\n` });
    git(root, 'add', '-A', 'src/old-name.ts', 'src/new-name.ts');

    expect(await reported(root, '--changed-since', 'HEAD')).toEqual(['src/a.ts:4', 'src/new-name.ts:12', 'src/staged.ts:1', 'src/untracked dir/new file.ts:1']);
    expect(await reported(root)).toHaveLength(7);
  });

  it('compares with the merge base, so changes made on the target branch since do not count', async () => {
    const root = tempDir();
    writeTree(root, { 'src/x.ts': 'logger.info(phone);\nexport const x = 1;\n' });
    initRepo(root);
    git(root, 'checkout', '-q', '-b', 'feature');
    git(root, 'checkout', '-q', 'main');
    writeTree(root, { 'src/x.ts': 'logger.debug(callSid);\nexport const x = 1;\n' });
    commitAll(root, 'main moves on');
    git(root, 'checkout', '-q', 'feature');
    writeTree(root, { 'src/y.ts': 'export const y = 1;\nlogger.info(phone);\n' });
    commitAll(root, 'feature work');

    expect(await reported(root, '--changed-since', 'main')).toEqual(['src/y.ts:2']);
  });

  it('counts the line after deleted lines, so removing a guard right above a call is caught', async () => {
    const root = tempDir();
    writeTree(root, { 'dial.ts': 'export async function dial(phone: string) {\n  if (!(await hasConsent(phone))) return;\n  logger.info(phone);\n}\n' });
    initRepo(root);
    writeTree(root, { 'dial.ts': 'export async function dial(phone: string) {\n  logger.info(phone);\n}\n' });
    expect(await reported(root, '--changed-since', 'HEAD')).toEqual(['dial.ts:2']);
  });

  it('reports a finding in an unchanged file when its data flow passes a changed line (real engine)', async () => {
    const root = tempDir();
    const voice = (field: string) =>
      `import express from 'express';\nimport { trace } from './log.js';\nconst app = express();\napp.post('/voice', (req, res) => {\n  trace('call', req.body.${field});\n  res.send('ok');\n});\n`;
    writeTree(root, {
      'src/log.ts': 'export function trace(label: string, subject: string): void {\n  console.log(`${label}: ${subject}`);\n}\n',
      'src/voice.ts': voice('CallSid'),
      'src/old.ts': 'export function old(customer: { phone: string }) {\n  console.info(customer.phone);\n}\n',
    });
    initRepo(root);
    writeTree(root, { 'src/voice.ts': voice('From') });
    const run = await cli(root, ['scan', '--format', 'json', '--changed-since', 'HEAD']);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((f) => `${f.location.file}:${f.location.line} ${f.sink}`)).toEqual(['src/log.ts:2 console.log']);
    expect(run.code).toBe(1);
    expect((await cli(root, ['scan', '--changed-since', 'HEAD', '--format', 'json', '--rule', 'no-pii-in-logs=off'])).code).toBe(0);
  });

  it('works from a sub-folder and through a symlinked checkout path', async () => {
    const real = tempDir();
    writeTree(real, { 'pkg/src/a.ts': 'export {};\n', 'pkg/piiguard.config.json': '{}' });
    initRepo(real);
    writeTree(real, { 'pkg/src/a.ts': 'export {};\nlogger.info(phone);\n' });
    const link = path.join(tempDir(), 'checkout');
    symlinkSync(real, link);
    expect(await reported(path.join(link, 'pkg'), '--changed-since', 'HEAD')).toEqual(['src/a.ts:2']);
  });

  it('exits 2 with a clear message outside a git repository, for an unknown ref, or a ref that looks like an option', async () => {
    const plain = tempDir();
    writeTree(plain, { 'a.ts': 'logger.info(phone);\n' });
    const outside = await cli(plain, ['scan', '--changed-since', 'main'], fake);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('--changed-since needs a git repository');

    const repo = tempDir();
    writeTree(repo, { 'a.ts': 'logger.info(phone);\n' });
    initRepo(repo);
    const unknown = await cli(repo, ['scan', '--changed-since', 'origin/no-such-branch'], fake);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('git does not know the ref "origin/no-such-branch"');
    expect(unknown.stderr).toContain('fetch-depth: 0');

    const option = await cli(repo, ['scan', '--changed-since=--output=/tmp/x'], fake);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('is not a git ref');
  });

  it('runs git with argument arrays and config-independent, program-free diff flags', () => {
    const calls: string[][] = [];
    const fakeGit: GitRunner = (args) => {
      calls.push([...args]);
      if (args[0] === 'rev-parse' && args[1] === '--show-toplevel') return { status: 0, stdout: '/repo\n', stderr: '' };
      if (args[0] === 'rev-parse') return { status: 0, stdout: 'c0ffee\n', stderr: '' };
      if (args[0] === 'merge-base') return { status: 1, stdout: '', stderr: '' };
      if (args.includes('diff')) return { status: 0, stdout: 'diff --git a/a.ts b/a.ts\n--- a/a.ts\n+++ b/a.ts\n@@ -1 +1 @@\n-x\n+y\n', stderr: '' };
      return { status: 0, stdout: 'b.ts\0', stderr: '' };
    };
    const changed = changedLinesSince('main; rm -rf /', '/repo', fakeGit);
    expect(changed.base).toBe('c0ffee');
    expect(calls[1]).toEqual(['rev-parse', '--verify', '--quiet', 'main; rm -rf /^{commit}']);
    expect(calls.find((c) => c.includes('diff'))).toEqual(expect.arrayContaining(['--unified=0', '--no-ext-diff', '--no-textconv', 'c0ffee', '--']));
    expect([...changed.files.entries()]).toEqual([
      [path.join('/repo', 'a.ts'), new Set([1])],
      [path.join('/repo', 'b.ts'), 'all'],
    ]);
    const missingGit: GitRunner = () => ({ status: null, stdout: '', stderr: '', error: new Error('spawn git ENOENT') });
    expect(() => changedLinesSince('main', '/repo', missingGit)).toThrow(/needs git, which could not be run/);
  });
});
