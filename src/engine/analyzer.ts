import ts from 'typescript';
import { RULES, RULE_IDS } from '../../rules/index.js';
import type { PiiKind, RuleId } from '../../rules/types.js';
import { passesCalleeFilter, skipTransparent } from './access-path.js';
import type { Analyzer, EngineConfig } from './api.js';
import { ConsentAnalysis, functionName } from './checks/consent.js';
import { DialCheck } from './checks/dial.js';
import { FlowSinkCheck, subject } from './checks/flow-sinks.js';
import type { ParamSink, RawFinding } from './checks/raw.js';
import { SchemaCheck } from './checks/schemas.js';
import { TransportCheck } from './checks/transport.js';
import { type CompiledKnowledge, compileKnowledge } from './compiled-knowledge.js';
import { EngineContext } from './context.js';
import { type Finding, compareFindings } from './finding.js';
import { assignFingerprints, severityOf, toFinding } from './report.js';
import { applySuppressions, parseSuppressions } from './suppressions.js';
import { SIGNAL_STRENGTH, TaintAnalysis } from './taint.js';

const MAX_PROPAGATION_STEPS = 20_000;

const compiledCache = new WeakMap<object, CompiledKnowledge>();
const analyzerCache = new WeakMap<ts.Program, WeakMap<EngineConfig, Analyzer>>();

/**
 * The engine's entry point. Analysis is program-wide (flows cross files through function summaries),
 * runs once per program and configuration on the first request, and is then served per file.
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

function isAnalysable(sf: ts.SourceFile): boolean {
  return !sf.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(sf.fileName);
}

class ProgramAnalysis implements Analyzer {
  private results?: Map<string, Finding[]>;
  private readonly enabled: ReadonlySet<RuleId>;

  constructor(
    private readonly program: ts.Program,
    private readonly config: EngineConfig,
  ) {
    this.enabled = new Set(RULE_IDS.filter((id) => config.rules[id] !== 'off'));
  }

  analyzeFile(sourceFile: ts.SourceFile): Finding[] {
    this.results ??= this.run();
    const own = this.results.get(sourceFile.fileName);
    if (own) return own;
    // A file outside the program's analysed set still gets its suppressions checked.
    return this.finish(sourceFile, []);
  }

  private run(): Map<string, Finding[]> {
    let knowledge = compiledCache.get(this.config.knowledge);
    if (!knowledge) compiledCache.set(this.config.knowledge, (knowledge = compileKnowledge(this.config.knowledge)));
    const ctx = new EngineContext(this.program, this.program.getTypeChecker(), knowledge);
    const taint = new TaintAnalysis(ctx);
    const storageKinds = new Set<PiiKind>(RULES['no-plaintext-pii-storage'].piiKinds);
    const flows = new FlowSinkCheck(ctx, taint, storageKinds);
    const schemas = new SchemaCheck(ctx, storageKinds);
    const transport = new TransportCheck(ctx);
    const callers = new Map<string, ts.CallExpression[]>();
    const raws: RawFinding[] = [];

    // Phase 1: one walk per file — syntactic checks now, candidates for the semantic ones.
    const sinkCalls: (ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression)[] = [];
    const assignments: ts.BinaryExpression[] = [];
    const properties: ts.PropertyDeclaration[] = [];
    const files = this.program.getSourceFiles().filter(isAnalysable);
    const transportOn = this.enabled.has('no-plaintext-transport');
    for (const sf of files) {
      const visit = (node: ts.Node): void => {
        if (transportOn) for (const issue of transport.check(node)) raws.push({ ruleId: 'no-plaintext-transport', node: issue.node, sinkText: issue.sink, summary: issue.summary, fix: issue.fix });
        if (ts.isCallExpression(node)) {
          const callee = skipTransparent(node.expression);
          const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
          if (name) {
            const list = callers.get(name);
            if (list) list.push(node);
            else callers.set(name, [node]);
            if (name === 'plugin' || name === 'model') schemas.collect(node, name);
          }
          if (passesCalleeFilter(knowledge.sinkCallees, node.expression)) sinkCalls.push(node);
        } else if (ts.isNewExpression(node)) {
          if (passesCalleeFilter(knowledge.sinkCallees, node.expression)) sinkCalls.push(node);
        } else if (ts.isTaggedTemplateExpression(node)) {
          sinkCalls.push(node);
        } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
          assignments.push(node);
        } else if (ts.isPropertyDeclaration(node) && ts.canHaveDecorators(node) && ts.getDecorators(node)?.length) {
          properties.push(node);
        }
        ts.forEachChild(node, visit);
      };
      try {
        visit(sf);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error; // nesting too deep for this file: keep what was found
      }
    }

    // Phase 2: schemas first, so writes of a field declared (and reported, or encrypted) in a schema are not reported again.
    const storageOn = this.enabled.has('no-plaintext-pii-storage');
    const matched: { node: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression; run: () => void }[] = [];
    const consent = new ConsentAnalysis(ctx, callers);
    const dial = new DialCheck(ctx, consent);
    if (storageOn) for (const property of properties) schemas.checkProperty(property);
    for (const node of sinkCalls) {
      // A construction matches with its `new` step: `new PutCommand()` is PutCommand, new().
      const callee = ts.isTaggedTemplateExpression(node) ? node.tag : ts.isNewExpression(node) ? node : node.expression;
      const construct = ts.isNewExpression(node);
      const tagged = ts.isTaggedTemplateExpression(node);
      if (storageOn && !tagged) {
        const schema = knowledge.schemas.find((s) => !!s.model.construct === construct && ctx.resolver.match(callee, s.refs));
        if (schema) {
          schemas.checkCall(node as ts.CallExpression | ts.NewExpression, schema);
          continue;
        }
      }
      matched.push({ node, run: () => this.dispatch(node, callee, construct, tagged, knowledge, ctx, flows, dial) });
    }
    flows.schemas = schemas;
    if (storageOn) {
      for (const assignment of assignments) {
        const sink = knowledge.storageSinks.find((s) => s.model.assignment && ctx.resolver.match(assignment.left, s.refs));
        if (sink) flows.checkStorage(assignment, sink.model);
      }
    }
    for (const m of matched) m.run();

    // Phase 3: sinks reached by parameters — resolve at every call site, transitively.
    this.propagate(flows.paramSinks, callers, ctx, taint, flows);

    raws.push(...schemas.findings, ...flows.findings, ...dial.findings);
    return this.group(raws.filter((r) => this.enabled.has(r.ruleId)), files);
  }

  private dispatch(
    node: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression,
    callee: ts.Expression,
    construct: boolean,
    tagged: boolean,
    knowledge: CompiledKnowledge,
    ctx: EngineContext,
    flows: FlowSinkCheck,
    dial: DialCheck,
  ): void {
    const fits = (model: { construct?: boolean; taggedTemplate?: boolean }): boolean => (tagged ? !!model.taggedTemplate : !!model.construct === construct && !model.taggedTemplate);
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
    if (this.enabled.has('require-consent-check') && !tagged) {
      const d = knowledge.dialSinks.find((s) => !!s.model.construct === construct && ctx.resolver.match(callee, s.refs));
      if (d) dial.check(node as ts.CallExpression | ts.NewExpression, d.model);
    }
  }

  private propagate(initial: readonly ParamSink[], callers: Map<string, ts.CallExpression[]>, ctx: EngineContext, taint: TaintAnalysis, flows: FlowSinkCheck): void {
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
      for (const call of callers.get(name) ?? []) {
        if (ctx.resolveFunction(call) !== ps.fn) continue;
        const arg = call.arguments[ps.index];
        if (!arg) continue;
        let t = flows.valueTaint(arg);
        for (const segment of ps.path) t = { ...t, labels: t.labels.flatMap((l) => (l.container && (l.field === segment || l.field === undefined) ? [{ ...l, container: false }] : segment === '[]' ? [l] : [])), params: t.params.map((p) => ({ ...p, path: [...p.path, segment] })) };
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
    void taint;
  }

  private group(raws: readonly RawFinding[], files: readonly ts.SourceFile[]): Map<string, Finding[]> {
    // One finding per rule and reported node: the strongest signal wins.
    const best = new Map<string, RawFinding>();
    for (const raw of raws) {
      const key = `${raw.ruleId}:${raw.node.getSourceFile().fileName}:${raw.node.getStart()}:${raw.node.getEnd()}`;
      const existing = best.get(key);
      if (!existing || (raw.label && (!existing.label || SIGNAL_STRENGTH[raw.label.signal] > SIGNAL_STRENGTH[existing.label.signal]))) best.set(key, raw);
    }
    const byFile = new Map<string, RawFinding[]>();
    for (const raw of best.values()) {
      const file = raw.node.getSourceFile().fileName;
      const list = byFile.get(file);
      if (list) list.push(raw);
      else byFile.set(file, [raw]);
    }
    const result = new Map<string, Finding[]>();
    for (const sf of files) {
      const fileRaws = (byFile.get(sf.fileName) ?? []).sort((a, b) => a.node.getStart() - b.node.getStart() || a.ruleId.localeCompare(b.ruleId));
      const findings = fileRaws.map((raw) => toFinding(raw, severityOf(raw.ruleId, this.config.rules[raw.ruleId]), this.config.rootDir));
      assignFingerprints(findings, fileRaws, this.config.rootDir);
      result.set(sf.fileName, this.finish(sf, findings));
    }
    return result;
  }

  /** Applies inline suppressions and reports invalid ones. */
  private finish(sf: ts.SourceFile, findings: Finding[]): Finding[] {
    if (!sf.text.includes('piiguard-ignore')) return findings.sort(compareFindings);
    const directives = parseSuppressions(sf.text);
    const applied = applySuppressions(findings, directives, {
      file: sf.fileName,
      today: this.config.today,
      knownRules: RULE_IDS,
      activeRules: [...this.enabled],
      rootDir: this.config.rootDir,
    });
    const problems = this.enabled.has('no-invalid-suppression') ? applied.problems.map((p) => ({ ...p, severity: severityOf('no-invalid-suppression', this.config.rules['no-invalid-suppression']) })) : [];
    return [...applied.findings, ...problems].sort(compareFindings);
  }
}

export { subject };
