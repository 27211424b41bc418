import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, hasFailingFindings, runCli } from '../../src/cli/run.js';
import { createFakeAnalyzer } from './fake-analyzer.js';
import { syntheticFinding, syntheticResult, tempDir, writeTree } from './helpers.js';

/** runCli in-process with captured output and the fake engine. */
async function cli(cwd: string, ...argv: string[]) {
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
  const code = await runCli(argv, io, { createAnalyzer: createFakeAnalyzer });
  return { code, stdout, stderr };
}

function project(files: Record<string, string>): string {
  const root = tempDir();
  writeTree(root, files);
  return root;
}

describe('piiguard scan exit codes', () => {
  it('0 when clean, 1 when an error-severity finding is found', async () => {
    expect((await cli(project({ 'a.ts': 'logger.info(callSid);\n' }), 'scan')).code).toBe(0);
    const dirty = await cli(project({ 'a.ts': 'logger.info(phone);\n' }), 'scan');
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toContain('a.ts');
    expect(dirty.stdout).toContain('1 error, 0 warnings in 1 file');
  });

  it('--fail-on moves the threshold, and overrides failOn from the configuration', async () => {
    const warningsOnly = project({ 'a.ts': "fetch('http://crm.acme.com');\n" });
    expect((await cli(warningsOnly, 'scan')).code).toBe(0);
    expect((await cli(warningsOnly, 'scan', '--fail-on', 'warning')).code).toBe(1);
    expect((await cli(warningsOnly, 'scan', '--fail-on', 'note')).code).toBe(1);
    const errors = project({ 'a.ts': 'logger.info(phone);\n', 'piiguard.config.json': '{ "failOn": "none" }' });
    expect((await cli(errors, 'scan')).code).toBe(0);
    expect((await cli(errors, 'scan', '--fail-on', 'error')).code).toBe(1);
  });

  it('--rule changes severities or turns rules off', async () => {
    const root = project({ 'a.ts': 'logger.info(phone);\n' });
    expect((await cli(root, 'scan', '--rule', 'no-pii-in-logs=off')).code).toBe(0);
    expect((await cli(root, 'scan', '--rule', 'no-pii-in-logs=warning')).code).toBe(0);
    expect((await cli(root, 'scan', '--rule', 'no-pii-in-logs=warning', '--rule', 'no-pii-in-logs=error')).code).toBe(1);
  });

  it('suppressed findings never fail the scan', () => {
    const suppressed = syntheticFinding('/r/a.ts', { suppression: { justification: 'masked upstream' } });
    expect(hasFailingFindings(syntheticResult('/r', [suppressed]), 'note')).toBe(false);
    expect(hasFailingFindings(syntheticResult('/r', [{ ...suppressed, suppression: undefined }]), 'error')).toBe(true);
  });

  it('2 with file, key and allowed values for a bad configuration', async () => {
    const root = project({ 'a.ts': '', 'piiguard.config.json': '{\n  "rules": { "no-pii-in-logz": "error" }\n}\n' });
    const { code, stdout, stderr } = await cli(root, 'scan');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('piiguard: the configuration is not valid:\n  piiguard.config.json:2:14: rules.no-pii-in-logz: unknown rule id');
    expect(stderr).toContain('Known rules: no-pii-in-logs');
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(/^Fix the configuration/);
  });

  it('2 for a path that does not exist', async () => {
    const { code, stderr } = await cli(project({}), 'scan', 'src');
    expect(code).toBe(2);
    expect(stderr).toBe('piiguard: No such file or directory: src\nCheck the paths given to piiguard scan (they are resolved from the current directory).\n');
  });
});

describe('piiguard scan output', () => {
  it('--format json and --output write the report to a file', async () => {
    const root = project({ 'src/a.ts': 'logger.info(phone);\n' });
    const { code, stdout, stderr } = await cli(root, 'scan', 'src', '--format', 'json', '--output', 'reports/piiguard.json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Report written to reports/piiguard.json');
    const report = JSON.parse(readFileSync(path.join(root, 'reports/piiguard.json'), 'utf8'));
    expect(report.findings[0].location.file).toBe('src/a.ts');
  });

  it('--format sarif prints SARIF', async () => {
    const { stdout } = await cli(project({ 'a.ts': 'logger.info(phone);\n' }), 'scan', '-f', 'sarif');
    expect(JSON.parse(stdout).runs[0].results[0].ruleId).toBe('no-pii-in-logs');
  });

  it('colour: off when not a TTY, forced with --color, never with --no-color', async () => {
    const root = project({ 'a.ts': 'logger.info(phone);\n' });
    expect((await cli(root, 'scan')).stdout).not.toMatch(/\x1b\[/);
    expect((await cli(root, 'scan', '--color')).stdout).toMatch(/\x1b\[/);
    expect((await cli(root, 'scan', '--no-color')).stdout).not.toMatch(/\x1b\[/);
  });

  it('--quiet reports errors only', async () => {
    const root = project({ 'a.ts': "fetch('http://crm.acme.com');\n" });
    const { stdout } = await cli(root, 'scan', '--quiet');
    expect(stdout).not.toContain('no-plaintext-transport');
    expect(stdout).toContain('hidden by --quiet');
  });

  it('cannot write the report: exit 2 with what to do', async () => {
    const root = project({ 'a.ts': '', 'blocker': 'a file, not a directory' });
    const { code, stderr } = await cli(root, 'scan', '--output', 'blocker/report.txt');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^piiguard: cannot write the report to .*blocker\/report\.txt/);
    expect(stderr).toContain('Choose a writable path for --output');
  });
});

describe('piiguard usage errors (in-process)', () => {
  it.each([
    [['scan', '--formt', 'json'], "unknown option '--formt' (did you mean --format?)"],
    [['scan', '--format', 'xml'], 'Allowed choices are text, json, sarif'],
    [['scan', '--fail-on', 'critical'], 'Allowed choices are error, warning, note, none'],
    [['scan', '--rule', 'no-pii-in-logz=error'], 'Unknown rule id "no-pii-in-logz". Did you mean "no-pii-in-logs"?'],
    [['scan', '--rule', 'no-pii-in-logs'], 'Expected <rule-id>=<severity>'],
    [['scan', '--rule', 'no-pii-in-logs=warn'], 'Unknown severity "warn" for no-pii-in-logs. Allowed: error, warning, note, off.'],
    [['scna'], "unknown command 'scna' (did you mean scan?)"],
  ])('%j exits 2', async (argv, fragment) => {
    const { code, stderr } = await cli(tempDir(), ...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(fragment);
    expect(stderr).toMatch(/^piiguard: /);
    expect(stderr).toMatch(/Run `piiguard (scan )?--help` to see the commands, options and allowed values\.\n$/);
  });

  it('--help and --version exit 0', async () => {
    const help = await cli(tempDir(), 'scan', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--fail-on <severity>');
    const version = await cli(tempDir(), '--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('no command prints the help and exits 2', async () => {
    const { code, stderr } = await cli(tempDir());
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: piiguard');
  });
});

describe('the built CLI (node dist/src/cli/main.js)', () => {
  const main = path.resolve('dist/src/cli/main.js');
  const engineBuilt = existsSync(path.resolve('dist/src/engine/analyzer.js'));

  it('is built (npm test runs tsc first)', () => {
    expect(existsSync(main), 'run `npx tsc -p tsconfig.json` before the CLI tests').toBe(true);
  });

  it.each([
    [['--version'], 0],
    [['scan', '--help'], 0],
    [['scan', '--bogus'], 2],
    [['scan', '--format', 'xml'], 2],
    [[], 2],
  ])('%j exits %i', async (argv, expected) => {
    expect((await spawnCli(main, tempDir(), argv)).code).toBe(expected);
  });

  it('exits 2 on a config error, naming the file and key', async () => {
    const root = project({ 'package.json': '{ "piiguard": { "failOn": "sometimes" } }' });
    const { code, stderr } = await spawnCli(main, root, ['scan']);
    expect(code).toBe(2);
    expect(stderr).toContain('\n  package.json:1:17: piiguard.failOn: "sometimes" is not allowed. Allowed values: "error", "warning", "note", "none".');
  });

  it.skipIf(!engineBuilt)('exits 1 on a real finding and 0 on its safe look-alike (real engine)', async () => {
    const dirty = project({
      'voice.ts': "import twilio from 'twilio';\nexport function inbound(req: any) {\n  const caller: string = req.body.From;\n  console.log('inbound call from', caller);\n}\n",
    });
    const clean = project({
      'voice.ts': "import twilio from 'twilio';\nexport function inbound(req: any) {\n  const callSid: string = req.body.CallSid;\n  console.log('inbound call', callSid);\n}\n",
    });
    const bad = await spawnCli(main, dirty, ['scan', '--format', 'json']);
    expect(bad.code, bad.stderr).toBe(1);
    expect(JSON.parse(bad.stdout).findings[0].ruleId).toBe('no-pii-in-logs');
    const good = await spawnCli(main, clean, ['scan']);
    expect(good.code, good.stdout + good.stderr).toBe(0);
  });
});

async function spawnCli(main: string, cwd: string, argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...argv], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
