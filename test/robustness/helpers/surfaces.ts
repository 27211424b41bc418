/**
 * Every way piiguard can be pointed at a repository, as one table: the never-execute and no-leak
 * tests run each surface over their fixture. Adding a surface (a new output format, a command,
 * an editor integration) is one entry here; CLI formats come from OUTPUT_FORMATS automatically.
 *
 * Formats of `piiguard scan` and `piiguard inventory` come from OUTPUT_FORMATS and
 * INVENTORY_FORMATS, so a new one is covered without touching this file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OUTPUT_FORMATS } from '../../../src/cli/formatters/index.js';
import { INVENTORY_FORMATS } from '../../../src/cli/formatters/inventory/index.js';
import { startSession } from '../../lsp/harness.js';
import { REPO_ROOT, TODAY, runBuiltCli } from './run.js';

export interface SurfaceOutput {
  /** Everything the surface printed, wrote or sent, for the no-leak test. */
  texts: string[];
  /** How many findings it reported: a surface that found nothing did no work worth checking. */
  findings: number;
}

/** The file a surface opens (editor, ESLint) or explains (`piiguard explain file:line`): a line with a finding. */
export interface Target {
  file: string;
  line: number;
}

export interface Surface {
  name: string;
  /** Needs the repository to be a git checkout with a change since HEAD (the never-execute tests arm one for every surface). */
  git?: boolean;
  /** A known violation, owned elsewhere: its test is `it.fails` until it is fixed. */
  knownIssue?: string;
  run(root: string, target: Target): Promise<SurfaceOutput>;
}

const require = createRequire(import.meta.url);

async function cli(root: string, argv: string[], report?: string): Promise<SurfaceOutput> {
  const run = await runBuiltCli(root, ['scan', '--today', TODAY, ...argv]);
  if (run.code !== 0 && run.code !== 1) throw new Error(`piiguard scan ${argv.join(' ')} exited ${run.code} (${run.signal ?? ''}):\n${run.stderr}`);
  const texts = [run.stdout, run.stderr];
  if (report) texts.push(readFileSync(path.join(root, report), 'utf8'));
  return { texts, findings: run.code === 1 ? 1 : 0 };
}

/** `piiguard inventory` / `explain`: exit 0 when done; the work shows as the target file in the output. */
async function command(root: string, argv: string[], target: Target, report?: string): Promise<SurfaceOutput> {
  const run = await runBuiltCli(root, argv);
  if (run.code !== 0) throw new Error(`piiguard ${argv.join(' ')} exited ${run.code} (${run.signal ?? ''}):\n${run.stderr}`);
  const texts = [run.stdout, run.stderr];
  if (report) texts.push(readFileSync(path.join(root, report), 'utf8'));
  return { texts, findings: texts.some((text) => text.includes(path.basename(target.file))) ? 1 : 0 };
}

/**
 * An ESLint flat config written by the test (not the repository's own eslint.config.js, which
 * ESLint would load by design): the built plugin, typed linting through the project service.
 */
function eslintConfig(root: string): string {
  const file = path.join(root, '.piiguard-test.eslint.config.mjs');
  const tseslint = pathToFileURL(require.resolve('typescript-eslint', { paths: [REPO_ROOT] })).href;
  const plugin = pathToFileURL(path.join(REPO_ROOT, 'dist/src/eslint/index.js')).href;
  writeFileSync(
    file,
    [
      `import tseslint from ${JSON.stringify(tseslint)};`,
      `import piiguard from ${JSON.stringify(plugin)};`,
      'export default [',
      `  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(root)} } } },`,
      '  piiguard.configs.recommended,',
      '];',
    ].join('\n'),
  );
  return file;
}

function eslint(bin: string): Surface['run'] {
  return async (root, target) => {
    const config = eslintConfig(root);
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', bin, 'bin/eslint.js'), '--config', config, '--format', 'json', target.file], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${bin} exited ${run.status}:\n${run.stderr}\n${run.stdout.slice(0, 2000)}`);
    const results = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string; suggestions?: { desc: string }[] }[] }[];
    const messages = results.flatMap((r) => r.messages).filter((m) => m.ruleId?.startsWith('piiguard/'));
    // ESLint's own report also carries the file's source and the fixes' replacement text: the
    // user's code, shown to the user. What piiguard says is the messages and suggestion titles.
    const texts = [run.stderr, ...messages.flatMap((m) => [m.message, ...(m.suggestions ?? []).map((suggestion) => suggestion.desc)])];
    return { texts, findings: messages.length };
  };
}

async function languageServer(files: Record<string, string>, { file: openFile }: Target): Promise<SurfaceOutput> {
  const session = await startSession(files);
  try {
    await session.open(openFile);
    const diagnostics = await session.diagnostics(openFile, (p) => p.diagnostics.length > 0, 60_000);
    const texts = [JSON.stringify(session.published, withoutReplacementText), ...session.logs, JSON.stringify(session.statuses)];
    for (const diagnostic of diagnostics) {
      const actions = await session.codeActions(openFile, [diagnostic]);
      texts.push(JSON.stringify(actions, withoutReplacementText));
      const hover = await session.hover(openFile, diagnostic.range.start.line, diagnostic.range.start.character);
      texts.push(JSON.stringify(hover));
    }
    return { texts, findings: diagnostics.length };
  } finally {
    await session.dispose();
  }
}

/**
 * A code action's edit puts the user's own code back into the user's own file (wrapped in a mask
 * call, say), so its replacement text may quote a literal; everything else is piiguard speaking.
 */
function withoutReplacementText(key: string, value: unknown): unknown {
  return key === 'newText' ? undefined : value;
}

export const CLI_SURFACES: readonly Surface[] = [
  ...OUTPUT_FORMATS.map((format) => ({
    name: `piiguard scan --format ${format}`,
    run: (root: string) => cli(root, ['--format', format, '--output', `report.${format}`], `report.${format}`),
  })),
  { name: 'piiguard scan (text on standard output)', run: (root: string) => cli(root, []) },
  ...INVENTORY_FORMATS.map((format) => ({
    name: `piiguard inventory --format ${format}`,
    run: (root: string, target: Target) => command(root, ['inventory', '--format', format, '--output', `inventory.${format}`], target, `inventory.${format}`),
  })),
  ...(['text', 'json'] as const).map((format) => ({
    name: `piiguard explain <file>:<line> --format ${format}`,
    run: (root: string, target: Target) => command(root, ['explain', `${target.file}:${target.line}`, '--format', format, '--no-color'], target),
  })),
  {
    name: 'piiguard scan --changed-since HEAD',
    git: true,
    // src/cli/changed-lines.ts runs git in the scanned repository with `-c core.fsmonitor=false` and the
    // clean/smudge/process commands of every filter its attributes name set to nothing (neutralisingConfig).
    run: (root: string) => cli(root, ['--changed-since', 'HEAD', '--format', 'json']),
  },
];

export const ESLINT_SURFACES: readonly Surface[] = [
  { name: 'ESLint 10 with the piiguard plugin, typed (projectService)', run: eslint('eslint') },
  { name: 'ESLint 9 with the piiguard plugin, typed (projectService)', run: eslint('eslint9') },
];

/** The language server runs in-process over a copy of `files` (test/lsp/harness.ts writes them). */
export function languageServerSurface(files: Record<string, string>): Surface {
  return { name: 'language server (open a file: diagnostics, code actions, hover)', run: (_root, target) => languageServer(files, target) };
}
