import path from 'node:path';
import type { Finding, SourceLocation } from '../../../engine/finding.js';
import { maskPiiInText } from '../../../engine/mask.js';
import type { ScanResult } from '../../../scan/scan.js';
import { PII_KIND_LABELS, PII_KINDS, type PiiKind, type RuleId, type Severity } from '../../../../rules/types.js';
import { type FormatOptions, type ReportSummary, type ToolInfo, relativePath, summarize, visibleFindings, visibleNotices } from '../shared.js';
import type { RepositoryInfo } from './repository.js';
import { type CodeSnippet, snippetReader } from './snippets.js';

/**
 * The data the page's script works on, embedded as JSON. Kept compact for reports with thousands
 * of findings: paths and repeated explanation texts are stored once and referenced by index.
 * Every text taken from scanned code or messages is already masked.
 */
export interface HtmlReportData {
  /** Relative paths with '/' separators. */
  files: string[];
  /** Explanations (the "why" and "what to do" of messages), shared by many findings. */
  texts: string[];
  rules: HtmlRule[];
  kindLabels: Record<PiiKind, string>;
  findings: HtmlFinding[];
}

export interface HtmlRule {
  id: RuleId;
  description: string;
  severity: Severity;
  piiKinds: PiiKind[];
  regulations: string[];
  cwe: string[];
  docsUrl: string;
}

export interface HtmlLocation {
  /** Index into `files`. */
  file: number;
  line: number;
  column: number;
}

export interface HtmlFinding extends HtmlLocation {
  rule: RuleId;
  severity: Severity;
  kind?: PiiKind;
  endLine: number;
  /** First beat of the message: what was found. */
  summary: string;
  /** Index into `texts` of the rest of the message, or -1. */
  details: number;
  sink?: string;
  source?: HtmlLocation & { text: string };
  /** Source → … → sink. */
  flow: (HtmlLocation & { text: string })[];
  snippet?: CodeSnippet;
  suppressed?: { reason: string; until?: string };
  fingerprint: string;
}

export interface ChartItem {
  /** Filter value the bar selects; undefined for bars that can't filter ("other folders"). */
  value: string | undefined;
  label: string;
  count: number;
  /** Extra class for the bar's colour (severities). */
  tone?: string;
  /** How the list's filter names this value, when the bar's label is shortened. */
  filterLabel?: string;
}

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

export interface HtmlReportModel {
  repository: RepositoryInfo;
  generatedAt: Date;
  tool: { name: string; version: string; informationUri: string };
  summary: ReportSummary;
  /** Error findings left out by --quiet. */
  hiddenByQuiet: number;
  charts: Record<ChartId, ChartItem[]>;
  /** The folder every finding is in ('' for the root): folder bars are labelled relative to it. */
  folderBase: string;
  filters: Record<FilterId, FilterOption[]>;
  rules: (HtmlRule & { count: number })[];
  notices: { file: string; level: 'error' | 'warning' | 'info'; message: string }[];
  data: HtmlReportData;
}

export type ChartId = 'rule' | 'severity' | 'folder' | 'kind' | 'regulation';
export type FilterId = 'rule' | 'severity' | 'kind' | 'folder' | 'regulation';

/** Filter value of findings without a PII kind (transport settings). */
export const NO_KIND = '-';
/** Folder filter values starting with this match files directly in the folder, not below it. */
export const EXACT_FOLDER = '=';
const ROOT_FOLDER = '.';
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];
const MAX_FOLDER_BARS = 12;
const MIN_FOLDER_GROUPS = 5;

export interface HtmlModelOptions extends Pick<FormatOptions, 'quiet'> {
  generatedAt: Date;
  repository: RepositoryInfo | undefined;
}

export function buildReportModel(result: ScanResult, options: HtmlModelOptions, tool: ToolInfo): HtmlReportModel {
  const visible = visibleFindings(result, options);
  const open = visible.filter((finding) => !finding.suppression);
  const relative = relativePaths(result.rootDir);
  const data = reportData(result, visible, tool, relative);
  const rules = data.rules.map((rule) => ({ ...rule, count: open.filter((f) => f.ruleId === rule.id).length }));
  const folderOf = (finding: Finding) => folderOfPath(relative(finding.location.file));
  const folders = folderGroups(open.map(folderOf));
  const regulations = regulationItems(rules);

  return {
    repository: options.repository ?? { name: path.basename(result.rootDir) },
    generatedAt: options.generatedAt,
    tool: { name: tool.name, version: tool.version, informationUri: tool.informationUri },
    summary: summarize(result, visible),
    hiddenByQuiet: options.quiet ? result.findings.filter((f) => !f.suppression && f.severity !== 'error').length : 0,
    charts: {
      rule: sortByCount(rules.map((rule) => ({ value: rule.id, label: rule.id, count: rule.count }))),
      severity: SEVERITIES.map((severity) => ({ value: severity, label: severity, count: open.filter((f) => f.severity === severity).length, tone: severity })),
      folder: folders.bars,
      kind: kindItems(open),
      regulation: sortByCount(regulations.map((item) => ({ ...item }))),
    },
    folderBase: folders.base,
    filters: {
      rule: rules.map((rule) => ({ value: rule.id, label: rule.id, count: rule.count })),
      severity: SEVERITIES.map((severity) => ({ value: severity, label: severity, count: open.filter((f) => f.severity === severity).length })),
      kind: kindItems(open).map((item) => ({ value: item.value ?? NO_KIND, label: item.label, count: item.count })),
      folder: folderOptions(visible.map(folderOf), open.map(folderOf)),
      regulation: regulations.map((item) => ({ value: item.value, label: item.label, count: item.count })),
    },
    rules,
    notices: visibleNotices(result, options).map((notice) => ({
      file: relativePath(result.rootDir, notice.file),
      level: notice.level,
      message: maskPiiInText(notice.message),
    })),
    data,
  };
}

function reportData(result: ScanResult, findings: readonly Finding[], tool: ToolInfo, relative: (file: string) => string): HtmlReportData {
  const files = new Interner();
  const texts = new Interner();
  const snippetOf = snippetReader(result.sources);
  const at = (location: SourceLocation): HtmlLocation => ({
    file: files.index(relative(location.file)),
    line: location.line,
    column: location.column,
  });

  const rules: HtmlRule[] = tool.rules.map((rule) => ({
    id: rule.id,
    description: rule.description,
    severity: rule.severity,
    piiKinds: [...rule.piiKinds],
    regulations: [...rule.regulations],
    cwe: [...rule.cwe],
    docsUrl: tool.docsUrl(rule.id),
  }));

  return {
    files: files.values,
    texts: texts.values,
    rules,
    kindLabels: { ...PII_KIND_LABELS },
    findings: findings.map((finding): HtmlFinding => {
      const details = restOfMessage(finding);
      const snippet = snippetOf(finding.location);
      return {
        rule: finding.ruleId,
        severity: finding.severity,
        ...(finding.piiKind ? { kind: finding.piiKind } : {}),
        ...at(finding.location),
        endLine: finding.location.endLine,
        summary: maskPiiInText(finding.summary || finding.message),
        details: details === '' ? -1 : texts.index(maskPiiInText(details)),
        ...(finding.sink ? { sink: maskPiiInText(finding.sink) } : {}),
        ...(finding.source ? { source: { ...at(finding.source.location), text: maskPiiInText(finding.source.description) } } : {}),
        flow: finding.flow.map((step) => ({ ...at(step.location), text: maskPiiInText(step.message) })),
        ...(snippet ? { snippet } : {}),
        ...(finding.suppression
          ? {
              suppressed: {
                reason: maskPiiInText(finding.suppression.justification),
                ...(finding.suppression.until ? { until: finding.suppression.until } : {}),
              },
            }
          : {}),
        fingerprint: finding.fingerprint,
      };
    }),
  };
}

/** relativePath, computed once per file: thousands of findings share a few hundred files. */
function relativePaths(rootDir: string): (file: string) => string {
  const cache = new Map<string, string>();
  return (file) => {
    let relative = cache.get(file);
    if (relative === undefined) {
      relative = relativePath(rootDir, file);
      cache.set(file, relative);
    }
    return relative;
  };
}

/** The message after its first beat: why it matters and what to do. */
function restOfMessage(finding: Finding): string {
  const { message, summary } = finding;
  if (!summary) return '';
  if (message.startsWith(summary)) return message.slice(summary.length).replace(/^[.\s]+/, '').trim();
  return message;
}

function kindItems(findings: readonly Finding[]): ChartItem[] {
  const items: ChartItem[] = PII_KINDS.map((kind) => ({
    value: kind,
    label: PII_KIND_LABELS[kind],
    count: findings.filter((f) => f.piiKind === kind).length,
  })).filter((item) => item.count > 0);
  const withoutKind = findings.filter((f) => !f.piiKind).length;
  if (withoutKind > 0) items.push({ value: NO_KIND, label: 'None (insecure setting)', count: withoutKind });
  return sortByCount(items);
}

/** Every regulation any rule maps to (even with no findings: "checked, nothing found" is news too). */
function regulationItems(rules: readonly (HtmlRule & { count: number })[]): (ChartItem & { value: string })[] {
  const counts = new Map<string, number>();
  for (const rule of rules) {
    for (const regulation of rule.regulations) counts.set(regulation, (counts.get(regulation) ?? 0) + rule.count);
  }
  return [...counts].map(([regulation, count]) => ({ value: regulation, label: regulation, count }));
}

/** Directory of a relative path, '.' for files at the root. */
export function folderOfPath(file: string): string {
  const folder = path.posix.dirname(file);
  return folder === '' ? ROOT_FOLDER : folder;
}

/**
 * Bars for the folder chart: folders below the deepest folder that holds every finding (a
 * repository whose code all sits in src/ is broken down by src/'s subfolders), one level deeper
 * while there are fewer than a handful of groups. A bar counts its subfolders too; files directly
 * in a folder above that level get an exact bar of their own.
 */
function folderGroups(folders: readonly string[]): { bars: ChartItem[]; base: string } {
  if (folders.length === 0) return { bars: [], base: '' };
  const split = (folder: string) => (folder === ROOT_FOLDER ? [] : folder.split('/'));
  let common = split(folders[0] ?? ROOT_FOLDER);
  for (const folder of folders) {
    const segments = split(folder);
    let shared = 0;
    while (shared < common.length && shared < segments.length && common[shared] === segments[shared]) shared++;
    common = common.slice(0, shared);
  }
  const deepest = folders.reduce((max, folder) => Math.max(max, split(folder).length), 0);
  // Go one level deeper while that still splits the findings into too few groups to compare.
  let counts = new Map<string, number>();
  for (let depth = common.length + 1; depth <= Math.max(deepest, common.length + 1); depth++) {
    counts = new Map();
    for (const folder of folders) {
      const segments = split(folder);
      const key = segments.length >= depth ? segments.slice(0, depth).join('/') : `${EXACT_FOLDER}${folder}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (counts.size >= MIN_FOLDER_GROUPS) break;
  }
  const items = sortByCount<ChartItem>(
    [...counts].map(([value, count]) => ({
      value,
      label: relativeFolderLabel(value, common.length),
      filterLabel: value.startsWith(EXACT_FOLDER) ? exactFolderLabel(value.slice(EXACT_FOLDER.length)) : `${value}/`,
      count,
    })),
  );
  const bars = items.slice(0, MAX_FOLDER_BARS);
  const rest = items.slice(MAX_FOLDER_BARS);
  if (rest.length > 0) {
    bars.push({ value: undefined, label: `${rest.length} other folders`, count: rest.reduce((sum, item) => sum + item.count, 0), tone: 'other' });
  }
  return { bars, base: common.join('/') };
}

/** Every folder holding a shown finding, with its ancestors; counts are of open findings below it. */
function folderOptions(allFolders: readonly string[], openFolders: readonly string[]): FilterOption[] {
  const counts = new Map<string, number>();
  const add = (folder: string, count: number) => {
    if (folder === ROOT_FOLDER) {
      counts.set(`${EXACT_FOLDER}${ROOT_FOLDER}`, (counts.get(`${EXACT_FOLDER}${ROOT_FOLDER}`) ?? 0) + count);
      return;
    }
    const segments = folder.split('/');
    for (let depth = 1; depth <= segments.length; depth++) {
      const prefix = segments.slice(0, depth).join('/');
      counts.set(prefix, (counts.get(prefix) ?? 0) + count);
    }
  };
  for (const folder of allFolders) add(folder, 0);
  for (const folder of openFolders) add(folder, 1);
  return [...counts]
    .sort(([a], [b]) => a.replace(EXACT_FOLDER, '').localeCompare(b.replace(EXACT_FOLDER, '')))
    .map(([value, count]) => ({
      value,
      label: value.startsWith(EXACT_FOLDER) ? exactFolderLabel(ROOT_FOLDER) : `${value}/`,
      count,
    }));
}

/** A folder bar's label, without the folders all findings share. */
function relativeFolderLabel(value: string, commonDepth: number): string {
  const exact = value.startsWith(EXACT_FOLDER);
  const folder = exact ? value.slice(EXACT_FOLDER.length) : value;
  const segments = folder === ROOT_FOLDER ? [] : folder.split('/');
  const relative = segments.slice(commonDepth).join('/');
  if (!exact) return `${relative}/`;
  return relative === '' ? (segments.length === 0 ? '(root folder)' : '(files directly in it)') : `${relative}/ (files directly in it)`;
}

function exactFolderLabel(folder: string): string {
  return folder === ROOT_FOLDER ? '(root folder)' : `${folder}/ (files directly in it)`;
}

function sortByCount<T extends { count: number }>(items: T[]): T[] {
  // Stable: equal counts keep their given order (rule order, kind order).
  return items.map((item, index) => ({ item, index })).sort((a, b) => b.item.count - a.item.count || a.index - b.index).map(({ item }) => item);
}

/** Stores each distinct string once. */
class Interner {
  readonly values: string[] = [];
  private readonly indexes = new Map<string, number>();

  index(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexes.set(value, index);
    }
    return index;
  }
}
