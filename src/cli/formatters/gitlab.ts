import { createHash } from 'node:crypto';
import type { Finding, SourceLocation } from '../../engine/finding.js';
import { maskPiiInText } from '../../engine/mask.js';
import type { ScanResult } from '../../scan/scan.js';
import { PII_KIND_LABELS, type RuleMeta, type Severity } from '../../../rules/types.js';
import { type FormatOptions, type ToolInfo, defaultToolInfo, relativePath, visibleFindings, visibleNotices } from './shared.js';

/** The GitLab security report schema version this report follows. */
export const GITLAB_SCHEMA_VERSION = '15.1.4';
export const GITLAB_SCHEMA_URL = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/sast-report-format.json`;
/** Identifier type of piiguard's rule ids; the first identifier of each vulnerability (its primary one). */
export const RULE_IDENTIFIER_TYPE = 'piiguard_rule_id';

export type GitlabSeverity = 'Critical' | 'High' | 'Medium' | 'Low' | 'Info' | 'Unknown';

export interface GitlabFormatOptions extends FormatOptions {
  /** When the scan started and ended (the report's scan.start_time/end_time); passed in to keep this pure. */
  startedAt: Date;
  finishedAt: Date;
}

export interface GitlabIdentifier {
  type: string;
  name: string;
  value: string;
  url?: string;
}

export interface GitlabDetailText {
  type: 'text';
  value: string;
}

export interface GitlabDetailFileLocation {
  type: 'file-location';
  file_name: string;
  line_start: number;
  line_end?: number;
}

export interface GitlabVulnerability {
  id: string;
  category: 'sast';
  name: string;
  message: string;
  description: string;
  severity: GitlabSeverity;
  solution?: string;
  location: { file: string; start_line: number; end_line: number };
  identifiers: GitlabIdentifier[];
  links?: { name: string; url: string }[];
  raw_source_code_extract?: string;
  tracking?: {
    type: 'source';
    items: { file: string; start_line: number; end_line: number; signatures: { algorithm: 'hash'; value: string }[] }[];
  };
  details?: Record<
    string,
    { name: string; type: 'table'; header: GitlabDetailText[]; rows: (GitlabDetailText | GitlabDetailFileLocation)[][] }
  >;
}

export interface GitlabScanner {
  id: string;
  name: string;
  url: string;
  vendor: { name: string };
  version: string;
}

export interface GitlabSastReport {
  schema: string;
  version: string;
  scan: {
    analyzer: GitlabScanner;
    scanner: GitlabScanner;
    type: 'sast';
    start_time: string;
    end_time: string;
    status: 'success' | 'failure';
    messages: { level: 'info' | 'warn' | 'fatal'; value: string }[];
    primary_identifiers: GitlabIdentifier[];
  };
  vulnerabilities: GitlabVulnerability[];
}

/**
 * `--format gitlab`: a GitLab SAST report (security report schema 15.x) for
 * `artifacts: reports: sast`. Suppressed findings are left out (GitLab has no in-source
 * suppression) and counted in scan.messages, like the file notices. Every text is masked.
 */
export function formatGitlab(result: ScanResult, options: GitlabFormatOptions, tool: ToolInfo = defaultToolInfo()): string {
  return `${JSON.stringify(toGitlabReport(result, options, tool), null, 2)}\n`;
}

export function toGitlabReport(result: ScanResult, options: GitlabFormatOptions, tool: ToolInfo = defaultToolInfo()): GitlabSastReport {
  const rules = new Map(tool.rules.map((rule) => [rule.id, rule]));
  const visible = visibleFindings(result, options);
  const open = visible.filter((finding) => !finding.suppression);
  const suppressed = visible.length - open.length;
  const extract = extractReader(result);
  const usedIds = new Set<string>();

  const scanner: GitlabScanner = {
    id: tool.name,
    name: tool.name,
    url: tool.informationUri,
    vendor: { name: tool.name },
    version: tool.version,
  };
  const messages: GitlabSastReport['scan']['messages'] = visibleNotices(result, options).map((notice) => ({
    level: notice.level === 'info' ? 'info' : 'warn',
    value: `${relativePath(result.rootDir, notice.file)}: ${maskPiiInText(notice.message)}`,
  }));
  if (suppressed > 0) {
    messages.push({ level: 'info', value: `${suppressed} finding${suppressed === 1 ? ' is' : 's are'} suppressed in the source with a reason and not listed.` });
  }

  return {
    schema: GITLAB_SCHEMA_URL,
    version: GITLAB_SCHEMA_VERSION,
    scan: {
      analyzer: scanner,
      scanner,
      type: 'sast',
      start_time: gitlabTime(options.startedAt),
      end_time: gitlabTime(options.finishedAt),
      status: 'success',
      messages,
      primary_identifiers: tool.rules.map((rule) => ruleIdentifier(rule.id, tool)),
    },
    vulnerabilities: open.map((finding) => toVulnerability(finding, rules.get(finding.ruleId), result.rootDir, tool, extract, usedIds)),
  };
}

function toVulnerability(
  finding: Finding,
  rule: RuleMeta | undefined,
  rootDir: string,
  tool: ToolInfo,
  extract: (location: SourceLocation) => string | undefined,
  usedIds: Set<string>,
): GitlabVulnerability {
  const file = relativePath(rootDir, finding.location.file);
  const summary = maskPiiInText(finding.summary || finding.message);
  const code = extract(finding.location);
  const flow = finding.flow.map((step) => ({
    file: relativePath(rootDir, step.location.file),
    line: step.location.line,
    text: maskPiiInText(step.message),
  }));
  return {
    id: uniqueId(finding, usedIds),
    category: 'sast',
    // GitLab wants a name without the finding's specifics: the rule's one-line description.
    name: truncate(rule?.description ?? finding.ruleId, 255),
    message: truncate(summary, 1000),
    description: describe(finding, rule, rootDir, flow),
    severity: gitlabSeverity(finding.severity, rule),
    ...(rule ? { solution: rule.fix } : {}),
    location: { file, start_line: finding.location.line, end_line: Math.max(finding.location.line, finding.location.endLine) },
    identifiers: [ruleIdentifier(finding.ruleId, tool), ...(rule?.cwe ?? []).flatMap(cweIdentifier)],
    links: [{ name: `piiguard rule ${finding.ruleId}`, url: tool.docsUrl(finding.ruleId) }],
    ...(code !== undefined ? { raw_source_code_extract: code } : {}),
    tracking: {
      type: 'source',
      items: [
        {
          file,
          start_line: finding.location.line,
          end_line: Math.max(finding.location.line, finding.location.endLine),
          // piiguard's fingerprint survives line shifts, which is what GitLab tracks vulnerabilities by.
          signatures: [{ algorithm: 'hash', value: finding.fingerprint }],
        },
      ],
    },
    ...(flow.length > 0
      ? {
          details: {
            data_flow: {
              name: 'Data flow, from source to sink',
              type: 'table',
              header: [text('Step'), text('Location'), text('What happens')],
              rows: flow.map((step, index) => [
                text(String(index + 1)),
                { type: 'file-location', file_name: step.file, line_start: step.line, line_end: step.line },
                text(step.text),
              ]),
            },
          },
        }
      : {}),
  };
}

/** Markdown, as GitLab renders it: the full message, the data flow, the regulations. */
function describe(finding: Finding, rule: RuleMeta | undefined, rootDir: string, flow: readonly { file: string; line: number; text: string }[]): string {
  const parts = [maskPiiInText(finding.message)];
  const facts: string[] = [];
  if (finding.piiKind) facts.push(`- PII kind: ${PII_KIND_LABELS[finding.piiKind]}`);
  if (finding.sink) facts.push(`- Sink: \`${inlineCode(maskPiiInText(finding.sink))}\``);
  if (finding.source) {
    facts.push(`- Source: ${maskPiiInText(finding.source.description)} (${relativePath(rootDir, finding.source.location.file)}:${finding.source.location.line})`);
  }
  if (rule && rule.regulations.length > 0) facts.push(`- Regulations: ${rule.regulations.join('; ')}`);
  if (facts.length > 0) parts.push(facts.join('\n'));
  if (flow.length > 0) {
    parts.push(['Data flow, from source to sink:', ...flow.map((step, index) => `${index + 1}. ${step.text} (${step.file}:${step.line})`)].join('\n'));
  }
  return truncate(parts.join('\n\n'), 1_000_000);
}

/**
 * GitLab's severity from the rule's security-severity (the CVSS-like score GitHub code scanning
 * also uses: 9+ Critical, 7+ High, 4+ Medium, above 0 Low), capped by the finding's configured
 * severity: a rule turned down to `warning` is at most Medium, to `note` at most Low.
 */
export function gitlabSeverity(severity: Severity, rule: Pick<RuleMeta, 'securitySeverity'> | undefined): GitlabSeverity {
  const order: GitlabSeverity[] = ['Info', 'Low', 'Medium', 'High', 'Critical'];
  const cap: GitlabSeverity = severity === 'error' ? 'Critical' : severity === 'warning' ? 'Medium' : 'Low';
  if (!rule) return severity === 'error' ? 'High' : cap;
  const score = rule.securitySeverity;
  const fromScore: GitlabSeverity = score >= 9 ? 'Critical' : score >= 7 ? 'High' : score >= 4 ? 'Medium' : score > 0 ? 'Low' : 'Info';
  return order[Math.min(order.indexOf(fromScore), order.indexOf(cap))] ?? 'Unknown';
}

function ruleIdentifier(ruleId: string, tool: ToolInfo): GitlabIdentifier {
  return { type: RULE_IDENTIFIER_TYPE, name: `piiguard rule ${ruleId}`, value: ruleId, url: tool.docsUrl(ruleId as RuleMeta['id']) };
}

function cweIdentifier(cwe: string): GitlabIdentifier[] {
  const number = /^CWE-(\d+)$/i.exec(cwe)?.[1];
  if (!number) return [];
  return [{ type: 'cwe', name: `CWE-${number}`, value: number, url: `https://cwe.mitre.org/data/definitions/${number}.html` }];
}

/** A UUID-shaped id derived from the fingerprint: the same finding gets the same id in every run. */
function uniqueId(finding: Finding, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const hex = createHash('sha256').update(`${finding.ruleId}\u0000${finding.fingerprint}\u0000${attempt}`).digest('hex');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** The flagged lines (at most 10, each cut at 300 characters), masked. */
function extractReader(result: ScanResult): (location: SourceLocation) => string | undefined {
  const linesByFile = new Map<string, string[]>();
  return (location) => {
    let lines = linesByFile.get(location.file);
    if (!lines) {
      const source = result.sources.get(location.file);
      if (source === undefined) return undefined;
      lines = source.split(/\r?\n|\r/);
      linesByFile.set(location.file, lines);
    }
    const last = Math.min(lines.length, location.endLine, location.line + 9);
    const picked = lines.slice(location.line - 1, Math.max(location.line, last)).map((line) => maskPiiInText(line).slice(0, 300));
    return picked.length === 0 ? undefined : picked.join('\n');
  };
}

/** `YYYY-MM-DDTHH:MM:SS` in UTC, the only form the schema accepts. */
export function gitlabTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

function text(value: string): GitlabDetailText {
  return { type: 'text', value };
}

function inlineCode(value: string): string {
  return value.replace(/`/g, "'");
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
