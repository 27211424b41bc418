import type ts from 'typescript';
import type { Knowledge, RuleId, Severity } from '../../rules/types.js';
import type { FileNotice, Finding } from './finding.js';
import type { Explanation, FileInventory } from './inventory.js';

/** Per-rule switch: a severity overrides the rule's default, 'off' disables it. */
export type RuleSetting = Severity | 'off';

export interface EngineConfig {
  knowledge: Knowledge;
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** Root for relative paths in fingerprints and messages. */
  rootDir: string;
  /** Today's date as YYYY-MM-DD: suppressions with an `until` before it have expired. */
  today: string;
}

export interface AnalyzeOptions {
  /** `Date.now()` value after which analysis of this file stops with `AnalysisBudgetExceeded`. */
  deadline?: number;
}

export interface Analyzer {
  /** Findings located in one file, suppressions applied (suppressed findings carry `suppression`). */
  analyzeFile(sourceFile: ts.SourceFile, options?: AnalyzeOptions): Finding[];
  /** PII sources in the file and every flow of PII into its sinks, protected or not (`piiguard inventory`). */
  inventory(sourceFile: ts.SourceFile): FileInventory;
  /** Why each expression on a 1-based line was taken for PII, with its flow (`piiguard explain`). */
  explain(sourceFile: ts.SourceFile, line: number): Explanation[];
}

export interface AnalysisResult {
  findings: Finding[];
  notices: FileNotice[];
}
