/**
 * Scanned code and file names are attacker-controlled text that reports quote. They must not be
 * able to drive the terminal that shows a text report (escape sequences: clear the screen, rewrite
 * the title, hide lines, fake a clean result) or inject markup into the HTML report, and the JSON
 * reports must stay parseable.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../cli/helpers.js';
import { assertBuilt, runBuiltCli } from './helpers/run.js';

const ESC = '\u001b';
const BEL = '\u0007';
const HOSTILE_LINE = `  console.log('${ESC}]0;pwned${BEL}${ESC}[2J${ESC}[1A</script><img src=x onerror=alert(1)>', caller);`;
const HOSTILE_NAME = `evil${ESC}[31m<img src=x onerror=alert(2)>.ts`;

function hostileRepo(): string {
  const root = tempDir('piiguard-hostile-output-');
  const source = ["import twilio from 'twilio';", 'export function inbound(req: any) {', '  const caller: string = req.body.From;', HOSTILE_LINE, '}', ''].join('\n');
  writeTree(root, { 'voice.ts': source, [HOSTILE_NAME]: source });
  return root;
}

/** C0 controls other than tab and newline, DEL, and C1 controls (U+0080–U+009F, e.g. CSI). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('hostile text in scanned code and file names', () => {
  // Text report (src/cli/formatters/text.ts): control characters in code frames, messages and paths are
  // shown escaped (\u001b), as git and ripgrep do, so a scanned file can't drive the reader's terminal.
  it('the text report contains no terminal control characters from the scanned repository', async () => {
    assertBuilt();
    const root = hostileRepo();
    const run = await runBuiltCli(root, ['scan', '--no-color']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('voice.ts');
    const offending = [...run.stdout].filter((c) => CONTROL.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
    expect([...new Set(offending)]).toEqual([]);
  }, 60_000);

  it('the HTML report escapes markup from code and file names', async () => {
    assertBuilt();
    const root = hostileRepo();
    const run = await runBuiltCli(root, ['scan', '--format', 'html', '--output', 'report.html']);
    expect(run.code, run.stderr).toBe(1);
    const html = readFileSync(path.join(root, 'report.html'), 'utf8');
    expect(html).toContain('onerror=alert(1)'); // the text is there…
    expect(html).not.toMatch(/<img src=x onerror=alert\([12]\)>/); // …but never as markup
    expect(html.split('</script>').length - 1).toBe(html.split('<script').length - 1);
  }, 60_000);

  it.each(['json', 'sarif', 'gitlab'])('the %s report stays valid JSON and keeps the text intact', async (format) => {
    assertBuilt();
    const root = hostileRepo();
    const run = await runBuiltCli(root, ['scan', '--format', format, '--output', `report.${format}`]);
    expect(run.code, run.stderr).toBe(1);
    const text = readFileSync(path.join(root, `report.${format}`), 'utf8');
    expect(() => JSON.parse(text)).not.toThrow();
    expect(text).not.toMatch(CONTROL);
    expect(JSON.stringify(JSON.parse(text))).toContain('evil\\u001b[31m');
  }, 60_000);
});
