import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/formatters/json.js';
import { parseDateOption } from '../../src/cli/options.js';
import { cli, tempDir, writeTree } from './helpers.js';

const NOTIFY = [
  'export function notify(customer: { phone: string }) {',
  '  // piiguard-ignore-next-line no-pii-in-logs -- masked by the log shipper until it is replaced (until 2026-06-30)',
  '  console.info(customer.phone);',
  '}',
  '',
].join('\n');

describe('suppression expiry through the CLI (--today)', () => {
  it('a suppression works up to and on its expiry date, and is reported once it has passed', async () => {
    const root = tempDir();
    writeTree(root, { 'src/notify.ts': NOTIFY });
    const on = async (today: string) => {
      const run = await cli(root, ['scan', '--today', today, '--format', 'json']);
      const report = JSON.parse(run.stdout) as JsonReport;
      return { code: run.code, findings: report.findings.map((f) => `${f.ruleId}:${f.location.line}${f.suppression ? ' suppressed' : ''}`) };
    };
    expect(await on('2026-06-30')).toEqual({ code: 0, findings: ['no-pii-in-logs:3 suppressed'] });
    const expired = await on('2026-07-01');
    expect(expired.code).toBe(1);
    expect(expired.findings).toEqual(['no-invalid-suppression:2', 'no-pii-in-logs:3']);

    const text = await cli(root, ['scan', '--today', '2026-07-01']);
    expect(text.stdout).toContain('expired on 2026-06-30');
  });

  it('--today must be a real calendar date', async () => {
    expect(parseDateOption('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2026-13-01', '26-01-01', 'today', '2026-1-1']) expect(() => parseDateOption(bad), bad).toThrow(/YYYY-MM-DD/);
    const run = await cli(tempDir(), ['scan', '--today', '2026-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Expected a date as YYYY-MM-DD');
  });
});
