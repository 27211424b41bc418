/**
 * One engine, one answer: on the fixture project, `eslint` with the plugin (typed) and
 * `piiguard scan` report the same rule, file and line — and the same message text. The scan runs
 * every rule, so ESLint here does too (configs.recommended plus the strict-only rules).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../rules/index.js';
import { listSources, readExpectations } from '../helpers/engine.js';
import { assertBuilt, ESLINT_BINS, type EslintJsonResult, eslintKeys, FIXTURE_PROJECT, rel, runEslint, runScan, type ScanJsonFinding } from './run-tools.js';

const ALL_RULES = RULE_IDS.flatMap((id) => ['--rule', `piiguard/${id}: warn`]);

describe('ESLint and piiguard scan on the fixture project', () => {
  let eslint: EslintJsonResult[];
  let scan: ScanJsonFinding[];

  beforeAll(() => {
    assertBuilt();
    eslint = runEslint(ESLINT_BINS['ESLint 10'], ALL_RULES).results;
    // Suppressed findings are kept in the JSON report (for SARIF); ESLint does not show them.
    scan = runScan().findings.filter((f) => f.suppression === undefined);
  });

  it('report the same rule, file and line', () => {
    const scanKeys = scan.map((f) => `${rel(f.location.file)}:${f.location.line} piiguard/${f.ruleId}`).sort();
    expect(scanKeys.length).toBeGreaterThan(10);
    expect(eslintKeys(eslint)).toEqual(scanKeys);
  });

  it('and both report what the fixture files annotate, strict-only rules included', () => {
    const annotated = listSources(FIXTURE_PROJECT)
      .flatMap(readExpectations)
      .filter((e) => e.marker !== 'MISSING')
      .map((e) => `${rel(e.file)}:${e.line} piiguard/${e.ruleId}`)
      .sort();
    expect(annotated).toContain('src/analytics.ts:10 piiguard/no-pii-in-url');
    expect(eslintKeys(eslint)).toEqual(annotated);
  });

  it('with the same message and column', () => {
    const fromScan = scan.map((f) => `${rel(f.location.file)}:${f.location.line}:${f.location.column} ${f.message}`).sort();
    const fromEslint = eslint.flatMap((r) => r.messages.map((m) => `${rel(r.filePath)}:${m.line}:${m.column} ${m.message}`)).sort();
    expect(fromEslint).toEqual(fromScan);
  });
});
