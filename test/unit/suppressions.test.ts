import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from '../../rules/index.js';
import type { Finding } from '../../src/engine/finding.js';
import { applySuppressions, parseSuppressions } from '../../src/engine/suppressions.js';

const FILE = '/repo/src/voice.ts';
const TODAY = '2026-03-01';

function finding(line: number, ruleId: Finding['ruleId'] = 'no-pii-in-logs'): Finding {
  return {
    ruleId,
    severity: 'error',
    message: 'Phone number reaches logger.info unmasked.',
    summary: 'Phone number reaches logger.info unmasked.',
    location: { file: FILE, line, column: 3, endLine: line, endColumn: 10 },
    flow: [],
    suggestions: [],
    fingerprint: `fp-${line}-${ruleId}`,
  };
}

function run(text: string, findings: Finding[], extra: { activeRules?: string[]; rootDir?: string } = {}) {
  return applySuppressions(findings, parseSuppressions(text), { file: FILE, today: TODAY, knownRules: RULE_IDS, ...extra });
}

describe('parseSuppressions', () => {
  it('reads scope, rules, reason and expiry', () => {
    const [d] = parseSuppressions(
      'const a = 1;\n// piiguard-ignore-next-line no-pii-in-logs, no-plaintext-pii-storage -- masked upstream by the gateway (until 2027-06-30)\nlog(a);\n',
    );
    expect(d).toMatchObject({
      scope: 'next-line',
      ruleIds: ['no-pii-in-logs', 'no-plaintext-pii-storage'],
      reason: 'masked upstream by the gateway',
      until: '2027-06-30',
      line: 2,
      column: 1,
      firstCoveredLine: 3,
      lastCoveredLine: 3,
    });
  });

  it('reads end-of-line, block and file directives', () => {
    const text = [
      '/* piiguard-ignore-file no-plaintext-transport -- local test harness */',
      'log(phone); // piiguard-ignore-line piiguard/no-pii-in-logs -- reviewed in SEC-12',
      '/**',
      ' * piiguard-ignore-next-line no-pii-in-logs -- the reason',
      ' *   continues here',
      ' */',
      'log(phone);',
    ].join('\n');
    const ds = parseSuppressions(text);
    expect(ds.map((d) => [d.scope, d.ruleIds, d.reason, d.firstCoveredLine, d.lastCoveredLine])).toEqual([
      ['file', ['no-plaintext-transport'], 'local test harness', 1, Number.MAX_SAFE_INTEGER],
      ['line', ['no-pii-in-logs'], 'reviewed in SEC-12', 2, 2],
      ['next-line', ['no-pii-in-logs'], 'the reason continues here', 7, 7],
    ]);
  });

  it('records missing parts instead of guessing', () => {
    const ds = parseSuppressions(
      [
        '// piiguard-ignore-next-line no-pii-in-logs',
        '// piiguard-ignore-next-line -- just because',
        '// piiguard-ignore-next-line no-pii-in-logs --   ',
        '// piiguard-ignore-next-line no-pii-in-logs -- ok (until 2027-02-30)',
      ].join('\n'),
    );
    expect(ds.map((d) => [d.ruleIds, d.reason, d.until, d.invalidUntil])).toEqual([
      [['no-pii-in-logs'], '', undefined, undefined],
      [[], 'just because', undefined, undefined],
      [['no-pii-in-logs'], '', undefined, undefined],
      [['no-pii-in-logs'], 'ok', undefined, '2027-02-30'],
    ]);
  });

  it('ignores directives inside strings, templates and regular expressions', () => {
    const text = [
      "const a = '// piiguard-ignore-next-line no-pii-in-logs -- in a string';",
      'const b = "/* piiguard-ignore-file no-pii-in-logs -- in a string */";',
      'const c = `// piiguard-ignore-line no-pii-in-logs -- in a template ${x + `// piiguard-ignore-line nested`} tail // piiguard-ignore-line x`;',
      'const d = /\\/\\/ piiguard-ignore-line no-pii-in-logs -- in a regex/;',
      'const e = a / 2; // piiguard-ignore-line no-pii-in-logs -- after a division',
      'const f = { g: `${{ h: 1 }.h}` }; // piiguard-ignore-line no-pii-in-logs -- after braces in a template',
    ].join('\n');
    expect(parseSuppressions(text).map((d) => d.reason)).toEqual(['after a division', 'after braces in a template']);
  });

  it('ignores comments that only mention the directive', () => {
    expect(parseSuppressions('// use piiguard-ignore-next-line <rule> -- <reason> to suppress\n')).toEqual([]);
    expect(parseSuppressions('// piiguard-ignore-next-lines no-pii-in-logs -- typo\n')).toEqual([]);
  });

  it('returns nothing quickly for files without directives', () => {
    expect(parseSuppressions('const a = 1; // a comment\n')).toEqual([]);
  });
});

describe('applySuppressions', () => {
  it('marks a covered finding with its justification and expiry, and keeps it', () => {
    const text = 'x;\n// piiguard-ignore-next-line no-pii-in-logs -- masked upstream (until 2027-06-30)\nlog(phone);\nlog(phone);\n';
    const { findings, problems } = run(text, [finding(3), finding(4)]);
    expect(findings[0]?.suppression).toEqual({ justification: 'masked upstream', until: '2027-06-30' });
    expect(findings[1]?.suppression).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('does not modify its input', () => {
    const input = [finding(2)];
    run('// piiguard-ignore-next-line no-pii-in-logs -- ok\nlog(phone);\n', input);
    expect(input[0]?.suppression).toBeUndefined();
  });

  it('only suppresses the rules named', () => {
    const text = '// piiguard-ignore-next-line no-plaintext-pii-storage -- encrypted by the DB\nsave(phone);\n';
    const { findings, problems } = run(text, [finding(2, 'no-pii-in-logs'), finding(2, 'no-plaintext-pii-storage')]);
    expect(findings.map((f) => f.suppression !== undefined)).toEqual([false, true]);
    expect(problems).toEqual([]);
  });

  it('covers the whole file and the same line', () => {
    const text = '/* piiguard-ignore-file no-pii-in-logs -- debug tool */\nlog(a);\nlog(b); // piiguard-ignore-line no-plaintext-pii-storage -- test double\n';
    const { findings, problems } = run(text, [finding(2), finding(3), finding(3, 'no-plaintext-pii-storage')]);
    expect(findings.every((f) => f.suppression !== undefined)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('reports a directive without a reason, and it suppresses nothing', () => {
    const { findings, problems } = run('// piiguard-ignore-next-line no-pii-in-logs\nlog(phone);\n', [finding(2)]);
    expect(findings[0]?.suppression).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: 'no-invalid-suppression',
      severity: RULES['no-invalid-suppression'].severity,
      location: { file: FILE, line: 1, column: 1, endLine: 1, endColumn: 44 },
      summary: 'piiguard-ignore-next-line no-pii-in-logs gives no reason, so it suppresses nothing.',
    });
    expect(problems[0]?.message).toContain(RULES['no-invalid-suppression'].why);
  });

  it('reports an expired directive with its date, and it suppresses nothing', () => {
    const { findings, problems } = run(
      'log(a); // piiguard-ignore-line no-pii-in-logs -- gateway masks it (until 2026-02-28)\n',
      [finding(1)],
    );
    expect(findings[0]?.suppression).toBeUndefined();
    expect(problems.map((p) => p.summary)).toEqual([
      'piiguard-ignore-line no-pii-in-logs expired on 2026-02-28, so it suppresses nothing.',
    ]);
    expect(problems[0]?.suggestions[0]?.title).toBe('Remove this suppression comment');
  });

  it('still honours a directive on its last day', () => {
    const { findings, problems } = run('log(a); // piiguard-ignore-line no-pii-in-logs -- ok (until 2026-03-01)\n', [finding(1)]);
    expect(findings[0]?.suppression?.until).toBe('2026-03-01');
    expect(problems).toEqual([]);
  });

  it('reports an expiry that is not a date', () => {
    const { findings, problems } = run('log(a); // piiguard-ignore-line no-pii-in-logs -- ok (until next year)\n', [finding(1)]);
    expect(findings[0]?.suppression).toBeUndefined();
    expect(problems.map((p) => p.summary)).toEqual([
      'piiguard-ignore-line no-pii-in-logs has an expiry that is not a date ("next year"), so it suppresses nothing.',
    ]);
  });

  it('reports a directive naming no rule', () => {
    const { findings, problems } = run('log(a); // piiguard-ignore-line -- everything here is fine\n', [finding(1)]);
    expect(findings[0]?.suppression).toBeUndefined();
    expect(problems.map((p) => p.summary)).toEqual(['piiguard-ignore-line names no rule, so it suppresses nothing.']);
  });

  it('reports an unknown rule but honours the known ones', () => {
    const { findings, problems } = run('log(a); // piiguard-ignore-line no-pii-in-log, no-pii-in-logs -- reviewed\n', [finding(1)]);
    expect(findings[0]?.suppression).toEqual({ justification: 'reviewed' });
    expect(problems.map((p) => p.summary)).toEqual(['piiguard-ignore-line names unknown rule "no-pii-in-log".']);
    expect(problems[0]?.message).toContain('no-pii-in-logs, no-plaintext-pii-storage');
  });

  it('reports an unused directive per rule, with a fix that removes the line', () => {
    const text = 'a();\n// piiguard-ignore-next-line no-pii-in-logs, no-plaintext-pii-storage -- reviewed\nlog(phone);\n';
    const { problems } = run(text, [finding(3)]);
    expect(problems.map((p) => p.summary)).toEqual([
      'piiguard-ignore-next-line no-plaintext-pii-storage suppresses nothing: no no-plaintext-pii-storage finding is on the line it covers.',
    ]);
    const edit = problems[0]?.suggestions[0]?.edits[0];
    expect(edit && text.slice(0, edit.start) + text.slice(edit.end)).toBe('a();\nlog(phone);\n');
  });

  it('does not call a directive unused when its rule did not run', () => {
    const text = '// piiguard-ignore-next-line no-plaintext-transport -- local only\nfetch(url);\n';
    expect(run(text, [], { activeRules: ['no-pii-in-logs'] }).problems).toEqual([]);
    expect(run(text, []).problems).toHaveLength(1);
  });

  it('ignores findings of other files', () => {
    const other = { ...finding(2), location: { ...finding(2).location, file: '/repo/src/other.ts' } };
    const { findings } = run('// piiguard-ignore-next-line no-pii-in-logs -- ok\nlog(phone);\n', [other]);
    expect(findings[0]?.suppression).toBeUndefined();
  });

  it('lets a directive suppress problems of no-invalid-suppression', () => {
    const text = '/* piiguard-ignore-file no-invalid-suppression -- legacy file, tracked in SEC-9 */\n// piiguard-ignore-next-line no-pii-in-logs\nlog(phone);\n';
    const { problems } = run(text, [finding(3)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.suppression).toEqual({ justification: 'legacy file, tracked in SEC-9' });
  });

  it('gives problems stable fingerprints that ignore line moves and checkout location', () => {
    const a = run('// piiguard-ignore-next-line no-pii-in-logs\nlog(phone);\n', [], { rootDir: '/repo' }).problems;
    const b = run('\n\n\n// piiguard-ignore-next-line no-pii-in-logs\nlog(phone);\n', [], { rootDir: '/repo' }).problems;
    expect(a.map((p) => p.fingerprint)).toEqual(b.map((p) => p.fingerprint));
    const twice = run('// piiguard-ignore-next-line no-pii-in-logs\n// piiguard-ignore-next-line no-pii-in-logs\n', []).problems;
    expect(new Set(twice.map((p) => p.fingerprint)).size).toBe(twice.length);
    expect(a[0]?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});
