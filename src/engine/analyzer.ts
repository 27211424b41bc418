import ts from 'typescript';
import { RULES, RULE_IDS } from '../../rules/index.js';
import type { PiiKind, RuleId } from '../../rules/types.js';
import { type CalleeFilter, calleeFilter, passesCalleeFilter, skipTransparent } from './access-path.js';
import type { AnalyzeOptions, Analyzer, EngineConfig } from './api.js';
import { ConsentAnalysis, functionName } from './checks/consent.js';
import { DialCheck } from './checks/dial.js';
import { FlowSinkCheck } from './checks/flow-sinks.js';
import type { ParamSink, RawFinding } from './checks/raw.js';
import { SchemaCheck } from './checks/schemas.js';
import { TransportCheck } from './checks/transport.js';
import { type CompiledKnowledge, compileKnowledge } from './compiled-knowledge.js';
import { EngineContext } from './context.js';
import { AnalysisBudgetExceeded } from './errors.js';
import { type FileIndex, indexFile } from './file-index.js';
import { type Finding, compareFindings } from './finding.js';
import { assignFingerprints, severityOf, toFinding } from './report.js';
import { applySuppressions, parseSuppressions } from './suppressions.js';
import { SIGNAL_STRENGTH, TaintAnalysis, isTainted } from './taint.js';

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
    this.enabled = new Set(RULE_IDS.filter((id) => config.rules[id] !== 'off'));
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
      const candidates: (ts.CallExpression | ts.NewExpression)[] = [...index.calls, ...index.constructions];
      for (const node of candidates) {
        if (!passesCalleeFilter(filter, node.expression, index)) continue;
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
    if (this.enabled.has('no-plaintext-pii-storage')) {
      for (const assignment of index.propertyAssignments) {
        const sink = knowledge.storageSinks.find((s) => s.model.assignment && ctx.resolver.match(assignment.left, s.refs));
        if (sink) flows.checkStorage(assignment, sink.model);
      }
    }
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

  private dispatch(node: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression, callee: ts.Expression, construct: boolean, tagged: boolean, state: ProgramState): void {
    const { knowledge, ctx, flows, schemas } = state;
    const fits = (model: { construct?: boolean; taggedTemplate?: boolean }): boolean => (tagged ? !!model.taggedTemplate : !!model.construct === construct && !model.taggedTemplate);
    if (!tagged && schemas.isSchemaCall(node as ts.CallExpression | ts.NewExpression)) return;
    if (this.enabled.has('no-pii-in-logs') && !tagged) {
      const log = knowledge.logSinks.find((s) => fits(s.model) && ctx.resolver.match(callee, s.refs));
      if (log) {
        flows.checkLog(node as ts.CallExpression | ts.NewExpression, log.model);
        return;
      }
    }
    if (this.enabled.has('no-plaintext-pii-storage')) {
      const storage = knowledge.storageSinks.find((s) => !s.model.assignment && fits(s.model) && ctx.resolver.match(callee, s.refs));
      if (storage) {
        flows.checkStorage(node as ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression, storage.model);
        return;
      }
    }
  }

  /** Runs the consent check when the call dials; true when it did (so it is no log or storage sink). */
  private dispatchDial(node: ts.CallExpression | ts.NewExpression, callee: ts.Expression, construct: boolean, state: ProgramState): boolean {
    const { knowledge, ctx, dial } = state;
    const d = knowledge.dialSinks.find((s) => !!s.model.construct === construct && ctx.resolver.match(callee, s.refs));
    if (!d) return false;
    if (this.enabled.has('require-consent-check')) dial.check(node, d.model);
    else dial.rememberDestination(node, d.model);
    return true;
  }

  private propagate(initial: readonly ParamSink[], state: ProgramState): void {
    const { ctx, flows, callers, taint } = state;
    const queue = [...initial];
    const seen = new Set<string>();
    let steps = 0;
    while (queue.length > 0 && steps++ < MAX_PROPAGATION_STEPS) {
      const ps = queue.shift()!;
      const key = `${ps.fn.pos}:${ps.fn.getSourceFile().fileName}:${ps.index}:${ps.path.join('.')}:${ps.site.node.pos}:${ps.site.node.getSourceFile().fileName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = functionName(ps.fn);
      if (!name) continue;
      const isMethod = ts.isMethodDeclaration(ps.fn) || (ps.fn.parent !== undefined && (ts.isPropertyDeclaration(ps.fn.parent) || ts.isPropertyAssignment(ps.fn.parent)));
      for (const call of callers.get(name) ?? []) {
        const arg = call.arguments[ps.index];
        if (!arg) continue;
        // Cheap filters first: the callee's shape must fit, and the argument must carry something.
        if (!isMethod && !ts.isIdentifier(skipTransparent(call.expression)) && !ts.isPropertyAccessExpression(skipTransparent(call.expression))) continue;
        if (isMethod && !ts.isPropertyAccessExpression(skipTransparent(call.expression))) continue;
        if (!isTainted(taint.taintOf(arg))) continue;
        if (ctx.resolveFunction(call) !== ps.fn) continue;
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
    const findings = ordered.map((raw) => toFinding(raw, severityOf(raw.ruleId, this.config.rules[raw.ruleId]), this.config.rootDir));
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
