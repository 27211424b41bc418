/**
 * The plugin object, its configs, the option and settings schemas, and the adapter's plumbing
 * (configuration memoising, typed/syntactic choice), through ESLint's own Linter where it matters.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { type Linter as LinterTypes, Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS, docsUrl } from '../../rules/index.js';
import { configSchema } from '../../src/config/index.js';
import { engineConfigFor, mergeKnowledge, readSettings } from '../../src/eslint/engine-config.js';
import { findingsForFile } from '../../src/eslint/file-findings.js';
import plugin, { ruleOptionsSchema, settingsSchema } from '../../src/eslint/index.js';
import { packageInfo } from '../../src/config/package-files.js';
import { FIXTURE_DIR, lines } from './testers.js';

const FILE = path.join(FIXTURE_DIR, 'file.ts');

function lint(code: string, config: LinterTypes.Config, filename = FILE): LinterTypes.LintMessage[] {
  const base: LinterTypes.Config = { files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tsParser as LinterTypes.Parser }, plugins: { piiguard: plugin as unknown as NonNullable<LinterTypes.Config['plugins']>[string] } };
  return new Linter({ cwd: FIXTURE_DIR }).verify(code, [base, config], { filename });
}

describe('the plugin object', () => {
  it('names itself and has one rule per engine rule, under the same id', () => {
    expect(plugin.meta).toEqual({ name: 'piiguard', version: packageInfo().version });
    expect(Object.keys(plugin.rules).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      const { meta } = plugin.rules[id];
      expect(meta.docs?.url).toBe(docsUrl(id));
      expect(meta.docs?.description).toBe(RULES[id].description);
      expect(meta.type).toBe('problem');
      expect(meta.hasSuggestions).toBe(true);
      expect(Object.keys(meta.messages)).toEqual(expect.arrayContaining(['finding', 'wrapMask', 'wrapEncrypt', 'insertConsentGuard', 'suppress', 'removeSuppression']));
    }
    // Only safe, meaning-preserving changes are autofixes.
    expect(RULE_IDS.filter((id) => plugin.rules[id].meta.fixable)).toEqual(['no-plaintext-transport']);
    // The docs flag the rules of configs.recommended, as typescript-eslint's do.
    for (const id of RULE_IDS) expect(plugin.rules[id].meta.docs?.recommended !== undefined).toBe(RULES[id].presets.includes('recommended'));
  });

  it('has flat configs that reference the plugin itself', () => {
    expect(plugin.configs.recommended.plugins?.piiguard).toBe(plugin);
    expect(plugin.configs.strict.plugins?.piiguard).toBe(plugin);
    expect(plugin.configs.recommended.rules).toEqual({
      'piiguard/no-pii-in-logs': 'error',
      'piiguard/no-plaintext-pii-storage': 'error',
      'piiguard/require-consent-check': 'error',
      'piiguard/no-plaintext-transport': 'error',
      'piiguard/no-hardcoded-pii': 'warn',
      'piiguard/no-reversible-pii-hash': 'warn',
      'piiguard/no-pii-in-url': 'warn',
      'piiguard/no-pii-to-third-party': 'warn',
      'piiguard/no-invalid-suppression': 'warn',
    });
    expect(plugin.configs.strict.rules).toEqual(Object.fromEntries(RULE_IDS.filter((id) => RULES[id].presets.includes('strict')).map((id) => [`piiguard/${id}`, 'error'])));
    expect(Object.keys(plugin.configs.strict.rules ?? {})).toHaveLength(RULE_IDS.length);
  });
});

describe('schemas derived from the configuration schema', () => {
  const config = configSchema() as { properties: Record<string, unknown>; definitions: Record<string, unknown> };

  it('settings.piiguard takes exactly the knowledge keys, with the same sub-schemas', () => {
    const schema = settingsSchema() as { properties: Record<string, unknown>; definitions: unknown };
    expect(Object.keys(schema.properties).sort()).toEqual(['consent', 'pii', 'sanitizers', 'sinks', 'sources', 'transport']);
    for (const key of Object.keys(schema.properties)) expect(schema.properties[key]).toEqual(config.properties[key]);
    expect(schema.definitions).toEqual(config.definitions);
  });

  it('each rule takes the knowledge it reads', () => {
    const optionKeys = (id: (typeof RULE_IDS)[number]) => {
      const schema = ruleOptionsSchema(id) as { items?: { properties: Record<string, { properties?: object }> }[] };
      const properties = schema.items?.[0]?.properties ?? {};
      return Object.keys(properties).map((key) => (key === 'sinks' ? `sinks.${Object.keys(properties.sinks?.properties ?? {}).join(',')}` : key));
    };
    expect(optionKeys('no-pii-in-logs')).toEqual(['pii', 'sources', 'sinks.log', 'sanitizers']);
    expect(optionKeys('no-plaintext-pii-storage')).toEqual(['pii', 'sources', 'sinks.storage', 'sanitizers']);
    expect(optionKeys('require-consent-check')).toEqual(['pii', 'sources', 'sinks.dial', 'consent']);
    expect(optionKeys('no-plaintext-transport')).toEqual(['transport']);
    expect(ruleOptionsSchema('no-invalid-suppression')).toEqual({ type: 'array', maxItems: 0 });
  });

  it('ESLint rejects options the schema does not allow', () => {
    expect(() => lint('const a = 1;\n', { rules: { 'piiguard/no-plaintext-transport': ['error', { sinks: {} }] } })).toThrow(/piiguard\/no-plaintext-transport[\s\S]*Unexpected property "sinks"\. Expected properties: "transport"/);
    expect(() => lint('const a = 1;\n', { rules: { 'piiguard/no-pii-in-logs': ['error', { sinks: { log: [{ id: 'x' }] } }] } })).toThrow(/piiguard\/no-pii-in-logs[\s\S]*calls/);
  });
});

describe('settings.piiguard', () => {
  const rules: LinterTypes.RulesRecord = { 'piiguard/no-pii-in-logs': 'error' };

  it('names the key and what is allowed when it is wrong', () => {
    expect(() => lint('const a = 1;\n', { rules, settings: { piiguard: { rules: { 'no-pii-in-logs': 'off' } } } })).toThrow(/settings\.piiguard\.rules: "rules" is not a knowledge key\. Allowed keys: pii, sources, sinks, sanitizers, consent, transport/);
    expect(() => lint('const a = 1;\n', { rules, settings: { piiguard: { consent: { functionNames: ['(unclosed'] } } } })).toThrow(/settings\.piiguard\.consent\.functionNames\[0\]: is not a valid regular expression/);
    expect(() => lint('const a = 1;\n', { rules, settings: { piiguard: { pii: { names: { phone: 'contactNo' } } } } })).toThrow(/settings\.piiguard\.pii\.names\.phone: expected an array of non-empty strings/);
  });

  it('is read once per content, whatever object ESLint hands over', () => {
    const a = readSettings({ piiguard: { pii: { names: { phone: ['contactNo'] } }, consent: { functionNames: ['^isReachable$'] } } });
    const b = readSettings({ piiguard: { consent: { functionNames: ['^isReachable$'] }, pii: { names: { phone: ['contactNo'] } } } });
    const context = { rootDir: '/project', rules: ['no-pii-in-logs', 'require-consent-check'] as const, today: '2026-11-22' };
    expect(engineConfigFor(a, [], context)).toBe(engineConfigFor(b, [{}], { ...context, rules: ['require-consent-check', 'no-pii-in-logs'] }));
    // A new day is a new configuration: suppression expiry depends on it.
    expect(engineConfigFor(a, [], { ...context, today: '2026-11-23' })).not.toBe(engineConfigFor(a, [], context));
  });

  it('runs in the engine exactly the piiguard rules ESLint runs', () => {
    const config = engineConfigFor({}, [], { rootDir: '/project', rules: ['no-pii-in-logs', 'no-pii-in-url'], today: '2026-11-22' });
    expect(config.rules).toEqual(Object.fromEntries(RULE_IDS.map((id) => [id, id === 'no-pii-in-logs' ? 'error' : id === 'no-pii-in-url' ? 'warning' : 'off'])));
  });

  it('rule knowledge extends the settings, never replaces them', () => {
    expect(mergeKnowledge({ consent: { functionNames: ['^a$'] }, pii: { types: { Msisdn: 'phone' } } }, { consent: { functionNames: ['^b$'] }, pii: { types: { Ssn: 'national-id' } } })).toEqual({
      consent: { functionNames: ['^a$', '^b$'] },
      pii: { types: { Msisdn: 'phone', Ssn: 'national-id' } },
    });
  });
});

describe('suppressions and rule options together', () => {
  const code = lines(
    "import { audit } from '@acme/audit';",
    'export function notify(phoneNumber: string) {',
    '  // piiguard-ignore-next-line no-pii-in-logs -- the audit store is encrypted at rest (SEC-9)',
    "  audit.write('sending to', phoneNumber);",
    '}',
  );
  const auditSink = { id: 'acme-audit', calls: [{ root: { module: '@acme/audit' }, path: 'audit.write' }] };

  it('a suppression of a finding that only a rule option produces is not reported as unused', () => {
    const messages = lint(code, { rules: { 'piiguard/no-pii-in-logs': ['error', { sinks: { log: [auditSink] } }], 'piiguard/no-invalid-suppression': 'warn' } });
    expect(messages).toEqual([]);
  });

  it('without that option the same comment suppresses nothing, and says so', () => {
    const messages = lint(code, { rules: { 'piiguard/no-pii-in-logs': 'error', 'piiguard/no-invalid-suppression': 'warn' } });
    expect(messages.map((m) => [m.ruleId, m.messageId, m.line])).toEqual([['piiguard/no-invalid-suppression', 'finding', 3]]);
    expect(messages[0]?.suggestions?.map((s) => [s.messageId, code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1])])).toEqual([
      ['removeSuppression', code.replace(/^ *\/\/ piiguard-ignore-next-line[^\n]*\n/m, '')],
    ]);
  });
});

describe('typed or syntactic', () => {
  const text = "export function notify(phoneNumber: string) {\n  console.log('sending to', phoneNumber);\n}\n";
  const config = engineConfigFor({}, [], { rootDir: FIXTURE_DIR, rules: ['no-pii-in-logs'], today: '2026-11-22' });

  function programOf(fileName: string, source: string): ts.Program {
    const host = ts.createCompilerHost({ noEmit: true, types: [] }, true);
    const original = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, onError, create) => (name === fileName ? ts.createSourceFile(name, source, version, true) : original(name, version, onError, create));
    return ts.createProgram({ rootNames: [fileName], options: { noEmit: true, types: [], lib: ['lib.es2022.d.ts'] }, host });
  }

  it('uses the parser program when it holds the file as ESLint sees it', () => {
    const result = findingsForFile({ filename: FILE, text, program: programOf(FILE, text), parsed: undefined }, config);
    expect(result.mode).toBe('typed');
    expect(result.findings.map((f) => [f.ruleId, f.location.line])).toEqual([['no-pii-in-logs', 2]]);
  });

  it('falls back to the file alone when the program holds older text (an autofix pass) or not the file', () => {
    const stale = findingsForFile({ filename: FILE, text, program: programOf(FILE, `// older text\n${text}`), parsed: undefined }, config);
    expect(stale.mode).toBe('syntactic');
    expect(stale.findings.map((f) => f.location.line)).toEqual([2]);
    const other = findingsForFile({ filename: FILE, text, program: programOf(path.join(FIXTURE_DIR, 'customer.ts'), 'export {};\n'), parsed: undefined }, config);
    expect(other.mode).toBe('syntactic');
  });

  it('analyses files with names TypeScript would not accept (processors, stdin)', () => {
    const result = findingsForFile({ filename: path.join(FIXTURE_DIR, 'README.md', '0_0.js'), text, program: null, parsed: undefined }, config);
    expect(result.findings.map((f) => f.location.line)).toEqual([2]);
    const stdin = findingsForFile({ filename: '<text>', text, program: undefined, parsed: undefined }, config);
    expect(stdin.findings.map((f) => f.location.line)).toEqual([2]);
  });

  it('reuses the parser’s own tree when it may, and parses again when JSDoc matters', () => {
    const parsed = ts.createSourceFile(FILE, text, ts.ScriptTarget.Latest, true);
    expect(findingsForFile({ filename: FILE, text, program: null, parsed }, config).findings).toHaveLength(1);
    const withJsDoc = `/** @param {string} phoneNumber */\n${text}`;
    const wrong = ts.createSourceFile(FILE, text, ts.ScriptTarget.Latest, true);
    // A tree of other text is never used: offsets would not match.
    expect(findingsForFile({ filename: FILE, text: withJsDoc, program: null, parsed: wrong }, config).findings.map((f) => f.location.line)).toEqual([3]);
  });
});
