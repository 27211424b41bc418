export { DEFAULT_IGNORES, SOURCE_EXTENSIONS, discoverFiles, type DiscoverOptions, type DiscoveredFiles } from './discover.js';
export { ScanInputError } from './errors.js';
export { createScanProgram, scanCompilerOptions, type ScanProgram, type ScanProgramOptions } from './program.js';
export { DEFAULT_MAX_FILE_SIZE_KB, decode, minifiedReason, readSourceFile, type ReadSourceResult, type SourceEncoding } from './read-source.js';
export { scan, type ScanConfigSummary, type ScanDependencies, type ScanRequest, type ScanResult } from './scan.js';
export { analyseWithinBudget, openProject, type OpenProject, type ProjectDependencies, type ProjectPhase, type ProjectRequest } from './project.js';
