import { performance } from 'node:perf_hooks';
import type { FailOn } from '../config/types.js';
import type { RuleSetting } from '../engine/api.js';
import { type FileNotice, type Finding, compareFindings } from '../engine/finding.js';
import type { RuleId } from '../../rules/types.js';
import { type ProjectDependencies, type ProjectPhase, type ProjectRequest, analyseWithinBudget, compareNotices, openProject } from './project.js';

export interface ScanRequest extends ProjectRequest {
  /**
   * Which of the discovered files to analyse and report (a CI shard). The program still holds every
   * file, so flows from the others are followed. Default: all.
   */
  selectFiles?: (files: readonly string[], rootDir: string) => ReadonlySet<string>;
}

/** discover: finding files; parse: reading and parsing them; analyse: running the rules. */
export type ScanPhase = ProjectPhase;

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
export type ScanDependencies = ProjectDependencies;

/**
 * discover → read → one ts.Program → analyse each file. A file that can't be read or makes the
 * engine throw becomes a notice; the scan goes on. Configuration problems throw ConfigError and
 * bad paths ScanInputError, before any file is read.
 */
export async function scan(request: ScanRequest, dependencies: ScanDependencies = {}): Promise<ScanResult> {
  const started = performance.now();
  const project = await openProject(request, dependencies);
  const { analyzer, notices, texts } = project;
  const progress = request.onProgress ?? (() => undefined);

  const findings: Finding[] = [];
  const selected = request.selectFiles?.(project.files, project.rootDir);
  const toAnalyse = project.analysable.filter((sf) => !selected || selected.has(sf.fileName));
  const filesScanned = analyseWithinBudget(
    project,
    toAnalyse,
    (sourceFile, deadline) => {
      findings.push(...analyzer.analyzeFile(sourceFile, { deadline }));
    },
    (done, total) => progress(done, total, 'analyse'),
  );
  findings.sort(compareFindings);

  const sources = new Map<string, string>();
  for (const finding of findings) {
    const text = texts.get(finding.location.file);
    if (text !== undefined) sources.set(finding.location.file, text);
  }

  return {
    rootDir: project.rootDir,
    findings,
    notices: notices.sort(compareNotices),
    filesScanned,
    durationMs: Math.round(performance.now() - started),
    config: { file: project.loaded.file, tsconfig: project.program.tsconfigPath, failOn: project.config.failOn ?? 'error', rules: project.rules },
    sources,
  };
}
