import path from 'node:path';
import type { Finding, SourceLocation } from '../../src/engine/finding.js';
import type { ScanResult } from '../../src/scan/scan.js';
import { RULE_IDS, type PiiKind, type RuleId, type Severity } from '../../rules/index.js';

/** Number forms that must never appear in a report: the source texts below contain this number. */
export const RAW_PHONE_FORMS = ['415 555 2671', '4155552671', '+14155552671'];

/** A hostile summary: the report must show it as text, never run or render it. */
export const HOSTILE_SUMMARY = 'Phone number reaches </script><img src=x onerror="window.__xss=1"> logger.info';

const SERVICES = ['billing', 'dialer', 'crm-sync', 'ivr', 'recordings', 'sms-gateway', 'agent-desk', 'analytics', 'webhooks', 'exports'];
const AREAS = ['src', 'src/handlers', 'src/jobs', 'src/storage', 'src/lib'];
const SINKS = ['logger.info', 'console.log', 'prisma.lead.create', 'client.calls.create', 'redis.hset', 'fetch'];
const KINDS: readonly PiiKind[] = ['phone', 'national-id', 'email', 'payment-card', 'call-recording', 'caller-name'];

/** Deterministic pseudo-random numbers (a linear congruential generator), so reports are reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sourceText(service: string, file: number): string {
  const lines: string[] = [`// ${service}: generated file ${file}`, "import { logger } from '../lib/logger.js';", ''];
  for (let line = 4; line <= 120; line++) {
    if (line % 9 === 0) lines.push(`  logger.info('caller', lead.phone, '+1 415 555 2671'); // line ${line}`);
    else if (line % 7 === 0) lines.push(`  await client.calls.create({ to: lead.phone, from: process.env.CALLER_ID, url: 'http://hooks.example.net/${line}' });`);
    else if (line % 5 === 0) lines.push(`  await prisma.lead.create({ data: { phone: lead.phone, name: lead.name } });`);
    else lines.push(`  const step${line} = await pipeline.next(lead, ${line});`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A scan result with `count` findings spread over ~200 files in 10 services: every rule,
 * severity and PII kind, data flows of 1–4 steps across files, some suppressed, one hostile
 * message. Source texts contain a real-looking phone number that reports must mask.
 */
export function syntheticScan(count: number, rootDir = '/work/acme-call-center'): ScanResult {
  const next = random(count);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const files: string[] = [];
  const sources = new Map<string, string>();
  for (const [serviceIndex, service] of SERVICES.entries()) {
    for (let index = 0; index < 20; index++) {
      const area = AREAS[(index + serviceIndex) % AREAS.length] ?? 'src';
      const file = path.join(rootDir, 'services', service, area, `module-${index}.ts`);
      files.push(file);
      sources.set(file, sourceText(service, index));
    }
  }
  const at = (file: string, line: number, column = 3, length = 10): SourceLocation => ({ file, line, column, endLine: line, endColumn: column + length });

  const findings: Finding[] = [];
  for (let index = 0; index < count; index++) {
    const ruleId: RuleId = RULE_IDS[index % RULE_IDS.length] ?? 'no-pii-in-logs';
    const file = pick(files);
    const line = 4 + Math.floor(next() * 110);
    const severity: Severity = index % 11 === 0 ? 'note' : index % 4 === 0 ? 'warning' : 'error';
    const kind = ruleId === 'no-plaintext-transport' || ruleId === 'no-invalid-suppression' ? undefined : pick(KINDS);
    const sink = pick(SINKS);
    const sourceFile = pick(files);
    const sourceLine = 4 + Math.floor(next() * 110);
    const steps = kind ? 1 + Math.floor(next() * 4) : 0;
    const flow = Array.from({ length: steps }, (_, step) => ({
      location: step === 0 ? at(sourceFile, sourceLine) : step === steps - 1 ? at(file, line) : at(pick(files), 4 + step * 10),
      message: step === 0 ? 'req.body.From (Twilio webhook)' : step === steps - 1 ? `reaches ${sink}` : `passed as lead (step ${step})`,
    }));
    const summary =
      index === 7
        ? HOSTILE_SUMMARY
        : kind
          ? `${kind} from req.body.From (${path.relative(rootDir, sourceFile)}:${sourceLine}) reaches ${sink} unmasked (case ${index})`
          : `Plaintext http:// URL for call data (case ${index})`;
    findings.push({
      ruleId,
      severity,
      summary,
      message: `${summary}. Logs and stores keep this for months (GDPR Art. 32). Mask it with maskPhone() or encrypt it.`,
      location: at(file, line, 5, 20),
      ...(kind ? { piiKind: kind, source: { description: 'req.body.From (Twilio webhook)', location: at(sourceFile, sourceLine) } } : {}),
      sink,
      flow,
      suggestions: [],
      fingerprint: `fp-${index.toString(16).padStart(6, '0')}`,
      ...(index % 29 === 0 ? { suppression: { justification: `masked upstream by the gateway (ticket SEC-${index})`, until: '2027-06-30' } } : {}),
    });
  }
  findings.sort((a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line);
  return {
    rootDir,
    findings,
    notices: [{ file: path.join(rootDir, 'services/exports/src/big.min.js'), level: 'info', message: 'Skipped: looks minified or generated.' }],
    filesScanned: files.length + 40,
    durationMs: 8421,
    config: { file: undefined, tsconfig: undefined, failOn: 'error', rules: {} },
    sources,
  };
}
