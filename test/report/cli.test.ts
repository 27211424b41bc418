import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/run.js';
import { createFakeAnalyzer } from '../cli/fake-analyzer.js';
import { tempDir, writeTree } from '../cli/helpers.js';

const COMMIT = '3f6c0d1a9b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a';

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

/** A git checkout (HEAD on main) with one PII log and one plaintext URL. */
function project(): string {
  const root = tempDir();
  writeTree(root, {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/refs/heads/main': `${COMMIT}\n`,
    '.git/config': '[remote "origin"]\n\turl = https://gitlab.com/acme/call-center.git\n',
    'src/voice.ts': 'logger.info(phone);\n',
    'src/config.ts': "fetch('http://crm.acme.com');\n",
  });
  return root;
}

describe('piiguard scan --format html | gitlab', () => {
  it('writes the HTML report with the repository, commit and findings', async () => {
    const root = project();
    const { code, stdout, stderr } = await cli(root, 'scan', '--format', 'html', '--output', 'out/piiguard.html');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('Report written to out/piiguard.html');
    const html = readFileSync(path.join(root, 'out/piiguard.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h1>acme/call-center</h1>');
    expect(html).toContain(`<code title="${COMMIT}">${COMMIT.slice(0, 12)}</code> on <code>main</code>`);
    expect(html).toContain('"rule":"no-pii-in-logs"');
    expect(html).toContain('"rule":"no-plaintext-transport"');
  });

  it('prints a GitLab SAST report', async () => {
    const { code, stdout } = await cli(project(), 'scan', '-f', 'gitlab');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.scan.type).toBe('sast');
    expect(report.scan.start_time <= report.scan.end_time).toBe(true);
    expect(report.vulnerabilities.map((v: { location: { file: string } }) => v.location.file).sort()).toEqual(['src/config.ts', 'src/voice.ts']);
  });

  it('lists the new formats in usage errors and help', async () => {
    const bad = await cli(tempDir(), 'scan', '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are text, json, sarif, gitlab, html');
    const help = await cli(tempDir(), 'scan', '--help');
    expect(help.stdout).toContain('piiguard scan --format html --output piiguard-report.html');
  });
});
