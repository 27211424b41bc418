/** Where the built scanner lives, and the message when it is not there yet. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ScannerPaths {
  cli: string;
  scanModule: string;
}

export function scannerPaths(repoRoot: string): ScannerPaths {
  return {
    cli: join(repoRoot, 'dist', 'src', 'cli', 'main.js'),
    scanModule: join(repoRoot, 'dist', 'src', 'scan', 'scan.js'),
  };
}

/** null when the file exists, else the reason to print instead of a measurement. */
export function notBuilt(path: string, repoRoot: string): string | null {
  if (existsSync(path)) return null;
  return `scanner not built: ${path.slice(repoRoot.length + 1)} is missing (run npm run build once the scanner exists)`;
}

/** The part of a scan result the bench reads; matches scan() in src/scan/scan.ts. */
export interface ScanLike {
  findings: { ruleId: string; location: { file: string; line: number } }[];
  notices: unknown[];
  filesScanned: number;
  durationMs: number;
  rootDir?: string;
}

export type ScanFunction = (request: { cwd: string; paths: readonly string[] }) => Promise<ScanLike>;
