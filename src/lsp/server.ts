import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  CodeActionKind,
  type Connection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type DidChangeWatchedFilesParams,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type ts from 'typescript';
import type { RuleId } from '../../rules/types.js';
import { formatConfigProblem } from '../config/errors.js';
import { packageInfo } from '../config/package-files.js';
import { AnalysisBudgetExceeded } from '../engine/errors.js';
import type { Finding } from '../engine/finding.js';
import { maskPiiInText } from '../engine/mask.js';
import { SOURCE_EXTENSIONS } from '../scan/discover.js';
import { AnalysisQueue, type Job } from './analysis-queue.js';
import { FIX_ALL_KIND, fixAllAction, quickFixes } from './code-actions.js';
import { type DiagnosticData, rangeOf, toDiagnostic, visibleFindings } from './diagnostics.js';
import { hoverMarkdown } from './hover.js';
import type { Project } from './project.js';
import { Projects } from './projects.js';
import {
  DEFAULT_SETTINGS,
  DIAGNOSTIC_SOURCE,
  type PiiguardInitializationOptions,
  type PiiguardSettings,
  ScanProgressNotification,
  type ScanProgressParams,
  ScanWorkspaceRequest,
  type ScanWorkspaceParams,
  type ScanWorkspaceResult,
  StatusNotification,
  type StatusParams,
  TimingsNotification,
  type TimingsParams,
} from './protocol.js';
import { normalizeSettings } from './settings.js';

/** Files connected to an edited one that are re-analysed for cross-file effects, nearest first. */
const MAX_CONNECTED_REFRESH = 200;
/** Code actions and hovers wait this long for a pending analysis of their file. */
const SETTLE_TIMEOUT_MS = 2_000;
const PROGRESS_INTERVAL_MS = 100;
/** Per-file analysis budget unless the configuration sets maxFileMs. */
const MAX_FILE_MS = 5_000;
const CONFIG_FILE_NAMES = new Set(['piiguard.config.json', 'package.json', 'tsconfig.json', '.gitignore']);

/** What was last published for a file. */
interface Published {
  project: Project;
  /** Document version the findings were computed for; null for a closed file. */
  version: number | null;
  findings: Finding[];
  sourceFile: ts.SourceFile;
}

/** Starts piiguard's language server on a connection (stdio, node IPC, or in-memory streams in tests). */
export function startServer(connection: Connection): void {
  new PiiguardServer(connection).listen();
}

class PiiguardServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly queue = new AnalysisQueue((job) => this.runJob(job), () => performance.now());
  private readonly published = new Map<string, Published>();
  /** Closed files a workspace scan reported on: kept up to date as their neighbours change. */
  private readonly scanned = new Set<string>();
  private readonly lastChange = new Map<string, number>();
  private readonly configProblemUris = new Set<string>();
  private shownConfigProblems = new Set<string>();
  private projects!: Projects;
  private init: PiiguardInitializationOptions = {};
  private trusted = true;
  private initialSettings: PiiguardSettings = DEFAULT_SETTINGS;
  private readonly folderSettings = new Map<string, PiiguardSettings>();
  private supportsConfiguration = false;
  private dynamicRegistration = { configuration: false, watchers: false };
  private state: StatusParams['state'] = 'starting';
  private statusTimer: NodeJS.Timeout | undefined;
  private lastStatus = '';
  private reconfigureTimer: NodeJS.Timeout | undefined;
  private rediscoverTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.initialized());
    connection.onShutdown(() => this.shutdown());
    documents.onDidOpen((e) => this.opened(e.document));
    documents.onDidChangeContent((e) => this.changed(e.document));
    documents.onDidSave((e) => this.saved(e.document));
    documents.onDidClose((e) => this.closed(e.document));
    connection.onHover((params) => this.hover(params));
    connection.onCodeAction((params) => this.codeActions(params));
    connection.onDidChangeConfiguration((params) => this.configurationChanged(params.settings));
    connection.onDidChangeWatchedFiles((params) => this.watchedFilesChanged(params));
    connection.onRequest(ScanWorkspaceRequest.method, (params: ScanWorkspaceParams, token: CancellationToken) => this.scanWorkspace(params, token));
    documents.listen(connection);
    connection.listen();
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle and configuration

  private initialize(params: InitializeParams): InitializeResult {
    this.init = (params.initializationOptions ?? {}) as PiiguardInitializationOptions;
    this.trusted = this.init.trusted !== false;
    this.initialSettings = normalizeSettings(this.init.settings, (problem) => this.warn(problem));
    this.supportsConfiguration = params.capabilities.workspace?.configuration === true;
    this.projects = new Projects((folder) => this.folderSettings.get(folder) ?? this.initialSettings, this.trusted);
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? (params.rootUri ? [uriToPath(params.rootUri)] : []);
    this.projects.setFolders(folders.filter((f): f is string => f !== undefined));
    this.dynamicRegistration = {
      configuration: params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      watchers: params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'piiguard', version: serverVersion() },
    };
  }

  private shutdown(): void {
    this.stopped = true;
    this.queue.clear();
    for (const timer of [this.statusTimer, this.reconfigureTimer, this.rediscoverTimer]) if (timer) clearTimeout(timer);
  }

  private async initialized(): Promise<void> {
    if (this.dynamicRegistration.configuration) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'piiguard' });
    if (this.dynamicRegistration.watchers) {
      const sources = `**/*.{${SOURCE_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: sources }, ...[...CONFIG_FILE_NAMES].map((name) => ({ globPattern: `**/${name}` }))],
      });
    }
    try {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const current = this.projects.workspaceProjects().map((p) => p.folder);
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        const added = e.added.map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined);
        void this.setFolders([...current.filter((f) => !removed.has(f)), ...added]);
      });
    } catch {
      // The client does not announce folder changes.
    }
    this.info(`piiguard ${serverVersion()} language server started (${this.trusted ? 'trusted workspace' : 'limited mode: untrusted workspace, built-in knowledge only'}).`);
    this.state = 'loading';
    await this.reconfigure();
  }

  private async setFolders(folders: string[]): Promise<void> {
    await this.pullSettings();
    const added = this.projects.setFolders(folders);
    await this.loadWorkspace(added);
  }

  /** Loads folders in the background; open files are analysed meanwhile and again once their folder is in. */
  private async loadWorkspace(projects: readonly Project[]): Promise<void> {
    const toLoad = projects.filter((p) => !p.isLoaded);
    if (toLoad.length > 0 && this.state !== 'disabled') this.state = 'loading';
    this.scheduleStatus();
    await Promise.all(
      toLoad.map(async (project) => {
        const started = performance.now();
        await project.ensureLoaded();
        this.refreshOpenDocuments(project);
        this.info(`Loaded ${project.files().length} files of ${project.folder} in ${Math.round(performance.now() - started)} ms.`);
      }),
    );
    if (this.state === 'loading' || this.state === 'starting') this.state = 'ready';
    this.scheduleStatus();
  }

  private async pullSettings(): Promise<void> {
    if (!this.supportsConfiguration) return;
    const folders = this.projects.workspaceProjects().map((p) => p.folder);
    try {
      const items = folders.length > 0 ? folders.map((f) => ({ scopeUri: pathToFileURL(f).href, section: 'piiguard' })) : [{ section: 'piiguard' }];
      const values = (await this.connection.workspace.getConfiguration(items)) as unknown[];
      this.folderSettings.clear();
      if (folders.length === 0) {
        this.initialSettings = normalizeSettings(values[0], (problem) => this.warn(problem));
      }
      folders.forEach((folder, i) => this.folderSettings.set(folder, normalizeSettings(values[i], (problem) => this.warn(problem))));
      if (folders.length > 0) this.initialSettings = this.folderSettings.get(folders[0]!) ?? this.initialSettings;
    } catch (error) {
      this.warn(`Could not read the piiguard settings (${describe(error)}); using defaults.`);
    }
  }

  private configurationChanged(pushed: unknown): void {
    // Clients without workspace/configuration push the settings with the notification.
    if (!this.supportsConfiguration && isRecord(pushed) && 'piiguard' in pushed) {
      this.initialSettings = normalizeSettings(pushed.piiguard, (problem) => this.warn(problem));
    }
    this.scheduleReconfigure();
  }

  private scheduleReconfigure(): void {
    if (this.reconfigureTimer) clearTimeout(this.reconfigureTimer);
    this.reconfigureTimer = setTimeout(() => void this.reconfigure(), 200);
  }

  /** (Re-)reads settings and configuration files, then analyses again what is shown. */
  private async reconfigure(): Promise<void> {
    this.reconfigureTimer = undefined;
    await this.pullSettings();
    const { replaced } = this.projects.reconfigure();
    for (const project of replaced) {
      for (const document of this.documents.all()) {
        const file = uriToPath(document.uri);
        if (file && this.projects.forFile(file) === project) project.workspace.openDocument(file, document.getText(), document.version);
      }
    }
    this.reportConfiguration();
    this.queue.clear();
    if (!this.settingsOf(undefined).enable) {
      for (const uri of [...this.published.keys()]) this.clearDiagnostics(uri);
      this.state = 'disabled';
      this.scheduleStatus();
      return;
    }
    if (this.state === 'disabled') this.state = 'ready';
    this.queue.refresh(this.documents.all().map((d) => d.uri), 'open');
    this.queue.refresh([...this.scanned].filter((uri) => !this.documents.get(uri)), 'background');
    this.scheduleStatus();
    await this.loadWorkspace(this.projects.workspaceProjects());
  }

  /** Shows configuration problems as a message, in the log, and as diagnostics on the configuration file. */
  private reportConfiguration(): void {
    for (const uri of this.configProblemUris) this.publishDiagnostics({ uri, diagnostics: [] });
    this.configProblemUris.clear();
    const byFile = new Map<string, { range: Range; message: string }[]>();
    for (const project of this.projects.all()) {
      const { setup } = project;
      if (setup.configFile) this.info(`${project.folder}: using ${setup.configFile}${setup.tsconfigPath ? ` and ${setup.tsconfigPath}` : ''}.`);
      for (const problem of setup.problems) {
        const line = Math.max(0, (problem.line ?? 1) - 1);
        const character = Math.max(0, (problem.column ?? 1) - 1);
        const uri = pathToFileURL(problem.file).href;
        const list = byFile.get(uri) ?? [];
        list.push({ range: { start: { line, character }, end: { line, character: character + 1 } }, message: formatConfigProblem(problem, (f) => path.basename(f)) });
        byFile.set(uri, list);
      }
    }
    const shown = new Set<string>();
    for (const [uri, problems] of byFile) {
      this.configProblemUris.add(uri);
      this.publishDiagnostics({
        uri,
        diagnostics: problems.map((p) => ({ range: p.range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: p.message })),
      });
      const text = `piiguard: the configuration has problems; built-in defaults are used until they are fixed. ${problems.map((p) => p.message).join(' ')}`;
      shown.add(text);
      // Told once, not again at every settings change while the problem stays.
      if (this.shownConfigProblems.has(text)) continue;
      this.warn(text);
      this.send(ShowMessageNotification.method, { type: MessageType.Warning, message: maskPiiInText(text) });
    }
    this.shownConfigProblems = shown;
  }

  private settingsOf(project: Project | undefined): PiiguardSettings {
    return (project && this.folderSettings.get(project.folder)) ?? this.initialSettings;
  }

  // ---------------------------------------------------------------------------------------------
  // Documents

  private opened(document: TextDocument): void {
    const file = uriToPath(document.uri);
    if (!file) return;
    const project = this.projects.forFile(file);
    project.workspace.openDocument(file, document.getText(), document.version);
    this.lastChange.set(document.uri, performance.now());
    // A file created since the folder was loaded: find it (and its siblings) before analysing.
    if (project.isLoaded && !project.analyses(file) && !/[\\/]node_modules[\\/]/.test(file)) this.scheduleRediscover(project);
    this.queue.immediate(document.uri);
  }

  private changed(document: TextDocument): void {
    const file = uriToPath(document.uri);
    if (!file) return;
    const project = this.projects.forFile(file);
    if (project.workspace.openVersion(file) === document.version) return; // the open notification itself
    project.workspace.changeDocument(file, document.getText(), document.version);
    this.lastChange.set(document.uri, performance.now());
    const settings = this.settingsOf(project);
    if (settings.run === 'onType') this.queue.changed(document.uri, settings.typingDelayMs);
  }

  private saved(document: TextDocument): void {
    const file = uriToPath(document.uri);
    if (!file) return;
    if (this.settingsOf(this.projects.forFile(file)).run === 'onSave') {
      this.lastChange.set(document.uri, performance.now());
      this.queue.immediate(document.uri);
    }
  }

  private closed(document: TextDocument): void {
    const file = uriToPath(document.uri);
    if (!file) return;
    const project = this.projects.forFile(file);
    project.workspace.closeDocument(file);
    this.queue.forget(document.uri);
    // Unsaved edits are gone: the file is the one on disk again, for it and its neighbours.
    if (this.scanned.has(document.uri)) this.queue.refresh([document.uri], 'background');
    else this.clearDiagnostics(document.uri);
    this.refreshConnected(project, file);
  }

  private refreshOpenDocuments(project: Project): void {
    const uris = this.documents
      .all()
      .map((d) => d.uri)
      .filter((uri) => {
        const file = uriToPath(uri);
        return file !== undefined && project.contains(file);
      });
    this.queue.refresh(uris, 'open');
  }

  /** An edit can change findings in files that import the edited one, and in those it imports. */
  private refreshConnected(project: Project, file: string): void {
    const connected = project.workspace.connectedFiles(file, MAX_CONNECTED_REFRESH).map((f) => pathToFileURL(f).href);
    this.queue.refresh(connected.filter((uri) => this.documents.get(uri)), 'open');
    this.queue.refresh(connected.filter((uri) => !this.documents.get(uri) && this.scanned.has(uri)), 'background');
  }

  private watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file || /[\\/]node_modules[\\/]/.test(file)) continue;
      if (CONFIG_FILE_NAMES.has(path.basename(file))) {
        this.scheduleReconfigure();
        continue;
      }
      if (this.documents.get(change.uri)) continue; // the editor's text wins while it is open
      const project = this.projects.forFile(file);
      const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      project.workspace.fileChangedOnDisk(file, kind);
      if (kind === 'deleted') {
        this.scanned.delete(change.uri);
        this.clearDiagnostics(change.uri);
      } else if (this.scanned.has(change.uri)) {
        this.queue.refresh([change.uri], 'background');
      }
      if (kind !== 'changed') this.scheduleRediscover(project);
      this.refreshConnected(project, file);
    }
  }

  private scheduleRediscover(project: Project): void {
    if (this.rediscoverTimer) clearTimeout(this.rediscoverTimer);
    this.rediscoverTimer = setTimeout(() => {
      this.rediscoverTimer = undefined;
      void project.rediscover().then(() => this.refreshOpenDocuments(project));
    }, 100);
  }

  // ---------------------------------------------------------------------------------------------
  // Analysis

  private runJob(job: Job): void {
    const started = performance.now();
    const file = uriToPath(job.uri);
    if (!file) return;
    const document = this.documents.get(job.uri);
    if (!document && !this.scanned.has(job.uri)) return;
    const project = this.projects.forFile(file);
    const timing = this.analyseAndPublish(project, file, job.uri);
    this.scheduleStatus();
    if (!timing) return;
    if (job.priority === 'edited') {
      const changedAt = job.changedAt ?? this.lastChange.get(job.uri) ?? started;
      if (this.init.timings) {
        const params: TimingsParams = {
          uri: job.uri,
          version: document?.version ?? null,
          queuedMs: round(started - changedAt),
          programMs: round(timing.programMs),
          analyzeMs: round(timing.analyzeMs),
          publishMs: round(timing.publishMs),
          totalMs: round(performance.now() - changedAt),
        };
        this.send(TimingsNotification.method, params);
      }
      // After publishing: cross-file effects are found without delaying the edited file.
      this.refreshConnected(project, file);
    }
  }

  /** Analyses one file with the current program and publishes its diagnostics. */
  private analyseAndPublish(project: Project, file: string, uri: string): { programMs: number; analyzeMs: number; publishMs: number } | undefined {
    const settings = this.settingsOf(project);
    if (!settings.enable || !project.analyses(file)) {
      this.clearDiagnostics(uri);
      return undefined;
    }
    const t0 = performance.now();
    project.program();
    const t1 = performance.now();
    let analysis;
    try {
      analysis = project.analyze(file, Date.now() + (project.setup.maxFileMs ?? MAX_FILE_MS));
    } catch (error) {
      // One pathological file must not freeze the editor: it is skipped, with a note on the file.
      if (error instanceof AnalysisBudgetExceeded) {
        this.warn(`Skipped ${file}: its analysis took longer than ${project.setup.maxFileMs ?? MAX_FILE_MS} ms (maxFileMs).`);
        this.publishNote(uri, `piiguard skipped this file: its analysis took longer than ${project.setup.maxFileMs ?? MAX_FILE_MS} ms. Raise maxFileMs in piiguard.config.json to analyse it.`);
      } else {
        this.error(`Could not analyse ${file}: ${describe(error)}`);
      }
      return undefined;
    }
    const t2 = performance.now();
    if (!analysis) {
      this.clearDiagnostics(uri);
      return undefined;
    }
    const version = this.documents.get(uri)?.version ?? null;
    const visible = visibleFindings(analysis.findings);
    this.publishDiagnostics({ uri, ...(version === null ? {} : { version }), diagnostics: visible.map(toDiagnostic) });
    this.published.set(uri, { project, version, findings: visible, sourceFile: analysis.sourceFile });
    const t3 = performance.now();
    return { programMs: t1 - t0, analyzeMs: t2 - t1, publishMs: t3 - t2 };
  }

  private publishNote(uri: string, message: string): void {
    this.published.delete(uri);
    const start = { line: 0, character: 0 };
    this.publishDiagnostics({ uri, diagnostics: [{ range: { start, end: start }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message }] });
    this.scheduleStatus();
  }

  private clearDiagnostics(uri: string): void {
    if (!this.published.delete(uri)) return;
    this.publishDiagnostics({ uri, diagnostics: [] });
    this.scheduleStatus();
  }

  private async scanWorkspace(params: ScanWorkspaceParams, token: CancellationToken): Promise<ScanWorkspaceResult> {
    const started = performance.now();
    let lastProgress = 0;
    const progress = (phase: ScanProgressParams['phase'], done: number, total: number, force = false) => {
      const now = performance.now();
      if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      this.send(ScanProgressNotification.method, { scanId: params.scanId, phase, done, total } satisfies ScanProgressParams);
    };
    const projects = this.projects.workspaceProjects();
    this.state = 'analysing';
    this.scheduleStatus();
    progress('loading', 0, 0, true);
    await Promise.all(projects.map((p) => p.ensureLoaded((done, total) => progress('loading', done, total))));
    const files = projects.flatMap((project) => project.files().map((file) => ({ project, file })));
    this.info(`Scanning ${files.length} workspace files…`);
    progress('analysing', 0, files.length, true);
    let analysed = 0;
    let cancelled = false;
    for (const { project, file } of files) {
      if (token.isCancellationRequested) {
        cancelled = true;
        break;
      }
      const uri = this.uriOf(file);
      this.scanned.add(uri);
      this.analyseAndPublish(project, file, uri);
      analysed++;
      progress('analysing', analysed, files.length);
      await yieldToEventLoop();
    }
    if (!cancelled && token.isCancellationRequested) cancelled = true;
    progress('analysing', analysed, files.length, true);
    // The scan waited for loading to finish, so the server is ready now (unless turned off meanwhile).
    if (this.state === 'analysing') this.state = 'ready';
    this.scheduleStatus();

    const findingsByRule: Partial<Record<RuleId, number>> = {};
    let findings = 0;
    let filesWithFindings = 0;
    for (const entry of this.published.values()) {
      if (entry.findings.length > 0) filesWithFindings++;
      for (const finding of entry.findings) {
        findings++;
        findingsByRule[finding.ruleId] = (findingsByRule[finding.ruleId] ?? 0) + 1;
      }
    }
    const durationMs = Math.round(performance.now() - started);
    this.info(`Workspace scan ${cancelled ? 'cancelled' : 'finished'}: ${analysed} of ${files.length} files analysed in ${durationMs} ms, ${findings} findings in ${filesWithFindings} files.`);
    return { filesAnalysed: analysed, findings, filesWithFindings, findingsByRule, durationMs, cancelled };
  }

  // ---------------------------------------------------------------------------------------------
  // Hover and code actions

  /** Findings published for the document as it is now (undefined while the text is ahead of them). */
  private async currentFindings(uri: string): Promise<Published | undefined> {
    await this.queue.settled(uri, SETTLE_TIMEOUT_MS);
    const entry = this.published.get(uri);
    const document = this.documents.get(uri);
    if (!entry || (document && entry.version !== document.version)) return undefined;
    return entry;
  }

  private async hover(params: HoverParams): Promise<Hover | null> {
    const entry = await this.currentFindings(params.textDocument.uri);
    if (!entry) return null;
    const matches = entry.findings.filter((f) => contains(rangeOf(f.location), params.position));
    if (matches.length === 0) return null;
    return { contents: hoverMarkdown(matches, entry.project.setup.rootDir), range: rangeOf(matches[0]!.location) };
  }

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const entry = await this.currentFindings(uri);
    if (!entry) return [];
    const ctx = { uri, sourceFile: entry.sourceFile, suppressWithReasonCommand: this.init.suppressWithReasonCommand === true };
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        const fingerprint = (diagnostic.data as Partial<DiagnosticData> | undefined)?.fingerprint;
        const finding =
          entry.findings.find((f) => fingerprint !== undefined && f.fingerprint === fingerprint) ??
          entry.findings.find((f) => f.ruleId === diagnostic.code && sameRange(rangeOf(f.location), diagnostic.range));
        if (finding) actions.push(...quickFixes(finding, diagnostic, ctx));
      }
    }
    // Fix-all is a source action: only when asked for (e.g. editor.codeActionsOnSave).
    if (only && wants(FIX_ALL_KIND)) {
      const fixAll = fixAllAction(entry.findings, ctx);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  // ---------------------------------------------------------------------------------------------
  // Status and logging

  private scheduleStatus(): void {
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      let findings = 0;
      let filesWithFindings = 0;
      for (const entry of this.published.values()) {
        findings += entry.findings.length;
        if (entry.findings.length > 0) filesWithFindings++;
      }
      const projects = this.projects.workspaceProjects();
      const status: StatusParams = {
        state: this.state,
        mode: this.trusted ? 'full' : 'limited',
        findings,
        filesWithFindings,
        workspaceFiles: projects.reduce((sum, p) => sum + p.files().length, 0),
        configFiles: [...new Set(this.projects.all().flatMap((p) => (p.setup.configFile ? [p.setup.configFile] : [])))],
      };
      const text = JSON.stringify(status);
      if (text === this.lastStatus) return;
      this.lastStatus = text;
      this.send(StatusNotification.method, status);
    }, 50);
  }

  /** The client's spelling of a file's URI when it has one open, else the file URL. */
  private uriOf(file: string): string {
    const href = pathToFileURL(file).href;
    return this.documents.get(href) ? href : (this.documents.all().find((d) => uriToPath(d.uri) === file)?.uri ?? href);
  }

  // The output log never shows a raw phone number or ID: everything goes through maskPiiInText.
  private info(message: string): void {
    this.guarded(() => this.connection.console.info(maskPiiInText(message)));
  }

  private warn(message: string): void {
    this.guarded(() => this.connection.console.warn(maskPiiInText(message)));
  }

  private error(message: string): void {
    this.guarded(() => this.connection.console.error(maskPiiInText(message)));
  }

  private send(method: string, params: object): void {
    this.guarded(() => this.connection.sendNotification(method, params));
  }

  private publishDiagnostics(params: PublishDiagnosticsParams): void {
    this.guarded(() => this.connection.sendDiagnostics(params));
  }

  /** After shutdown nothing more is sent; background work still finishing must not throw. */
  private guarded(send: () => Promise<void> | void): void {
    if (this.stopped) return;
    try {
      void Promise.resolve(send()).catch(() => undefined);
    } catch {
      // The connection is gone.
    }
  }
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function contains(range: Range, position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function serverVersion(): string {
  try {
    return packageInfo().version;
  } catch {
    return '0.0.0';
  }
}
