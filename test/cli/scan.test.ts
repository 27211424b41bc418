import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { ScanInputError } from '../../src/scan/errors.js';
import { scan } from '../../src/scan/scan.js';
import { createFakeAnalyzer } from './fake-analyzer.js';
import { tempDir, writeTree } from './helpers.js';

const fake = { createAnalyzer: createFakeAnalyzer };

describe('scan', () => {
  it('discovers, reads, analyses and sorts; problems with single files become notices', async () => {
    const root = tempDir();
    writeTree(root, {
      'src/b.ts': "const url = 'http://crm.acme.com';\nlogger.info(phone);\n",
      'src/a.ts': 'logger.info(phone);\n',
      'src/crash.ts': '// CRASH_ME\n',
      'src/broken.ts': 'logger.info(phone);\nconst = ;\n',
      'src/logo.js': Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01]),
    });
    const result = await scan({ cwd: root, paths: ['.'] }, fake);
    expect(result.rootDir).toBe(root);
    expect(result.filesScanned).toBe(3);
    expect(result.findings.map((f) => `${path.relative(root, f.location.file)}:${f.location.line} ${f.ruleId}`)).toEqual([
      'src/a.ts:1 no-pii-in-logs',
      'src/b.ts:1 no-plaintext-transport',
      'src/b.ts:2 no-pii-in-logs',
      'src/broken.ts:1 no-pii-in-logs',
    ]);
    expect(result.notices.map((n) => [path.relative(root, n.file), n.level])).toEqual([
      ['src/broken.ts', 'warning'],
      ['src/crash.ts', 'error'],
      ['src/logo.js', 'info'],
    ]);
    expect(result.notices[1]?.message).toMatch(/internal error.*too deeply nested/);
    expect([...result.sources.keys()].map((f) => path.relative(root, f)).sort()).toEqual(['src/a.ts', 'src/b.ts', 'src/broken.ts']);
    expect(result.config).toEqual({ file: undefined, tsconfig: undefined, failOn: 'error', rules: {} });
  });

  it('applies configuration: rules, request overrides, exclude, size limit, failOn', async () => {
    const root = tempDir();
    writeTree(root, {
      'piiguard.config.json': JSON.stringify({
        rules: { 'no-plaintext-transport': 'off', 'no-pii-in-logs': 'warning' },
        exclude: ['legacy/**'],
        maxFileSizeKb: 1,
        failOn: 'warning',
      }),
      'src/a.ts': "logger.info(phone); fetch('http://x.acme.com');\n",
      'src/big.ts': `${'// padding\n'.repeat(200)}logger.info(phone);\n`,
      'legacy/old.ts': 'logger.info(phone);\n',
    });
    const result = await scan({ cwd: path.join(root, 'src'), paths: ['..'], rules: { 'no-pii-in-logs': 'note' } }, fake);
    expect(result.findings.map((f) => [path.relative(root, f.location.file), f.ruleId, f.severity])).toEqual([['src/a.ts', 'no-pii-in-logs', 'note']]);
    expect(result.notices.map((n) => n.message)).toEqual([expect.stringContaining('above the 1 KB limit')]);
    expect(result.config).toMatchObject({ file: path.join(root, 'piiguard.config.json'), failOn: 'warning', rules: { 'no-pii-in-logs': 'note', 'no-plaintext-transport': 'off' } });
  });

  it('fails before reading files on bad configuration or missing paths', async () => {
    const root = tempDir();
    writeTree(root, { 'piiguard.config.json': '{ "rules": { "nope": "error" } }' });
    await expect(scan({ cwd: root, paths: ['.'] }, fake)).rejects.toThrow(ConfigError);
    await expect(scan({ cwd: root, paths: ['.'], configPath: 'missing.json' }, fake)).rejects.toThrow(ConfigError);
    const empty = tempDir();
    await expect(scan({ cwd: empty, paths: ['nowhere'] }, fake)).rejects.toThrow(ScanInputError);
  });

  it('reads UTF-16 files and reports findings at the decoded positions', async () => {
    const root = tempDir();
    writeTree(root, { 'win.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('// x\nlogger.info(phone);\n', 'utf16le')]) });
    const result = await scan({ cwd: root, paths: ['.'] }, fake);
    expect(result.findings.map((f) => [f.location.line, f.location.column])).toEqual([[2, 1]]);
  });
});
