import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minifiedReason, readSourceFile } from '../../src/scan/read-source.js';
import { tempDir } from './helpers.js';

function fileWith(content: string | Uint8Array, name = 'file.ts'): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

const CODE = "const caller = req.body.From; // Grüße\nlogger.info('done');\n";

describe('readSourceFile', () => {
  it('reads UTF-8', () => {
    expect(readSourceFile(fileWith(CODE))).toEqual({ status: 'read', text: CODE, encoding: 'utf8', notices: [] });
  });

  it('strips a UTF-8 BOM', () => {
    const result = readSourceFile(fileWith(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CODE)])));
    expect(result).toMatchObject({ status: 'read', text: CODE, encoding: 'utf8-bom' });
  });

  it('decodes UTF-16 LE and BE by their BOM (not mistaken for binary)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CODE, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(readSourceFile(fileWith(le))).toMatchObject({ status: 'read', text: CODE, encoding: 'utf16le', notices: [] });
    expect(readSourceFile(fileWith(be))).toMatchObject({ status: 'read', text: CODE, encoding: 'utf16be', notices: [] });
  });

  it('falls back to Latin-1 for invalid UTF-8, with a notice', () => {
    const file = fileWith(Buffer.from("const name = 'Jos\xe9';\n", 'latin1'));
    const result = readSourceFile(file);
    expect(result).toMatchObject({ status: 'read', text: "const name = 'José';\n", encoding: 'latin1' });
    expect(result.notices).toEqual([{ file, level: 'info', message: expect.stringContaining('Latin-1') }]);
  });

  it('skips binary files', () => {
    const file = fileWith(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 'logo.js');
    expect(readSourceFile(file)).toEqual({ status: 'skipped', notices: [{ file, level: 'info', message: 'Skipped: binary file (contains NUL bytes).' }] });
  });

  it('skips files above the size limit without reading them whole', () => {
    const file = fileWith('const callSid = req.body.CallSid;\n'.repeat(90)); // 3 KB of ordinary code
    const result = readSourceFile(file, { maxFileSizeKb: 2 });
    expect(result.status).toBe('skipped');
    expect(result.notices[0]?.message).toMatch(/3 KB is above the 2 KB limit/);
    expect(readSourceFile(file, { maxFileSizeKb: 4 }).status).toBe('read');
  });

  it('skips minified code', () => {
    const oneLine = `${'var a=1;'.repeat(3000)}\n`;
    const result = readSourceFile(fileWith(oneLine, 'app.js'));
    expect(result.status).toBe('skipped');
    expect(result.notices[0]?.message).toMatch(/looks minified/);
  });

  it('reports a file deleted during the scan and does not throw', () => {
    const file = path.join(tempDir(), 'gone.ts');
    expect(readSourceFile(file)).toEqual({
      status: 'skipped',
      notices: [{ file, level: 'warning', message: 'Skipped: cannot be read (it was deleted or moved during the scan).' }],
    });
  });

  it('reports an unreadable file', () => {
    if (process.getuid?.() === 0) return; // root reads anything
    const file = fileWith(CODE);
    chmodSync(file, 0o000);
    expect(readSourceFile(file).notices[0]?.message).toContain('permission denied');
  });

  it('does not try to read a directory that looks like a source file', () => {
    const dir = path.join(tempDir(), 'weird.ts');
    mkdirSync(dir);
    expect(readSourceFile(dir)).toMatchObject({ status: 'skipped', notices: [{ message: 'Skipped: not a regular file.' }] });
  });
});

describe('minifiedReason', () => {
  it('accepts ordinary code, including one long string in a long file', () => {
    expect(minifiedReason(CODE.repeat(200))).toBeUndefined();
    expect(minifiedReason(`${CODE.repeat(200)}const logo = "${'A'.repeat(30_000)}";\n`)).toBeUndefined();
  });

  it('flags a very long line in a short file and a high average line length', () => {
    expect(minifiedReason(`${'x'.repeat(25_000)}\n`)).toMatch(/25,000-character line/);
    expect(minifiedReason(`${'y'.repeat(1_500)}\n`.repeat(20))).toMatch(/lines average/);
  });
});
