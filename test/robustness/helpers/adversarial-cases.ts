/**
 * Adversarial inputs for a whole scan. Each case puts a few files in one repository and says what
 * must happen to them; all cases share one scan, next to ordinary files whose findings must still
 * be reported. `outcome` is what test/robustness/README.md lists.
 */
import type { FileNotice, Finding } from '../../../src/engine/finding.js';

export interface ScanView {
  /** Notices of one file (root-relative path). */
  notices(file: string): FileNotice[];
  /** Unsuppressed findings of one file, as `line:ruleId`. */
  findings(file: string): string[];
  allFindings: readonly Finding[];
}

export interface AdversarialCase {
  name: string;
  /** What piiguard does, for the README. */
  outcome: string;
  files: Record<string, string | Uint8Array>;
  check(view: ScanView): void;
}

/** A Twilio webhook that logs the caller's number: one finding, on line 4 + `padLines`. */
export function voiceWebhook(padLines = 0, newline = '\n'): string {
  return [
    ...Array.from({ length: padLines }, () => '// padding'),
    "import twilio from 'twilio';",
    'export function inbound(req: any) {',
    '  const caller: string = req.body.From;',
    "  console.log('inbound call from', caller);",
    '}',
    '',
  ].join(newline);
}

export const VOICE_FINDING = '4:no-pii-in-logs';

const MB = 1024 * 1024;

function utf16(text: string, byteOrder: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = byteOrder === 'le' ? le : Buffer.from(le).swap16();
  if (!bom) return body;
  return Buffer.concat([Buffer.from(byteOrder === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

/** One nesting level per line, so the file is not mistaken for minified code. */
const nested = (open: string, inner: string, close: string, depth: number) => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

export type Expectation = (view: ScanView, file: string) => void;

export function expectNotice(view: ScanView, file: string, level: FileNotice['level'], fragment: string | RegExp): void {
  const notices = view.notices(file);
  const found = notices.some((n) => n.level === level && (typeof fragment === 'string' ? n.message.includes(fragment) : fragment.test(n.message)));
  if (!found) throw new Error(`${file}: expected a ${level} notice matching ${String(fragment)}, got ${JSON.stringify(notices)}`);
}

export function expectFindings(view: ScanView, file: string, expected: string[]): void {
  const actual = view.findings(file);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${file}: expected findings ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function expectNoNotices(view: ScanView, file: string): void {
  const notices = view.notices(file);
  if (notices.length > 0) throw new Error(`${file}: expected no notices, got ${JSON.stringify(notices)}`);
}

export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  {
    name: 'ordinary files next to the adversarial ones',
    outcome: 'analysed; their findings are reported (the rest of the scan completes)',
    files: { 'src/voice.ts': voiceWebhook() },
    check: (view) => expectFindings(view, 'src/voice.ts', [VOICE_FINDING]),
  },
  {
    name: 'a 10 MB minified bundle',
    outcome: 'skipped with an info notice: above maxFileSizeKb (2,048 KB); with the limit raised, skipped as minified',
    files: { 'public/vendor.js': `${'var a=function(b){return b+1};'.repeat(Math.ceil((10 * MB) / 30))}\n` },
    check: (view) => expectNotice(view, 'public/vendor.js', 'info', /Skipped: 10,2\d\d KB is above the 2,048 KB limit/),
  },
  {
    name: 'expressions nested 100,000 deep (parentheses, one per line)',
    outcome: "skipped with a warning: nested too deeply to parse (TypeScript's parser overflows at ~780 levels); no stack overflow",
    files: { 'src/deep-parens.ts': `const x = ${nested('(\n', 'req.body.From', ')\n', 100_000)};\nconsole.log(x);\n` },
    check: (view) => expectNotice(view, 'src/deep-parens.ts', 'warning', 'nested too deeply to parse'),
  },
  {
    name: 'if statements nested 100,000 deep',
    outcome: 'skipped with a warning: nested too deeply to parse',
    files: { 'src/deep-ifs.ts': `${'if (a)\n'.repeat(100_000)}console.log(req.body.From);\n` },
    check: (view) => expectNotice(view, 'src/deep-ifs.ts', 'warning', 'nested too deeply to parse'),
  },
  {
    name: 'a member chain 100,000 long (parses, but would overflow the binder)',
    outcome: 'skipped with a warning: nested too deeply to analyse (syntax depth over 1,000); the other files keep their findings',
    files: { 'src/deep-members.ts': `const x = req.body${'\n  .next'.repeat(100_000)};\nconsole.log(x);\n` },
    check: (view) => expectNotice(view, 'src/deep-members.ts', 'warning', 'nested too deeply to analyse'),
  },
  {
    name: 'a string concatenation of 100,000 terms',
    outcome: 'skipped with a warning: nested too deeply to analyse',
    files: { 'src/deep-concat.ts': `const phone = req.body.From;\nconst x = ${"'a' +\n".repeat(100_000)}phone;\nconsole.log(x);\n` },
    check: (view) => expectNotice(view, 'src/deep-concat.ts', 'warning', 'nested too deeply to analyse'),
  },
  {
    name: 'nesting 100,000 deep on one line',
    outcome: 'skipped with an info notice: looks minified or generated',
    files: { 'src/deep-oneline.ts': `const x = ${nested('[', '1', ']', 100_000)};\n` },
    check: (view) => expectNotice(view, 'src/deep-oneline.ts', 'info', 'looks minified'),
  },
  {
    name: 'a binary file named .js',
    outcome: 'skipped with an info notice: binary file (contains NUL bytes)',
    files: { 'src/logo.js': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)]) },
    check: (view) => expectNotice(view, 'src/logo.js', 'info', 'binary file'),
  },
  {
    name: 'random bytes without NUL named .ts',
    outcome: 'read as Latin-1 (info notice) and parsed with syntax errors (warning); no crash',
    files: { 'src/noise.ts': Buffer.from(Array.from({ length: 20_000 }, (_, i) => 1 + ((i * 7919 + 13) % 255))) },
    check: (view) => expectNotice(view, 'src/noise.ts', 'info', 'Latin-1'),
  },
  {
    name: 'UTF-16 LE and BE with a byte order mark',
    outcome: 'decoded; findings at the right lines',
    files: { 'src/utf16le.ts': utf16(voiceWebhook(), 'le'), 'src/utf16be.ts': utf16(voiceWebhook(), 'be') },
    check: (view) => {
      expectFindings(view, 'src/utf16le.ts', [VOICE_FINDING]);
      expectFindings(view, 'src/utf16be.ts', [VOICE_FINDING]);
    },
  },
  {
    name: 'UTF-16 without a byte order mark',
    outcome: 'skipped with an info notice: binary file (its NUL bytes are indistinguishable from binary without a BOM)',
    files: { 'src/utf16-nobom.ts': utf16(voiceWebhook(), 'le', false) },
    check: (view) => expectNotice(view, 'src/utf16-nobom.ts', 'info', 'binary file'),
  },
  {
    name: 'a Latin-1 file',
    outcome: 'read as Latin-1 with an info notice; analysed, findings at the right lines',
    files: { 'src/latin1.ts': Buffer.from(`// Grüße aus Köln\n${voiceWebhook()}`, 'latin1') },
    check: (view) => {
      expectNotice(view, 'src/latin1.ts', 'info', 'read as Latin-1');
      expectFindings(view, 'src/latin1.ts', ['5:no-pii-in-logs']);
    },
  },
  {
    name: 'a UTF-8 byte order mark',
    outcome: 'stripped; findings at the right line and column',
    files: { 'src/bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(voiceWebhook())]) },
    check: (view) => {
      expectNoNotices(view, 'src/bom.ts');
      expectFindings(view, 'src/bom.ts', [VOICE_FINDING]);
      const at = (name: string) => view.allFindings.find((f) => f.location.file.endsWith(name))?.location;
      if (JSON.stringify(at('/bom.ts')) !== JSON.stringify({ ...at('/voice.ts'), file: at('/bom.ts')?.file })) {
        throw new Error(`bom.ts: expected the location of the same finding without a BOM, got ${JSON.stringify(at('/bom.ts'))}`);
      }
    },
  },
  {
    name: 'CRLF, lone CR and mixed line endings',
    outcome: 'analysed; findings at the right lines',
    files: {
      'src/crlf.ts': voiceWebhook(2, '\r\n'),
      'src/cr.ts': voiceWebhook(2, '\r'),
      'src/mixed.ts': voiceWebhook(0, '\n').replace('\n', '\r\n'),
    },
    check: (view) => {
      expectFindings(view, 'src/crlf.ts', ['6:no-pii-in-logs']);
      expectFindings(view, 'src/cr.ts', ['6:no-pii-in-logs']);
      expectFindings(view, 'src/mixed.ts', [VOICE_FINDING]);
    },
  },
  {
    name: 'syntax errors',
    outcome: 'warning with the count and the first error; what parses is analysed',
    files: { 'src/broken.ts': `${voiceWebhook()}const = ;\nfunction (\n` },
    check: (view) => {
      expectNotice(view, 'src/broken.ts', 'warning', /syntax errors? \(first at 6:/);
      expectFindings(view, 'src/broken.ts', [VOICE_FINDING]);
    },
  },
  {
    name: 'empty files, a lone BOM, a shebang, unusual Unicode',
    outcome: 'analysed without notices',
    files: {
      'src/empty.ts': '',
      'src/only-bom.ts': Buffer.from([0xef, 0xbb, 0xbf]),
      'bin/cli.js': `#!/usr/bin/env node\n${voiceWebhook().replace(': any', '').replace(': string', '')}`,
      'src/unicode.ts': `const \u0442\u0435\u043b\u0435\u0444\u043e\u043d = '\u{1F4DE}\u200d\u202e';\n\u2028const z\u0301 = 1;\nconsole.log('\ud800');\n`,
    },
    check: (view) => {
      for (const file of ['src/empty.ts', 'src/only-bom.ts', 'bin/cli.js', 'src/unicode.ts']) expectNoNotices(view, file);
      expectFindings(view, 'bin/cli.js', ['5:no-pii-in-logs']);
    },
  },
];
