import { performance } from 'node:perf_hooks';
import type ts from 'typescript';
import { toEngineConfig } from '../config/engine-config.js';
import { loadConfig } from '../config/load.js';
import type { FailOn } from '../config/types.js';
import type { Analyzer, EngineConfig, RuleSetting } from '../engine/api.js';
import { type FileNotice, type Finding, compareFindings } from '../engine/finding.js';
import type { RuleId } from '../../rules/types.js';
import { type ResourceLimits, ScanBudget, buildBoundedProgram, firstCallShare, isBudgetExceeded, prepareTypeChecker, resolveLimits } from './budget.js';
import { discoverFiles } from './discover.js';
import { createScanProgram } from './program.js';
import { readSourceFile } from './read-source.js';

export interface ScanRequest {
  /** Where the scan runs from: paths and --config are resolved against it, config is looked up from it. */
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
  /**
   * Which of the discovered files to analyse and report (a CI shard). The program still holds every
   * file, so flows from the others are followed. Default: all.
   */
  selectFiles?: (files: readonly string[], rootDir: string) => ReadonlySet<string>;
  /**
   * For progress display: called when a phase starts and after each file it handles. `total` is 0
   * while files are still being discovered.
   */
  onProgress?: (done: number, total: number, phase: ScanPhase) => void;
}

/** discover: finding files; parse: reading and parsing them; analyse: running the rules. */
export type ScanPhase = 'discover' | 'parse' | 'analyse';

export interface ScanConfigSummary {
  /** Configuration file used, if any. */
  file: string | undefined;
  /** tsconfig.json whose compilerOptions were used, if any. */
  tsconfig: string | undefined;
  failOn: FailOn;
  /** Effective rule severity overrides (configuration, then request). */
  rules: Partial<Record<RuleId, RuleSetting>>;
}

export interface ScanResult {
  /** Reported paths are relative to this. */
  rootDir: string;
  /** Sorted with compareFindings; suppressed findings included (they carry `suppression`). */
  findings: Finding[];
  notices: FileNotice[];
  filesScanned: number;
  durationMs: number;
  config: ScanConfigSummary;
  /** Decoded text of each file that has findings, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Set by the CLI's --baseline: fingerprints of accepted findings (reported as unchanged, never failing). */
  baseline?: { file: string; fingerprints: ReadonlySet<string> };
  /** Set by the CLI's --shard: only this shard's files were analysed and reported (index is 1-based). */
  shard?: { index: number; count: number };
}

/** Seams for tests: the analysis engine can be replaced by a fake. */
export interface ScanDependencies {
  createAnalyzer?: (program: ts.Program, config: EngineConfig) => Analyzer;
}

/**
 * discover → read → one ts.Program → analyse each file. A file that can't be read or makes the
 * engine throw becomes a notice; the scan goes on. Configuration problems throw ConfigError and
 * bad paths ScanInputError, before any file is read.
 */
export async function scan(request: ScanRequest, dependencies: ScanDependencies = {}): Promise<ScanResult> {
  const started = performance.now();
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

  const texts = new Map<string, string>();
  progress(0, discovered.files.length, 'parse');
  for (const [index, file] of discovered.files.entries()) {
    const outOfMemory = budget.memoryNotice(file, 'read');
    if (outOfMemory) {
      notices.push(outOfMemory);
    } else {
      const read = readSourceFile(file, config.maxFileSizeKb === undefined ? {} : { maxFileSizeKb: config.maxFileSizeKb });
      notices.push(...read.notices);
      if (read.status === 'read') texts.set(file, read.text);
    }
    progress(index + 1, discovered.files.length, 'parse');
  }

  // Files nested too deeply for TypeScript's parser and binder are left out before they overflow the stack.
  const bounded = buildBoundedProgram(texts, (boundedTexts) =>
    createScanProgram(boundedTexts, {
      rootDir,
      ...(loaded.tsconfigPath ? { tsconfigPath: loaded.tsconfigPath } : {}),
      ...(config.maxFileSizeKb === undefined ? {} : { maxFileSizeKb: config.maxFileSizeKb }),
    }),
  );
  const scanProgram = bounded.program;
  notices.push(...scanProgram.notices, ...bounded.skipped.values());

  const engineConfig = toEngineConfig({ ...config, rules }, { rootDir, ...(request.today ? { today: request.today } : {}) });
  // Loaded on demand so a fake can stand in for the engine in tests of the plumbing.
  const createAnalyzer = dependencies.createAnalyzer ?? (await import('../engine/analyzer.js')).createAnalyzer;
  const analyzer = createAnalyzer(scanProgram.program, engineConfig);
  if (!dependencies.createAnalyzer) prepareTypeChecker(scanProgram.program);

  const findings: Finding[] = [];
  let filesScanned = 0;
  const selected = request.selectFiles?.(discovered.files, rootDir);
  const toAnalyse = scanProgram.sourceFiles.filter((sf) => !bounded.skipped.has(sf.fileName) && (!selected || selected.has(sf.fileName)));
  progress(0, toAnalyse.length, 'analyse');
  for (const [index, sourceFile] of toAnalyse.entries()) {
    const share = index === 0 ? firstCallShare(scanProgram.sourceFiles.length) : 1;
    const outOfMemory = budget.memoryNotice(sourceFile.fileName, 'analysed');
    if (outOfMemory) {
      notices.push(outOfMemory);
    } else {
      try {
        findings.push(...analyzer.analyzeFile(sourceFile, { deadline: budget.deadline(share) }));
        filesScanned++;
      } catch (error) {
        if (isBudgetExceeded(error)) notices.push(budget.overBudget(sourceFile.fileName, share));
        else notices.push({ file: sourceFile.fileName, level: 'error', message: internalErrorMessage(error) });
      }
    }
    progress(index + 1, toAnalyse.length, 'analyse');
  }
  findings.sort(compareFindings);

  const sources = new Map<string, string>();
  for (const finding of findings) {
    const text = texts.get(finding.location.file);
    if (text !== undefined) sources.set(finding.location.file, text);
  }

  return {
    rootDir,
    findings,
    notices: notices.sort(compareNotices),
    filesScanned,
    durationMs: Math.round(performance.now() - started),
    config: { file: loaded.file, tsconfig: scanProgram.tsconfigPath, failOn: config.failOn ?? 'error', rules },
    sources,
  };
}

function internalErrorMessage(error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // A stack overflow usually means extremely deep nesting (generated code).
  const hint = error instanceof RangeError ? ' The file may be too deeply nested to analyse.' : '';
  return `Not analysed: piiguard hit an internal error (${detail.slice(0, 300)}).${hint} Other files were scanned; please report this with the file's structure (not its data).`;
}

function compareNotices(a: FileNotice, b: FileNotice): number {
  return a.file.localeCompare(b.file) || a.message.localeCompare(b.message);
}
