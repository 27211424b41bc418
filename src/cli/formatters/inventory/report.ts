import type { FileNotice, FlowStep, SourceLocation } from '../../../engine/finding.js';
import { maskPiiInText } from '../../../engine/mask.js';
import { CATEGORY_OF_RULE } from '../../../engine/inventory.js';
import type { Signal } from '../../../engine/taint.js';
import type { FlowCategory, InventoryEntry, InventoryResult, Protection } from '../../../scan/inventory.js';
import { RULES, RULE_IDS } from '../../../../rules/index.js';
import { PII_KINDS, PII_KIND_LABELS, type PiiKind, type RuleId, type Severity } from '../../../../rules/types.js';
import type { JsonLocation } from '../json.js';
import { type ToolInfo, relativePath, uniqueBy } from '../shared.js';

/**
 * `piiguard inventory --format json`: a stable, documented shape (docs/inventory.md). `version`
 * changes only when a field is removed or changes meaning; new optional fields may appear. Paths
 * are relative to `rootDir`, with '/'. Every text quoting the code is masked.
 */
export interface InventoryReport {
  version: 1;
  tool: { name: string; version: string; informationUri: string };
  rootDir: string;
  /** ISO 8601, UTC. */
  generatedAt: string;
  summary: InventorySummary;
  /** Where PII enters the code: framework sources and PII-typed declarations. */
  sources: InventoryReportSource[];
  /** Every PII value reaching a log, a store or a dialler, protected or not. */
  flows: InventoryReportFlow[];
  notices: { file: string; level: FileNotice['level']; message: string }[];
}

/** How many flows of a category have each protection; `total` is their sum. */
export type ProtectionCounts = Record<Protection, number> & { total: number };

export interface InventorySummary {
  filesScanned: number;
  sources: number;
  flows: number;
  /** Flows that reach their sink with no protection recognised. */
  unprotectedFlows: number;
  /** Distinct unsuppressed findings reporting the flows (as `piiguard scan` counts them). */
  openFindings: number;
  /** Distinct findings suppressed with a reason. */
  suppressedFindings: number;
  byCategory: Record<FlowCategory, ProtectionCounts>;
  /** Every PII kind, zeros included, so the shape never changes. */
  byKind: Record<PiiKind, { sources: number; flows: number; byCategory: Record<FlowCategory, ProtectionCounts> }>;
}

export interface InventoryReportSource {
  kind: PiiKind;
  signal: Signal;
  description: string;
  location: JsonLocation;
}

export interface InventoryReportFlow {
  kind: PiiKind;
  /** How the value was recognised; absent when a rule reported the sink without tracing a value to it. */
  signal?: Signal;
  source: { description: string; location: JsonLocation };
  sink: { description: string; category: FlowCategory; location: JsonLocation };
  protection: Protection;
  /** The rule that reports this flow. */
  ruleId?: RuleId;
  /** The finding at the sink: open, or suppressed with its reason. */
  finding?: { severity: Severity; fingerprint: string; status: 'open' | 'suppressed'; justification?: string; until?: string };
  /** Source → … → sink. */
  flow: { message: string; location: JsonLocation }[];
}

export const FLOW_CATEGORIES: readonly FlowCategory[] = ['log', 'storage', 'outbound-call'];
export const PROTECTIONS: readonly Protection[] = ['none', 'masked', 'encrypted', 'consent-checked'];

/** The processing operation of each sink category, as a record of processing names it. */
export const CATEGORY_LABELS: Readonly<Record<FlowCategory, string>> = {
  log: 'Logging',
  storage: 'Storage',
  'outbound-call': 'Outbound call or message',
};

export const PROTECTION_LABELS: Readonly<Record<Protection, string>> = {
  none: 'none',
  masked: 'masked',
  encrypted: 'encrypted or tokenized',
  'consent-checked': 'consent checked',
};

export const SIGNAL_LABELS: Readonly<Record<Signal, string>> = {
  source: 'framework source',
  type: 'declared type',
  name: 'name',
  literal: 'literal value',
};

export function buildInventoryReport(result: InventoryResult, generatedAt: Date, tool: ToolInfo): InventoryReport {
  const location = (l: SourceLocation): JsonLocation => ({
    file: maskPiiInText(relativePath(result.rootDir, l.file)),
    line: l.line,
    column: l.column,
    endLine: l.endLine,
    endColumn: l.endColumn,
  });
  const step = (s: FlowStep) => ({ message: maskPiiInText(s.message), location: location(s.location) });
  const sources = result.sources.map((s) => ({ kind: s.kind, signal: s.signal, description: maskPiiInText(s.description), location: location(s.location) }));
  const flows = result.flows.map((flow) => toReportFlow(flow, location, step));
  return {
    version: 1,
    tool: { name: tool.name, version: tool.version, informationUri: tool.informationUri },
    rootDir: result.rootDir,
    generatedAt: generatedAt.toISOString(),
    summary: summarizeInventory(sources, flows, result.filesScanned),
    sources,
    flows,
    notices: result.notices.map((n) => ({ file: maskPiiInText(relativePath(result.rootDir, n.file)), level: n.level, message: maskPiiInText(n.message) })),
  };
}

function toReportFlow(
  flow: InventoryEntry,
  location: (l: SourceLocation) => JsonLocation,
  step: (s: FlowStep) => InventoryReportFlow['flow'][number],
): InventoryReportFlow {
  const suppression = flow.finding?.suppression;
  return {
    kind: flow.kind,
    ...(flow.signal ? { signal: flow.signal } : {}),
    source: { description: maskPiiInText(flow.source.description), location: location(flow.source.location) },
    sink: { description: maskPiiInText(flow.sink.description), category: flow.sink.category, location: location(flow.sink.location) },
    protection: flow.protection,
    ...(flow.ruleId ? { ruleId: flow.ruleId } : {}),
    ...(flow.finding
      ? {
          finding: {
            severity: flow.finding.severity,
            fingerprint: flow.finding.fingerprint,
            status: suppression ? 'suppressed' : 'open',
            ...(suppression ? { justification: maskPiiInText(suppression.justification) } : {}),
            ...(suppression?.until ? { until: suppression.until } : {}),
          },
        }
      : {}),
    flow: flow.flow.map(step),
  };
}

function emptyCounts(): ProtectionCounts {
  return { none: 0, masked: 0, encrypted: 0, 'consent-checked': 0, total: 0 };
}

function emptyByCategory(): Record<FlowCategory, ProtectionCounts> {
  return { log: emptyCounts(), storage: emptyCounts(), 'outbound-call': emptyCounts() };
}

export function summarizeInventory(sources: readonly InventoryReportSource[], flows: readonly InventoryReportFlow[], filesScanned: number): InventorySummary {
  const byKind = Object.fromEntries(PII_KINDS.map((kind) => [kind, { sources: 0, flows: 0, byCategory: emptyByCategory() }])) as InventorySummary['byKind'];
  const byCategory = emptyByCategory();
  for (const source of sources) byKind[source.kind].sources++;
  let unprotectedFlows = 0;
  const open = new Set<string>();
  const suppressed = new Set<string>();
  for (const flow of flows) {
    const kind = byKind[flow.kind];
    kind.flows++;
    for (const counts of [kind.byCategory[flow.sink.category], byCategory[flow.sink.category]]) {
      counts[flow.protection]++;
      counts.total++;
    }
    if (flow.protection === 'none') unprotectedFlows++;
    if (flow.finding) (flow.finding.status === 'open' ? open : suppressed).add(flow.finding.fingerprint);
  }
  return {
    filesScanned,
    sources: sources.length,
    flows: flows.length,
    unprotectedFlows,
    openFindings: open.size,
    suppressedFindings: suppressed.size,
    byCategory,
    byKind,
  };
}

/** What an auditor reads of a processing activity: reported, accepted with a reason, protected, or none of these. */
export type ActivityStatus = 'open-finding' | 'suppressed' | 'unreported' | 'out-of-scope' | 'protected';

export const STATUS_LABELS: Readonly<Record<ActivityStatus, string>> = {
  'open-finding': 'open finding',
  suppressed: 'finding suppressed',
  unreported: 'no protection recognised, not reported',
  'out-of-scope': 'not protected, outside the rules\' scope',
  protected: 'protected',
};

/**
 * One line of a record of processing: one kind of PII processed by one sink (a log call, a
 * write, a dial) at one place in the code, with every source that reaches it.
 */
export interface ProcessingActivity {
  kind: PiiKind;
  category: FlowCategory;
  /** The sink: `logger.info`, `prisma.lead.create`, `client.calls.create`. */
  recipient: string;
  location: JsonLocation;
  /** Distinct sources, in flow order. */
  sources: { description: string; location: JsonLocation }[];
  signals: Signal[];
  /** Distinct protections, weakest first. */
  protections: Protection[];
  status: ActivityStatus;
  ruleIds: RuleId[];
  /** Reasons of suppressed findings. */
  justifications: string[];
  flows: InventoryReportFlow[];
}

/** Flows grouped into processing activities, by PII kind (PII_KINDS order), then category, then place. */
export function processingActivities(report: InventoryReport): ProcessingActivity[] {
  const byKey = new Map<string, InventoryReportFlow[]>();
  for (const flow of report.flows) {
    const { file, line, column } = flow.sink.location;
    const key = JSON.stringify([flow.kind, flow.sink.category, flow.sink.description, file, line, column]);
    const group = byKey.get(key);
    if (group) group.push(flow);
    else byKey.set(key, [flow]);
  }
  const activities = [...byKey.values()].map((flows): ProcessingActivity => {
    const first = flows[0]!;
    const sources = uniqueBy(
      flows.map((f) => f.source),
      (s) => `${s.description}\u0000${s.location.file}:${s.location.line}:${s.location.column}`,
    );
    const protections = PROTECTIONS.filter((p) => flows.some((f) => f.protection === p));
    return {
      kind: first.kind,
      category: first.sink.category,
      recipient: first.sink.description,
      location: first.sink.location,
      sources,
      signals: unique(flows.flatMap((f) => (f.signal ? [f.signal] : []))),
      protections,
      status: activityStatus(flows),
      ruleIds: unique(flows.flatMap((f) => (f.ruleId ? [f.ruleId] : []))),
      justifications: unique(flows.flatMap((f) => (f.finding?.justification ? [f.finding.justification] : []))),
      flows,
    };
  });
  const kindOrder = (kind: PiiKind) => PII_KINDS.indexOf(kind);
  return activities.sort(
    (a, b) =>
      kindOrder(a.kind) - kindOrder(b.kind) ||
      FLOW_CATEGORIES.indexOf(a.category) - FLOW_CATEGORIES.indexOf(b.category) ||
      a.location.file.localeCompare(b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      a.recipient.localeCompare(b.recipient),
  );
}

/** The most pressing status of the activity's flows. */
function activityStatus(flows: readonly InventoryReportFlow[]): ActivityStatus {
  if (flows.some((f) => f.finding?.status === 'open')) return 'open-finding';
  if (flows.some((f) => f.finding?.status === 'suppressed')) return 'suppressed';
  const unprotected = flows.filter((f) => f.protection === 'none');
  if (unprotected.length === 0) return 'protected';
  return unprotected.some((f) => inRuleScope(f)) ? 'unreported' : 'out-of-scope';
}

/** Whether a rule judges this kind of PII at this kind of sink (email is not a storage finding, for one). */
function inRuleScope(flow: InventoryReportFlow): boolean {
  return RULE_IDS.some((id) => CATEGORY_OF_RULE[id] === flow.sink.category && RULES[id].piiKinds.includes(flow.kind));
}

export function kindLabel(kind: PiiKind): string {
  return PII_KIND_LABELS[kind];
}

export function place(location: JsonLocation): string {
  return `${location.file}:${location.line}`;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
