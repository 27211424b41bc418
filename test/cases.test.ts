import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import type { RuleId } from '../rules/types.js';
import { analyzePaths, compare, listSources, readExpectations } from './helpers/engine.js';

const CASES = path.join(import.meta.dirname, 'cases');

/** Each folder under test/cases is one rule's annotated fixtures, analysed as one program. */
describe.each(fs.readdirSync(CASES).filter((d) => fs.statSync(path.join(CASES, d)).isDirectory()))('%s', (rule) => {
  const dir = path.join(CASES, rule);
  const files = listSources(dir);
  // The rule under test at its own severity; only its findings are compared.
  const findings = analyzePaths(files, dir, { [rule]: RULES[rule as RuleId].severity });
  const expectations = files.flatMap(readExpectations);

  it('finds every marked problem and nothing else', () => {
    const result = compare(findings, expectations, [rule as RuleId], dir);
    expect({ missing: result.missing, unexpected: result.unexpected }).toEqual({ missing: [], unexpected: [] });
  });
});
