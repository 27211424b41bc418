/**
 * `--format gitlab`. No copy of GitLab's security report schema ships in an installed package
 * (checked: node_modules has none), so the structure is checked against the rules of schema 15.x
 * written out below (required fields, enums, time and id formats), plus the content itself.
 */
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  GITLAB_SCHEMA_URL,
  GITLAB_SCHEMA_VERSION,
  type GitlabFormatOptions,
  type GitlabSastReport,
  RULE_IDENTIFIER_TYPE,
  formatGitlab,
  gitlabSeverity,
  gitlabTime,
  toGitlabReport,
} from '../../src/cli/formatters/gitlab.js';
import { formatResult } from '../../src/cli/formatters/index.js';
import { defaultToolInfo } from '../../src/cli/formatters/shared.js';
import { RULE_IDS, RULES } from '../../rules/index.js';
import { VOICE_SOURCE, location, syntheticFinding, syntheticResult } from '../cli/helpers.js';
import { RAW_PHONE_FORMS, syntheticScan } from './synthetic.js';

const ROOT = '/repo';
const VOICE = path.join(ROOT, 'src/voice.ts');
const CONFIG = path.join(ROOT, 'src/config.ts');
const OPTIONS: GitlabFormatOptions = {
  color: false,
  quiet: false,
  startedAt: new Date('2026-05-04T09:29:58.400Z'),
  finishedAt: new Date('2026-05-04T09:30:01.900Z'),
};

/** The parts of GitLab's SAST report schema 15.x that a report must satisfy to be ingested. */
const TIME = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$' };
const IDENTIFIER = {
  type: 'object',
  required: ['type', 'name', 'value'],
  properties: {
    type: { type: 'string', minLength: 1 },
    name: { type: 'string', minLength: 1 },
    value: { type: 'string', minLength: 1 },
    url: { type: 'string', pattern: '^https?://' },
  },
};
const SCANNER = {
  type: 'object',
  required: ['id', 'name', 'vendor', 'version'],
  properties: {
    id: { type: 'string', pattern: '^[a-zA-Z0-9-_]+$' },
    name: { type: 'string', minLength: 1 },
    url: { type: 'string', pattern: '^https?://' },
    version: { type: 'string', minLength: 1 },
    vendor: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } },
  },
};
const DETAIL_TEXT = { type: 'object', required: ['type', 'value'], properties: { type: { const: 'text' }, value: { type: 'string' } } };
const DETAIL_FILE_LOCATION = {
  type: 'object',
  required: ['type', 'file_name', 'line_start'],
  properties: { type: { const: 'file-location' }, file_name: { type: 'string', minLength: 1 }, line_start: { type: 'integer' }, line_end: { type: 'integer' } },
};
const SAST_REPORT_SCHEMA = {
  type: 'object',
  required: ['version', 'vulnerabilities', 'scan'],
  properties: {
    schema: { type: 'string', pattern: '^https://' },
    version: { type: 'string', pattern: '^15\\.\\d+\\.\\d+$' },
    scan: {
      type: 'object',
      required: ['analyzer', 'scanner', 'type', 'start_time', 'end_time', 'status'],
      properties: {
        analyzer: SCANNER,
        scanner: SCANNER,
        type: { const: 'sast' },
        start_time: TIME,
        end_time: TIME,
        status: { enum: ['success', 'failure'] },
        messages: {
          type: 'array',
          items: { type: 'object', required: ['level', 'value'], properties: { level: { enum: ['info', 'warn', 'fatal'] }, value: { type: 'string' } } },
        },
        primary_identifiers: { type: 'array', items: IDENTIFIER },
      },
    },
    vulnerabilities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'identifiers', 'location', 'name', 'description', 'severity'],
        properties: {
          id: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
          category: { const: 'sast' },
          name: { type: 'string', minLength: 1, maxLength: 255 },
          message: { type: 'string' },
          description: { type: 'string', minLength: 1, maxLength: 1048576 },
          severity: { enum: ['Info', 'Unknown', 'Low', 'Medium', 'High', 'Critical'] },
          solution: { type: 'string', minLength: 1, maxLength: 7000 },
          identifiers: { type: 'array', minItems: 1, items: IDENTIFIER },
          links: { type: 'array', items: { type: 'object', required: ['url'], properties: { name: { type: 'string' }, url: { type: 'string', pattern: '^https?://' } } } },
          location: {
            type: 'object',
            required: ['file', 'start_line'],
            properties: { file: { type: 'string', minLength: 1 }, start_line: { type: 'integer', minimum: 1 }, end_line: { type: 'integer', minimum: 1 } },
          },
          raw_source_code_extract: { type: 'string' },
          tracking: {
            type: 'object',
            required: ['items'],
            properties: {
              type: { const: 'source' },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['signatures'],
                  properties: {
                    signatures: {
                      type: 'array',
                      items: { type: 'object', required: ['algorithm', 'value'], properties: { algorithm: { enum: ['hash', 'location', 'scope_offset'] }, value: { type: 'string' } } },
                    },
                  },
                },
              },
            },
          },
          details: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              required: ['type', 'header', 'rows'],
              properties: {
                type: { const: 'table' },
                name: { type: 'string' },
                header: { type: 'array', items: DETAIL_TEXT },
                rows: { type: 'array', items: { type: 'array', items: { oneOf: [DETAIL_TEXT, DETAIL_FILE_LOCATION] } } },
              },
            },
          },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: false }).compile(SAST_REPORT_SCHEMA);

function expectValid(report: unknown) {
  const valid = validate(report);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
}

function sampleResult() {
  const error = syntheticFinding(VOICE);
  const transport = syntheticFinding(CONFIG, {
    ruleId: 'no-plaintext-transport',
    severity: 'warning',
    summary: 'Webhook URL uses plaintext http://',
    message: 'Webhook URL uses plaintext http://. Call data travels unencrypted. Use https://.',
    location: location(CONFIG, 1, 20, 24),
    flow: [],
    source: undefined,
    piiKind: undefined,
    sink: undefined,
    fingerprint: 'fff000',
  });
  const suppressed = syntheticFinding(VOICE, { location: location(VOICE, 5, 3, 4), suppression: { justification: 'masked upstream' }, fingerprint: 'sss111' });
  return syntheticResult(ROOT, [transport, error, suppressed], {
    notices: [
      { file: path.join(ROOT, 'src/big.js'), level: 'info', message: 'Skipped: looks minified or generated.' },
      { file: path.join(ROOT, 'src/broken.ts'), level: 'error', message: 'Not analysed: internal error.' },
    ],
    sources: new Map([[VOICE, VOICE_SOURCE]]),
  });
}

describe('formatGitlab', () => {
  const report = JSON.parse(formatGitlab(sampleResult(), OPTIONS)) as GitlabSastReport;

  it('is a valid SAST report of schema 15.x', () => {
    expectValid(report);
    expect(report.version).toBe(GITLAB_SCHEMA_VERSION);
    expect(report.schema).toBe(GITLAB_SCHEMA_URL);
    expect(GITLAB_SCHEMA_URL).toContain(`/v${GITLAB_SCHEMA_VERSION}/dist/sast-report-format.json`);
  });

  it('describes the scan: scanner, analyzer, type, status and times in UTC', () => {
    const tool = defaultToolInfo();
    expect(report.scan).toMatchObject({
      type: 'sast',
      status: 'success',
      start_time: '2026-05-04T09:29:58',
      end_time: '2026-05-04T09:30:01',
      scanner: { id: 'piiguard', name: 'piiguard', version: tool.version, vendor: { name: 'piiguard' }, url: tool.informationUri },
    });
    expect(report.scan.analyzer).toEqual(report.scan.scanner);
    expect(report.scan.primary_identifiers.map((identifier) => identifier.value)).toEqual(RULE_IDS);
  });

  it('lists unsuppressed findings only, and says how many are suppressed; notices become messages', () => {
    expect(report.vulnerabilities).toHaveLength(2);
    expect(report.scan.messages).toEqual([
      { level: 'info', value: 'src/big.js: Skipped: looks minified or generated.' },
      { level: 'warn', value: 'src/broken.ts: Not analysed: internal error.' },
      { level: 'info', value: '1 finding is suppressed in the source with a reason and not listed.' },
    ]);
  });

  it('writes each finding with location, identifiers (rule first, then CWE), severity, message and solution', () => {
    const [transport, logs] = report.vulnerabilities;
    expect(logs).toMatchObject({
      category: 'sast',
      name: RULES['no-pii-in-logs'].description,
      message: 'Phone number from req.body.From (src/voice.ts:3) is logged unmasked by logger.info',
      severity: 'Medium',
      solution: RULES['no-pii-in-logs'].fix,
      location: { file: 'src/voice.ts', start_line: 4, end_line: 4 },
      links: [{ name: 'piiguard rule no-pii-in-logs', url: defaultToolInfo().docsUrl('no-pii-in-logs') }],
      tracking: { type: 'source', items: [{ file: 'src/voice.ts', start_line: 4, end_line: 4, signatures: [{ algorithm: 'hash', value: 'abc123def456' }] }] },
    });
    expect(logs!.identifiers).toEqual([
      { type: RULE_IDENTIFIER_TYPE, name: 'piiguard rule no-pii-in-logs', value: 'no-pii-in-logs', url: defaultToolInfo().docsUrl('no-pii-in-logs') },
      { type: 'cwe', name: 'CWE-532', value: '532', url: 'https://cwe.mitre.org/data/definitions/532.html' },
      { type: 'cwe', name: 'CWE-359', value: '359', url: 'https://cwe.mitre.org/data/definitions/359.html' },
    ]);
    expect(transport).toMatchObject({ severity: 'Medium', location: { file: 'src/config.ts', start_line: 1, end_line: 1 } });
    expect(transport!.identifiers[0]!.value).toBe('no-plaintext-transport');
    expect(transport!.identifiers.slice(1).map((identifier) => identifier.name)).toEqual(RULES['no-plaintext-transport'].cwe);
    expect(transport!.details).toBeUndefined();
    expect(transport!.raw_source_code_extract).toBeUndefined();
  });

  it('puts the message, PII kind, sink, source, regulations and data flow in the description and details', () => {
    const logs = report.vulnerabilities[1]!;
    expect(logs.description).toBe(
      [
        'Phone number from req.body.From (src/voice.ts:3) is logged unmasked by logger.info. Logs are kept for months and read by many people (GDPR Art. 32). Mask it with maskPhone() or log the call SID instead.',
        '',
        '- PII kind: Phone number',
        '- Sink: `logger.info`',
        '- Source: req.body.From (Twilio webhook) (src/voice.ts:3)',
        `- Regulations: ${RULES['no-pii-in-logs'].regulations.join('; ')}`,
        '',
        'Data flow, from source to sink:',
        '1. req.body.From (Twilio webhook) (src/voice.ts:3)',
        '2. logged by logger.info (src/voice.ts:4)',
      ].join('\n'),
    );
    expect(logs.details).toEqual({
      data_flow: {
        name: 'Data flow, from source to sink',
        type: 'table',
        header: [
          { type: 'text', value: 'Step' },
          { type: 'text', value: 'Location' },
          { type: 'text', value: 'What happens' },
        ],
        rows: [
          [{ type: 'text', value: '1' }, { type: 'file-location', file_name: 'src/voice.ts', line_start: 3, line_end: 3 }, { type: 'text', value: 'req.body.From (Twilio webhook)' }],
          [{ type: 'text', value: '2' }, { type: 'file-location', file_name: 'src/voice.ts', line_start: 4, line_end: 4 }, { type: 'text', value: 'logged by logger.info' }],
        ],
      },
    });
  });

  it('quotes the flagged code masked, and never a raw phone number', () => {
    expect(report.vulnerabilities[1]!.raw_source_code_extract).toMatch(/^ {2}logger\.info\(caller, "\+1•+71"\);$/);
    const text = formatGitlab(sampleResult(), OPTIONS);
    for (const form of RAW_PHONE_FORMS) expect(text).not.toContain(form);
  });

  it('gives each finding a stable, unique UUID-shaped id', () => {
    const again = toGitlabReport(sampleResult(), { ...OPTIONS, finishedAt: new Date() });
    expect(again.vulnerabilities.map((v) => v.id)).toEqual(report.vulnerabilities.map((v) => v.id));
    const twins = [syntheticFinding(VOICE), syntheticFinding(VOICE, { location: location(VOICE, 9, 1) })];
    const ids = toGitlabReport(syntheticResult(ROOT, twins), OPTIONS).vulnerabilities.map((v) => v.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('--quiet keeps error findings only', () => {
    const quiet = toGitlabReport(sampleResult(), { ...OPTIONS, quiet: true });
    expect(quiet.vulnerabilities.map((v) => v.identifiers[0]!.value)).toEqual(['no-pii-in-logs']);
    expect(quiet.scan.messages.some((message) => message.value.includes('big.js'))).toBe(false);
  });

  it('stays valid with no findings and with thousands', () => {
    const empty = toGitlabReport(syntheticResult(ROOT, []), OPTIONS);
    expectValid(empty);
    expect(empty.vulnerabilities).toEqual([]);
    const large = toGitlabReport(syntheticScan(2000), OPTIONS);
    expectValid(large);
    expect(new Set(large.vulnerabilities.map((v) => v.id)).size).toBe(large.vulnerabilities.length);
    expect(large.vulnerabilities.every((v) => v.description.length <= 1_048_576 && v.name.length <= 255)).toBe(true);
  });

  it('is what formatResult writes for --format gitlab', () => {
    expect(formatResult('gitlab', sampleResult(), { color: false, quiet: false }, undefined, { ...OPTIONS })).toBe(formatGitlab(sampleResult(), OPTIONS));
  });
});

describe('gitlabSeverity', () => {
  it("follows the rule's security-severity like GitHub code scanning, capped by the configured severity", () => {
    expect(gitlabSeverity('error', RULES['no-pii-in-logs'])).toBe('Medium'); // 6.5
    expect(gitlabSeverity('error', RULES['no-plaintext-pii-storage'])).toBe('High'); // 7.5
    expect(gitlabSeverity('error', RULES['require-consent-check'])).toBe('High'); // 7.0
    expect(gitlabSeverity('warning', RULES['no-invalid-suppression'])).toBe('Low'); // 3.0
    expect(gitlabSeverity('error', { securitySeverity: 9.1 })).toBe('Critical');
    expect(gitlabSeverity('warning', { securitySeverity: 9.1 })).toBe('Medium');
    expect(gitlabSeverity('note', RULES['no-plaintext-pii-storage'])).toBe('Low');
    expect(gitlabSeverity('error', { securitySeverity: 0 })).toBe('Info');
    expect(gitlabSeverity('error', undefined)).toBe('High');
  });

  it('writes times the only way the schema accepts', () => {
    expect(gitlabTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05');
  });
});
