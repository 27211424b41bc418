import type { PiiKind, RuleId } from '../../rules/types.js';
import type { FlowStep, SourceLocation } from './finding.js';
import type { Signal } from './taint.js';

/** Where a PII value enters the code: a framework source, a declared type, a name or a literal. */
export interface InventorySource {
  kind: PiiKind;
  signal: Signal;
  /** Masked: `req.body.From (Twilio webhook parameter)`. */
  description: string;
  location: SourceLocation;
}

export type FlowCategory = 'log' | 'storage' | 'outbound-call';

export type Protection = 'none' | 'masked' | 'encrypted' | 'consent-checked';

/** One PII value reaching one sink: the line of a record of processing. */
export interface InventoryFlow {
  kind: PiiKind;
  signal: Signal;
  source: { description: string; location: SourceLocation };
  sink: { description: string; category: FlowCategory; location: SourceLocation };
  protection: Protection;
  /** The rule that reported this flow, when it was reported. */
  ruleId?: RuleId;
  flow: FlowStep[];
}

export interface FileInventory {
  sources: InventorySource[];
  flows: InventoryFlow[];
}

/** Why an expression on a line was (or was not) taken for PII, for `piiguard explain`. */
export interface Explanation {
  expression: string;
  location: SourceLocation;
  kind?: PiiKind;
  signal?: Signal | 'protected';
  /** One sentence: which signal fired and on what. */
  reason: string;
  flow: FlowStep[];
}

export const CATEGORY_OF_RULE: Readonly<Partial<Record<RuleId, FlowCategory>>> = {
  'no-pii-in-logs': 'log',
  'no-plaintext-pii-storage': 'storage',
  'require-consent-check': 'outbound-call',
};
