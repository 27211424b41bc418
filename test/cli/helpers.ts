import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Finding, SourceLocation } from '../../src/engine/finding.js';
import type { ScanResult } from '../../src/scan/scan.js';

const created: string[] = [];

/** A fresh directory under os.tmpdir(), removed after the test. Paths are real (no /tmp symlink surprises). */
export function tempDir(prefix = 'piiguard-test-'): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes files given as { 'relative/path': content } under `root`. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export function location(file: string, line: number, column: number, length = 5): SourceLocation {
  return { file, line, column, endLine: line, endColumn: column + length };
}

/** A realistic synthetic finding; override what a test cares about. */
export function syntheticFinding(file: string, overrides: Partial<Finding> = {}): Finding {
  const summary = 'Phone number from req.body.From (src/voice.ts:3) is logged unmasked by logger.info';
  return {
    ruleId: 'no-pii-in-logs',
    severity: 'error',
    summary,
    message: `${summary}. Logs are kept for months and read by many people (GDPR Art. 32). Mask it with maskPhone() or log the call SID instead.`,
    location: location(file, 4, 15, 6),
    piiKind: 'phone',
    sink: 'logger.info',
    source: { description: 'req.body.From (Twilio webhook)', location: location(file, 3, 18, 13) },
    flow: [
      { location: location(file, 3, 18, 13), message: 'req.body.From (Twilio webhook)' },
      { location: location(file, 4, 15, 6), message: 'logged by logger.info' },
    ],
    suggestions: [{ title: 'Wrap in maskPhone()', edits: [{ start: 80, end: 86, text: 'maskPhone(caller)' }] }],
    fingerprint: 'abc123def456',
    ...overrides,
  };
}

export function syntheticResult(rootDir: string, findings: Finding[], overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    rootDir,
    findings,
    notices: [],
    filesScanned: 3,
    durationMs: 1234,
    config: { file: undefined, tsconfig: undefined, failOn: 'error', rules: {} },
    sources: new Map(),
    ...overrides,
  };
}

/** A small Twilio webhook used as source text in formatter tests. The number is a reserved fictional one. */
export const VOICE_SOURCE = [
  "import express from 'express';",
  'app.post("/voice", (req, res) => {',
  '  const caller = req.body.From;',
  '  logger.info(caller, "+1 415 555 2671");',
  '  res.type("text/xml").send("<Response/>");',
  '});',
  '',
].join('\n');
