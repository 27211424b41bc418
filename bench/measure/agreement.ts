/**
 * A rough accuracy signal, not a test: how the scan's findings line up with the problems the
 * generator injected (same file, rule and line, or within two lines). Safe look-alikes that
 * were flagged show up as unmatched findings; injected problems that were missed, as misses.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CORPUS_META_DIR } from '../paths.js';
import { lastScanResult } from './scan.js';
import type { ScanLike } from './scanner.js';
import type { BenchSection, SectionResult } from './types.js';

const MISSION_RULES = ['no-pii-in-logs', 'no-plaintext-pii-storage', 'require-consent-check', 'no-plaintext-transport'];
const NEAR_LINES = 2;

interface Injected {
  path: string;
  issues: { line: number; rule: string }[];
}

export const agreementSection: BenchSection = {
  id: 'agreement',
  title: 'findings vs injected problems',
  async run(ctx): Promise<SectionResult> {
    const scan = lastScanResult() ?? (await readCliReport(join(ctx.tmpDir, 'scan-0.json')));
    if (!scan) return { id: this.id, title: this.title, status: 'unavailable', message: 'no scan result to compare', values: {} };
    const injected = JSON.parse(await readFile(join(ctx.corpusDir, CORPUS_META_DIR, 'injected.json'), 'utf8')) as Injected[];
    const expected = new Map<string, number[]>();
    let expectedCount = 0;
    for (const file of injected) {
      for (const issue of file.issues) {
        const key = `${file.path}|${issue.rule}`;
        expected.set(key, [...(expected.get(key) ?? []), issue.line]);
        expectedCount++;
      }
    }
    const root = scan.rootDir ?? ctx.corpusDir;
    const used = new Set<string>();
    const unmatchedList: string[] = [];
    let exact = 0;
    let near = 0;
    let unmatched = 0;
    const unmatchedByRule: Record<string, number> = {};
    // One entry per (file, rule, line): several findings on one line count once.
    const seen = new Set<string>();
    const relevant = scan.findings.filter((f) => {
      const key = `${f.location.file}|${f.ruleId}|${f.location.line}`;
      if (!MISSION_RULES.includes(f.ruleId) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    // Exact matches first, so a near match never steals an exact one.
    const pending: typeof relevant = [];
    for (const finding of relevant) {
      const key = `${toCorpusPath(ctx.corpusDir, root, finding.location.file)}|${finding.ruleId}`;
      const lines = expected.get(key) ?? [];
      if (lines.includes(finding.location.line) && !used.has(`${key}|${finding.location.line}`)) {
        used.add(`${key}|${finding.location.line}`);
        exact++;
      } else {
        pending.push(finding);
      }
    }
    for (const finding of pending) {
      const key = `${toCorpusPath(ctx.corpusDir, root, finding.location.file)}|${finding.ruleId}`;
      const line = (expected.get(key) ?? []).find((l) => Math.abs(l - finding.location.line) <= NEAR_LINES && !used.has(`${key}|${l}`));
      if (line !== undefined) {
        used.add(`${key}|${line}`);
        near++;
      } else {
        unmatched++;
        unmatchedByRule[finding.ruleId] = (unmatchedByRule[finding.ruleId] ?? 0) + 1;
        unmatchedList.push(`${toCorpusPath(ctx.corpusDir, root, finding.location.file)}:${finding.location.line} ${finding.ruleId}`);
      }
    }
    const missed = expectedCount - exact - near;
    const missedList: string[] = [];
    for (const [key, lines] of expected) {
      const [path, rule] = key.split('|');
      for (const line of lines) if (!used.has(`${key}|${line}`)) missedList.push(`${path}:${line} ${rule}`);
    }
    // The lists, for triage: each entry is a false positive or a miss of the engine, or a generator slip.
    const detailFile = join(ctx.outDir, 'agreement.json');
    await mkdir(ctx.outDir, { recursive: true });
    await writeFile(detailFile, `${JSON.stringify({ corpus: ctx.corpusDir, unmatchedFindings: unmatchedList.sort(), missedInjected: missedList.sort() }, null, 2)}\n`, 'utf8');
    return {
      id: this.id,
      title: this.title,
      status: 'ok',
      values: {
        injected: expectedCount,
        findingLines: relevant.length,
        matchedExact: exact,
        matchedNear: near,
        injectedMissed: missed,
        findingsUnmatched: unmatched,
        unmatchedByRule: Object.entries(unmatchedByRule).map(([r, n]) => `${r} ${n}`).join(', ') || 'none',
        details: relative(process.cwd(), detailFile) || detailFile,
      },
    };
  },
};

function toCorpusPath(corpusDir: string, rootDir: string, file: string): string {
  const abs = isAbsolute(file) ? file : resolve(rootDir, file);
  return relative(corpusDir, abs).split(sep).join('/');
}

async function readCliReport(file: string): Promise<ScanLike | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ScanLike;
  } catch {
    return undefined;
  }
}
