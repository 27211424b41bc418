import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../rules/index.js';
import { analyzePaths, compare, listSources, readExpectations } from './helpers/engine.js';

const EXAMPLE = path.join(import.meta.dirname, '..', 'examples', 'call-center');

describe('examples/call-center', () => {
  const files = listSources(EXAMPLE);
  const findings = analyzePaths(files, EXAMPLE);

  it('reports exactly the planted problems, of all four kinds', () => {
    const result = compare(findings, files.flatMap(readExpectations), RULE_IDS, EXAMPLE);
    expect({ missing: result.missing, unexpected: result.unexpected }).toEqual({ missing: [], unexpected: [] });
    const rules = new Set(findings.filter((f) => !f.suppression).map((f) => f.ruleId));
    for (const rule of ['no-pii-in-logs', 'no-plaintext-pii-storage', 'require-consent-check', 'no-plaintext-transport']) expect(rules).toContain(rule);
  });

  it('honours the justified suppressions', () => {
    const suppressed = findings.filter((f) => f.suppression);
    expect(suppressed.length).toBeGreaterThanOrEqual(2);
    for (const f of suppressed) expect(f.suppression?.justification.length).toBeGreaterThan(10);
  });

  it('never puts a raw phone number in a message', () => {
    for (const f of findings) expect(f.message).not.toMatch(/\d{7,}/);
  });
});
