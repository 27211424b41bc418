/**
 * One engine, one answer: on the fixture project, `eslint` with the plugin (typed) and
 * `piiguard scan` report the same rule, file and line — and the same message text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ESLINT_BINS, type EslintJsonResult, eslintKeys, rel, runEslint, runScan, type ScanJsonFinding } from './run-tools.js';

describe('ESLint and piiguard scan on the fixture project', () => {
  let eslint: EslintJsonResult[];
  let scan: ScanJsonFinding[];

  beforeAll(() => {
    assertBuilt();
    eslint = runEslint(ESLINT_BINS['ESLint 10']).results;
    // Suppressed findings are kept in the JSON report (for SARIF); ESLint does not show them.
    scan = runScan().findings.filter((f) => f.suppression === undefined);
  });

  it('report the same rule, file and line', () => {
    const scanKeys = scan.map((f) => `${rel(f.location.file)}:${f.location.line} piiguard/${f.ruleId}`).sort();
    expect(scanKeys.length).toBeGreaterThan(10);
    expect(eslintKeys(eslint)).toEqual(scanKeys);
  });

  it('with the same message and column', () => {
    const fromScan = scan.map((f) => `${rel(f.location.file)}:${f.location.line}:${f.location.column} ${f.message}`).sort();
    const fromEslint = eslint.flatMap((r) => r.messages.map((m) => `${rel(r.filePath)}:${m.line}:${m.column} ${m.message}`)).sort();
    expect(fromEslint).toEqual(fromScan);
  });
});
