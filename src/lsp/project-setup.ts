import { existsSync } from 'node:fs';
import path from 'node:path';
import ts from '../typescript.js';
import { toEngineConfig } from '../config/engine-config.js';
import { ConfigError, type ConfigProblem } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import type { PiiguardConfigFile } from '../config/types.js';
import type { EngineConfig } from '../engine/api.js';
import { scanCompilerOptions } from '../scan/program.js';
import type { PiiguardSettings } from './protocol.js';

/** Everything a workspace folder's analysis depends on besides the code itself. */
export interface ProjectSetup {
  /** Reported paths and include/exclude globs are relative to it. */
  rootDir: string;
  /** Reused for every analysis: the engine caches per configuration object. */
  engineConfig: EngineConfig;
  compilerOptions: ts.CompilerOptions;
  include: readonly string[] | undefined;
  exclude: readonly string[] | undefined;
  maxFileSizeKb: number | undefined;
  /** Per-file analysis time budget from the configuration, if set. */
  maxFileMs: number | undefined;
  /** The piiguard configuration file in use, if any. */
  configFile: string | undefined;
  /** The tsconfig.json whose compilerOptions are used, if any. */
  tsconfigPath: string | undefined;
  /** Configuration problems: the folder is analysed with built-in defaults meanwhile. */
  problems: readonly ConfigProblem[];
  limited: boolean;
}

/**
 * Reads a folder's configuration. In limited mode (untrusted workspace) nothing from the workspace
 * is read: no piiguard configuration, no tsconfig.json — built-in knowledge and the user's own
 * settings only. The configuration is JSON; nothing from the workspace is ever executed.
 */
export function loadProjectSetup(folder: string, settings: PiiguardSettings, trusted: boolean): ProjectSetup {
  if (!trusted) return setupFrom({}, folder, settings, { limited: true });
  try {
    const loaded = loadConfig(folder, settings.configFile === '' ? undefined : path.resolve(folder, settings.configFile));
    const tsconfigPath = loaded.tsconfigPath ?? defaultTsconfig(loaded.rootDir) ?? defaultTsconfig(folder);
    return setupFrom(loaded.config, loaded.rootDir, settings, { limited: false, configFile: loaded.file, tsconfigPath });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const tsconfigPath = defaultTsconfig(folder);
    return setupFrom({}, folder, settings, { limited: false, tsconfigPath, problems: error.problems });
  }
}

function setupFrom(
  config: PiiguardConfigFile,
  rootDir: string,
  settings: PiiguardSettings,
  extra: { limited: boolean; configFile?: string | undefined; tsconfigPath?: string | undefined; problems?: readonly ConfigProblem[] },
): ProjectSetup {
  const rules = { ...config.rules, ...settings.rules };
  return {
    rootDir,
    engineConfig: toEngineConfig({ ...config, rules }, { rootDir }),
    compilerOptions: scanCompilerOptions(extra.tsconfigPath ? readCompilerOptions(extra.tsconfigPath) : {}),
    include: config.include,
    exclude: config.exclude,
    maxFileSizeKb: config.maxFileSizeKb,
    maxFileMs: config.maxFileMs,
    configFile: extra.configFile,
    tsconfigPath: extra.tsconfigPath,
    problems: extra.problems ?? [],
    limited: extra.limited,
  };
}

function defaultTsconfig(dir: string): string | undefined {
  const candidate = path.join(dir, 'tsconfig.json');
  return existsSync(candidate) ? candidate : undefined;
}

/** Only compilerOptions matter (module resolution, JSX, paths); a broken tsconfig means defaults. */
function readCompilerOptions(tsconfigPath: string): ts.CompilerOptions {
  const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  if (read.error) return {};
  return ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfigPath), undefined, tsconfigPath).options;
}
