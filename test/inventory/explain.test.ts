/**
 * `piiguard explain` in-process: on lines of the example (a finding from a Twilio source, a masked
 * value, a name, an empty line, a setting) and on small projects for the edges (literals, files
 * outside the current directory, bad locations).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildExplainReport, formatExplainText } from '../../src/cli/formatters/inventory/index.js';
import { parseFileLine } from '../../src/cli/explain.js';
import { ScanInputError } from '../../src/scan/errors.js';
import { explainLine } from '../../src/scan/explain.js';
import { EXAMPLE, RAW_DIGIT_RUN, TODAY, lineOf } from './helpers.js';

const TOOL = { name: 'piiguard', version: '9.9.9' };
const VOICE = 'src/webhooks/twilio-voice.ts';

async function explain(file: string, line: number, cwd = EXAMPLE) {
  const report = buildExplainReport(await explainLine({ cwd, file, line, today: TODAY }), TOOL);
  return { report, text: formatExplainText(report, { color: false }) };
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'piiguard-explain-')));
  temps.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('piiguard explain on the example', () => {
  it('names the Twilio source of a logged caller, with the finding and the flow', async () => {
    const line = lineOf(VOICE, 'logger.info(`Call ${CallSid} from ${From}');
    const { report, text } = await explain(VOICE, line);
    expect(report).toMatchObject({ version: 1, file: VOICE, line, piiFound: true });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['no-pii-in-logs']);
    expect(report.explanations.length).toBeGreaterThan(0);
    for (const e of report.explanations) {
      expect(e).toMatchObject({ kind: 'phone', signal: 'source', signalLabel: 'framework source' });
      expect(e.reason).toContain('req.body.From (Twilio webhook parameter)');
      expect(e.flow[0]?.message).toContain('req.body.From');
      expect(e.flow[0]?.location.file).toBe(VOICE);
    }
    expect(text).toContain(`${VOICE}:${line}`);
    expect(text).toContain('Finding on this line');
    expect(text).toContain('no-pii-in-logs');
    expect(text).toContain('signal: framework source');
    expect(text).toContain('req.body.From (Twilio webhook parameter)');
    expect(text).toMatch(/flow:\n\s+src\/webhooks\/twilio-voice\.ts:\d+:\d+ {2}req\.body\.From/);
    expect(text).toContain('piiguard-ignore-next-line no-pii-in-logs');
  });

  it('says a masked value is protected, and reports no finding there', async () => {
    const line = lineOf(VOICE, 'maskPhone(callerId)');
    const { report, text } = await explain(VOICE, line);
    expect(report.findings).toEqual([]);
    const masked = report.explanations.find((e) => e.expression === 'maskPhone(callerId)');
    expect(masked).toMatchObject({ kind: 'phone', signal: 'protected', signalLabel: 'protected (masked)' });
    expect(masked?.flow.map((s) => s.message)).toContain('masked by maskPhone()');
    expect(text).toContain('protected (masked), no finding for it');
  });

  it('names the PII term of a name, with a hint for a wrong guess', async () => {
    const line = lineOf('src/dialer/campaign-worker.ts', 'phone: attempt.phone');
    const { report, text } = await explain('src/dialer/campaign-worker.ts', line);
    const byName = report.explanations.find((e) => e.signal === 'name');
    expect(byName?.reason).toMatch(/contains the PII term "phone"/);
    expect(text).toContain('signal: name');
    expect(text).toContain('pii.nonPiiWords');
  });

  it('says clearly when nothing on the line is taken for PII', async () => {
    const line = lineOf(VOICE, "const twiml = new VoiceResponse();");
    const { report, text } = await explain(VOICE, line);
    expect(report).toMatchObject({ piiFound: false, findings: [], explanations: [] });
    expect(text).toContain('Nothing on this line is taken for PII');
  });

  it('separates a setting finding from PII', async () => {
    const line = lineOf('src/config.ts', 'rejectUnauthorized: false');
    const { report, text } = await explain('src/config.ts', line);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['no-plaintext-transport']);
    expect(report.piiFound).toBe(false);
    expect(text).toContain('No value on this line is taken for PII');
  });

  it('shows the reason of a suppressed finding', async () => {
    const line = lineOf('src/storage/lead-export.ts', 'piiguard-ignore-next-line') + 1;
    const { report, text } = await explain('src/storage/lead-export.ts', line);
    expect(report.findings[0]?.suppression?.justification).toMatch(/\w+/);
    expect(text).toContain('(suppressed: ');
  });
});

describe('piiguard explain on other projects', () => {
  it('masks PII literals in the code, the expressions and the reasons', async () => {
    const root = project({
      'src/support.ts': ["import { logger } from './logger.js';", "export const SUPPORT_LINE = '+14155552671';", 'logger.info(`call us at ${SUPPORT_LINE}`);', ''].join('\n'),
      'src/logger.ts': 'export const logger = { info: (...args: unknown[]) => console.log(...args) };\n',
    });
    for (const line of [2, 3]) {
      const { report, text } = await explain('src/support.ts', line, root);
      expect(report.piiFound, `line ${line}`).toBe(true);
      expect(report.explanations.some((e) => e.signal === 'literal'), `line ${line}`).toBe(true);
      expect(JSON.stringify(report).replace(/"fingerprint":"[0-9a-f]+"/g, '')).not.toMatch(RAW_DIGIT_RUN);
      expect(text).not.toMatch(RAW_DIGIT_RUN);
    }
  });

  it('follows flows from other files of the project', async () => {
    const root = project({
      'src/caller.ts': ['import type { Request } from "express";', 'export function callerOf(req: Request) {', '  return req.body.From;', '}', ''].join('\n'),
      'src/voice.ts': ['import { callerOf } from "./caller.js";', 'export function handle(req: any) {', '  const who = callerOf(req);', '  console.log(`call from ${who}`);', '}', ''].join('\n'),
    });
    const { report } = await explain('src/voice.ts', 4, root);
    expect(report.findings.map((f) => f.ruleId)).toContain('no-pii-in-logs');
    const fromOtherFile = report.explanations.flatMap((e) => e.flow).some((step) => step.location.file === 'src/caller.ts');
    expect(fromOtherFile).toBe(true);
  });

  it('explains a file the configuration excludes, and a file outside the current directory', async () => {
    const root = project({
      'piiguard.config.json': JSON.stringify({ exclude: ['generated/**'] }),
      'generated/hook.ts': 'export const hook = (req: any) => console.log(req.body.From);\n',
      'other/hook.ts': 'export const hook = (req: any) => console.log(req.body.From);\n',
    });
    const excluded = await explain('generated/hook.ts', 1, root);
    expect(excluded.report.piiFound).toBe(true);
    const outside = await explainLine({ cwd: path.join(root, 'generated'), file: '../other/hook.ts', line: 1, today: TODAY });
    expect(outside.explanations.length).toBeGreaterThan(0);
    expect(outside.findings.map((f) => f.ruleId)).toEqual(['no-pii-in-logs']);
  });

  it('rejects a missing file, a line past the end and a file that is not code', async () => {
    const root = project({ 'src/a.ts': 'export const a = 1;\n', 'notes.md': '# notes\n' });
    await expect(explainLine({ cwd: root, file: 'src/missing.ts', line: 1 })).rejects.toThrow(ScanInputError);
    await expect(explainLine({ cwd: root, file: 'src/a.ts', line: 3 })).rejects.toThrow(/has no line 3 \(it has 2 lines\)/);
    await expect(explainLine({ cwd: root, file: 'src/a.ts', line: 0 })).rejects.toThrow(ScanInputError);
    await expect(explainLine({ cwd: root, file: 'notes.md', line: 1 })).rejects.toThrow(/not a JavaScript or TypeScript file/);
    await expect(explainLine({ cwd: root, file: 'src', line: 1 })).rejects.toThrow(/is not a file/);
  });
});

describe('parseFileLine', () => {
  it('reads file:line and file:line:column, and nothing else', () => {
    expect(parseFileLine('src/a.ts:12')).toEqual({ file: 'src/a.ts', line: 12 });
    expect(parseFileLine('src/a.ts:12:5')).toEqual({ file: 'src/a.ts', line: 12 });
    expect(parseFileLine('C:\\repo\\a.ts:7')).toEqual({ file: 'C:\\repo\\a.ts', line: 7 });
    expect(parseFileLine('src/a.ts')).toBeUndefined();
    expect(parseFileLine('src/a.ts:0')).toBeUndefined();
    expect(parseFileLine('src/a.ts:x')).toBeUndefined();
    expect(parseFileLine(':12')).toBeUndefined();
  });
});
