/**
 * node dist/bench/scan-rss.js <dir>: scans <dir> with scan() and prints one JSON line with
 * the process's peak RSS — the memory fallback when GNU `time -v` is not installed.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scannerPaths } from './measure/scanner.js';
import type { ScanFunction } from './measure/scanner.js';
import { REPO_ROOT } from './paths.js';

const dir = resolve(process.argv[2] ?? '.');
const mod = (await import(pathToFileURL(scannerPaths(REPO_ROOT).scanModule).href)) as { scan: ScanFunction };
const result = await mod.scan({ cwd: dir, paths: ['.'] });
// resourceUsage().maxRSS is in kilobytes (KiB) on Linux and macOS.
console.log(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, findings: result.findings.length, filesScanned: result.filesScanned }));
