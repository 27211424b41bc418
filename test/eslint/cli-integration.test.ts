/**
 * The real `eslint` command (ESLint 10 and ESLint 9) on test/eslint/fixture-project, whose
 * eslint.config.js loads the built plugin: TypeScript with type information, JavaScript without.
 * What it must report is annotated in the fixture files (`// $ Alert[rule]`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import type { RuleId } from '../../rules/types.js';
import { listSources, readExpectations } from '../helpers/engine.js';
import { assertBuilt, ESLINT_BINS, type EslintJsonResult, eslintKeys, FIXTURE_PROJECT, rel, runEslint } from './run-tools.js';

const SOURCES = listSources(FIXTURE_PROJECT).filter((file) => !/eslint(\.\w+)?\.config\.js$/.test(file));

/** Expected `file:line piiguard/rule` keys of the rules in configs.recommended, from the inline annotations. */
const EXPECTED = SOURCES.flatMap(readExpectations)
  .filter((e) => e.marker !== 'MISSING' && RULES[e.ruleId as RuleId].presets.includes('recommended'))
  .map((e) => `${rel(e.file)}:${e.line} piiguard/${e.ruleId}`)
  .sort();

describe.each(Object.entries(ESLINT_BINS))('%s on the fixture project', (_name, bin) => {
  let results: EslintJsonResult[];
  let status: number | null;

  beforeAll(() => {
    assertBuilt();
    ({ results, status } = runEslint(bin));
  });

  it('reports exactly the annotated problems, with the type-aware ones', () => {
    expect(eslintKeys(results)).toEqual(EXPECTED);
    // A flow across files (req.body.From in voice.ts, stored in calls.ts) needs the parser's program.
    expect(EXPECTED).toContain('src/store/calls.ts:11 piiguard/no-plaintext-pii-storage');
    expect(status).toBe(1);
  });

  it('uses message id "finding" and the severities of configs.recommended', () => {
    for (const message of results.flatMap((r) => r.messages)) {
      expect(message.messageId).toBe('finding');
      // error → 2; warning and note → "warn" (1).
      expect(message.severity).toBe(RULES[message.ruleId.replace('piiguard/', '') as RuleId].severity === 'error' ? 2 : 1);
    }
  });

  it('offers a fix only for plaintext transport, and suggestions with a suppression everywhere', () => {
    for (const message of results.flatMap((r) => r.messages)) {
      if (message.ruleId === 'piiguard/no-plaintext-transport') expect(message.fix).toBeDefined();
      else expect(message.fix).toBeUndefined();
      if (message.ruleId !== 'piiguard/no-invalid-suppression') {
        expect(message.suggestions?.map((s) => s.messageId)).toContain('suppress');
      }
    }
  });

  it('--fix-dry-run switches the plaintext endpoints to TLS and leaves the rest alone', () => {
    const { results: fixed } = runEslint(bin, ['--fix-dry-run']);
    const endpoints = fixed.find((r) => rel(r.filePath) === 'src/config/endpoints.ts');
    const original = readFileSync(path.join(FIXTURE_PROJECT, 'src/config/endpoints.ts'), 'utf8');
    expect(endpoints?.output).toBe(
      original
        .replace("'http://crm.acme-contact.com", "'https://crm.acme-contact.com")
        .replace("'sip:dialer@", "'sips:dialer@")
        .replace("'http://events.acme-contact.com", "'https://events.acme-contact.com"),
    );
    expect(endpoints?.messages).toEqual([]);
    // Files without a safe fix are not rewritten.
    expect(fixed.filter((r) => r.output !== undefined).map((r) => rel(r.filePath))).toEqual(['src/config/endpoints.ts']);
  });
});

describe('syntactic mode on the same project (no type information)', () => {
  it('keeps what one file shows, loses flows across files, and cannot see consent checked by callers', () => {
    assertBuilt();
    const { results } = runEslint(ESLINT_BINS['ESLint 10'], ['-c', 'eslint.syntactic.config.js']);
    const keys = eslintKeys(results);
    const missed = EXPECTED.filter((k) => !keys.includes(k));
    const extra = keys.filter((k) => !EXPECTED.includes(k));
    expect({ missed, extra }).toEqual({
      // req.body.From enters in voice.ts and is stored by rememberCaller() in calls.ts; the profile logged in
      // voice.ts is PII by its inferred type only.
      missed: ['src/store/calls.ts:11 piiguard/no-plaintext-pii-storage', 'src/webhooks/voice.ts:20 piiguard/no-pii-in-logs'],
      // placeCall() dials; both of its callers (campaign.ts) check consent first.
      extra: ['src/dialer/place-call.ts:8 piiguard/require-consent-check'],
    });
  });
});
