import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../helpers/engine.js';

/**
 * A baseline matches findings by fingerprint, so a fingerprint must survive what happens to code
 * around a finding (lines inserted above, edits elsewhere in the file) and change when the finding
 * itself changes (other value, other sink, other function, other file).
 */
const VOICE = [
  "import express from 'express';",
  'const app = express();',
  "app.post('/voice', (req, res) => {",
  '  const caller = req.body.From;',
  "  console.log('incoming call', caller);",
  "  res.send('<Response/>');",
  '});',
  '',
  'export function notify(customer: { phone: string; name: string }) {',
  '  console.info(customer.phone);',
  '}',
  '',
].join('\n');

function fingerprints(source: string, file = 'src/voice.ts'): Map<string, string> {
  const findings = analyzeSources({ [file]: source }).filter((f) => f.ruleId === 'no-pii-in-logs');
  return new Map(findings.map((f) => [`${f.sink} ${f.summary.replace(/ at src\/.*?:\d+/, '')}`, f.fingerprint]));
}

describe('finding fingerprints', () => {
  const original = fingerprints(VOICE);

  it('exist for each finding, and are distinct', () => {
    expect(original.size).toBe(2);
    expect(new Set(original.values()).size).toBe(2);
    for (const fingerprint of original.values()) expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('survive lines inserted above (imports, comments, blank lines, whole functions)', () => {
    const shifted = [
      '// Voice webhooks for the support line.',
      "import { config } from './config';",
      '',
      'function health() {',
      "  return { ok: true, region: config.region };",
      '}',
      '',
      VOICE,
    ].join('\n');
    expect(fingerprints(shifted)).toEqual(original);
  });

  it('survive unrelated edits elsewhere in the file and re-indentation of the finding', () => {
    const edited = VOICE.replace("res.send('<Response/>')", "res.type('text/xml').send('<Response><Say>Hello</Say></Response>')")
      .replace('name: string', 'name: string; tier: number')
      .replace("  console.log('incoming call', caller);", "    console.log('incoming call', caller);")
      .concat('\nexport function unrelated(callSid: string) {\n  console.log(callSid);\n}\n');
    expect(fingerprints(edited)).toEqual(original);
  });

  it('change when the finding changes: the value, the sink, the enclosing function, the file', () => {
    const differs = (source: string, file?: string) => {
      const changed = [...fingerprints(source, file).values()];
      return [...original.values()].filter((fingerprint) => !changed.includes(fingerprint)).length;
    };
    expect(differs(VOICE.replace('console.info(customer.phone)', 'console.info(customer)'))).toBe(1);
    expect(differs(VOICE.replace('console.info(customer.phone)', 'console.warn(customer.phone)'))).toBe(1);
    expect(differs(VOICE.replace('function notify(', 'function notifyAgent('))).toBe(1);
    expect(differs(VOICE.replace('const caller = req.body.From;', 'const caller = req.body.To;'))).toBe(1);
    expect(differs(VOICE, 'src/sms.ts')).toBe(2);
  });

  it('tell apart identical findings in one function by their order', () => {
    const twice = VOICE.replace('  console.info(customer.phone);', '  console.info(customer.phone);\n  console.info(customer.phone);');
    const findings = analyzeSources({ 'src/voice.ts': twice }).filter((f) => f.sink === 'console.info');
    expect(findings).toHaveLength(2);
    expect(findings[0]!.fingerprint).toBe(original.get([...original.keys()].find((k) => k.startsWith('console.info'))!));
    expect(findings[1]!.fingerprint).not.toBe(findings[0]!.fingerprint);
  });
});
