import type ts from 'typescript';
import { toEngineConfig } from '../config/engine-config.js';
import { loadConfig } from '../config/load.js';
import type { LoadedConfig, PiiguardConfigFile } from '../config/types.js';
import type { Analyzer, EngineConfig, RuleSetting } from '../engine/api.js';
import type { FileNotice } from '../engine/finding.js';
import type { RuleId } from '../../rules/types.js';
import { type ResourceLimits, ScanBudget, buildBoundedProgram, firstCallShare, isBudgetExceeded, prepareTypeChecker, resolveLimits } from './budget.js';
import { discoverFiles } from './discover.js';
import { type ScanProgram, createScanProgram } from './program.js';
import { readSourceFile } from './read-source.js';

/** What every command that analyses a project (scan, inventory, explain) starts from. */
export interface ProjectRequest {
  /** Where the command runs from: paths and --config are resolved against it, config is looked up from it. */
  cwd: string;
  /** Files, directories or globs; default ['.']. */
  paths: readonly string[];
  configPath?: string;
  /** Severity overrides on top of the configuration (the CLI's --rule). */
  rules?: Partial<Record<RuleId, RuleSetting>>;
  /** YYYY-MM-DD for suppression expiry; default today. */
  today?: string;
  /** Time and memory bounds on top of the configuration's maxFileMs / maxHeapMb (the CLI's options). */
  limits?: Partial<ResourceLimits>;
  /** Called when a phase starts and after each file it handles; `total` is 0 while files are being discovered. */
  onProgress?: (done: number, total: number, phase: ProjectPhase) => void;
}

/** discover: finding files; parse: reading and parsing them; analyse: running the rules. */
export type ProjectPhase = 'discover' | 'parse' | 'analyse';

/** Seams for tests: the analysis engine can be replaced by a fake. */
export interface ProjectDependencies {
  createAnalyzer?: (program: ts.Program, config: EngineConfig) => Analyzer;
}

/** A project read, parsed into one ts.Program and ready to analyse. */
export interface OpenProject {
  loaded: LoadedConfig;
  /** Reported paths are relative to this. */
  rootDir: string;
  config: PiiguardConfigFile;
  /** Effective rule settings (configuration, then request). */
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** Discovered files, absolute and sorted. */
  files: readonly string[];
  /** Decoded text of every file that could be read. */
  texts: ReadonlyMap<string, string>;
  program: ScanProgram;
  /** Source files to analyse: the program's files minus those left out as too deeply nested. */
  analysable: ts.SourceFile[];
  /** Discovery, reading and parsing notices so far; analyseWithinBudget adds to them. */
  notices: FileNotice[];
  engineConfig: EngineConfig;
  analyzer: Analyzer;
  budget: ScanBudget;
}

/**
 * discover → read → one ts.Program → an analyzer over it. A file that can't be read becomes a
 * notice. Configuration problems throw ConfigError and bad paths ScanInputError, before any file
 * is read.
 */
export async function openProject(request: ProjectRequest, dependencies: ProjectDependencies = {}): Promise<OpenProject> {
  const loaded = loadConfig(request.cwd, request.configPath);
  const { config, rootDir } = loaded;
  const rules = { ...config.rules, ...request.rules };
  const budget = new ScanBudget(resolveLimits(config, request.limits ?? {}));
  const progress = request.onProgress ?? (() => undefined);

  progress(0, 0, 'discover');
  const discovered = await discoverFiles(request.paths, {
    cwd: request.cwd,
    rootDir,
    ...(config.include ? { include: config.include } : {}),
    ...(config.exclude ? { exclude: config.exclude } : {}),
  });
  const notices: FileNotice[] = [...discovered.notices];
  const files = discovered.files;

  const texts = new Map<string, string>();
  progress(0, files.length, 'parse');
  for (const [index, file] of files.entries()) {
    const outOfMemory = budget.memoryNotice(file, 'read');
    if (outOfMemory) {
      notices.push(outOfMemory);
    } else {
      const read = readSourceFile(file, config.maxFileSizeKb === undefined ? {} : { maxFileSizeKb: config.maxFileSizeKb });
      notices.push(...read.notices);
      if (read.status === 'read') texts.set(file, read.text);
    }
    progress(index + 1, files.length, 'parse');
  }

  // Files nested too deeply for TypeScript's parser and binder are left out before they overflow the stack.
  const bounded = buildBoundedProgram(texts, (boundedTexts) =>
    createScanProgram(boundedTexts, {
      rootDir,
      ...(loaded.tsconfigPath ? { tsconfigPath: loaded.tsconfigPath } : {}),
      ...(config.maxFileSizeKb === undefined ? {} : { maxFileSizeKb: config.maxFileSizeKb }),
    }),
  );
  const program = bounded.program;
  notices.push(...program.notices, ...bounded.skipped.values());

  const engineConfig = toEngineConfig({ ...config, rules }, { rootDir, ...(request.today ? { today: request.today } : {}) });
  // Loaded on demand so a fake can stand in for the engine in tests of the plumbing.
  const createAnalyzer = dependencies.createAnalyzer ?? (await import('../engine/analyzer.js')).createAnalyzer;
  const analyzer = createAnalyzer(program.program, engineConfig);
  prepareTypeChecker(program.program);

  return {
    loaded,
    rootDir,
    config,
    rules,
    files,
    texts,
    program,
    analysable: program.sourceFiles.filter((sf) => !bounded.skipped.has(sf.fileName)),
    notices,
    engineConfig,
    analyzer,
    budget,
  };
}

/**
 * Runs `analyse` on each file within the project's time and memory budget: a file over budget or
 * making the engine throw becomes a notice in `project.notices`, and the rest go on. `analyse`
 * must pass the deadline to `analyzer.analyzeFile` (later calls for the file are served from its
 * cache). Returns how many files were analysed.
 */
export function analyseWithinBudget(
  project: OpenProject,
  files: readonly ts.SourceFile[],
  analyse: (sourceFile: ts.SourceFile, deadline: number) => void,
  onProgress: (done: number, total: number) => void = () => undefined,
): number {
  const { budget, notices } = project;
  let analysed = 0;
  onProgress(0, files.length);
  for (const [index, sourceFile] of files.entries()) {
    const share = index === 0 ? firstCallShare(project.program.sourceFiles) : 1;
    const outOfMemory = budget.memoryNotice(sourceFile.fileName, 'analysed');
    if (outOfMemory) {
      notices.push(outOfMemory);
    } else {
      try {
        analyse(sourceFile, budget.deadline(share));
        analysed++;
      } catch (error) {
        if (isBudgetExceeded(error)) notices.push(budget.overBudget(sourceFile.fileName, share));
        else notices.push({ file: sourceFile.fileName, level: 'error', message: internalErrorMessage(error) });
      }
    }
    onProgress(index + 1, files.length);
  }
  return analysed;
}

function internalErrorMessage(error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // A stack overflow usually means extremely deep nesting (generated code).
  const hint = error instanceof RangeError ? ' The file may be too deeply nested to analyse.' : '';
  return `Not analysed: piiguard hit an internal error (${detail.slice(0, 300)}).${hint} Other files were scanned; please report this with the file's structure (not its data).`;
}

export function compareNotices(a: FileNotice, b: FileNotice): number {
  return a.file.localeCompare(b.file) || a.message.localeCompare(b.message);
}
