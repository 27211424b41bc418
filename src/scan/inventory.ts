import { performance } from 'node:perf_hooks';
import type ts from 'typescript';
import type { Analyzer } from '../engine/api.js';
import { type FileNotice, type Finding, type FlowStep, type SourceLocation, type Suppression, compareFindings } from '../engine/finding.js';
import { CATEGORY_OF_RULE, type FlowCategory, type InventoryFlow, type InventorySource, type Protection } from '../engine/inventory.js';
import type { Signal } from '../engine/taint.js';
import { RULES, RULE_IDS } from '../../rules/index.js';
import type { PiiKind, RuleId, Severity } from '../../rules/types.js';
import { type ProjectDependencies, type ProjectRequest, analyseWithinBudget, compareNotices, openProject } from './project.js';

export type InventoryRequest = ProjectRequest;

/** One flow of the inventory: the engine's, with the finding that reports it when there is one. */
export interface InventoryEntry {
  kind: PiiKind;
  /** How the value was recognised; absent when a rule reported the sink without tracing a value to it. */
  signal?: Signal;
  source: { description: string; location: SourceLocation };
  sink: { description: string; category: FlowCategory; location: SourceLocation };
  protection: Protection;
  /** The rule that reports this flow. */
  ruleId?: RuleId;
  /** The finding reporting it, when the scan has one at the sink. */
  finding?: { severity: Severity; fingerprint: string; suppression?: Suppression };
  flow: FlowStep[];
}

export interface InventoryResult {
  rootDir: string;
  /** Framework sources and PII-typed declarations, by file and position. */
  sources: InventorySource[];
  /** By sink file and position, then source. */
  flows: InventoryEntry[];
  notices: FileNotice[];
  filesScanned: number;
  durationMs: number;
  /** Configuration file used, if any. */
  configFile: string | undefined;
}

/**
 * Every PII source in the given files and every flow of PII into a log, a store or a dialler,
 * protected or not: the data-flow record behind `piiguard inventory`. Flows carry the finding that
 * reports them, and a finding of a flow rule that the engine's flow list lacks (a sink judged
 * without tracing a value, such as an unencrypted recording upload) is added as a flow of its own,
 * so the inventory covers everything a scan of the same files reports.
 */
export async function collectInventory(request: InventoryRequest, dependencies: ProjectDependencies = {}): Promise<InventoryResult> {
  const started = performance.now();
  const project = await openProject(request, dependencies);
  const { analyzer } = project;
  const sources: InventorySource[] = [];
  const flows: InventoryEntry[] = [];
  const filesScanned = analyseWithinBudget(project, project.analysable, (sourceFile, deadline) => {
    const findings = analyzer.analyzeFile(sourceFile, { deadline }).filter((f) => CATEGORY_OF_RULE[f.ruleId] !== undefined);
    const inventory = analyzer.inventory(sourceFile);
    sources.push(...inventory.sources);
    flows.push(...withFindings(inventory.flows, findings, sourceFile, analyzer));
  });
  return {
    rootDir: project.rootDir,
    sources: withFlowSources(sources, flows).sort((a, b) => compareLocations(a.location, b.location) || a.description.localeCompare(b.description)),
    flows: flows.sort(compareEntries),
    notices: project.notices.sort(compareNotices),
    filesScanned,
    durationMs: Math.round(performance.now() - started),
    configFile: project.loaded.file,
  };
}

/**
 * The engine lists framework sources read by property access and PII-typed declarations; a source
 * read by destructuring (`const { From } = req.body`) shows only as the origin of its flows, so the
 * origins of flows recognised by source or type are added, once per place.
 */
function withFlowSources(sources: readonly InventorySource[], flows: readonly InventoryEntry[]): InventorySource[] {
  const place = (l: SourceLocation) => `${l.file}\u0000${l.line}\u0000${l.column}`;
  const seen = new Set(sources.map((s) => place(s.location)));
  const added: InventorySource[] = [];
  for (const flow of flows) {
    if (flow.signal !== 'source' && flow.signal !== 'type') continue;
    const key = place(flow.source.location);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push({ kind: flow.kind, signal: flow.signal, description: flow.source.description, location: flow.source.location });
  }
  return [...sources, ...added];
}

/** Flows with the findings at their sinks attached, plus the flow-rule findings no flow matches. */
function withFindings(flows: readonly InventoryFlow[], findings: readonly Finding[], sourceFile: ts.SourceFile, analyzer: Analyzer): InventoryEntry[] {
  const byPlace = new Map<string, Finding>();
  for (const finding of [...findings].sort(compareFindings)) {
    const key = placeKey(finding.ruleId, finding.location);
    if (!byPlace.has(key)) byPlace.set(key, finding);
  }
  const matched = new Set<Finding>();
  const entries: InventoryEntry[] = flows.map((flow) => {
    const { ruleId: reportedBy, ...rest } = flow;
    // One finding per sink: a second unprotected value at a reported sink (an email next to the
    // phone number in one log call) is covered by that finding when its rule covers the kind.
    const ruleId = reportedBy ?? (flow.protection === 'none' ? coveringRule(flow, byPlace) : undefined);
    const finding = ruleId ? byPlace.get(placeKey(ruleId, flow.sink.location)) : undefined;
    if (finding) matched.add(finding);
    return { ...rest, ...(ruleId ? { ruleId } : {}), ...(finding ? { finding: findingRef(finding) } : {}) };
  });
  for (const finding of findings) {
    const category = CATEGORY_OF_RULE[finding.ruleId];
    if (matched.has(finding) || !category || !finding.piiKind) continue;
    entries.push(entryOfFinding(finding, finding.piiKind, category, sourceFile, analyzer));
  }
  return entries;
}

function coveringRule(flow: InventoryFlow, byPlace: ReadonlyMap<string, Finding>): RuleId | undefined {
  return RULE_IDS.find(
    (id) => CATEGORY_OF_RULE[id] === flow.sink.category && RULES[id].piiKinds.includes(flow.kind) && byPlace.has(placeKey(id, flow.sink.location)),
  );
}

function entryOfFinding(finding: Finding, kind: PiiKind, category: FlowCategory, sourceFile: ts.SourceFile, analyzer: Analyzer): InventoryEntry {
  // The explanation of the reported expression says how its value was recognised.
  const explained = analyzer
    .explain(sourceFile, finding.location.line)
    .find((e) => e.location.line === finding.location.line && e.location.column === finding.location.column && e.kind === kind);
  const signal = explained && explained.signal !== 'protected' ? explained.signal : undefined;
  const source = finding.source ?? (explained?.flow[0] ? { description: explained.flow[0].message, location: explained.flow[0].location } : { description: finding.sink ?? '', location: finding.location });
  return {
    kind,
    ...(signal ? { signal } : {}),
    source,
    sink: { description: finding.sink ?? finding.summary, category, location: finding.location },
    protection: 'none',
    ruleId: finding.ruleId,
    finding: findingRef(finding),
    flow: finding.flow.length > 0 ? finding.flow : (explained?.flow ?? []),
  };
}

function findingRef(finding: Finding): NonNullable<InventoryEntry['finding']> {
  return { severity: finding.severity, fingerprint: finding.fingerprint, ...(finding.suppression ? { suppression: finding.suppression } : {}) };
}

function placeKey(ruleId: RuleId, location: SourceLocation): string {
  return `${ruleId}\u0000${location.file}\u0000${location.line}\u0000${location.column}`;
}

function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

function compareEntries(a: InventoryEntry, b: InventoryEntry): number {
  return (
    compareLocations(a.sink.location, b.sink.location) ||
    a.kind.localeCompare(b.kind) ||
    compareLocations(a.source.location, b.source.location) ||
    a.protection.localeCompare(b.protection) ||
    a.source.description.localeCompare(b.source.description)
  );
}

export type { FlowCategory, Protection } from '../engine/inventory.js';
