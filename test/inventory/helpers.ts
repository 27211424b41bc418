/**
 * Shared by the inventory and explain tests: the example project, finding a line by its code (so
 * the tests survive edits that move lines), an RFC 4180 parser, and the built CLI as a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const EXAMPLE = path.join(REPO_ROOT, 'examples/call-center');
export const BUILT_CLI = path.join(REPO_ROOT, 'dist/src/cli/main.js');
/** Suppression expiry is checked against this, so results don't change with the calendar. */
export const TODAY = '2026-11-22';

/** Seven or more digits in a row: a phone number or an ID that escaped masking. */
export const RAW_DIGIT_RUN = /\d{7,}/;

/** The 1-based line of `file` (relative to the example) whose text contains `needle`; throws when there is none. */
export function lineOf(file: string, needle: string): number {
  const lines = readFileSync(path.join(EXAMPLE, file), 'utf8').split(/\r?\n/);
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${file} has no line containing ${JSON.stringify(needle)}: the example changed, update the test.`);
  return index + 1;
}

/**
 * RFC 4180: fields separated by commas, records by CRLF, a field in double quotes may hold commas,
 * CR, LF and doubled quotes. Strict: a stray quote inside an unquoted field, text after a closing
 * quote or an unterminated quote throws, so the test catches malformed output.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const endRecord = () => {
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i];
        i++;
      }
      if (text[i] === '\n') throw new Error(`bare LF at ${i}: records must end with CRLF`);
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      if (i === text.length) record.push('');
    } else if (text[i] === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      i += 2;
      endRecord();
    }
  }
  if (record.length > 0) endRecord();
  return records;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI (dist/, built by `npx tsc -p tsconfig.json` or `npm test`) in a child process. */
export function runBuiltCli(argv: readonly string[], cwd: string): Promise<CliRun> {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npx tsc -p tsconfig.json\` (npm test does) first.`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...argv], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
