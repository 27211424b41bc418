import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from '../rules/index.js';
import type { RuleId } from '../rules/types.js';
import { analyzeSources } from './helpers/engine.js';

const RULES_DIR = path.join(import.meta.dirname, '..', 'rules');

interface Example {
  verdict: 'incorrect' | 'correct';
  code: string;
  line: number;
}

/** Every ```ts block whose first line is `// ❌ Incorrect` or `// ✅ Correct`. */
function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const fence = /```(?:ts|tsx|js|typescript|javascript)\n([\s\S]*?)```/g;
  for (const m of markdown.matchAll(fence)) {
    const code = m[1]!;
    const first = code.split('\n', 1)[0]!.trim();
    const verdict = first.startsWith('// ❌') ? 'incorrect' : first.startsWith('// ✅') ? 'correct' : undefined;
    if (verdict) out.push({ verdict, code, line: markdown.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** Docs are executed: each ❌ example yields a finding of its rule, each ✅ example none. */
describe.each(RULE_IDS.filter((id) => fs.existsSync(path.join(RULES_DIR, `${id}.md`))))('rules/%s.md', (id) => {
  const markdown = fs.readFileSync(path.join(RULES_DIR, `${id}.md`), 'utf8');
  const cases = examples(markdown);

  it('starts with the rule id and its metadata description', () => {
    expect(markdown.split('\n', 1)[0]).toContain(id);
    expect(markdown).toContain(RULES[id].description);
  });

  it('has at least three incorrect and three correct examples', () => {
    expect(cases.filter((c) => c.verdict === 'incorrect').length).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => c.verdict === 'correct').length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases.map((c) => [`${c.verdict} example at line ${c.line}`, c] as const))('%s', (_name, example) => {
    const findings = analyzeSources({ 'example.ts': example.code }, { [id]: RULES[id].severity }).filter((f) => f.ruleId === (id as RuleId) && !f.suppression);
    if (example.verdict === 'incorrect') expect(findings.length, example.code).toBeGreaterThan(0);
    else expect(findings.map((f) => f.summary), example.code).toEqual([]);
  });
});
