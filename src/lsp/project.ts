import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type ts from 'typescript';
import { createAnalyzer } from '../engine/analyzer.js';
import type { Finding } from '../engine/finding.js';
import { discoverFiles } from '../scan/discover.js';
import type { ProjectSetup } from './project-setup.js';
import { WorkspaceProgram } from './workspace-program.js';

/** Files parsed per step while loading a workspace, between which the server answers messages. */
const PRE_PARSE_BATCH = 20;

export interface FileAnalysis {
  findings: Finding[];
  /** The text the findings refer to (fix offsets, line numbers). */
  sourceFile: ts.SourceFile;
}

export interface LoadProgress {
  (done: number, total: number): void;
}

/**
 * One workspace folder (or the folder of a file opened outside any): its configuration, its files
 * and the program over them. Open files are analysed at once against a program of the open files
 * and what they import; the whole folder is loaded in the background in small steps, and from then
 * on every file of it is part of the program, so flows from callers anywhere are seen.
 */
export class Project {
  readonly workspace: WorkspaceProgram;
  private loading: Promise<void> | undefined;
  private readonly progressListeners = new Set<LoadProgress>();
  private discoveredFiles: string[] = [];

  constructor(
    /** The folder whose files belong to this project. */
    readonly folder: string,
    public setup: ProjectSetup,
    /** Whether the folder's files are discovered and loaded (false for loose files). */
    private readonly discover: boolean,
  ) {
    this.workspace = new WorkspaceProgram(programOptions(setup));
  }

  contains(file: string): boolean {
    const relative = path.relative(this.folder, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  }

  /**
   * Whether a file gets diagnostics: once the folder is loaded, only the files a scan would read
   * (configuration include/exclude, .gitignore and the default ignores apply).
   */
  analyses(file: string): boolean {
    if (/[\\/]node_modules[\\/]/.test(file) || /\.d\.[cm]?ts$/i.test(file)) return false;
    if (!this.discover || !this.workspace.isWorkspaceLoaded) return true;
    return this.workspace.isWorkspaceFile(file);
  }

  /** Discovers and pre-parses the folder's files, yielding between small batches. One load, shared by all callers. */
  ensureLoaded(onProgress?: LoadProgress): Promise<void> {
    if (onProgress) this.progressListeners.add(onProgress);
    this.loading ??= this.load();
    return this.loading;
  }

  get isLoaded(): boolean {
    return !this.discover || this.workspace.isWorkspaceLoaded;
  }

  /** The folder's source files (as a scan would find them); empty until loaded. */
  files(): string[] {
    return this.discoveredFiles;
  }

  private async load(): Promise<void> {
    if (!this.discover) return;
    await this.rediscover();
    const files = this.discoveredFiles;
    for (let i = 0; i < files.length; i += PRE_PARSE_BATCH) {
      for (const file of files.slice(i, i + PRE_PARSE_BATCH)) this.workspace.preParse(file);
      for (const listener of this.progressListeners) listener(Math.min(i + PRE_PARSE_BATCH, files.length), files.length);
      await yieldToEventLoop();
    }
    this.progressListeners.clear();
    this.workspace.markWorkspaceLoaded();
  }

  /** Finds the folder's files again (files created or deleted, configuration changed). */
  async rediscover(): Promise<void> {
    if (!this.discover) return;
    const found = await discoverFiles(['.'], {
      cwd: this.folder,
      rootDir: this.setup.rootDir,
      ...(this.setup.include ? { include: this.setup.include } : {}),
      ...(this.setup.exclude ? { exclude: this.setup.exclude } : {}),
    });
    this.discoveredFiles = found.files;
    this.workspace.setWorkspaceFiles(found.files);
  }

  /** The current program, with its type checker created (both reuse everything unchanged). */
  program(): ts.Program {
    const program = this.workspace.program();
    program.getTypeChecker();
    return program;
  }

  /**
   * Findings of one file in the current program; undefined when the file is not part of it. Throws
   * AnalysisBudgetExceeded when the analysis runs past `deadline` (a `Date.now()` value).
   */
  analyze(file: string, deadline?: number): FileAnalysis | undefined {
    const program = this.program();
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) return undefined;
    const findings = createAnalyzer(program, this.setup.engineConfig).analyzeFile(sourceFile, deadline === undefined ? {} : { deadline });
    return { findings, sourceFile };
  }

  /** New configuration: same program when the compiler options are the same, a fresh one otherwise. */
  static reconfigured(previous: Project, setup: ProjectSetup): Project {
    if (JSON.stringify(programOptions(previous.setup)) === JSON.stringify(programOptions(setup)) && previous.setup.rootDir === setup.rootDir &&
      JSON.stringify([previous.setup.include, previous.setup.exclude]) === JSON.stringify([setup.include, setup.exclude])) {
      previous.setup = setup;
      return previous;
    }
    return new Project(previous.folder, setup, previous.discover);
  }
}

function programOptions(setup: ProjectSetup) {
  return { compilerOptions: setup.compilerOptions, ...(setup.maxFileSizeKb === undefined ? {} : { maxFileSizeKb: setup.maxFileSizeKb }) };
}
