import v8 from 'node:v8';
import ts from '../typescript.js';
import type { FileNotice } from '../engine/finding.js';
import { indexFile } from '../engine/file-index.js';

/**
 * Resource bounds of a scan, so one pathological file costs a notice instead of the whole scan:
 * - a per-file time budget for analysis (`maxFileMs`), enforced by the engine through the deadline
 *   it is given (it stops the file with AnalysisBudgetExceeded);
 * - a memory guard (`maxHeapMb`), checked between files, that skips the remaining files' heavy work;
 * - a nesting guard: files too deeply nested for TypeScript's recursive parser and binder (or the
 *   engine) are left out of the program before they can overflow the stack.
 */

export const DEFAULT_MAX_FILE_MS = 10_000;
/** The default memory guard is this share of V8's heap limit, leaving room to finish the report. */
const DEFAULT_HEAP_SHARE = 0.8;
export const MIN_MAX_HEAP_MB = 64;
/**
 * Deepest syntax tree analysed. TypeScript's parser overflows the default stack at about 780 nested
 * parentheses and its binder at about 2,000 nested member accesses; human-written code stays far
 * below 200. test/robustness checks that every nesting form at this depth is analysed.
 */
export const MAX_SYNTAX_DEPTH = 1_000;

const MB = 1024 * 1024;

export interface ResourceLimits {
  /** Analysis time per file, in milliseconds. */
  maxFileMs: number;
  /** Heap use, in MB, above which the remaining files are skipped. */
  maxHeapMb: number;
}

export function defaultMaxHeapMb(): number {
  return Math.max(MIN_MAX_HEAP_MB, Math.floor((v8.getHeapStatistics().heap_size_limit / MB) * DEFAULT_HEAP_SHARE));
}

/** Configured values (config file, then command line) over the defaults. */
export function resolveLimits(...layers: readonly Partial<ResourceLimits>[]): ResourceLimits {
  const limits: ResourceLimits = { maxFileMs: DEFAULT_MAX_FILE_MS, maxHeapMb: defaultMaxHeapMb() };
  for (const layer of layers) {
    if (layer.maxFileMs !== undefined) limits.maxFileMs = layer.maxFileMs;
    if (layer.maxHeapMb !== undefined) limits.maxHeapMb = layer.maxHeapMb;
  }
  return limits;
}

/** Time and memory as the budget sees them; replaced in tests. */
export interface BudgetProbe {
  /** Wall clock in the unit of the engine's deadline (Date.now()). */
  now(): number;
  heapUsedBytes(): number;
}

const processProbe: BudgetProbe = {
  now: () => Date.now(),
  // v8.getHeapStatistics() is cheap; process.memoryUsage() reads /proc and costs ~0.4 ms per call.
  heapUsedBytes: () => v8.getHeapStatistics().used_heap_size,
};

export class ScanBudget {
  /** Heap use (MB) when the memory guard tripped; it stays tripped for the rest of the scan. */
  private exhaustedAtMb: number | undefined;

  constructor(
    readonly limits: ResourceLimits,
    private readonly probe: BudgetProbe = processProbe,
  ) {}

  /** The deadline for one `analyzeFile` call; `share` scales the budget (see firstCallShare). */
  deadline(share = 1): number {
    return this.probe.now() + this.limits.maxFileMs * Math.max(1, share);
  }

  /** A notice for a file whose analysis was stopped at its deadline. */
  overBudget(file: string, share = 1): FileNotice {
    const budget = formatMs(this.limits.maxFileMs * Math.max(1, share));
    return {
      file,
      level: 'warning',
      message: `Skipped: analysing it took longer than the ${budget} budget (maxFileMs), so its findings are not reported. Exclude it if it is generated, or raise maxFileMs.`,
    };
  }

  /**
   * The memory guard, checked between files: undefined while heap use is under the limit,
   * otherwise the notice for `file`, which must then be skipped (as must every later file).
   */
  memoryNotice(file: string, work: 'read' | 'analysed'): FileNotice | undefined {
    if (this.exhaustedAtMb === undefined) {
      const usedMb = this.probe.heapUsedBytes() / MB;
      if (usedMb <= this.limits.maxHeapMb) return undefined;
      this.exhaustedAtMb = Math.round(usedMb);
    }
    return {
      file,
      level: 'warning',
      message: `Skipped: not ${work}, because memory use reached ${this.exhaustedAtMb.toLocaleString('en-US')} MB, above the ${this.limits.maxHeapMb.toLocaleString('en-US')} MB limit (maxHeapMb). Scan fewer files at once (e.g. with --shard), or raise maxHeapMb together with node's --max-old-space-size.`,
    };
  }
}

/** Source text the engine's program-wide preparation is given one more file budget for. */
const PREPARATION_CHARS_PER_BUDGET = 100_000;

/**
 * The engine builds its program-wide state (call index, schemas: work proportional to the size of
 * the program) during its first `analyzeFile`, so that call gets one more budget per 100 KB of
 * program source. An engine `prepare()` step outside the per-file budget would make this exact.
 */
export function firstCallShare(programFiles: readonly ts.SourceFile[]): number {
  let chars = 0;
  for (const sourceFile of programFiles) chars += sourceFile.text.length;
  return 1 + chars / PREPARATION_CHARS_PER_BUDGET;
}

/**
 * Creates the program's type checker (binding every file) before the first file's clock starts:
 * it is the largest part of the engine's program-wide preparation, and binding is what sets the
 * parent pointers the scan's parser leaves out. A failure here is left for the engine to meet
 * again and report for the file being analysed.
 */
export function prepareTypeChecker(program: ts.Program): void {
  try {
    program.getTypeChecker();
  } catch {
    // Reported per file by the analysis.
  }
}

/** Whether `error` is the engine's AnalysisBudgetExceeded (matched by name: the engine loads lazily). */
export function isBudgetExceeded(error: unknown): boolean {
  return error instanceof Error && error.name === 'AnalysisBudgetExceeded';
}

// ---------------------------------------------------------------------------------------------
// Nesting guard

/**
 * The depth of the syntax tree (past `limit`, reported as limit + 1). Measured by the engine's index of
 * the file, whose one walk (without recursion) also serves the analysis later.
 */
export function syntaxDepth(sourceFile: ts.SourceFile, limit = MAX_SYNTAX_DEPTH): number {
  return Math.min(indexFile(sourceFile).depth, limit + 1);
}

export interface BoundedProgram<P> {
  program: P;
  /** Files left out of the program (their text replaced by nothing), with the reason. */
  skipped: Map<string, FileNotice>;
}

/**
 * Builds the program with `build`, leaving out files that would overflow the stack: a file the
 * parser cannot handle makes `build` throw a RangeError (then each file is parsed alone to find
 * it), and a file that parses but is nested deeper than MAX_SYNTAX_DEPTH would overflow the binder
 * or the engine later. Such files stay in the program as empty modules, so imports of them still
 * resolve, and are not analysed. The program is built again only when a file was left out.
 */
export function buildBoundedProgram<P extends { sourceFiles: readonly ts.SourceFile[] }>(
  texts: ReadonlyMap<string, string>,
  build: (texts: ReadonlyMap<string, string>) => P,
  maxDepth = MAX_SYNTAX_DEPTH,
): BoundedProgram<P> {
  const skipped = new Map<string, FileNotice>();
  let program: P;
  try {
    program = build(texts);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    for (const [file, text] of texts) {
      if (!parses(file, text)) skipped.set(file, tooDeep(file, 'to parse'));
    }
    // Not a parser overflow after all: let the caller report it.
    if (skipped.size === 0) throw error;
    program = build(withoutSkipped(texts, skipped));
  }

  const deep = new Map<string, FileNotice>();
  for (const sourceFile of program.sourceFiles) {
    if (skipped.has(sourceFile.fileName)) continue;
    const depth = syntaxDepth(sourceFile, maxDepth);
    if (depth > maxDepth) deep.set(sourceFile.fileName, tooDeep(sourceFile.fileName, `to analyse (syntax nested more than ${maxDepth.toLocaleString('en-US')} levels)`));
  }
  if (deep.size > 0) {
    for (const [file, notice] of deep) skipped.set(file, notice);
    program = build(withoutSkipped(texts, skipped));
  }
  return { program, skipped };
}

function parses(file: string, text: string): boolean {
  try {
    ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

function withoutSkipped(texts: ReadonlyMap<string, string>, skipped: ReadonlyMap<string, FileNotice>): Map<string, string> {
  return new Map([...texts].map(([file, text]) => [file, skipped.has(file) ? '' : text]));
}

function tooDeep(file: string, what: string): FileNotice {
  return {
    file,
    level: 'warning',
    message: `Skipped: nested too deeply ${what}; generated code usually is. Other files were scanned; exclude this one to silence this notice.`,
  };
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 100 === 0 ? `${(ms / 1000).toLocaleString('en-US')} s` : `${ms.toLocaleString('en-US')} ms`;
}
