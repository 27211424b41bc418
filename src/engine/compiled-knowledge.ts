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
import { createNameClassifier } from './classify/names.js';

export interface CompiledSink<M> {
  model: M;
  refs: CompiledApiRef[];
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
  telephonyModules: ReadonlySet<string>;
  telephonyRoute: RegExp;
  sources: CompiledSource[];
  sourcePropertyNames: ReadonlySet<string>;
  sourceMethodNames: ReadonlySet<string>;
  logSinks: CompiledSink<CallSinkModel>[];
  storageSinks: CompiledSink<CallSinkModel>[];
  dialSinks: CompiledSink<DialSinkModel>[];
  schemas: CompiledSink<SchemaModel>[];
  /** Cheap syntactic pre-filter for sink and schema calls. */
  sinkCallees: CalleeFilter;
  sanitizerNames: { pattern: RegExp; purpose: SanitizerPurpose }[];
  sanitizerCalls: { refs: CompiledApiRef[]; purpose: SanitizerPurpose }[];
  propagatorCalls: CompiledApiRef[];
  propagatorNames: RegExp[];
  consentFunctions: RegExp[];
  consentProperties: RegExp[];
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
  const allRefs = [...logSinks, ...storageSinks, ...dialSinks, ...schemas].flatMap((s) => s.refs);
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
    telephonyModules: new Set(k.telephony.modules),
    telephonyRoute: new RegExp(k.telephony.routePattern, 'i'),
    sources,
    sourcePropertyNames: new Set(sources.flatMap((s) => [...(s.properties ?? [])])),
    sourceMethodNames: new Set(sources.flatMap((s) => [...(s.methods ?? [])])),
    logSinks,
    storageSinks,
    dialSinks,
    schemas,
    sinkCallees: calleeFilter(allRefs),
    sanitizerNames: k.sanitizers.flatMap((s) => (s.names ?? []).map((n) => ({ pattern: new RegExp(n), purpose: s.purpose }))),
    sanitizerCalls: k.sanitizers.filter((s) => s.calls?.length).map((s) => ({ refs: compileApiRefs(s.calls ?? []), purpose: s.purpose })),
    propagatorCalls: compileApiRefs(k.propagators.calls),
    propagatorNames: k.propagators.names.map((n) => new RegExp(n)),
    consentFunctions: k.consent.functionNames.map((n) => new RegExp(n)),
    consentProperties: k.consent.propertyNames.map((n) => new RegExp(n)),
    safeHosts: k.transport.safeHostPatterns.map((p) => new RegExp(p, 'i')),
    urlProperties: new RegExp(k.transport.urlProperties),
    urlCalls: k.transport.urlCalls.map((u) => ({ refs: compileApiRefs(u.calls), args: u.args, construct: u.construct ?? false, describe: u.describe })),
  };
}
