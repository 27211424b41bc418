/**
 * Configuration errors end `piiguard scan` with exit code 2 and a message naming the file, the key
 * and what is allowed, before any file is scanned. test/unit/config.test.ts checks the exact
 * wording of each problem; here every kind goes through the CLI: malformed JSON, wrong types,
 * unknown keys, unknown rule ids, bad globs, bad regular expressions, the resource limits.
 */
import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/run.js';
import { globProblem } from '../../src/config/globs.js';
import { tempDir, writeTree } from '../cli/helpers.js';

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdoutIsTTY: false, stderrIsTTY: false, colorByDefault: false };
  const code = await runCli(argv, io, {
    createAnalyzer: () => {
      throw new Error('a configuration error must stop the scan before analysis');
    },
  });
  return { code, stdout, stderr };
}

interface ConfigCase {
  name: string;
  files: Record<string, string>;
  argv?: string[];
  /** Fragments the message must contain: the file, the key, what is allowed. */
  says: (string | RegExp)[];
}

const config = (value: unknown) => ({ 'piiguard.config.json': JSON.stringify(value, null, 2), 'src/a.ts': 'export {};\n' });

const CASES: ConfigCase[] = [
  {
    name: 'malformed JSON (a trailing comma)',
    files: { 'piiguard.config.json': '{\n  "failOn": "error",\n}\n' },
    says: ['piiguard.config.json:3:1', 'invalid JSON', 'no trailing commas'],
  },
  {
    name: 'malformed JSON (not JSON at all)',
    files: { 'piiguard.config.json': 'module.exports = { failOn: "error" };\n' },
    says: ['piiguard.config.json:1:1', 'invalid JSON'],
  },
  { name: 'not an object', files: { 'piiguard.config.json': '[]' }, says: ['piiguard.config.json', 'expected an object, found an array'] },
  {
    name: 'wrong types',
    files: config({ include: 'src/**', maxFileSizeKb: '10', failOn: true }),
    says: ['include: expected an array of non-empty strings, found "src/**"', 'maxFileSizeKb: expected a whole number (1 or more), found "10"', 'failOn: boolean true is not allowed. Allowed values: "error", "warning", "note", "none"'],
  },
  {
    name: 'an unknown key, with a suggestion',
    files: config({ includes: ['src'] }),
    says: ['piiguard.config.json:2:3: includes: unknown key "includes". Known keys: ', 'Did you mean "include"?'],
  },
  {
    name: 'an unknown nested key',
    files: config({ transport: { safeHost: ['crm.internal'] } }),
    says: ['transport.safeHost: unknown key "safeHost". Known keys: safeHosts'],
  },
  {
    name: 'an unknown rule id',
    files: config({ rules: { 'no-pii-in-log': 'error' } }),
    says: ['rules.no-pii-in-log: unknown rule id "no-pii-in-log". Known rules: no-pii-in-logs', 'Did you mean "no-pii-in-logs"?'],
  },
  {
    name: 'an unknown severity',
    files: config({ rules: { 'no-pii-in-logs': 'fatal' } }),
    says: ['rules.no-pii-in-logs: "fatal" is not allowed. Allowed values: "error", "warning", "note", "off"'],
  },
  {
    name: 'a glob with an unclosed bracket',
    files: config({ include: ['src/[a-'] }),
    says: ['include[0]: is not a usable glob: "src/[a-" has a "[" that is never closed', 'e.g. "src/**/*.ts"'],
  },
  {
    name: 'a glob with an unclosed brace',
    files: config({ exclude: ['**/*.{test,spec.ts'] }),
    says: ['exclude[0]: is not a usable glob', 'a "{" that is never closed'],
  },
  {
    name: 'a glob leaving the project root',
    files: config({ include: ['../shared/**'] }),
    says: ['include[0]: is not a usable glob: "../shared/**" leaves the project root', 'pass them to piiguard scan'],
  },
  {
    name: 'an absolute glob',
    files: config({ exclude: ['/home/ci/build/**'] }),
    says: ['exclude[0]: is not a usable glob: "/home/ci/build/**" is an absolute path', 'relative to the project root'],
  },
  {
    name: 'a glob with backslash separators',
    files: config({ exclude: ['src\\generated\\**'] }),
    says: ['exclude[0]: is not a usable glob', 'uses "\\" as a path separator; use "/"'],
  },
  {
    name: 'an empty glob',
    files: config({ include: [''] }),
    says: ['include[0]: must not be empty'],
  },
  {
    name: 'a regular expression that does not compile',
    files: config({ consent: { functionNames: ['isDnc('] } }),
    says: ['consent.functionNames[0]: is not a valid regular expression'],
  },
  {
    name: 'a time budget below the minimum',
    files: config({ maxFileMs: 5 }),
    says: ['maxFileMs: must be 100 or more, found number 5'],
  },
  {
    name: 'a memory limit of the wrong type',
    files: config({ maxHeapMb: '2 GB' }),
    says: ['maxHeapMb: expected a whole number (64 or more), found "2 GB"'],
  },
  {
    name: 'an error inside package.json#piiguard',
    files: { 'package.json': '{\n  "name": "dialer",\n  "piiguard": { "failOn": "sometimes" }\n}\n', 'src/a.ts': '' },
    says: ['package.json:3:17: piiguard.failOn: "sometimes" is not allowed. Allowed values:'],
  },
  {
    name: 'a missing --config file',
    files: { 'src/a.ts': '' },
    argv: ['--config', 'nope.json'],
    says: ['nope.json: configuration file not found', 'Check the path given to --config'],
  },
  {
    name: 'a tsconfig that does not exist',
    files: config({ tsconfig: 'tsconfig.build.json' }),
    says: ['tsconfig: "tsconfig.build.json" does not exist', 'Point "tsconfig" at an existing tsconfig.json'],
  },
];

describe('configuration errors: exit code 2, naming the file, the key and what is allowed', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const root = tempDir('piiguard-config-');
    writeTree(root, testCase.files);
    const { code, stdout, stderr } = await cli(root, 'scan', ...(testCase.argv ?? []));
    expect(code, stderr).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^piiguard: /);
    for (const fragment of testCase.says) {
      if (typeof fragment === 'string') expect(stderr).toContain(fragment);
      else expect(stderr).toMatch(fragment);
    }
  });
});

describe('globProblem', () => {
  it.each(['src/**/*.ts', '**/*.{ts,tsx}', 'src/[abc]/*.ts', 'src/\\[literal\\]/*.ts', '!(vendor)/**', 'packages/*/src/**', '**/*.test.ts'])('accepts %s', (glob) => {
    expect(globProblem(glob)).toBeUndefined();
  });

  it.each([
    ['src/[a-', 'never closed'],
    ['src/a]', 'closes nothing'],
    ['{a,b', 'never closed'],
    ['a}', 'closes nothing'],
    ['@(a|b', 'never closed'],
    ['../x/**', 'leaves the project root'],
    ['src/../../x', 'leaves the project root'],
    ['/abs/**', 'absolute path'],
    ['C:\\src\\**', 'absolute path'],
    ['src\\x\\*.ts', 'path separator'],
  ])('rejects %s', (glob, fragment) => {
    expect(globProblem(glob)).toContain(fragment);
  });
});
