import type { Finding, SourceLocation } from '../../engine/finding.js';
import { maskPiiInText } from '../../engine/mask.js';
import type { ScanResult } from '../../scan/scan.js';
import type { PiiKind, RuleId, Severity } from '../../../rules/types.js';
import { type BaselineState, baselineStateOf, countBaselineStates } from '../baseline.js';
import {
  type FormatOptions,
  type ReportSummary,
  type ToolInfo,
  defaultToolInfo,
  relativePath,
  summarize,
  visibleFindings,
  visibleNotices,
} from './shared.js';

/**
 * `--format json`: a stable, documented shape. `version` changes only when a field is removed or
 * changes meaning; new optional fields may appear. Paths are relative to `rootDir`, with '/'.
 * Suppressed findings are included with their `suppression` and not counted in `summary`.
 * With --baseline each finding has a `baselineState` and `baseline` counts the unsuppressed ones;
 * a --shard run says which shard it is (`piiguard merge` combines the shards and drops it).
 */
export interface JsonReport {
  version: 1;
  tool: { name: string; version: string; informationUri: string };
  rootDir: string;
  findings: JsonFinding[];
  notices: { file: string; level: 'error' | 'warning' | 'info'; message: string }[];
  summary: ReportSummary;
  baseline?: JsonBaselineSummary;
  shard?: { index: number; count: number };
}

export interface JsonBaselineSummary {
  /** The baseline file, relative to rootDir. */
  file: string;
  /** Unsuppressed findings not in the baseline: only these can fail the run. */
  new: number;
  /** Unsuppressed findings already in the baseline. */
  unchanged: number;
}

export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFinding {
  ruleId: RuleId;
  severity: Severity;
  /** What, why, what to do. PII masked. */
  message: string;
  /** What, only. */
  summary: string;
  location: JsonLocation;
  piiKind?: PiiKind;
  sink?: string;
  source?: { description: string; location: JsonLocation };
  flow: { message: string; location: JsonLocation }[];
  fix?: { start: number; end: number; text: string }[];
  suggestions: { title: string; edits: { start: number; end: number; text: string }[] }[];
  fingerprint: string;
  suppression?: { justification: string; until?: string };
  /** With --baseline: 'unchanged' when the fingerprint is in the baseline. */
  baselineState?: BaselineState;
  docsUrl: string;
}

export function formatJson(result: ScanResult, options: FormatOptions, tool: ToolInfo = defaultToolInfo()): string {
  const findings = visibleFindings(result, options);
  const report: JsonReport = {
    version: 1,
    tool: { name: tool.name, version: tool.version, informationUri: tool.informationUri },
    rootDir: result.rootDir,
    findings: findings.map((finding) => toJsonFinding(finding, result.rootDir, tool, baselineStateOf(result, finding))),
    notices: visibleNotices(result, options).map((notice) => ({
      file: relativePath(result.rootDir, notice.file),
      level: notice.level,
      message: maskPiiInText(notice.message),
    })),
    summary: summarize(result, findings),
    ...(result.baseline
      ? { baseline: { file: relativePath(result.rootDir, result.baseline.file), ...countBaselineStates(result, findings) } }
      : {}),
    ...(result.shard ? { shard: { index: result.shard.index, count: result.shard.count } } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function toJsonFinding(finding: Finding, rootDir: string, tool: ToolInfo, baselineState: BaselineState | undefined): JsonFinding {
  const location = (l: SourceLocation): JsonLocation => ({
    file: relativePath(rootDir, l.file),
    line: l.line,
    column: l.column,
    endLine: l.endLine,
    endColumn: l.endColumn,
  });
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: maskPiiInText(finding.message),
    summary: maskPiiInText(finding.summary),
    location: location(finding.location),
    ...(finding.piiKind ? { piiKind: finding.piiKind } : {}),
    ...(finding.sink ? { sink: maskPiiInText(finding.sink) } : {}),
    ...(finding.source
      ? { source: { description: maskPiiInText(finding.source.description), location: location(finding.source.location) } }
      : {}),
    flow: finding.flow.map((step) => ({ message: maskPiiInText(step.message), location: location(step.location) })),
    ...(finding.fix ? { fix: finding.fix.map((edit) => ({ ...edit, text: maskPiiInText(edit.text) })) } : {}),
    suggestions: finding.suggestions.map((s) => ({
      title: maskPiiInText(s.title),
      edits: s.edits.map((edit) => ({ ...edit, text: maskPiiInText(edit.text) })),
    })),
    fingerprint: finding.fingerprint,
    ...(finding.suppression
      ? {
          suppression: {
            justification: maskPiiInText(finding.suppression.justification),
            ...(finding.suppression.until ? { until: finding.suppression.until } : {}),
          },
        }
      : {}),
    ...(baselineState ? { baselineState } : {}),
    docsUrl: tool.docsUrl(finding.ruleId),
  };
}
