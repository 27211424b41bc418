import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, hostPattern, loadConfig, toEngineConfig } from '../../src/config/index.js';
import { defaultKnowledge } from '../../rules/knowledge.js';
import { RULE_IDS } from '../../rules/index.js';
import { PII_KINDS } from '../../rules/types.js';
import { tempDir, writeTree } from '../cli/helpers.js';

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function loadWith(content: string, file = 'piiguard.config.json') {
  const dir = tempDir();
  writeTree(dir, { [file]: content });
  return { dir, run: () => loadConfig(dir) };
}

describe('config schema', () => {
  const schema = configSchema();

  it('lists exactly the rule ids of rules/index.ts', () => {
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...RULE_IDS].sort());
  });

  it('lists exactly the PII kinds of rules/types.ts', () => {
    expect([...schema.definitions.piiKind.enum].sort()).toEqual([...PII_KINDS].sort());
    expect(Object.keys(schema.properties.pii.properties.names.properties).sort()).toEqual([...PII_KINDS].sort());
  });
});

describe('loadConfig: finding the file', () => {
  it('uses defaults and the start directory as root when there is no configuration', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '.git'));
    const loaded = loadConfig(dir);
    expect(loaded).toMatchObject({ config: {}, file: undefined, origin: 'defaults', rootDir: dir });
  });

  it('finds piiguard.config.json in a parent directory and roots the project there', () => {
    const dir = tempDir();
    writeTree(dir, { 'piiguard.config.json': '{ "failOn": "warning" }', 'packages/app/src/a.ts': '' });
    const loaded = loadConfig(path.join(dir, 'packages/app/src'));
    expect(loaded.file).toBe(path.join(dir, 'piiguard.config.json'));
    expect(loaded.rootDir).toBe(dir);
    expect(loaded.config.failOn).toBe('warning');
  });

  it('does not look above the repository root', () => {
    const dir = tempDir();
    writeTree(dir, { 'piiguard.config.json': '{ "failOn": "warning" }', 'repo/src/a.ts': '' });
    mkdirSync(path.join(dir, 'repo/.git'));
    expect(loadConfig(path.join(dir, 'repo/src')).origin).toBe('defaults');
  });

  it('reads the "piiguard" key of package.json', () => {
    const dir = tempDir();
    writeTree(dir, { 'package.json': JSON.stringify({ name: 'x', piiguard: { rules: { 'no-pii-in-logs': 'warning' } } }) });
    const loaded = loadConfig(dir);
    expect(loaded.origin).toBe('package.json');
    expect(loaded.config.rules).toEqual({ 'no-pii-in-logs': 'warning' });
  });

  it('skips a package.json without the key, even a malformed one', () => {
    const dir = tempDir();
    writeTree(dir, { 'package.json': '{ "name": "x", ', 'sub/package.json': '{ "name": "y" }' });
    mkdirSync(path.join(dir, '.git'));
    expect(loadConfig(path.join(dir, 'sub')).origin).toBe('defaults');
  });

  it('prefers piiguard.config.json over package.json in the same directory', () => {
    const dir = tempDir();
    writeTree(dir, {
      'package.json': JSON.stringify({ piiguard: { failOn: 'note' } }),
      'piiguard.config.json': '{ "failOn": "none" }',
    });
    expect(loadConfig(dir).config.failOn).toBe('none');
  });

  it('takes an explicit path over discovery, keeping the start directory as root', () => {
    const dir = tempDir();
    writeTree(dir, { 'piiguard.config.json': '{ "failOn": "none" }', 'ci/strict.json': '{ "failOn": "note" }' });
    const loaded = loadConfig(dir, 'ci/strict.json');
    expect(loaded.config.failOn).toBe('note');
    expect(loaded.rootDir).toBe(dir);
  });

  it('reports a missing explicit file', () => {
    const dir = tempDir();
    const error = configErrorOf(() => loadConfig(dir, 'nope.json'));
    expect(error.message).toContain(path.join(dir, 'nope.json'));
    expect(error.message).toContain('not found');
    expect(error.hint).toContain('--config');
  });

  it('resolves "tsconfig" from the configuration file and reports a missing one', () => {
    const dir = tempDir();
    writeTree(dir, { 'piiguard.config.json': '{ "tsconfig": "tsconfig.app.json" }' });
    expect(configErrorOf(() => loadConfig(dir)).problems[0]).toMatchObject({ keyPath: 'tsconfig' });
    writeTree(dir, { 'tsconfig.app.json': '{}' });
    expect(loadConfig(dir).tsconfigPath).toBe(path.join(dir, 'tsconfig.app.json'));
  });

  it('accepts a UTF-8 BOM', () => {
    const { run } = loadWith('\uFEFF{ "failOn": "warning" }');
    expect(run().config.failOn).toBe('warning');
  });
});

describe('loadConfig: malformed JSON names file, line and column', () => {
  it.each([
    ['a trailing comma', '{\n  "rules": {\n    "no-pii-in-logs": "error",\n  }\n}', 4, 3, 'trailing comma'],
    ['single quotes', "{\n  'failOn': 'error'\n}", 2, 3, 'double quotes'],
    ['a comment', '{\n  // strict\n  "failOn": "error"\n}', 2, 3, 'comments'],
    ['a missing comma', '{\n  "failOn": "error"\n  "tsconfig": "x"\n}', 3, 3, 'expected ","'],
    ['an unterminated string', '{\n  "failOn": "error\n}', 2, 19, 'control character'],
    ['a truncated file', '{\n  "failOn": ', 2, 13, 'unexpected end of file'],
    ['a duplicate key', '{ "failOn": "error", "failOn": "none" }', 1, 22, 'duplicate key'],
  ])('%s', (_name, text, line, column, fragment) => {
    const { dir, run } = loadWith(text);
    const [problem] = configErrorOf(run).problems;
    expect(problem).toMatchObject({ file: path.join(dir, 'piiguard.config.json'), line, column });
    expect(problem?.message).toContain('invalid JSON');
    expect(problem?.message).toContain(fragment);
  });
});

describe('loadConfig: validation messages name the key and what is allowed', () => {
  function problemsOf(config: unknown) {
    const { run } = loadWith(JSON.stringify(config, null, 2));
    return configErrorOf(run).problems;
  }

  it('unknown rule id, with the known ids and a suggestion', () => {
    const [problem] = problemsOf({ rules: { 'no-pii-in-logz': 'error' } });
    expect(problem?.keyPath).toBe('rules.no-pii-in-logz');
    expect(problem?.line).toBe(3);
    for (const id of RULE_IDS) expect(problem?.message).toContain(id);
    expect(problem?.message).toContain('Did you mean "no-pii-in-logs"?');
  });

  it('bad severity, with the allowed values', () => {
    const [problem] = problemsOf({ rules: { 'no-pii-in-logs': 'warn' } });
    expect(problem?.keyPath).toBe('rules.no-pii-in-logs');
    expect(problem?.message).toBe('"warn" is not allowed. Allowed values: "error", "warning", "note", "off". Did you mean "warning"?');
  });

  it('unknown top-level key, with the known keys', () => {
    const [problem] = problemsOf({ includes: ['src'] });
    expect(problem?.keyPath).toBe('includes');
    expect(problem?.message).toMatch(/unknown key "includes"\. Known keys: .*include, exclude.*Did you mean "include"\?/);
  });

  it('unknown nested key', () => {
    const [problem] = problemsOf({ consent: { functions: ['isCallable'] } });
    expect(problem?.keyPath).toBe('consent.functions');
    expect(problem?.message).toContain('Known keys: functionNames, propertyNames');
  });

  it('wrong types', () => {
    const problems = problemsOf({ include: 'src/**', maxFileSizeKb: '10', failOn: true });
    expect(problems.map((p) => [p.keyPath, p.message])).toEqual([
      ['include', 'expected an array of non-empty strings, found "src/**".'],
      ['maxFileSizeKb', 'expected a whole number (1 or more), found "10".'],
      ['failOn', 'boolean true is not allowed. Allowed values: "error", "warning", "note", "none".'],
    ]);
  });

  it('unknown PII kind and bad type mapping', () => {
    const problems = problemsOf({ pii: { names: { mobile: ['handy'] }, types: { Msisdn: 'msisdn' } } });
    expect(problems.map((p) => p.keyPath)).toEqual(['pii.names.mobile', 'pii.types.Msisdn']);
    expect(problems[0]?.message).toContain('unknown PII kind "mobile"');
    expect(problems[1]?.message).toContain('"phone", "national-id"');
  });

  it('model entries: required keys, exactly one root, argument selectors', () => {
    const problems = problemsOf({
      sinks: {
        log: [
          { id: 'audit', calls: [{ root: { module: 'audit', global: 'audit' }, path: 'write' }], args: 'first' },
          { id: 'no-calls' },
        ],
      },
      sources: [{ id: 'crm', kind: 'phone' }],
      sanitizers: [{ id: 'm', purpose: 'hide', names: ['^hide'] }],
    });
    expect(problems.map((p) => `${p.keyPath}: ${p.message}`)).toEqual([
      'sinks.log[0].calls[0].root: must have exactly one of "module", "global", "receiverName".',
      'sinks.log[0].args: expected "all" or an array of whole numbers (0 or more), found "first".',
      'sinks.log[1]: missing required key "calls".',
      'sources[0]: needs at least one of the keys "access", "call".',
      'sanitizers[0].purpose: "hide" is not allowed. Allowed values: "mask", "encrypt".',
    ]);
  });

  it('regular expressions that do not compile', () => {
    const [problem] = problemsOf({ consent: { functionNames: ['isDnc(', 'ok'] } });
    expect(problem?.keyPath).toBe('consent.functionNames[0]');
    expect(problem?.message).toMatch(/not a valid regular expression/);
  });

  it('access paths that do not parse', () => {
    const [problem] = problemsOf({ sinks: { log: [{ id: 'a', calls: [{ root: { module: 'audit' }, path: 'createLogger().{info,warn' }] }] } });
    expect(problem?.keyPath).toBe('sinks.log[0].calls[0].path');
    expect(problem?.message).toMatch(/not a valid access path: .*Unclosed brace/);
  });

  it('prefixes keys with "piiguard" inside package.json and points into it', () => {
    const dir = tempDir();
    writeTree(dir, { 'package.json': '{\n  "name": "x",\n  "piiguard": {\n    "ruls": {}\n  }\n}\n' });
    const [problem] = configErrorOf(() => loadConfig(dir)).problems;
    expect(problem).toMatchObject({ file: path.join(dir, 'package.json'), line: 4, column: 5, keyPath: 'piiguard.ruls' });
  });

  it('a non-object "piiguard" key', () => {
    const dir = tempDir();
    writeTree(dir, { 'package.json': '{ "piiguard": ["rules"] }' });
    const [problem] = configErrorOf(() => loadConfig(dir)).problems;
    expect(problem).toMatchObject({ keyPath: 'piiguard', message: 'expected an object, found an array.' });
  });

  it('a "__proto__" key is an unknown key, not a prototype', () => {
    const [problem] = problemsOf(JSON.parse('{ "__proto__": { "failOn": "none" } }'));
    expect(problem?.keyPath).toBe('__proto__');
  });

  it('formats each problem as file:line:column: key: message', () => {
    const { dir, run } = loadWith('{\n  "failOn": "never"\n}');
    expect(configErrorOf(run).message).toBe(
      `${path.join(dir, 'piiguard.config.json')}:2:3: failOn: "never" is not allowed. Allowed values: "error", "warning", "note", "none".`,
    );
  });
});

describe('toEngineConfig', () => {
  const base = toEngineConfig({}, { rootDir: '/repo', today: '2026-01-02' });

  it('uses the built-in knowledge and no overrides by default', () => {
    expect(base).toMatchObject({ rootDir: '/repo', today: '2026-01-02', rules: {} });
    expect(base.knowledge.logSinks).toEqual(defaultKnowledge.logSinks);
  });

  it('extends (never replaces) each part of the knowledge', () => {
    const config = toEngineConfig(
      {
        rules: { 'require-consent-check': 'off' },
        pii: { names: { phone: ['contactLine', 'handynummer'] }, nonPiiWords: ['template'], types: { DialString: 'phone' } },
        sources: [{ id: 'crm', kind: 'phone', access: { object: 'crmLead', properties: ['primaryLine'] } }],
        sinks: {
          log: [{ id: 'audit', calls: [{ root: { module: '@acme/audit' }, path: 'write' }] }],
          storage: [{ id: 'vault', describe: 'legacy vault', calls: [{ root: { global: 'legacyStore' } }], payloadProperties: ['data'] }],
          dial: [{ id: 'pbx', calls: [{ root: { module: '@acme/pbx' }, path: 'dial' }], destination: [{ arg: 0 }] }],
        },
        sanitizers: [{ id: 'acme-mask', purpose: 'mask', names: ['^acmeMask'] }],
        consent: { functionNames: ['^isOnAcmeDnc$'], propertyNames: ['^acmeConsent$'] },
        transport: { safeHosts: ['*.svc.cluster.local', 'Gateway.internal'] },
      },
      { rootDir: '/repo', today: '2026-01-02' },
    );
    const k = config.knowledge;
    expect(config.rules).toEqual({ 'require-consent-check': 'off' });
    expect(k.names.terms.slice(-2)).toEqual([
      { kind: 'phone', words: ['contact', 'line'] },
      { kind: 'phone', words: ['handynummer'] },
    ]);
    expect(k.names.terms.length).toBe(defaultKnowledge.names.terms.length + 2);
    expect(k.names.nonPiiWords).toContain('template');
    expect(k.types.names.DialString).toBe('phone');
    expect(k.types.names).toMatchObject(defaultKnowledge.types.names);
    expect(k.sources.at(-1)).toEqual({ id: 'crm', describe: 'crm', kind: 'phone', access: { object: 'crmLead', properties: ['primaryLine'] } });
    expect(k.logSinks.at(-1)).toEqual({ id: 'audit', describe: 'audit', category: 'log', calls: [{ root: { module: '@acme/audit' }, path: 'write' }] });
    expect(k.storageSinks.at(-1)).toMatchObject({ category: 'storage', describe: 'legacy vault', calls: [{ root: { global: 'legacyStore' }, path: '' }] });
    expect(k.dialSinks.at(-1)).toMatchObject({ id: 'pbx', channel: 'call', destination: [{ arg: 0 }] });
    expect(k.sanitizers.at(-1)).toEqual({ id: 'acme-mask', purpose: 'mask', names: ['^acmeMask'] });
    expect(k.consent.functionNames.at(-1)).toBe('^isOnAcmeDnc$');
    expect(k.consent.propertyNames.at(-1)).toBe('^acmeConsent$');
    expect(k.transport.safeHostPatterns.slice(-2)).toEqual(['(^|\\.)svc\\.cluster\\.local$', '^gateway\\.internal$']);
    // The defaults are untouched.
    expect(defaultKnowledge.logSinks.some((s) => s.id === 'audit')).toBe(false);
  });

  it('turns safe hosts into anchored patterns', () => {
    expect(new RegExp(hostPattern('*.svc.cluster.local')).test('api.ns.svc.cluster.local')).toBe(true);
    expect(new RegExp(hostPattern('*.svc.cluster.local')).test('svc.cluster.local.evil.com')).toBe(false);
    expect(new RegExp(hostPattern('gateway.internal')).test('gatewayXinternal')).toBe(false);
  });
});

describe('the schema file', () => {
  it('is what loadConfig validates against (a valid full example passes)', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'tsconfig.json'), '{}');
    writeTree(dir, {
      'piiguard.config.json': JSON.stringify({
        $schema: './node_modules/piiguard/rules/schema/config.schema.json',
        include: ['src/**'],
        exclude: ['**/*.test.ts'],
        rules: { 'no-plaintext-transport': 'warning' },
        failOn: 'warning',
        tsconfig: 'tsconfig.json',
        maxFileSizeKb: 512,
        pii: { names: { 'national-id': ['cpf'] }, nonPiiWords: ['template'], types: { Cpf: 'national-id' } },
        sources: [{ id: 'ivr', kind: 'phone', call: { methods: ['getVar'], firstArg: ['caller_id'] }, telephonyOnly: true }],
        sinks: {
          log: [{ id: 'audit', calls: [{ root: { receiverName: '^audit$' }, path: '{info,warn}' }], args: 'all' }],
          storage: [{ id: 's', calls: [{ root: { module: 'x' } }], args: [0, 1], kinds: ['phone'], safeWhenOption: ['encrypted'] }],
          dial: [{ id: 'd', channel: 'sms', calls: [{ root: { module: 'y' } }], destination: [{ arg: 0, property: ['to'] }], commandPattern: { arg: 0, pattern: '^originate' } }],
        },
        sanitizers: [{ id: 'vault', purpose: 'encrypt', calls: [{ root: { module: '@acme/vault' }, path: 'seal' }] }],
        consent: { functionNames: ['^acme'], propertyNames: ['^dncFlag$'] },
        transport: { safeHosts: ['pbx.lan'] },
      }),
    });
    expect(loadConfig(dir).config.failOn).toBe('warning');
  });
});
