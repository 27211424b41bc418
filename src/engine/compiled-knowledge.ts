import type {
  CallSinkModel,
  DialSinkModel,
  Knowledge,
  PiiKind,
  SanitizerPurpose,
  SchemaModel,
  SourceModel,
} from '../../rules/types.js';
import { type CalleeFilter, type CompiledApiRef, calleeFilter, compileApiRefs } from './access-path.js';
import { createNameClassifier, createScalarNameTest } from './classify/names.js';

export interface CompiledSink<M> {
  model: M;
  refs: CompiledApiRef[];
}

/**
 * Sinks by the last name a matching callee can have, so a call is compared only with the rows that can
 * match it (`logger.info` with logger rows, not with 60 models). Rows that name the callee by pattern or
 * by module alone are in `byAnyName`.
 */
export interface SinkIndex<M> {
  byName: ReadonlyMap<string, CompiledSink<M>[]>;
  byAnyName: CompiledSink<M>[];
}

export function indexSinks<M>(sinks: readonly CompiledSink<M>[]): SinkIndex<M> {
  const byName = new Map<string, CompiledSink<M>[]>();
  const byAnyName: CompiledSink<M>[] = [];
  for (const sink of sinks) {
    const names = new Set<string>();
    let open = false;
    for (const ref of sink.refs) {
      const last = [...ref.steps].reverse().find((step) => step.kind === 'member');
      if (last && last.kind === 'member' && last.names !== 'any') for (const n of last.names) names.add(n);
      else if (!last && ref.root.kind === 'global') names.add(ref.root.name);
      else open = true;
    }
    if (open) byAnyName.push(sink);
    for (const n of names) {
      const list = byName.get(n);
      if (list) list.push(sink);
      else byName.set(n, [sink]);
    }
  }
  return { byName, byAnyName };
}

/** Merged lists per index and name: asked for every call that passes the callee filter. */
const mergedCandidates = new WeakMap<SinkIndex<unknown>, Map<string, CompiledSink<unknown>[]>>();

/** The sinks a callee whose last name is `name` may match, in model order. */
export function candidateSinks<M>(index: SinkIndex<M>, all: readonly CompiledSink<M>[], name: string | undefined): CompiledSink<M>[] {
  const named = name !== undefined ? index.byName.get(name) : undefined;
  if (name === undefined || !named) return index.byAnyName;
  if (index.byAnyName.length === 0) return named;
  let byName = mergedCandidates.get(index as SinkIndex<unknown>) as Map<string, CompiledSink<M>[]> | undefined;
  if (!byName) mergedCandidates.set(index as SinkIndex<unknown>, (byName = new Map()) as Map<string, CompiledSink<unknown>[]>);
  let merged = byName.get(name);
  if (!merged) {
    const set = new Set([...named, ...index.byAnyName]);
    byName.set(name, (merged = all.filter((s) => set.has(s))));
  }
  return merged;
}

export interface CompiledSource {
  model: SourceModel;
  object?: RegExp;
  properties?: ReadonlySet<string>;
  methods?: ReadonlySet<string>;
  firstArgs?: ReadonlySet<string>;
}

/** Knowledge turned into matchers once per configuration: regexes compiled, access paths parsed. */
export interface CompiledKnowledge {
  raw: Knowledge;
  classifyName: (name: string, ctx?: { telephony?: boolean }) => { kind: PiiKind; term: string } | undefined;
  typeNames: ReadonlyMap<string, PiiKind>;
  /** Names of scalars (ids, counts, statuses): their declared types are not looked up. */
  isScalarName: (name: string) => boolean;
  telephonyModules: ReadonlySet<string>;
  telephonyRoute: RegExp;
  sources: CompiledSource[];
  sourcePropertyNames: ReadonlySet<string>;
  sourceMethodNames: ReadonlySet<string>;
  logSinks: CompiledSink<CallSinkModel>[];
  storageSinks: CompiledSink<CallSinkModel>[];
  dialSinks: CompiledSink<DialSinkModel>[];
  logIndex: SinkIndex<CallSinkModel>;
  storageIndex: SinkIndex<CallSinkModel>;
  /** Hash, URL and third-party sinks, one list (their `category` says which rule). */
  privacySinks: CompiledSink<CallSinkModel>[];
  privacyIndex: SinkIndex<CallSinkModel>;
  dialIndex: SinkIndex<DialSinkModel>;
  schemas: CompiledSink<SchemaModel>[];
  /** Cheap syntactic pre-filter for sink and schema calls. */
  sinkCallees: CalleeFilter;
  sanitizerNames: { pattern: RegExp; purpose: SanitizerPurpose }[];
  sanitizerCalls: { refs: CompiledApiRef[]; purpose: SanitizerPurpose }[];
  /** Pre-filter for sanitizerCalls: most calls met in a flow are no sanitizer, and resolving their callee costs. */
  sanitizerCallees: CalleeFilter;
  propagatorCalls: CompiledApiRef[];
  propagatorCallees: CalleeFilter;
  propagatorNames: RegExp[];
  consentFunctions: RegExp[];
  consentProperties: RegExp[];
  verdictProperties: RegExp[];
  safeHosts: RegExp[];
  urlProperties: RegExp;
  urlCalls: { refs: CompiledApiRef[]; args: readonly number[]; construct: boolean; describe: string }[];
}

export function compileKnowledge(k: Knowledge): CompiledKnowledge {
  const sinks = <M extends { calls?: readonly import('../../rules/types.js').ApiRef[] }>(models: readonly M[]): CompiledSink<M>[] =>
    models.map((model) => ({ model, refs: compileApiRefs(model.calls ?? []) }));
  const logSinks = sinks(k.logSinks);
  const storageSinks = sinks(k.storageSinks);
  const dialSinks = sinks(k.dialSinks);
  const schemas = sinks(k.schemas);
  const privacySinks = sinks([...k.hashSinks, ...k.urlSinks, ...k.thirdPartySinks]);
  const sanitizerCalls = k.sanitizers.filter((s) => s.calls?.length).map((s) => ({ refs: compileApiRefs(s.calls ?? []), purpose: s.purpose }));
  const propagatorCalls = compileApiRefs(k.propagators.calls);
  const allRefs = [...logSinks, ...storageSinks, ...dialSinks, ...schemas, ...privacySinks].flatMap((s) => s.refs);
  const sources: CompiledSource[] = k.sources.map((model) => ({
    model,
    object: model.access ? new RegExp(model.access.object) : undefined,
    properties: model.access ? new Set(model.access.properties) : undefined,
    methods: model.call ? new Set(model.call.methods) : undefined,
    firstArgs: model.call ? new Set(model.call.firstArg) : undefined,
  }));
  return {
    raw: k,
    classifyName: createNameClassifier(k.names),
    typeNames: new Map(Object.entries(k.types.names)),
    isScalarName: createScalarNameTest(k.types.scalarWords),
    telephonyModules: new Set(k.telephony.modules),
    telephonyRoute: new RegExp(k.telephony.routePattern, 'i'),
    sources,
    sourcePropertyNames: new Set(sources.flatMap((s) => [...(s.properties ?? [])])),
    sourceMethodNames: new Set(sources.flatMap((s) => [...(s.methods ?? [])])),
    logSinks,
    storageSinks,
    dialSinks,
    privacySinks,
    privacyIndex: indexSinks(privacySinks),
    logIndex: indexSinks(logSinks),
    storageIndex: indexSinks(storageSinks),
    dialIndex: indexSinks(dialSinks),
    schemas,
    sinkCallees: calleeFilter(allRefs),
    sanitizerNames: k.sanitizers.flatMap((s) => (s.names ?? []).map((n) => ({ pattern: new RegExp(n), purpose: s.purpose }))),
    sanitizerCalls,
    sanitizerCallees: calleeFilter(sanitizerCalls.flatMap((s) => s.refs)),
    propagatorCalls,
    propagatorCallees: calleeFilter(propagatorCalls),
    propagatorNames: k.propagators.names.map((n) => new RegExp(n)),
    consentFunctions: k.consent.functionNames.map((n) => new RegExp(n)),
    consentProperties: k.consent.propertyNames.map((n) => new RegExp(n)),
    verdictProperties: k.consent.verdictPropertyNames.map((n) => new RegExp(n)),
    safeHosts: k.transport.safeHostPatterns.map((p) => new RegExp(p, 'i')),
    urlProperties: new RegExp(k.transport.urlProperties),
    urlCalls: k.transport.urlCalls.map((u) => ({ refs: compileApiRefs(u.calls), args: u.args, construct: u.construct ?? false, describe: u.describe })),
  };
}
