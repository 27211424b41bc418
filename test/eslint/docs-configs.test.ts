/**
 * The copy-paste configs of docs/eslint.md work as pasted: each `// eslint.config.js` block is
 * written into a fresh project that installs piiguard (linked to this checkout) and run with the
 * real ESLint CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertBuilt, ESLINT_BINS, type EslintJsonResult, REPO_ROOT } from './run-tools.js';

const DOCS = readFileSync(path.join(REPO_ROOT, 'docs', 'eslint.md'), 'utf8');
const CONFIGS = [...DOCS.matchAll(/```js\n(\/\/ eslint\.config\.js\n[\s\S]*?)```/g)].map((m) => m[1] as string);

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function project(config: string, files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'piiguard-eslint-docs-')));
  created.push(dir);
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };
  write('package.json', JSON.stringify({ name: 'docs-example', private: true, type: 'module' }));
  write('eslint.config.js', config);
  for (const [name, text] of Object.entries(files)) write(name, text);
  // "npm install piiguard typescript-eslint", by links into this checkout.
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(REPO_ROOT, path.join(dir, 'node_modules', 'piiguard'), 'dir');
  symlinkSync(path.join(REPO_ROOT, 'node_modules', 'typescript-eslint'), path.join(dir, 'node_modules', 'typescript-eslint'), 'dir');
  return dir;
}

function eslint(cwd: string): string[] {
  const result = spawnSync(process.execPath, [ESLINT_BINS['ESLint 10'], '--format', 'json', '.'], { cwd, encoding: 'utf8' });
  if (result.status !== 1) throw new Error(`eslint exited ${result.status}:\n${result.stderr}\n${result.stdout.slice(0, 2000)}`);
  return (JSON.parse(result.stdout) as EslintJsonResult[]).flatMap((r) => r.messages.map((m) => `${path.relative(cwd, r.filePath)}:${m.line} ${m.ruleId ?? m.message}`)).sort();
}

describe('docs/eslint.md configs', () => {
  it('has a TypeScript and a JavaScript config', () => {
    expect(CONFIGS).toHaveLength(2);
    expect(CONFIGS[0]).toContain('projectService: true');
  });

  it('the TypeScript config lints with type information: flows across files are found', () => {
    assertBuilt();
    const dir = project(CONFIGS[0] ?? '', {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', noEmit: true, types: [] }, include: ['src'] }),
      'src/voice.ts': [
        'import { remember } from "./store.js";',
        'export function onInbound(req: { body: { From: string; CallSid: string } }) {',
        '  remember(req.body.CallSid, req.body.From);',
        '}',
        '',
      ].join('\n'),
      'src/store.ts': [
        'import Redis from "ioredis";',
        'const redis = new Redis();',
        'export async function remember(callSid: string, caller: string) {',
        '  await redis.set(`call:${callSid}`, caller);',
        '}',
        '',
      ].join('\n'),
    });
    expect(eslint(dir)).toEqual(['src/store.ts:4 piiguard/no-plaintext-pii-storage']);
  });

  it('the JavaScript config lints plain JS', () => {
    assertBuilt();
    const dir = project(CONFIGS[1] ?? '', {
      'src/export.js': [
        'import { writeFile } from "node:fs/promises";',
        'export async function exportLeads(leads) {',
        '  await writeFile("leads.csv", leads.map((l) => `${l.id},${l.phone}`).join("\\n"));',
        '  await fetch("http://crm.acme-contact.com/hooks/export-done", { method: "POST" });',
        '}',
        '',
      ].join('\n'),
    });
    expect(eslint(dir)).toEqual(['src/export.js:3 piiguard/no-plaintext-pii-storage', 'src/export.js:4 piiguard/no-plaintext-transport']);
  });
});
