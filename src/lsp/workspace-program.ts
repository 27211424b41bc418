import path from 'node:path';
import ts from '../typescript.js';
import { readSourceFile } from '../scan/read-source.js';

/**
 * A ts.Program over a workspace that follows the editor: open documents are served from their
 * in-memory text, everything else from disk. Each update builds the next program with the previous
 * one as `oldProgram` and hands back the very same SourceFile objects for unchanged files, so
 * TypeScript reuses their parse and binding (and the engine its per-file indexes); a keystroke
 * re-parses one file.
 */
export interface WorkspaceProgramOptions {
  compilerOptions: ts.CompilerOptions;
  maxFileSizeKb?: number;
}

interface CachedFile {
  /** `open:<version>` or `disk:<generation>`: the file changes when its stamp does. */
  stamp: string;
  impliedNodeFormat: ts.ResolutionMode;
  sourceFile: ts.SourceFile | undefined;
}

interface OpenDocument {
  text: string;
  version: number;
}

/** Library and node_modules declaration files never change while the server runs; all projects share them. */
const sharedExternalFiles = new Map<string, ts.SourceFile | undefined>();

export class WorkspaceProgram {
  private readonly host: ts.CompilerHost;
  private readonly resolutionCache: ts.ModuleResolutionCache;
  private readonly files = new Map<string, CachedFile>();
  private readonly open = new Map<string, OpenDocument>();
  private readonly diskGeneration = new Map<string, number>();
  /** Workspace files (discovered) — roots once the workspace is loaded. */
  private workspaceFiles = new Set<string>();
  private workspaceLoaded = false;
  private current: ts.Program | undefined;
  private dirty = true;
  /** Set when files appear or vanish: earlier module resolutions may be wrong, so no oldProgram. */
  private resolutionsStale = false;
  /** Options TypeScript passes for source files, captured to pre-parse files the same way. */
  private sampleOptions: ts.CreateSourceFileOptions | undefined;
  private importsOf = new WeakMap<ts.SourceFile, string[]>();
  private readonly names = new Map<string, { key: string; external: boolean }>();
  /** Roots of the next program; recomputed only when files are opened, closed, found or loaded. */
  private rootNames: string[] | undefined;

  constructor(private readonly options: WorkspaceProgramOptions) {
    const compilerOptions = options.compilerOptions;
    this.host = ts.createCompilerHost(compilerOptions, true);
    const fileExists = this.host.fileExists.bind(this.host);
    const readFile = this.host.readFile.bind(this.host);
    this.host.getSourceFile = (fileName, languageVersionOrOptions) => this.getSourceFile(fileName, languageVersionOrOptions);
    this.host.fileExists = (fileName) => this.open.has(path.resolve(fileName)) || fileExists(fileName);
    this.host.readFile = (fileName) => this.open.get(path.resolve(fileName))?.text ?? readFile(fileName);
    this.host.writeFile = () => {
      // noEmit: nothing is ever written.
    };
    this.resolutionCache = ts.createModuleResolutionCache(this.host.getCurrentDirectory(), (f) => this.host.getCanonicalFileName(f), compilerOptions);
    // One resolution cache for every program (and the import graph): a new program re-resolves nothing
    // that was resolved before, such as when the whole workspace joins the program after loading.
    this.host.getModuleResolutionCache = () => this.resolutionCache;
    this.host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, options, containingSourceFile) =>
      literals.map((literal) =>
        ts.resolveModuleName(literal.text, containingFile, options, this.host, this.resolutionCache, redirectedReference, ts.getModeForUsageLocation(containingSourceFile, literal, options)),
      );
  }

  get compilerOptions(): ts.CompilerOptions {
    return this.options.compilerOptions;
  }

  get isWorkspaceLoaded(): boolean {
    return this.workspaceLoaded;
  }

  get workspaceFileCount(): number {
    return this.workspaceFiles.size;
  }

  /** The files found in the workspace; they become roots of the program once `markWorkspaceLoaded` is called. */
  setWorkspaceFiles(files: Iterable<string>): void {
    const next = new Set([...files].map((f) => path.resolve(f)));
    if (this.workspaceLoaded) this.resolutionsStale ||= [...next].some((f) => !this.workspaceFiles.has(f)) || [...this.workspaceFiles].some((f) => !next.has(f));
    this.workspaceFiles = next;
    this.rootNames = undefined;
    this.dirty = true;
  }

  isWorkspaceFile(file: string): boolean {
    return this.workspaceFiles.has(path.resolve(file));
  }

  markWorkspaceLoaded(): void {
    this.workspaceLoaded = true;
    this.rootNames = undefined;
    this.dirty = true;
  }

  /**
   * Parses a workspace file and resolves its imports ahead of the program that will need them (so
   * loading a large workspace is spread over many small steps). Returns false when it can't be read.
   */
  preParse(file: string): boolean {
    const key = path.resolve(file);
    const options: ts.CreateSourceFileOptions = {
      ...(this.sampleOptions ?? { languageVersion: this.options.compilerOptions.target ?? ts.ScriptTarget.ES2022 }),
      impliedNodeFormat: ts.getImpliedNodeFormatForFile(key, this.resolutionCache.getPackageJsonInfoCache(), this.host, this.options.compilerOptions),
    };
    const sourceFile = this.getSourceFile(key, options);
    // The import graph, needed after the first edit, is built here in the same small steps.
    if (sourceFile) this.importedFiles(sourceFile);
    return sourceFile !== undefined;
  }

  openDocument(file: string, text: string, version: number): void {
    const key = path.resolve(file);
    if (!this.open.has(key)) this.rootNames = undefined;
    this.open.set(key, { text, version });
    this.dirty = true;
  }

  changeDocument(file: string, text: string, version: number): void {
    this.openDocument(file, text, version);
  }

  /** The editor closed the file: from now on it is read from disk again. */
  closeDocument(file: string): void {
    const key = path.resolve(file);
    if (!this.open.delete(key)) return;
    this.rootNames = undefined;
    this.bumpDisk(key);
  }

  isOpen(file: string): boolean {
    return this.open.has(path.resolve(file));
  }

  /** Version of the open document whose text the current program holds, if open. */
  openVersion(file: string): number | undefined {
    return this.open.get(path.resolve(file))?.version;
  }

  /** A file changed, appeared or vanished on disk (file watcher). */
  fileChangedOnDisk(file: string, kind: 'changed' | 'created' | 'deleted'): void {
    const key = path.resolve(file);
    this.bumpDisk(key);
    if (kind !== 'changed') this.resolutionsStale = true;
  }

  private bumpDisk(key: string): void {
    this.diskGeneration.set(key, (this.diskGeneration.get(key) ?? 0) + 1);
    this.dirty = true;
  }

  /** The program for the current texts; rebuilt only when something changed since the last call. */
  program(): ts.Program {
    if (this.current && !this.dirty) return this.current;
    if (!this.rootNames) {
      const roots = new Set<string>(this.open.keys());
      if (this.workspaceLoaded) for (const file of this.workspaceFiles) roots.add(file);
      this.rootNames = [...roots].sort();
    }
    const oldProgram = this.resolutionsStale ? undefined : this.current;
    if (this.resolutionsStale) {
      this.resolutionCache.clear();
      this.importsOf = new WeakMap();
    }
    this.current = ts.createProgram({ rootNames: this.rootNames, options: this.options.compilerOptions, host: this.host, ...(oldProgram ? { oldProgram } : {}) });
    this.dirty = false;
    this.resolutionsStale = false;
    return this.current;
  }

  /**
   * Files connected to `file` through imports, in either direction (a helper's callers and the
   * helpers it calls), nearest first, `file` excluded. Flows cross files both ways, so an edit can
   * change findings on either side.
   */
  connectedFiles(file: string, limit: number): string[] {
    const program = this.program();
    const forward = new Map<string, string[]>();
    const backward = new Map<string, string[]>();
    for (const sf of program.getSourceFiles()) {
      if (sf.isDeclarationFile) continue;
      const from = path.resolve(sf.fileName);
      const targets = this.importedFiles(sf);
      forward.set(from, targets);
      for (const target of targets) {
        const list = backward.get(target);
        if (list) list.push(from);
        else backward.set(target, [from]);
      }
    }
    const start = path.resolve(file);
    const seen = new Set([start]);
    const result: string[] = [];
    let frontier = [start];
    while (frontier.length > 0 && result.length < limit) {
      const next: string[] = [];
      for (const current of frontier) {
        for (const neighbour of [...(backward.get(current) ?? []), ...(forward.get(current) ?? [])]) {
          if (seen.has(neighbour)) continue;
          seen.add(neighbour);
          result.push(neighbour);
          next.push(neighbour);
        }
      }
      frontier = next;
    }
    return result.slice(0, limit);
  }

  /** Workspace files a source file imports or requires (resolved once per SourceFile object). */
  private importedFiles(sf: ts.SourceFile): string[] {
    const cached = this.importsOf.get(sf);
    if (cached) return cached;
    const info = ts.preProcessFile(sf.text, true, true);
    const targets: string[] = [];
    for (const ref of info.importedFiles) {
      const resolved = ts.resolveModuleName(ref.fileName, sf.fileName, this.options.compilerOptions, this.host, this.resolutionCache).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport && !resolved.resolvedFileName.endsWith('.d.ts')) targets.push(path.resolve(resolved.resolvedFileName));
    }
    this.importsOf.set(sf, targets);
    return targets;
  }

  private stampOf(key: string): string {
    const open = this.open.get(key);
    return open ? `open:${open.version}` : `disk:${this.diskGeneration.get(key) ?? 0}`;
  }

  private getSourceFile(fileName: string, languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined {
    // Called for every file of the program on every update: the name → key work is cached.
    let name = this.names.get(fileName);
    if (!name) this.names.set(fileName, (name = { key: path.resolve(fileName), external: isExternal(path.resolve(fileName)) }));
    const { key, external } = name;
    const options: ts.CreateSourceFileOptions = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    if (typeof languageVersionOrOptions === 'object' && !this.sampleOptions && !external) this.sampleOptions = languageVersionOrOptions;

    if (external && !this.open.has(key)) {
      if (!sharedExternalFiles.has(key)) {
        const text = ts.sys.readFile(key);
        sharedExternalFiles.set(key, text === undefined ? undefined : ts.createSourceFile(key, text, options, true));
      }
      return sharedExternalFiles.get(key);
    }

    const stamp = this.stampOf(key);
    const cached = this.files.get(key);
    if (cached && cached.stamp === stamp && cached.impliedNodeFormat === options.impliedNodeFormat) return cached.sourceFile;

    const open = this.open.get(key);
    let text: string | undefined = open?.text;
    if (text === undefined) {
      const read = readSourceFile(key, this.options.maxFileSizeKb === undefined ? {} : { maxFileSizeKb: this.options.maxFileSizeKb });
      text = read.status === 'read' ? read.text : undefined;
    }
    // The original spelling of the name is kept: TypeScript compares it with the names it asked for.
    const sourceFile = text === undefined ? undefined : ts.createSourceFile(fileName, text, options, true);
    this.files.set(key, { stamp, impliedNodeFormat: options.impliedNodeFormat, sourceFile });
    return sourceFile;
  }
}

const LIB_DIR = path.resolve(path.dirname(ts.getDefaultLibFilePath({})));

/** TypeScript's own libraries and installed packages: read as they are, never re-read. */
function isExternal(file: string): boolean {
  return /[\\/]node_modules[\\/]/.test(file) || file.startsWith(LIB_DIR + path.sep);
}
