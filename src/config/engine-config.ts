import type { EngineConfig } from '../engine/api.js';
import { splitWords } from '../engine/classify/words.js';
import { defaultKnowledge } from '../../rules/knowledge.js';
import type {
  ApiRef,
  CallSinkModel,
  DialSinkModel,
  Knowledge,
  PiiKind,
  PiiTerm,
  SanitizerModel,
  SourceModel,
} from '../../rules/types.js';
import type { ConfigApiRef, ConfigCallSink, PiiguardConfigFile } from './types.js';

export interface EngineConfigOptions {
  rootDir: string;
  /** YYYY-MM-DD; defaults to the local date. */
  today?: string;
  /** Knowledge to extend; defaults to the built-in models. */
  baseKnowledge?: Knowledge;
}

/** Builds what the engine needs: built-in knowledge extended (never replaced) by the configuration. */
export function toEngineConfig(config: PiiguardConfigFile, options: EngineConfigOptions): EngineConfig {
  return {
    knowledge: extendKnowledge(options.baseKnowledge ?? defaultKnowledge, config),
    rules: { ...config.rules },
    rootDir: options.rootDir,
    today: options.today ?? localDate(new Date()),
  };
}

export function extendKnowledge(base: Knowledge, config: PiiguardConfigFile): Knowledge {
  const pii = config.pii ?? {};
  const extraTerms: PiiTerm[] = [];
  for (const [kind, names] of Object.entries(pii.names ?? {}) as [PiiKind, string[]][]) {
    for (const name of names) {
      const words = splitWords(name);
      if (words.length > 0) extraTerms.push({ kind, words });
    }
  }
  const extraNonPiiWords = (pii.nonPiiWords ?? []).flatMap((word) => splitWords(word));

  return {
    ...base,
    names: {
      ...base.names,
      terms: [...base.names.terms, ...extraTerms],
      nonPiiWords: unique([...base.names.nonPiiWords, ...extraNonPiiWords]),
    },
    types: { ...base.types, names: { ...base.types.names, ...pii.types } },
    sources: [...base.sources, ...(config.sources ?? []).map(toSourceModel)],
    logSinks: [...base.logSinks, ...(config.sinks?.log ?? []).map((sink) => toCallSinkModel(sink, 'log'))],
    storageSinks: [...base.storageSinks, ...(config.sinks?.storage ?? []).map((sink) => toCallSinkModel(sink, 'storage'))],
    dialSinks: [...base.dialSinks, ...(config.sinks?.dial ?? []).map(toDialSinkModel)],
    sanitizers: [...base.sanitizers, ...(config.sanitizers ?? []).map(toSanitizerModel)],
    consent: {
      ...base.consent,
      functionNames: [...base.consent.functionNames, ...(config.consent?.functionNames ?? [])],
      propertyNames: [...base.consent.propertyNames, ...(config.consent?.propertyNames ?? [])],
    },
    transport: {
      ...base.transport,
      safeHostPatterns: [...base.transport.safeHostPatterns, ...(config.transport?.safeHosts ?? []).map(hostPattern)],
    },
  };
}

/** `api.internal` → `^api\.internal$`; `*.svc.cluster.local` → the name itself and any subdomain. */
export function hostPattern(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('*.')) return `(^|\\.)${escapeRegExp(lower.slice(2))}$`;
  return `^${escapeRegExp(lower)}$`;
}

function toApiRef(ref: ConfigApiRef): ApiRef {
  return { root: ref.root, path: ref.path ?? '' };
}

function toCallSinkModel(sink: ConfigCallSink, category: CallSinkModel['category']): CallSinkModel {
  return {
    id: sink.id,
    describe: sink.describe ?? sink.id,
    category,
    calls: sink.calls.map(toApiRef),
    ...(sink.args !== undefined ? { args: sink.args } : {}),
    ...(sink.construct !== undefined ? { construct: sink.construct } : {}),
    ...(sink.payloadProperties ? { payloadProperties: sink.payloadProperties } : {}),
    ...(sink.safeWhenOption ? { safeWhenOption: sink.safeWhenOption } : {}),
    ...(sink.kinds ? { kinds: sink.kinds } : {}),
  };
}

function toDialSinkModel(sink: NonNullable<NonNullable<PiiguardConfigFile['sinks']>['dial']>[number]): DialSinkModel {
  return {
    id: sink.id,
    describe: sink.describe ?? sink.id,
    channel: sink.channel ?? 'call',
    calls: sink.calls.map(toApiRef),
    ...(sink.construct !== undefined ? { construct: sink.construct } : {}),
    destination: sink.destination,
    ...(sink.commandPattern ? { commandPattern: sink.commandPattern } : {}),
  };
}

function toSourceModel(source: NonNullable<PiiguardConfigFile['sources']>[number]): SourceModel {
  return {
    id: source.id,
    describe: source.describe ?? source.id,
    kind: source.kind,
    ...(source.access ? { access: source.access } : {}),
    ...(source.call ? { call: source.call } : {}),
    ...(source.telephonyOnly !== undefined ? { telephonyOnly: source.telephonyOnly } : {}),
  };
}

function toSanitizerModel(sanitizer: NonNullable<PiiguardConfigFile['sanitizers']>[number]): SanitizerModel {
  return {
    id: sanitizer.id,
    purpose: sanitizer.purpose,
    ...(sanitizer.names ? { names: sanitizer.names } : {}),
    ...(sanitizer.calls ? { calls: sanitizer.calls.map(toApiRef) } : {}),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
