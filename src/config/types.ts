import type { RuleSetting } from '../engine/api.js';
import type { PiiKind, RuleId, Severity } from '../../rules/types.js';

/**
 * The shape of piiguard.config.json (and package.json#piiguard), as described by
 * rules/schema/config.schema.json. Values of this type have passed schema validation.
 */
export interface PiiguardConfigFile {
  $schema?: string;
  include?: string[];
  exclude?: string[];
  rules?: Partial<Record<RuleId, RuleSetting>>;
  failOn?: FailOn;
  tsconfig?: string;
  maxFileSizeKb?: number;
  /** Analysis time budget per file, in milliseconds (src/scan/budget.ts). */
  maxFileMs?: number;
  /** Heap use, in MB, above which the remaining files are skipped (src/scan/budget.ts). */
  maxHeapMb?: number;
  pii?: {
    names?: Partial<Record<PiiKind, string[]>>;
    nonPiiWords?: string[];
    types?: Record<string, PiiKind>;
  };
  sources?: ConfigSource[];
  sinks?: {
    log?: ConfigCallSink[];
    storage?: ConfigCallSink[];
    dial?: ConfigDialSink[];
  };
  sanitizers?: ConfigSanitizer[];
  consent?: { functionNames?: string[]; propertyNames?: string[] };
  transport?: { safeHosts?: string[] };
}

export type FailOn = Severity | 'none';

export interface ConfigApiRef {
  root: { module: string } | { global: string } | { receiverName: string };
  path?: string;
}

export interface ConfigCallSink {
  id: string;
  describe?: string;
  calls: ConfigApiRef[];
  args?: 'all' | number[];
  construct?: boolean;
  payloadProperties?: string[];
  safeWhenOption?: string[];
  kinds?: PiiKind[];
}

export interface ConfigDialSink {
  id: string;
  describe?: string;
  channel?: 'call' | 'sms' | 'message';
  calls: ConfigApiRef[];
  construct?: boolean;
  destination: { arg: number; property?: string[] }[];
  commandPattern?: { arg: number; pattern: string; property?: string[] };
}

export interface ConfigSource {
  id: string;
  describe?: string;
  kind: PiiKind;
  access?: { object: string; properties: string[] };
  call?: { methods: string[]; firstArg: string[] };
  telephonyOnly?: boolean;
}

export interface ConfigSanitizer {
  id: string;
  purpose: 'mask' | 'encrypt';
  names?: string[];
  calls?: ConfigApiRef[];
}

/** A configuration as loaded: the validated file content and where it came from. */
export interface LoadedConfig {
  config: PiiguardConfigFile;
  /** Absolute path of the file it was read from; undefined when no configuration was found. */
  file: string | undefined;
  /** Whether it came from piiguard.config.json (or an explicit file) or from package.json#piiguard. */
  origin: 'config-file' | 'package.json' | 'defaults';
  /**
   * Root for relative paths in reports, include/exclude globs and fingerprints: the directory of a
   * discovered configuration file, otherwise the directory the scan started in.
   */
  rootDir: string;
  /** Absolute tsconfig.json path named by the configuration, if any. */
  tsconfigPath: string | undefined;
}
