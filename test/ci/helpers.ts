import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { type CliIo, runCli } from '../../src/cli/run.js';
import type { ScanDependencies } from '../../src/scan/scan.js';

export { tempDir, writeTree } from '../cli/helpers.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** runCli in-process with captured output; the real engine unless `dependencies` replace it. */
export async function cli(cwd: string, argv: readonly string[], dependencies: ScanDependencies = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    colorByDefault: false,
  };
  const code = await runCli(argv, io, dependencies);
  return { code, stdout, stderr };
}

/** git with a fixed identity and no user or system configuration, as an argument array. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=piiguard tests', '-c', 'user.email=tests@piiguard.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A git repository at `dir` with everything in it committed. */
export function initRepo(dir: string): void {
  git(dir, 'init', '-q');
  commitAll(dir, 'initial');
}

export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}

let sarifValidator: ValidateFunction | undefined;

/** The official SARIF 2.1.0 schema (draft-04, read by Ajv 8 as in test/cli/formatters.test.ts). */
export function validateSarif(log: unknown): string[] {
  if (!sarifValidator) {
    const schemaPath = path.resolve('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
    ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    sarifValidator = ajv.compile(schema);
  }
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
