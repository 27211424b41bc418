import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './errors.js';
import { JsonSyntaxError, type ParsedJson, parseJsonWithPositions } from './json-parser.js';
import { isRecord } from './key-path.js';
import type { LoadedConfig, PiiguardConfigFile } from './types.js';
import { validateConfig } from './validate.js';

export const CONFIG_FILE_NAME = 'piiguard.config.json';
const PACKAGE_KEY = 'piiguard';

/**
 * Finds and validates the configuration. An explicit path wins; otherwise the nearest
 * piiguard.config.json or package.json with a "piiguard" key, looking in `startDir` and then its
 * parents up to the repository root (the first directory holding .git).
 *
 * Only JSON is read: nothing from the scanned repository is ever executed or imported.
 */
export function loadConfig(startDir: string, explicitPath?: string): LoadedConfig {
  const start = path.resolve(startDir);
  if (explicitPath !== undefined) {
    const file = path.resolve(start, explicitPath);
    if (!existsSync(file)) {
      throw new ConfigError(
        [{ file, keyPath: '', message: 'configuration file not found.' }],
        'Check the path given to --config (it is resolved from the current directory).',
      );
    }
    const fromPackageJson = path.basename(file) === 'package.json';
    const loaded = readConfigFile(file, fromPackageJson);
    if (loaded === undefined) {
      throw new ConfigError(
        [{ file, keyPath: PACKAGE_KEY, message: 'package.json has no "piiguard" key.' }],
        `Add a "piiguard" object to package.json, or pass a ${CONFIG_FILE_NAME} to --config.`,
      );
    }
    // Like ESLint's -c: an explicitly named file does not move the project root.
    return finish(loaded.config, file, fromPackageJson ? 'package.json' : 'config-file', start);
  }

  for (const dir of ancestors(start)) {
    const configFile = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(configFile)) {
      const loaded = readConfigFile(configFile, false);
      if (loaded) return finish(loaded.config, configFile, 'config-file', dir);
    }
    const manifest = path.join(dir, 'package.json');
    if (isFile(manifest)) {
      const loaded = readConfigFile(manifest, true);
      if (loaded) return finish(loaded.config, manifest, 'package.json', dir);
    }
    if (existsSync(path.join(dir, '.git'))) break;
  }
  return { config: {}, file: undefined, origin: 'defaults', rootDir: start, tsconfigPath: undefined };
}

function finish(config: PiiguardConfigFile, file: string, origin: LoadedConfig['origin'], rootDir: string): LoadedConfig {
  let tsconfigPath: string | undefined;
  if (config.tsconfig !== undefined) {
    tsconfigPath = path.resolve(path.dirname(file), config.tsconfig);
    if (!isFile(tsconfigPath)) {
      throw new ConfigError(
        [
          {
            file,
            keyPath: origin === 'package.json' ? `${PACKAGE_KEY}.tsconfig` : 'tsconfig',
            message: `"${config.tsconfig}" does not exist (resolved to ${tsconfigPath}).`,
          },
        ],
        'Point "tsconfig" at an existing tsconfig.json, relative to the configuration file, or remove the key.',
      );
    }
  }
  return { config, file, origin, rootDir, tsconfigPath };
}

/**
 * Reads, parses and validates one file. For package.json, returns undefined when it has no
 * "piiguard" key (then it is not a configuration at all).
 */
function readConfigFile(file: string, fromPackageJson: boolean): { config: PiiguardConfigFile } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      [{ file, keyPath: '', message: `cannot be read (${errorCode(error)}).` }],
      'Check that the file exists and is readable.',
    );
  }
  // A broken package.json that doesn't mention piiguard is someone else's problem.
  if (fromPackageJson && !text.includes(`"${PACKAGE_KEY}"`)) return undefined;

  let parsed: ParsedJson;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new ConfigError(
        [{ file, line: error.position.line, column: error.position.column, keyPath: '', message: `invalid JSON: ${error.message}.` }],
        'Fix the JSON syntax at that position (JSON allows no comments, no trailing commas, and only double-quoted strings).',
      );
    }
    throw error;
  }

  let value: unknown = parsed.value;
  if (fromPackageJson) {
    if (!isRecord(value) || !Object.prototype.hasOwnProperty.call(value, PACKAGE_KEY)) return undefined;
    value = value[PACKAGE_KEY];
  }
  const problems = validateConfig(value, {
    file,
    parsed,
    basePointer: fromPackageJson ? `/${PACKAGE_KEY}` : '',
    keyPrefix: fromPackageJson ? PACKAGE_KEY : '',
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return { config: value as PiiguardConfigFile };
}

function* ancestors(dir: string): Generator<string> {
  let current = dir;
  for (;;) {
    yield current;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string {
  if (isRecord(error) && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
