import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { type JsonReport, defaultToolInfo, formatJson, formatSarif, formatText, type ToolInfo } from '../../src/cli/formatters/index.js';
import { RULE_IDS, RULES } from '../../rules/index.js';
import { VOICE_SOURCE, location, syntheticFinding, syntheticResult } from './helpers.js';

const ROOT = '/repo';
const VOICE = path.join(ROOT, 'src/voice.ts');
const CONFIG = path.join(ROOT, 'src/config.ts');
const RAW_PHONE_FORMS = ['415 555 2671', '4155552671', '+14155552671'];

/** A result with an error, a warning in another file, a suppressed finding and notices. */
function sampleResult() {
  const error = syntheticFinding(VOICE);
  const warning = syntheticFinding(CONFIG, {
    ruleId: 'no-plaintext-transport',
    severity: 'warning',
    summary: 'Webhook URL uses plaintext http://',
    message: 'Webhook URL uses plaintext http://. Call data travels unencrypted. Use https://.',
    location: location(CONFIG, 1, 20, 24),
    flow: [],
    source: undefined,
    piiKind: undefined,
    sink: undefined,
    fix: [{ start: 19, end: 26, text: 'https://' }],
    suggestions: [],
    fingerprint: 'fff000',
  });
  const suppressed = syntheticFinding(VOICE, {
    location: location(VOICE, 5, 3, 4),
    suppression: { justification: 'masked upstream by the gateway', until: '2027-06-30' },
    fingerprint: 'sss111',
  });
  return syntheticResult(ROOT, [warning, error, suppressed].sort((a, b) => a.location.file.localeCompare(b.location.file)), {
    notices: [
      { file: path.join(ROOT, 'src/big.js'), level: 'info', message: 'Skipped: looks minified or generated (a 30,000-character line).' },
      { file: path.join(ROOT, 'src/broken.ts'), level: 'warning', message: '2 syntax errors; analysed what could be parsed.' },
    ],
    sources: new Map([[VOICE, VOICE_SOURCE], [CONFIG, "export const url = 'http://hooks.acme-callcenter.com/status';\n"]]),
  });
}

function expectNoRawPhone(output: string) {
  for (const form of RAW_PHONE_FORMS) expect(output).not.toContain(form);
}

describe('text formatter', () => {
  const plain = formatText(sampleResult(), { color: false, quiet: false });

  it('groups findings by file with a masked code frame, the message, the flow and docs', () => {
    expect(plain).toContain('src/voice.ts\n  4:15  error  Phone number from req.body.From (src/voice.ts:3) is logged unmasked by logger.info  no-pii-in-logs\n');
    const frame = plain.slice(plain.indexOf('src/voice.ts\n'));
    expect(frame).toContain('      2 | app.post("/voice", (req, res) => {');
    expect(frame).toContain('      3 |   const caller = req.body.From;');
    expect(frame).toMatch(/    > 4 \|   logger\.info\(caller, "\+1•+71"\);\n {8}\| {15}\^{6}\n/);
    expect(frame).toContain('      6 | });');
    expect(frame.replace(/\s+/g, ' ')).toContain('Logs are kept for months and read by many people (GDPR Art. 32). Mask it with maskPhone() or log the call SID instead.');
    expect(frame).toContain('    Flow:\n      1. req.body.From (Twilio webhook) (src/voice.ts:3:18)\n      2. logged by logger.info (src/voice.ts:4:15)\n');
    expect(frame).toContain('Docs: https://');
    expectNoRawPhone(plain);
  });

  it('ends with a summary (suppressed counted apart) and the notices', () => {
    expect(plain).toContain('✖ 1 error, 1 warning in 2 files (1 suppressed); 3 files scanned in 1.2s.');
    expect(plain.trimEnd().split('\n').slice(-3)).toEqual([
      'Notices (2):',
      '  info  src/big.js: Skipped: looks minified or generated (a 30,000-character line).',
      '  warning  src/broken.ts: 2 syntax errors; analysed what could be parsed.',
    ]);
    expect(plain).not.toContain('sss111');
  });

  it('uses colour only when asked', () => {
    expect(plain).not.toMatch(/\x1b\[/);
    expect(formatText(sampleResult(), { color: true, quiet: false })).toMatch(/\x1b\[31m/);
  });

  it('--quiet shows errors only and says what it hid', () => {
    const quiet = formatText(sampleResult(), { color: false, quiet: true });
    expect(quiet).not.toContain('src/config.ts');
    expect(quiet).toContain('1 warning/note hidden by --quiet');
    expect(quiet).not.toContain('src/big.js');
  });

  it('says so when there is nothing to report', () => {
    expect(formatText(syntheticResult(ROOT, []), { color: false, quiet: false })).toBe('✔ No problems found in 3 files scanned in 1.2s.\n');
  });

  it('cuts very long lines around the finding and survives a missing source text', () => {
    const long = `${'x'.repeat(500)}logger.info(phone);${'y'.repeat(500)}`;
    const finding = syntheticFinding(VOICE, { location: location(VOICE, 1, 501, 18), flow: [] });
    const text = formatText(syntheticResult(ROOT, [finding], { sources: new Map([[VOICE, long]]) }), { color: false, quiet: false });
    const frameLine = text.split('\n').find((l) => l.includes('> 1 |'))!;
    expect(frameLine.length).toBeLessThan(200);
    expect(frameLine).toContain('logger.info(phone);');
    expect(formatText(syntheticResult(ROOT, [finding]), { color: false, quiet: false })).toContain('1:501  error');
  });
});

describe('json formatter', () => {
  const report = JSON.parse(formatJson(sampleResult(), { color: false, quiet: false })) as JsonReport;

  it('has the documented top-level shape', () => {
    expect(Object.keys(report)).toEqual(['version', 'tool', 'rootDir', 'findings', 'notices', 'summary']);
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'piiguard', version: defaultToolInfo().version, informationUri: expect.stringMatching(/^https:\/\//) });
    expect(report.summary).toEqual({ errors: 1, warnings: 1, notes: 0, suppressed: 1, filesWithFindings: 2, filesScanned: 3, durationMs: 1234 });
  });

  it('writes findings with relative paths, flow, fixes, suppression and docs', () => {
    const [warning, error, suppressed] = report.findings;
    expect(warning).toMatchObject({ ruleId: 'no-plaintext-transport', location: { file: 'src/config.ts', line: 1, column: 20 }, fix: [{ start: 19, end: 26, text: 'https://' }] });
    expect(error).toMatchObject({
      ruleId: 'no-pii-in-logs',
      severity: 'error',
      piiKind: 'phone',
      sink: 'logger.info',
      source: { description: 'req.body.From (Twilio webhook)', location: { file: 'src/voice.ts', line: 3 } },
      flow: [{ message: 'req.body.From (Twilio webhook)' }, { message: 'logged by logger.info', location: { file: 'src/voice.ts', line: 4, column: 15, endLine: 4, endColumn: 21 } }],
      fingerprint: 'abc123def456',
      docsUrl: expect.stringContaining('no-pii-in-logs'),
    });
    expect(error?.suppression).toBeUndefined();
    expect(suppressed?.suppression).toEqual({ justification: 'masked upstream by the gateway', until: '2027-06-30' });
    expect(report.notices[0]).toEqual({ file: 'src/big.js', level: 'info', message: expect.any(String) });
  });

  it('--quiet keeps errors only', () => {
    const quiet = JSON.parse(formatJson(sampleResult(), { color: false, quiet: true })) as JsonReport;
    expect(quiet.findings.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(quiet.notices.map((n) => n.level)).toEqual(['warning']);
  });
});

describe('sarif formatter', () => {
  const validate = sarifValidator();
  const sarif = JSON.parse(formatSarif(sampleResult(), { color: false, quiet: false }));
  const run = sarif.runs[0];

  it('is valid SARIF 2.1.0', () => {
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(sarif.version).toBe('2.1.0');
  });

  it('describes every rule with metadata from rules/', () => {
    const { driver } = run.tool;
    expect(driver).toMatchObject({ name: 'piiguard', version: defaultToolInfo().version, informationUri: expect.stringMatching(/^https:/) });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULE_IDS);
    const logs = driver.rules[RULE_IDS.indexOf('no-pii-in-logs')];
    const meta = RULES['no-pii-in-logs'];
    expect(logs).toMatchObject({
      id: 'no-pii-in-logs',
      name: 'NoPiiInLogs',
      shortDescription: { text: meta.description },
      helpUri: expect.stringContaining('no-pii-in-logs'),
      defaultConfiguration: { level: meta.severity },
      properties: { precision: meta.precision, 'security-severity': meta.securitySeverity.toFixed(1) },
    });
    expect(logs.properties.tags).toEqual(expect.arrayContaining(['security', 'external/cwe/cwe-532', ...meta.regulations]));
    expect(logs.help.text.length).toBeGreaterThan(20);
    expect(logs.help.markdown.length).toBeGreaterThan(20);
  });

  it('uses the rule docs as help when they are shipped', () => {
    const tool: ToolInfo = { ...defaultToolInfo(), ruleHelp: (id) => `# ${id}\n\nBad and good examples.` };
    const log = JSON.parse(formatSarif(sampleResult(), { color: false, quiet: false }, tool));
    expect(log.runs[0].tool.driver.rules[0].help).toEqual({ text: `# ${RULE_IDS[0]}\n\nBad and good examples.`, markdown: `# ${RULE_IDS[0]}\n\nBad and good examples.` });
  });

  it('writes results with relative locations, code flows, the source, fingerprints and fixes', () => {
    const [warning, error, suppressed] = run.results;
    expect(error).toMatchObject({
      ruleId: 'no-pii-in-logs',
      ruleIndex: RULE_IDS.indexOf('no-pii-in-logs'),
      level: 'error',
      partialFingerprints: { 'piiguard/v1': 'abc123def456' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/voice.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 15, endLine: 4, endColumn: 21, snippet: { text: 'caller' } } } }],
      relatedLocations: [{ id: 1, message: { text: 'req.body.From (Twilio webhook)' }, physicalLocation: { region: { startLine: 3 } } }],
      properties: { piiKind: 'phone', sink: 'logger.info' },
    });
    expect(error.codeFlows[0].threadFlows[0].locations.map((l: { location: { message: { text: string } } }) => l.location.message.text)).toEqual([
      'req.body.From (Twilio webhook)',
      'logged by logger.info',
    ]);
    expect(error.fixes).toEqual([
      { description: { text: 'Wrap in maskPhone()' }, artifactChanges: [{ artifactLocation: { uri: 'src/voice.ts', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { charOffset: 80, charLength: 6 }, insertedContent: { text: 'maskPhone(caller)' } }] }] },
    ]);
    expect(warning.fixes[0].description.text).toBe('Safe automatic fix');
    expect(warning.codeFlows).toBeUndefined();
    expect(error.suppressions).toBeUndefined();
    expect(suppressed.suppressions).toEqual([{ kind: 'inSource', justification: 'masked upstream by the gateway (until 2027-06-30)' }]);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
  });

  it('reports notices as tool execution notifications', () => {
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: 'note', message: { text: expect.stringContaining('minified') }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/big.js', uriBaseId: '%SRCROOT%' } } }] },
          { level: 'warning', message: { text: expect.stringContaining('syntax errors') }, locations: [expect.any(Object)] },
        ],
      },
    ]);
  });

  it('percent-encodes paths', () => {
    const file = path.join(ROOT, 'src/my folder/%odd#.ts');
    const log = JSON.parse(formatSarif(syntheticResult(ROOT, [syntheticFinding(file, { flow: [], source: undefined })]), { color: false, quiet: false }));
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('src/my%20folder/%25odd%23.ts');
    expect(validate(log)).toBe(true);
  });
});

describe('no formatter prints a raw phone number, even if the engine let one through', () => {
  const leaky = syntheticFinding(VOICE, {
    summary: 'Phone number +1 415 555 2671 is logged',
    message: 'Phone number +1 415 555 2671 is logged. Because. Mask it.',
    sink: 'logger.info',
    flow: [{ location: location(VOICE, 4, 3), message: 'literal "+14155552671"' }],
    suppression: { justification: 'call 4155552671 to ask' },
  });
  const unsuppressed = { ...leaky, suppression: undefined };
  const result = syntheticResult(ROOT, [unsuppressed, leaky], {
    notices: [{ file: VOICE, level: 'error', message: 'internal error near "+14155552671"' }],
    sources: new Map([[VOICE, VOICE_SOURCE]]),
  });

  it.each([
    ['text', () => formatText(result, { color: false, quiet: false })],
    ['json', () => formatJson(result, { color: false, quiet: false })],
    ['sarif', () => formatSarif(result, { color: false, quiet: false })],
  ])('%s', (_format, format) => {
    expectNoRawPhone(format());
  });
});

/**
 * The official schema is draft-04: Ajv 8 reads it once `id` becomes `$id` and `$schema` is dropped
 * (ajv-draft-04 isn't installed). `unicodeRegExp: false` because one of its patterns is not valid
 * with the `u` flag; formats are checked loosely since ajv-formats isn't installed either.
 */
function sarifValidator() {
  const schemaPath = path.resolve('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(schema);
}
