import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSources } from './helpers/engine.js';

const CASES = path.join(import.meta.dirname, 'cases');

/** Precision matters as much as recall: each rule's fixtures carry at least as many safe look-alikes as problems. */
describe.each(fs.readdirSync(CASES))('test/cases/%s', (rule) => {
  it('has at least as many `// safe` look-alikes as `$ Alert` problems', () => {
    let alerts = 0;
    let safe = 0;
    for (const file of listSources(path.join(CASES, rule))) {
      const text = fs.readFileSync(file, 'utf8');
      alerts += [...text.matchAll(new RegExp(`\\$ Alert\\[${rule}\\]`, 'g'))].length;
      safe += [...text.matchAll(/\/\/ safe\b/g)].length;
    }
    expect(alerts).toBeGreaterThan(10);
    expect(safe).toBeGreaterThanOrEqual(alerts);
  });
});
