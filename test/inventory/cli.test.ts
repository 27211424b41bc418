/**
 * The built CLI as a user runs it (node dist/src/cli/main.js, built by `npx tsc -p tsconfig.json`
 * or `npm test`): `piiguard inventory` in its three formats and `piiguard explain`, with their exit
 * codes and usage errors.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE, RAW_DIGIT_RUN, lineOf, parseCsv, runBuiltCli } from './helpers.js';

const out = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'piiguard-inventory-cli-')));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('piiguard inventory (built CLI)', () => {
  it('prints the JSON inventory and exits 0 even though the example has findings', async () => {
    const run = await runBuiltCli(['inventory'], EXAMPLE);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ version: 1, tool: { name: 'piiguard' }, rootDir: EXAMPLE });
    expect(report.summary.openFindings).toBeGreaterThan(0);
    expect(report.summary.byCategory.log.masked).toBeGreaterThan(0);
    expect(report.flows.length).toBe(report.summary.flows);
  });

  it('writes the CSV record of processing to --output, with a summary on stderr', async () => {
    const file = path.join(out, 'records/record-of-processing.csv');
    const run = await runBuiltCli(['inventory', 'src', 'web', '--format', 'csv', '--output', file], EXAMPLE);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^piiguard: \d+ PII sources, \d+ flows \(\d+ without protection; \d+ open findings\) in \d+ files\. Inventory written to /);
    const csv = readFileSync(file, 'utf8');
    const [header, ...rows] = parseCsv(csv);
    expect(header?.slice(0, 4)).toEqual(['Data category', 'PII kind', 'Processing operation', 'Recipient / system']);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r[2] === 'Outbound call or message' && r[6] === 'consent checked')).toBe(true);
    expect(csv).not.toMatch(RAW_DIGIT_RUN);
  });

  it('writes the HTML page', async () => {
    const file = path.join(out, 'inventory.html');
    const run = await runBuiltCli(['inventory', '--format', 'html', '--output', file, '--quiet'], EXAMPLE);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const page = readFileSync(file, 'utf8');
    expect(page).toContain('<table class="activities">');
    expect(page).toContain('id="kind-phone"');
    // Hashes (CSP, commit) are not numbers; everything else must be digit-run free.
    const text = page.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace(/\b[0-9a-f]{12,40}\b/g, '');
    expect(text).not.toMatch(RAW_DIGIT_RUN);
  });

  it('exits 2 on a bad format, a missing path or a missing configuration', async () => {
    const format = await runBuiltCli(['inventory', '--format', 'xml'], EXAMPLE);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('piiguard inventory --help');
    const missing = await runBuiltCli(['inventory', 'no-such-dir'], EXAMPLE);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-dir');
    const config = await runBuiltCli(['inventory', '--config', 'missing.json'], EXAMPLE);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('configuration file not found');
  });
});

describe('piiguard explain (built CLI)', () => {
  it('explains a finding line: the Twilio source, the signal and the flow', async () => {
    const line = lineOf('src/webhooks/twilio-voice.ts', 'logger.info(`Call ${CallSid} from ${From}');
    const run = await runBuiltCli(['explain', `src/webhooks/twilio-voice.ts:${line}`], EXAMPLE);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`src/webhooks/twilio-voice.ts:${line}`);
    expect(run.stdout).toContain('no-pii-in-logs');
    expect(run.stdout).toContain('signal: framework source');
    expect(run.stdout).toContain('req.body.From (Twilio webhook parameter)');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('prints JSON with --format json, also for a protected value', async () => {
    const line = lineOf('src/webhooks/twilio-voice.ts', 'maskPhone(callerId)');
    const run = await runBuiltCli(['explain', `src/webhooks/twilio-voice.ts:${line}:5`, '--format', 'json'], EXAMPLE);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ file: 'src/webhooks/twilio-voice.ts', line, piiFound: true, findings: [] });
    expect(report.explanations.some((e: { signal?: string }) => e.signal === 'protected')).toBe(true);
  });

  it('says so when nothing on the line is PII', async () => {
    const line = lineOf('src/webhooks/twilio-voice.ts', 'const twiml = new VoiceResponse();');
    const run = await runBuiltCli(['explain', `src/webhooks/twilio-voice.ts:${line}`], EXAMPLE);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nothing on this line is taken for PII');
  });

  it('exits 2 on a bad location', async () => {
    for (const target of ['src/webhooks/twilio-voice.ts', 'src/webhooks/twilio-voice.ts:99999', 'src/nope.ts:3', 'package.json:2']) {
      const run = await runBuiltCli(['explain', target], EXAMPLE);
      expect(run.code, target).toBe(2);
      expect(run.stdout, target).toBe('');
      expect(run.stderr, target).toMatch(/^piiguard: .+\n.+\n$/);
    }
    const none = await runBuiltCli(['explain'], EXAMPLE);
    expect(none.code).toBe(2);
  });
});
