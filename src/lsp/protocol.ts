/**
 * piiguard's additions to the Language Server Protocol, shared by the server (src/lsp) and the
 * VS Code client (src/vscode). Everything else is plain LSP: publishDiagnostics, codeAction, hover.
 *
 * This file holds names and shapes only — no runtime dependency on either LSP library — so each
 * side uses its own library (`vscode-languageserver` on the server, `vscode-languageclient` in the
 * extension) and the client bundle stays free of server code. Every message says its direction.
 */
import type { RuleId, Severity } from '../../rules/types.js';

/** Settings under the `piiguard` section (VS Code settings, or `settings.piiguard` in other editors). */
export interface PiiguardSettings {
  /** Turns analysis off without uninstalling. */
  enable: boolean;
  /** piiguard.config.json to use, relative to the workspace folder; '' = nearest one. Ignored in limited mode. */
  configFile: string;
  /** Rule severities on top of the configuration file: error, warning, note or off. */
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  /** When to analyse an open file: as you type (debounced) or when it is saved. */
  run: 'onType' | 'onSave';
  /** Pause after the last keystroke before analysing, in milliseconds. */
  typingDelayMs: number;
}

export const DEFAULT_SETTINGS: Readonly<PiiguardSettings> = {
  enable: true,
  configFile: '',
  rules: {},
  run: 'onType',
  typingDelayMs: 30,
};

/** `initializationOptions` of the `initialize` request (client → server). All optional. */
export interface PiiguardInitializationOptions {
  /**
   * false = the workspace is not trusted: limited mode, built-in knowledge only — no configuration
   * file, tsconfig.json or workspace settings are read. Default true (editors without workspace trust).
   */
  trusted?: boolean;
  /** Settings to start with; the server also pulls `workspace/configuration` when the client supports it. */
  settings?: Partial<PiiguardSettings>;
  /** The client implements the `piiguard.suppressWithReason` command (asks the user for a reason). */
  suppressWithReasonCommand?: boolean;
  /** Send `piiguard/timings` after each analysis (benchmarks and tests). */
  timings?: boolean;
}

/**
 * client → server request: analyse every file of the workspace and publish diagnostics for all of
 * them. Cancellable with `$/cancelRequest`; then resolves with `cancelled: true` and what was done.
 */
export const ScanWorkspaceRequest = { method: 'piiguard/scanWorkspace' } as const;

export interface ScanWorkspaceParams {
  /** Echoed in the `piiguard/scanProgress` notifications of this scan. */
  scanId: string;
}

export interface ScanWorkspaceResult {
  filesAnalysed: number;
  /** Unsuppressed findings by rule. */
  findingsByRule: Partial<Record<RuleId, number>>;
  findings: number;
  filesWithFindings: number;
  durationMs: number;
  cancelled: boolean;
}

/** server → client notification: progress of a workspace scan. */
export const ScanProgressNotification = { method: 'piiguard/scanProgress' } as const;

export interface ScanProgressParams {
  scanId: string;
  phase: 'loading' | 'analysing';
  done: number;
  total: number;
}

/** server → client notification: what the status bar shows. Sent whenever one of these changes. */
export const StatusNotification = { method: 'piiguard/status' } as const;

export interface StatusParams {
  state: 'starting' | 'loading' | 'ready' | 'analysing' | 'disabled';
  /** 'limited' in untrusted workspaces (built-in knowledge only). */
  mode: 'full' | 'limited';
  /** Unsuppressed findings currently published, over all files. */
  findings: number;
  filesWithFindings: number;
  /** Source files the server knows in the workspace. */
  workspaceFiles: number;
  /** Configuration files in use (absolute paths); empty when built-in defaults apply. */
  configFiles: string[];
}

/**
 * server → client notification, only when `initializationOptions.timings` is true: where the time
 * of one analysis went, from the change that triggered it to the published diagnostics.
 */
export const TimingsNotification = { method: 'piiguard/timings' } as const;

export interface TimingsParams {
  uri: string;
  version: number | null;
  /** Debounce plus waiting for earlier work. */
  queuedMs: number;
  /** Updating the ts.Program with the new text (reusing unchanged files). */
  programMs: number;
  /** The engine's analyzeFile. */
  analyzeMs: number;
  /** Converting findings and sending publishDiagnostics. */
  publishMs: number;
  /** From the change notification to the publish. */
  totalMs: number;
}

/**
 * Command the server puts in "suppress with a reason" code actions when the client declared
 * `suppressWithReasonCommand`; the client asks for the reason and applies the edit itself
 * (server → client, via CodeAction.command; executed by the client only).
 */
export const SUPPRESS_WITH_REASON_COMMAND = 'piiguard.suppressWithReason';

export interface SuppressWithReasonArgs {
  uri: string;
  /** 0-based line where the comment is inserted (above the finding). */
  line: number;
  /** Indentation of the finding's line, repeated on the comment. */
  indent: string;
  ruleId: RuleId;
}

/** The comment a suppression inserts; the reason must be one line. */
export function suppressionComment(args: Pick<SuppressWithReasonArgs, 'indent' | 'ruleId'>, reason: string): string {
  return `${args.indent}// piiguard-ignore-next-line ${args.ruleId} -- ${reason.replace(/\s+/g, ' ').trim()}\n`;
}

/** Diagnostic `source` of every piiguard diagnostic. */
export const DIAGNOSTIC_SOURCE = 'piiguard';
