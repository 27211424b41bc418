/**
 * One engine, one answer: on the fixture project, `eslint` with the plugin (typed) and
 * `piiguard scan` report the same rule, file and line — and the same message text — when they run
 * the same rules: their defaults (configs.recommended / the recommended rules), and every rule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from '../../rules/index.js';
import { listSources, readExpectations } from '../helpers/engine.js';
import { assertBuilt, ESLINT_BINS, type EslintJsonResult, eslintKeys, FIXTURE_PROJECT, rel, runEslint, runScan, type ScanJsonFinding } from './run-tools.js';

// Rules outside configs.recommended (none at the moment: every rule is recommended), switched on for 'every rule'.
const STRICT_ONLY = RULE_IDS.filter((id) => !RULES[id].presets.includes('recommended'));
const ESLINT_ALL_RULES = STRICT_ONLY.flatMap((id) => ['--rule', `piiguard/${id}: warn`]);
const SCAN_ALL_RULES = STRICT_ONLY.flatMap((id) => ['--rule', `${id}=warning`]);

const ANNOTATED = listSources(FIXTURE_PROJECT)
  .flatMap(readExpectations)
  .filter((e) => e.marker !== 'MISSING')
  .map((e) => ({ key: `${rel(e.file)}:${e.line} piiguard/${e.ruleId}`, ruleId: e.ruleId }));

function scanKeys(findings: readonly ScanJsonFinding[]): string[] {
  return findings.map((f) => `${rel(f.location.file)}:${f.location.line} piiguard/${f.ruleId}`).sort();
}

function scanMessages(findings: readonly ScanJsonFinding[]): string[] {
  return findings.map((f) => `${rel(f.location.file)}:${f.location.line}:${f.location.column} ${f.message}`).sort();
}

function eslintMessages(results: readonly EslintJsonResult[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${rel(r.filePath)}:${m.line}:${m.column} ${m.message}`)).sort();
}

/** Suppressed findings stay in the JSON report (for SARIF); ESLint does not show them. */
function shown(findings: readonly ScanJsonFinding[]): ScanJsonFinding[] {
  return findings.filter((f) => f.suppression === undefined);
}

describe.each([
  ['default rules', [], [], (ruleId: string) => RULES[ruleId as keyof typeof RULES].presets.includes('recommended')],
  ['every rule', ESLINT_ALL_RULES, SCAN_ALL_RULES, () => true],
] as const)('ESLint and piiguard scan on the fixture project, %s', (_name, eslintArgs, scanArgs, annotatedRule) => {
  let eslint: EslintJsonResult[];
  let scan: ScanJsonFinding[];

  beforeAll(() => {
    assertBuilt();
    eslint = runEslint(ESLINT_BINS['ESLint 10'], eslintArgs).results;
    scan = shown(runScan(scanArgs).findings);
  });

  it('report the same rule, file and line', () => {
    expect(scan.length).toBeGreaterThan(10);
    expect(eslintKeys(eslint)).toEqual(scanKeys(scan));
  });

  it('with the same message and column', () => {
    expect(eslintMessages(eslint)).toEqual(scanMessages(scan));
  });

  it('and what the fixture files annotate', () => {
    expect(eslintKeys(eslint)).toEqual(ANNOTATED.filter((e) => annotatedRule(e.ruleId)).map((e) => e.key).sort());
  });
});
