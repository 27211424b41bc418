/**
 * RuleTesters for piiguard's ESLint rules, wired to vitest:
 *
 * - `typedTester`: typescript-eslint's RuleTester with type information (project service over
 *   rule-tester/tsconfig.json): the parser's program is what the rules analyse;
 * - `untypedTester`: typescript-eslint's RuleTester without a project: syntactic mode;
 * - `espreeTester`: ESLint 9's own RuleTester with its default parser (espree), for plain JS.
 *
 * Test code is linted as rule-tester/file.ts (or file.js), next to customer.ts, which typed
 * cases import.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { type Rule, RuleTester as Eslint9RuleTester } from 'eslint9';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// ESLint's own RuleTester takes the test framework the same way.
const eslintTester = Eslint9RuleTester as unknown as { describe: unknown; it: unknown; itOnly: unknown };
eslintTester.describe = describe;
eslintTester.it = it;
eslintTester.itOnly = it.only;

export const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rule-tester');
export const TS_FILE = path.join(FIXTURE_DIR, 'file.ts');
export const JS_FILE = path.join(FIXTURE_DIR, 'file.js');

export const typedTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.js'] },
      tsconfigRootDir: FIXTURE_DIR,
    },
  },
  defaultFilenames: { ts: 'file.ts', tsx: 'file.tsx' },
});

export const untypedTester = new RuleTester({ defaultFilenames: { ts: 'file.ts', tsx: 'file.tsx' } });

export const espreeTester = new Eslint9RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

/** typescript-eslint's rule type, as ESLint's own RuleTester types a rule (the same object at run time). */
export function asEslintRule(rule: object): Rule.RuleModule {
  return rule as Rule.RuleModule;
}

/** Source text from lines (so test code shows its line numbers plainly). */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** `code` with `text` inserted as a new line before 1-based `line`, indented like it. */
export function insertLineBefore(code: string, line: number, text: string): string {
  const all = code.split('\n');
  const indent = /^[ \t]*/.exec(all[line - 1] ?? '')?.[0] ?? '';
  all.splice(line - 1, 0, `${indent}${text}`);
  return all.join('\n');
}

/** The "suppress with a reason" suggestion every finding offers, as RuleTester expects it. */
export function suppressSuggestion(code: string, line: number, ruleId: string) {
  return {
    messageId: 'suppress' as const,
    data: { ruleId },
    output: insertLineBefore(code, line, `// piiguard-ignore-next-line ${ruleId} -- <reason>`),
  };
}
