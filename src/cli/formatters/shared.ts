import path from 'node:path';
import type { FileNotice, Finding } from '../../engine/finding.js';
import type { ScanResult } from '../../scan/scan.js';
import { DOCS_BASE_URL, RULE_IDS, RULES, docsUrl } from '../../../rules/index.js';
import type { RuleId, RuleMeta } from '../../../rules/types.js';
import { packageInfo, readPackageFile } from '../../config/package-files.js';

export interface FormatOptions {
  /** ANSI colours (text only). */
  color: boolean;
  /** Report error-severity findings only (and no info notices). */
  quiet: boolean;
}

/** What the reports say about piiguard itself; injectable so formatters stay pure in tests. */
export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
  rules: readonly RuleMeta[];
  docsUrl: (id: RuleId) => string;
  /** Markdown docs of a rule (rules/<id>.md), when shipped. */
  ruleHelp: (id: RuleId) => string | undefined;
}

export function defaultToolInfo(): ToolInfo {
  const info = packageInfo();
  return {
    name: info.name,
    version: info.version,
    informationUri: info.homepage ?? DOCS_BASE_URL.replace(/\/blob\/.*$/, ''),
    rules: RULE_IDS.map((id) => RULES[id]),
    docsUrl,
    ruleHelp: (id) => readPackageFile(`rules/${id}.md`),
  };
}

export interface ReportSummary {
  errors: number;
  warnings: number;
  notes: number;
  /** Findings covered by an inline suppression (not counted above). */
  suppressed: number;
  /** Files with at least one unsuppressed finding. */
  filesWithFindings: number;
  filesScanned: number;
  durationMs: number;
}

export function summarize(result: ScanResult, findings: readonly Finding[] = result.findings): ReportSummary {
  return summarizeFindings(findings, result.filesScanned, result.durationMs);
}

/** Counts by severity (suppressed apart) and files with findings; also for merged shard reports. */
export function summarizeFindings(
  findings: readonly { suppression?: unknown; severity: string; location: { file: string } }[],
  filesScanned: number,
  durationMs: number,
): ReportSummary {
  const summary: ReportSummary = { errors: 0, warnings: 0, notes: 0, suppressed: 0, filesWithFindings: 0, filesScanned, durationMs };
  const files = new Set<string>();
  for (const finding of findings) {
    if (finding.suppression) {
      summary.suppressed++;
      continue;
    }
    files.add(finding.location.file);
    if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
    else summary.notes++;
  }
  summary.filesWithFindings = files.size;
  return summary;
}

/** What a report shows: with --quiet, error findings and warning/error notices only. */
export function visibleFindings(result: ScanResult, options: Pick<FormatOptions, 'quiet'>): Finding[] {
  return options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
}

export function visibleNotices(result: ScanResult, options: Pick<FormatOptions, 'quiet'>): FileNotice[] {
  return options.quiet ? result.notices.filter((n) => n.level !== 'info') : result.notices;
}

/** Path for display and SARIF: relative to the root, with '/' separators. */
export function relativePath(rootDir: string, file: string): string {
  const relative = path.relative(rootDir, file);
  return (relative === '' ? path.basename(file) : relative).split(path.sep).join('/');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first item for each key, in order. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
