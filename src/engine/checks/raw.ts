import type ts from 'typescript';
import type { PiiKind, RuleId, Severity } from '../../../rules/types.js';
import type { TextEdit } from '../finding.js';
import type { FlowNode, Label } from '../taint.js';

/** What a check found, before it becomes a user-facing Finding (locations, messages, fingerprints). */
export interface RawFinding {
  ruleId: RuleId;
  /** The node the finding is reported at. */
  node: ts.Node;
  /** The sink as written: `logger.info`, `prisma.lead.create`. */
  sinkText: string;
  /** First beat of the message. Built by the check; contains no raw values. */
  summary: string;
  label?: Label;
  /** Extra flow steps between the label's own steps and the sink (through callers). */
  via?: readonly FlowNode[];
  kind?: PiiKind;
  fix?: TextEdit[];
  /** Dial sinks: the number dialled, for the "insert a consent guard" suggestion. */
  destination?: ts.Expression;
  /** Overrides the rule's severity for this finding (e.g. `note` in test files). */
  severity?: Severity;
}

/** A sink inside a function reached by one of its parameters: resolved at every call site. */
export interface SinkSite {
  ruleId: RuleId;
  node: ts.Node;
  sinkText: string;
  /** Builds the summary once the label is known. */
  describe: (label: Label) => string;
  accepts: (label: Label) => boolean;
}

/** One PII value seen arriving at a sink, protected or not: the raw material of the data-flow inventory. */
export interface Observation {
  site: SinkSite;
  label: Label;
  /** 'none' when it arrived raw; otherwise how it was protected before arriving. */
  protection: 'none' | 'masked' | 'encrypted' | 'consent-checked';
  /** The flow was reported as a finding of `site.ruleId`. */
  reported: boolean;
  via?: readonly import('../taint.js').FlowNode[];
}

export interface ParamSink {
  fn: ts.SignatureDeclaration;
  index: number;
  path: readonly string[];
  steps: readonly FlowNode[];
  site: SinkSite;
}
