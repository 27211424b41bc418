import ts, { SyntaxKind } from '../typescript.js';
import { RULES, RULE_IDS } from '../../rules/index.js';
import { PII_KIND_LABELS, type PiiKind, type RuleId } from '../../rules/types.js';
import { type CalleeFilter, calleeFilter, passesCalleeFilter, skipTransparent } from './access-path.js';
import type { AnalyzeOptions, Analyzer, EngineConfig } from './api.js';
import { ConsentAnalysis, functionName } from './checks/consent.js';
import { DialCheck } from './checks/dial.js';
import { FlowSinkCheck, urlTemplateParts } from './checks/flow-sinks.js';
import type { ParamSink, RawFinding } from './checks/raw.js';
import { SchemaCheck } from './checks/schemas.js';
import { TransportCheck } from './checks/transport.js';
import { type CompiledKnowledge, candidateSinks, compileKnowledge } from './compiled-knowledge.js';
import { EngineContext } from './context.js';
import { AnalysisBudgetExceeded } from './errors.js';
import { type FileIndex, indexFile } from './file-index.js';
import { type Finding, compareFindings } from './finding.js';
import { CATEGORY_OF_RULE, type Explanation, type FileInventory, type InventoryFlow, type InventorySource } from './inventory.js';
import { maskPiiInText } from './mask.js';
import { assignFingerprints, locationOf, severityOf, toFinding } from './report.js';
import { applySuppressions, parseSuppressions } from './suppressions.js';
import { type Label, SIGNAL_STRENGTH, type Signal, TaintAnalysis, isTainted, propertyNameText } from './taint.js';
import { hardcodedPii } from './checks/hardcoded.js';

const MAX_PROPAGATION_STEPS = 20_000;

const compiledCache = new WeakMap<object, CompiledKnowledge>();
const analyzerCache = new WeakMap<ts.Program, WeakMap<EngineConfig, Analyzer>>();

/**
 * The engine's entry point, one per program and configuration (cached). `analyzeFile` analyses what
 * a file's findings need: its own sinks, schemas and literals, and the flows into them from anywhere
 * in the program (parameters resolved at every call site through function summaries). Per-program
 * work — the call-site index, schemas, taint memo — is done once, lazily, and shared between files.
 */
export function createAnalyzer(program: ts.Program, config: EngineConfig): Analyzer {
  let byConfig = analyzerCache.get(program);
  if (!byConfig) analyzerCache.set(program, (byConfig = new WeakMap()));
  let analyzer = byConfig.get(config);
  if (!analyzer) {
    analyzer = new ProgramAnalysis(program, config);
    byConfig.set(config, analyzer);
  }
  return analyzer;
}

export const schemaCandidateCache = new WeakMap<FileIndex, WeakMap<CompiledKnowledge, (ts.CallExpression | ts.NewExpression)[]>>();

/**
 * Calls of a file that could declare a schema, by name only. Cached per file index (which lives as long
 * as its unchanged SourceFile) and knowledge, so an editor's new program re-filters only edited files.
 */
function schemaCandidates(index: FileIndex, knowledge: CompiledKnowledge, filter: CalleeFilter): (ts.CallExpression | ts.NewExpression)[] {
  let byKnowledge = schemaCandidateCache.get(index);
  if (!byKnowledge) schemaCandidateCache.set(index, (byKnowledge = new WeakMap()));
  let list = byKnowledge.get(knowledge);
  if (!list) {
    list = [...index.calls, ...index.constructions].filter((node) => passesCalleeFilter(filter, node.expression, index));
    byKnowledge.set(knowledge, list);
  }
  return list;
}

/** The callee's last member name (for `new X()`, X), or undefined for computed callees. */
function lastName(callee: ts.Expression): string | undefined {
  let e = skipTransparent(callee);
  if (ts.isNewExpression(e)) e = skipTransparent(e.expression);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
  return undefined;
}

function isValuePosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isBindingElement(parent)) && parent.name === node) return false;
  return !ts.isTypeNode(parent);
}

const SIGNAL_REASON: Readonly<Record<Signal, string>> = {
  source: 'a telephony framework source',
  type: 'its declared type',
  literal: 'a literal that validates as PII',
  name: 'its name',
};

function explainExpression(expr: ts.Expression, state: ProgramState): Explanation | undefined {
  const t = state.taint.withTypes(expr, state.taint.taintOf(expr), true);
  const label = t.labels[0] ?? t.protectedLabels?.[0];
  if (!label) return undefined;
  const location = locationOf(expr);
  const isProtected = t.labels.length === 0;
  const term = label.signal === 'name' ? state.knowledge.classifyName(lastNameOfDescribe(label.describe), { telephony: state.ctx.isTelephony(expr) })?.term : undefined;
  const why =
    label.signal === 'name' && label.describe.includes('(the number dialled by')
      ? `it is used as the number dialled (${label.describe.slice(label.describe.indexOf('by ') + 3, -1)})`
      : label.signal === 'name'
        ? `${SIGNAL_REASON.name} \`${label.describe}\`${term ? ` contains the PII term "${term}"` : ''}`
        : `${SIGNAL_REASON[label.signal]}: ${label.describe}`;
  const reason = `${PII_KIND_LABELS[label.kind]}${label.container ? ` in field ${label.field ?? '?'}` : ''} — taken for PII because ${why}${isProtected ? `; protected here (${label.protectedBy === 'mask' ? 'masked' : 'encrypted'})` : ''}.`;
  const flow = [
    { location: locationOf(label.origin), message: maskPiiInText(label.describe) },
    ...label.steps.map((step) => ({ location: locationOf(step.node), message: maskPiiInText(step.note) })),
  ];
  return { expression: maskPiiInText(expr.getText().replace(/\s+/g, ' ').slice(0, 80)), location, kind: label.kind, signal: isProtected ? 'protected' : label.signal, reason: maskPiiInText(reason), flow };
}

function lastNameOfDescribe(describe: string): string {
  const head = describe.split(' ')[0] ?? describe;
  return head.split('.').pop()?.replace(/\W/g, '') ?? head;
}

export function isAnalysable(sf: ts.SourceFile): boolean {
  return !sf.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(sf.fileName);
}

/** Per-program state, built on first use. */
interface ProgramState {
  knowledge: CompiledKnowledge;
  ctx: EngineContext;
  taint: TaintAnalysis;
  flows: FlowSinkCheck;
  schemas: SchemaCheck;
  transport: TransportCheck;
  consent: ConsentAnalysis;
  dial: DialCheck;
  callers: Map<string, ts.CallExpression[]>;
  /** Schema findings by file. */
  schemaFindings: Map<string, RawFinding[]>;
}

class ProgramAnalysis implements Analyzer {
  private state?: ProgramState;
  private readonly results = new Map<string, Finding[]>();
  private readonly enabled: ReadonlySet<RuleId>;
  private readonly schemaFilter: WeakMap<CompiledKnowledge, CalleeFilter> = new WeakMap();

  constructor(
    private readonly program: ts.Program,
    private readonly config: EngineConfig,
  ) {
    // `recommended` rules run unless turned off; any other rule only when the configuration names it.
    this.enabled = new Set(RULE_IDS.filter((id) => (config.rules[id] === undefined ? RULES[id].presets.includes('recommended') : config.rules[id] !== 'off')));
  }

  analyzeFile(sourceFile: ts.SourceFile, options: AnalyzeOptions = {}): Finding[] {
    const cached = this.results.get(sourceFile.fileName);
    if (cached) return cached;
    if (!isAnalysable(sourceFile)) return this.finish(sourceFile, [], []);
    const state = (this.state ??= this.createState());
    const deadline = options.deadline;
    const raws = this.analyzeSinks(sourceFile, state, deadline);
    const findings = this.finish(sourceFile, raws, state.schemaFindings.get(sourceFile.fileName) ?? []);
    this.results.set(sourceFile.fileName, findings);
    return findings;
  }

  /** Every PII source in the file and every flow of PII into a sink located in it, protected or not. */
  inventory(sourceFile: ts.SourceFile): FileInventory {
    this.analyzeFile(sourceFile);
    const state = this.state;
    if (!state || !isAnalysable(sourceFile)) return { sources: [], flows: [] };
    const seen = new Set<string>();
    const flows: InventoryFlow[] = [];
    for (const o of state.flows.observations) {
      if (o.site.node.getSourceFile() !== sourceFile) continue;
      const key = `${o.site.node.pos}:${o.site.ruleId}:${o.label.origin.pos}:${o.label.origin.getSourceFile().fileName}:${o.protection}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const category = CATEGORY_OF_RULE[o.site.ruleId];
      if (!category) continue;
      const originLocation = locationOf(o.label.origin);
      const sinkLocation = locationOf(o.site.node);
      flows.push({
        kind: o.label.kind,
        signal: o.label.signal,
        source: { description: maskPiiInText(o.label.describe), location: originLocation },
        sink: { description: maskPiiInText(o.site.sinkText), category, location: sinkLocation },
        protection: o.protection,
        ruleId: o.reported ? o.site.ruleId : undefined,
        flow: [
          { location: originLocation, message: maskPiiInText(o.label.describe) },
          ...[...o.label.steps, ...(o.via ?? [])].map((step) => ({ location: locationOf(step.node), message: maskPiiInText(step.note) })),
          { location: sinkLocation, message: `reaches ${maskPiiInText(o.site.sinkText)}` },
        ],
      });
    }
    for (const d of state.dial.dials) {
      if (d.sink.getSourceFile() !== sourceFile) continue;
      const t = state.taint.withTypes(d.destination, state.taint.taintOf(d.destination), true);
      for (const label of t.labels.slice(0, 1)) {
        const originLocation = locationOf(label.origin);
        const sinkLocation = locationOf(d.sink);
        flows.push({
          kind: label.kind,
          signal: label.signal,
          source: { description: maskPiiInText(label.describe), location: originLocation },
          sink: { description: maskPiiInText(d.sinkText), category: 'outbound-call', location: sinkLocation },
          protection: d.guarded ? 'consent-checked' : 'none',
          ruleId: d.guarded ? undefined : 'require-consent-check',
          flow: [
            { location: originLocation, message: maskPiiInText(label.describe) },
            ...label.steps.map((step) => ({ location: locationOf(step.node), message: maskPiiInText(step.note) })),
            { location: sinkLocation, message: `dialled by ${maskPiiInText(d.sinkText)}` },
          ],
        });
      }
    }
    for (const raw of state.schemaFindings.get(sourceFile.fileName) ?? []) {
      const location = locationOf(raw.node);
      flows.push({ kind: raw.kind ?? 'phone', signal: 'name', source: { description: raw.node.getText(), location }, sink: { description: raw.sinkText, category: 'storage', location }, protection: 'none', ruleId: raw.ruleId, flow: [] });
    }
    return { sources: this.sourcesIn(sourceFile, state), flows: flows.sort((a, b) => a.sink.location.line - b.sink.location.line || a.source.location.line - b.source.location.line) };
  }

  /** Framework sources and PII-typed declarations: where PII enters this file. */
  private sourcesIn(sf: ts.SourceFile, state: ProgramState): InventorySource[] {
    const sources: InventorySource[] = [];
    const seen = new Set<number>();
    const add = (labels: readonly Label[]): void => {
      for (const l of labels) {
        if (seen.has(l.origin.pos) || l.origin.getSourceFile() !== sf) continue;
        seen.add(l.origin.pos);
        sources.push({ kind: l.kind, signal: l.signal, description: maskPiiInText(l.describe), location: locationOf(l.origin) });
      }
    };
    const stack: ts.Node[] = [sf];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (ts.isPropertyAccessExpression(node) && state.knowledge.sourcePropertyNames.has(node.name.text)) {
        add(state.taint.sourceLabel(state.taint.canonicalChain(node.expression), node.name.text, node)?.labels ?? []);
      } else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
        if (name && state.knowledge.sourceMethodNames.has(name)) add(state.taint.taintOf(node).labels.filter((l) => l.signal === 'source'));
      } else if ((ts.isParameter(node) || ts.isPropertyDeclaration(node) || ts.isPropertySignature(node)) && node.type && ts.isIdentifier(node.name)) {
        const typeName = ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) ? node.type.typeName.text : undefined;
        const kind = typeName ? state.knowledge.typeNames.get(typeName) : undefined;
        if (kind && !seen.has(node.name.pos)) {
          seen.add(node.name.pos);
          sources.push({ kind, signal: 'type', description: `${node.name.text} (type ${typeName})`, location: locationOf(node.name) });
        }
      }
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
    return sources.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  }

  /** Why each expression on `line` is or is not PII, and the findings there. */
  explain(sourceFile: ts.SourceFile, line: number): Explanation[] {
    this.analyzeFile(sourceFile);
    const state = this.state;
    if (!state) return [];
    const starts = sourceFile.getLineStarts();
    const lineStart = starts[line - 1];
    if (lineStart === undefined) return [];
    const lineEnd = starts[line] ?? sourceFile.text.length;
    const explanations: Explanation[] = [];
    const visit = (node: ts.Node): void => {
      if (node.end < lineStart || node.getStart(sourceFile) >= lineEnd) return;
      const starting = node.getStart(sourceFile) >= lineStart;
      if (starting && (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node) || ts.isStringLiteralLike(node) || ts.isTemplateExpression(node))) {
        if (isValuePosition(node)) {
          const explanation = explainExpression(node as ts.Expression, state);
          if (explanation) explanations.push(explanation);
          if (ts.isPropertyAccessExpression(node) || ts.isIdentifier(node) || ts.isStringLiteralLike(node)) return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return explanations;
  }

  private createState(): ProgramState {
    let knowledge = compiledCache.get(this.config.knowledge);
    if (!knowledge) compiledCache.set(this.config.knowledge, (knowledge = compileKnowledge(this.config.knowledge)));
    const ctx = new EngineContext(this.program, this.program.getTypeChecker(), knowledge);
    const taint = new TaintAnalysis(ctx);
    const storageKinds = new Set<PiiKind>(RULES['no-plaintext-pii-storage'].piiKinds);
    const flows = new FlowSinkCheck(ctx, taint, storageKinds);
    const schemas = new SchemaCheck(ctx, storageKinds);
    const callers = new Map<string, ts.CallExpression[]>();
    const files = this.program.getSourceFiles().filter(isAnalysable);
    const indexes = files.map((sf) => indexFile(sf));
    for (const index of indexes) {
      for (const [name, list] of index.callsByName) {
        const existing = callers.get(name);
        if (existing) existing.push(...list);
        else callers.set(name, [...list]);
      }
    }
    flows.programCalls = (name) => callers.get(name) ?? [];
    const consent = new ConsentAnalysis(ctx, callers);
    const state: ProgramState = {
      knowledge,
      ctx,
      taint,
      flows,
      schemas,
      transport: new TransportCheck(ctx),
      consent,
      dial: new DialCheck(ctx, consent),
      callers,
      schemaFindings: new Map(),
    };
    this.collectSchemas(state, indexes);
    return state;
  }

  /**
   * Schemas are program-wide knowledge (a write in one file is judged by the entity declared in another),
   * so they are read once, for every file: only calls whose name can be a schema call are resolved.
   */
  private collectSchemas(state: ProgramState, indexes: readonly FileIndex[]): void {
    if (!this.enabled.has('no-plaintext-pii-storage')) return;
    const { knowledge, ctx, schemas } = state;
    let filter = this.schemaFilter.get(knowledge);
    if (!filter) this.schemaFilter.set(knowledge, (filter = calleeFilter(knowledge.schemas.flatMap((s) => s.refs))));
    for (const index of indexes) {
      for (const name of ['plugin', 'model']) for (const call of index.callsByName.get(name) ?? []) schemas.collect(call, name);
    }
    for (const index of indexes) {
      for (const property of index.decoratedProperties) schemas.checkProperty(property);
      for (const node of schemaCandidates(index, knowledge, filter)) {
        const construct = ts.isNewExpression(node);
        const schema = knowledge.schemas.find((s) => !!s.model.construct === construct && ctx.resolver.match(construct ? node : node.expression, s.refs));
        if (schema) schemas.checkCall(node, schema);
      }
    }
    for (const raw of schemas.findings) {
      const file = raw.node.getSourceFile().fileName;
      const list = state.schemaFindings.get(file);
      if (list) list.push(raw);
      else state.schemaFindings.set(file, [raw]);
    }
    state.flows.schemas = schemas;
  }

  private analyzeSinks(sf: ts.SourceFile, state: ProgramState, deadline: number | undefined): RawFinding[] {
    const { knowledge, ctx, flows, dial, transport } = state;
    const index = indexFile(sf);
    this.currentIndex = index;
    const raws: RawFinding[] = [];
    const check = (): void => {
      if (deadline !== undefined && Date.now() > deadline) throw new AnalysisBudgetExceeded(sf.fileName);
    };
    if (this.enabled.has('no-plaintext-transport')) {
      for (const node of index.transportNodes) {
        for (const issue of transport.check(node)) raws.push({ ruleId: 'no-plaintext-transport', node: issue.node, sinkText: issue.sink, summary: issue.summary, fix: issue.fix });
      }
    }
    check();
    const firstFlow = flows.findings.length;
    const firstParam = flows.paramSinks.length;
    const firstDial = dial.findings.length;
    const filter = knowledge.sinkCallees;
    for (const assignment of index.propertyAssignments) {
      if (this.enabled.has('no-plaintext-pii-storage')) {
        const sink = knowledge.storageSinks.find((s) => s.model.assignment && ctx.resolver.match(assignment.left, s.refs));
        if (sink) flows.checkStorage(assignment, sink.model);
      }
      if (this.enabled.has('no-pii-in-url')) {
        const sink = knowledge.privacySinks.find((s) => s.model.assignment && ctx.resolver.match(assignment.left, s.refs));
        if (sink) flows.checkPrivacy(assignment, sink.model);
      }
    }
    if (this.enabled.has('no-pii-in-url')) this.checkUrlProperties(index, state);
    if (this.enabled.has('no-hardcoded-pii')) raws.push(...hardcodedPii(index, sf, state.knowledge));
    // Dials first: a variable used as a destination is a phone number for the log and storage checks.
    const candidates: { node: ts.CallExpression | ts.NewExpression; callee: ts.Expression; construct: boolean }[] = [];
    for (const node of index.calls) if (passesCalleeFilter(filter, node.expression, index)) candidates.push({ node, callee: node.expression, construct: false });
    for (const node of index.constructions) if (passesCalleeFilter(filter, node.expression, index)) candidates.push({ node, callee: node, construct: true });
    const flowSinks: typeof candidates = [];
    let counter = 0;
    for (const c of candidates) {
      if (!this.dispatchDial(c.node, c.callee, c.construct, state)) flowSinks.push(c);
      if ((++counter & 63) === 0) check();
    }
    for (const c of flowSinks) {
      this.dispatch(c.node, c.callee, c.construct, false, state);
      if ((++counter & 63) === 0) check();
    }
    for (const node of index.taggedTemplates) this.dispatch(node, node.tag, false, true, state);
    check();
    // Sinks reached by parameters: resolve at every call site, transitively.
    this.propagate(flows.paramSinks.slice(firstParam), state);
    raws.push(...flows.findings.slice(firstFlow), ...dial.findings.slice(firstDial));
    return raws;
  }

  /** The file being analysed: its imports map local aliases back to imported names (`idbSet` → `set`). */
  private currentIndex?: FileIndex;

  private importedName(name: string | undefined): string | undefined {
    return name !== undefined ? (this.currentIndex?.importedNames.get(name) ?? name) : undefined;
  }

  private dispatch(node: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression, callee: ts.Expression, construct: boolean, tagged: boolean, state: ProgramState): void {
    const { knowledge, ctx, flows, schemas } = state;
    const fits = (model: { construct?: boolean; taggedTemplate?: boolean }): boolean => (tagged ? !!model.taggedTemplate : !!model.construct === construct && !model.taggedTemplate);
    if (!tagged && schemas.isSchemaCall(node as ts.CallExpression | ts.NewExpression)) return;
    const name = this.importedName(lastName(callee));
    if (this.enabled.has('no-pii-in-logs') && !tagged) {
      const log = candidateSinks(knowledge.logIndex, knowledge.logSinks, name).find((s) => fits(s.model) && ctx.resolver.match(callee, s.refs));
      if (log) {
        flows.checkLog(node as ts.CallExpression | ts.NewExpression, log.model);
        return;
      }
    }
    const privacyOn = this.enabled.has('no-reversible-pii-hash') || this.enabled.has('no-pii-in-url') || this.enabled.has('no-pii-to-third-party');
    if (privacyOn && !tagged) {
      const privacy = candidateSinks(knowledge.privacyIndex, knowledge.privacySinks, name).find((s) => !s.model.assignment && fits(s.model) && ctx.resolver.match(callee, s.refs));
      if (privacy) {
        flows.checkPrivacy(node as ts.CallExpression | ts.NewExpression, privacy.model);
        return;
      }
    }
    if (this.enabled.has('no-plaintext-pii-storage')) {
      const storage = candidateSinks(knowledge.storageIndex, knowledge.storageSinks, name).find((s) => !s.model.assignment && fits(s.model) && ctx.resolver.match(callee, s.refs));
      if (storage) {
        flows.checkStorage(node as ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression, storage.model);
        return;
      }
    }
  }

  /**
   * URLs built with PII outside calls: `statusCallback: \`https://…?to=${to}\`` in an object, and
   * `<a href={\`/customers/${phone}\`}>` in TSX.
   */
  private checkUrlProperties(index: FileIndex, state: ProgramState): void {
    const { knowledge, flows, ctx } = state;
    const isUrlValue = (e: ts.Expression): boolean => ts.isTemplateExpression(e) || ts.isBinaryExpression(e);
    for (const node of index.transportNodes) {
      if (ts.isTemplateHead(node) && ts.isTemplateExpression(node.parent)) {
        // Outside a sink: a URL template a helper returns or hands to another call (`useSWR(key)`). The text
        // is looked at first; where the template goes, only for the few that are URLs.
        const parts = urlTemplateParts(node.parent);
        const place = parts.length > 0 ? urlTemplatePlace(node.parent) : undefined;
        if (!place || (typeof place !== 'string' && isModelledSink(place))) continue;
        flows.checkUrlTemplate(node.parent, parts, typeof place === 'string' ? place : `passed to ${lastName(place.expression) ?? 'a call'}`);
        continue;
      }
      if (!ts.isPropertyAssignment(node)) continue;
      const key = propertyNameText(node.name);
      const value = skipTransparent(node.initializer);
      if (!key || !knowledge.urlProperties.test(key)) continue;
      if (isUrlValue(value)) flows.checkUrlValue(node.initializer, key);
      // `event_url: [\`${base}/events?to=${to}\`]` (Vonage takes a list of URLs).
      else if (ts.isArrayLiteralExpression(value)) for (const element of value.elements) if (isUrlValue(skipTransparent(element))) flows.checkUrlValue(element, key);
    }
    for (const attribute of index.jsxUrlAttributes) {
      if (attribute.initializer && ts.isJsxExpression(attribute.initializer) && attribute.initializer.expression) flows.checkUrlValue(attribute.initializer.expression, attribute.name.getText());
    }

    /** Any modelled sink reports its own arguments (with its own name); a template given to one is left to it. */
    function isModelledSink(call: ts.CallExpression | ts.NewExpression): boolean {
      const construct = ts.isNewExpression(call);
      const callee = construct ? call : call.expression;
      const name = lastName(callee);
      const imported = name !== undefined ? (index.importedNames.get(name) ?? name) : undefined;
      const fits = (model: { construct?: boolean; assignment?: boolean }): boolean => !!model.construct === construct && !model.assignment;
      const matches = <M extends { construct?: boolean; assignment?: boolean }>(list: readonly { model: M; refs: Parameters<typeof ctx.resolver.match>[1] }[]): boolean => list.some((s) => fits(s.model) && ctx.resolver.match(callee, s.refs));
      return (
        matches(candidateSinks(knowledge.privacyIndex, knowledge.privacySinks, imported)) ||
        matches(candidateSinks(knowledge.logIndex, knowledge.logSinks, imported)) ||
        matches(candidateSinks(knowledge.storageIndex, knowledge.storageSinks, imported)) ||
        matches(candidateSinks(knowledge.dialIndex, knowledge.dialSinks, imported))
      );
    }

    /** Where a template ends up: returned ('returned by f'), an argument of a call, or elsewhere (undefined). */
    function urlTemplatePlace(template: ts.TemplateExpression): string | ts.CallExpression | ts.NewExpression | undefined {
      let n: ts.Node = template;
      for (let i = 0; i < 8 && n.parent; i++) {
        const parent: ts.Node = n.parent;
        if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent)) n = parent;
        else if (ts.isConditionalExpression(parent) && parent.condition !== n) n = parent;
        else if (ts.isBinaryExpression(parent) && parent.right === n && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken, SyntaxKind.AmpersandAmpersandToken].includes(parent.operatorToken.kind)) n = parent;
        else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== n) {
          // `encodeURI(\`…\`)` and `String(…)` only pass the URL on.
          if (ts.isIdentifier(parent.expression) && /^(encodeURI|String)$/.test(parent.expression.text)) n = parent;
          else return parent;
        } else if (ts.isVariableDeclaration(parent) && parent.initializer === n && ts.isIdentifier(parent.name)) {
          // `const answerUrl = \`…?callee=${phone}\``, handed on later (to a dialler, a queue, a request).
          return `assigned to ${parent.name.text}`;
        } else if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === n)) {
          const fn = ts.isArrowFunction(parent) ? parent : ts.findAncestor(parent, ts.isFunctionLike);
          const name = fn && functionName(fn as ts.SignatureDeclaration);
          return name ? `returned by ${name}` : 'returned';
        } else return undefined;
      }
      return undefined;
    }
  }

  /** Runs the consent check when the call dials; true when it did (so it is no log or storage sink). */
  private dispatchDial(node: ts.CallExpression | ts.NewExpression, callee: ts.Expression, construct: boolean, state: ProgramState): boolean {
    const { knowledge, ctx, dial } = state;
    const d = candidateSinks(knowledge.dialIndex, knowledge.dialSinks, this.importedName(lastName(callee))).find((s) => !!s.model.construct === construct && ctx.resolver.match(callee, s.refs));
    if (!d) return false;
    if (this.enabled.has('require-consent-check')) return dial.check(node, d.model);
    dial.rememberDestination(node, d.model);
    return true;
  }

  /** Calls by name, grouped by the function each resolves to (computed once per name). */
  private readonly callSitesByName = new Map<string, Map<ts.SignatureDeclaration, ts.CallExpression[]>>();

  /**
   * The calls of `fn` in the program: calls by its name whose callee has the right shape and resolves
   * to it. Calls sharing a name are resolved once and grouped by function: a generated monorepo can
   * have hundreds of functions named `markStatus` and a thousand calls of them.
   */
  private callSitesOf(fn: ts.SignatureDeclaration, name: string, state: ProgramState): readonly ts.CallExpression[] {
    let byFunction = this.callSitesByName.get(name);
    if (!byFunction) {
      byFunction = new Map();
      for (const call of state.callers.get(name) ?? []) {
        const callee = skipTransparent(call.expression);
        if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) continue;
        const target = state.ctx.resolveFunction(call);
        if (!target) continue;
        const list = byFunction.get(target);
        if (list) list.push(call);
        else byFunction.set(target, [call]);
      }
      this.callSitesByName.set(name, byFunction);
    }
    const calls = byFunction.get(fn) ?? [];
    const isMethod = ts.isMethodDeclaration(fn) || (fn.parent !== undefined && (ts.isPropertyDeclaration(fn.parent) || ts.isPropertyAssignment(fn.parent)));
    return isMethod ? calls.filter((call) => ts.isPropertyAccessExpression(skipTransparent(call.expression))) : calls;
  }

  private propagate(initial: readonly ParamSink[], state: ProgramState): void {
    const { flows, taint } = state;
    const queue = [...initial];
    const seen = new Set<string>();
    for (let next = 0; next < queue.length && next < MAX_PROPAGATION_STEPS; next++) {
      const ps = queue[next]!;
      const key = `${ps.fn.pos}:${ps.fn.getSourceFile().fileName}:${ps.index}:${ps.path.join('.')}:${ps.site.node.pos}:${ps.site.node.getSourceFile().fileName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = functionName(ps.fn);
      if (!name) continue;
      for (const call of this.callSitesOf(ps.fn, name, state)) {
        const arg = call.arguments[ps.index];
        if (!arg || !isTainted(taint.taintOf(arg))) continue;
        let t = flows.valueTaint(arg);
        for (const segment of ps.path) {
          t = {
            ...t,
            labels: t.labels.flatMap((l) => (l.container && (l.field === segment || l.field === undefined) ? [{ ...l, container: false }] : segment === '[]' ? [l] : [])),
            params: t.params.map((p) => ({ ...p, path: [...p.path, segment] })),
          };
        }
        const labels = t.labels.filter((l) => ps.site.accepts(l));
        const best = labels.reduce<(typeof labels)[number] | undefined>((a, l) => (!a || SIGNAL_STRENGTH[l.signal] > SIGNAL_STRENGTH[a.signal] ? l : a), undefined);
        const via = [{ node: arg, note: `passed to ${name}()` }, ...ps.steps];
        for (const label of t.labels) flows.observations.push({ site: ps.site, label, protection: 'none', reported: label === best, via });
        if (best) {
          flows.findings.push({
            ruleId: ps.site.ruleId,
            node: ps.site.node,
            sinkText: ps.site.sinkText,
            summary: ps.site.describe(best),
            label: best,
            via: [{ node: arg, note: `passed to ${name}()` }, ...ps.steps],
            kind: best.kind,
          });
        }
        for (const p of t.params) queue.push({ fn: p.fn, index: p.index, path: p.path, steps: [...p.steps, { node: arg, note: `passed to ${name}()` }, ...ps.steps], site: ps.site });
      }
    }
  }

  /** One finding per rule and reported node (the strongest signal wins), then suppressions. */
  private finish(sf: ts.SourceFile, raws: readonly RawFinding[], schemaRaws: readonly RawFinding[]): Finding[] {
    const best = new Map<string, RawFinding>();
    for (const raw of [...schemaRaws, ...raws]) {
      if (!this.enabled.has(raw.ruleId) || raw.node.getSourceFile() !== sf) continue;
      const key = `${raw.ruleId}:${raw.node.getStart()}:${raw.node.getEnd()}`;
      const existing = best.get(key);
      if (!existing || (raw.label && (!existing.label || SIGNAL_STRENGTH[raw.label.signal] > SIGNAL_STRENGTH[existing.label.signal]))) best.set(key, raw);
    }
    const ordered = [...best.values()].sort((a, b) => a.node.getStart() - b.node.getStart() || a.ruleId.localeCompare(b.ruleId));
    const findings = ordered.map((raw) => toFinding(raw, raw.severity && !this.config.rules[raw.ruleId] ? raw.severity : severityOf(raw.ruleId, this.config.rules[raw.ruleId]), this.config.rootDir));
    assignFingerprints(findings, ordered, this.config.rootDir);
    if (!sf.text.includes('piiguard-ignore')) return findings.sort(compareFindings);
    const applied = applySuppressions(findings, parseSuppressions(sf.text), {
      file: sf.fileName,
      today: this.config.today,
      knownRules: RULE_IDS,
      activeRules: [...this.enabled],
      rootDir: this.config.rootDir,
    });
    const problems = this.enabled.has('no-invalid-suppression')
      ? applied.problems.map((p) => ({ ...p, severity: severityOf('no-invalid-suppression', this.config.rules['no-invalid-suppression']) }))
      : [];
    return [...applied.findings, ...problems].sort(compareFindings);
  }
}
