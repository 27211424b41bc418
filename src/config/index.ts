export { ConfigError, type ConfigProblem, formatConfigProblem } from './errors.js';
export { extendKnowledge, hostPattern, localDate, toEngineConfig, type EngineConfigOptions } from './engine-config.js';
export { CONFIG_FILE_NAME, loadConfig } from './load.js';
export { CONFIG_SCHEMA_PATH, configSchema } from './validate.js';
export type * from './types.js';
