import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
  createProtocolConnection,
} from 'vscode-languageserver/node';
import { startServer } from '../../src/lsp/server.js';
import type { PiiguardInitializationOptions, StatusParams, TimingsParams } from '../../src/lsp/protocol.js';

/**
 * An in-process LSP session: piiguard's server and a bare protocol client joined by in-memory
 * streams, over a workspace written to a temporary folder.
 */
export interface Session {
  root: string;
  client: ProtocolConnection;
  initializeResult: InitializeResult;
  uri(relative: string): string;
  open(relative: string, text?: string): Promise<void>;
  change(relative: string, text: string): number;
  close(relative: string): Promise<void>;
  /** Resolves with the next publish for `relative` that matches `accept` (default: any). */
  diagnostics(relative: string, accept?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Every publish received so far, in order. */
  published: PublishDiagnosticsParams[];
  statuses: StatusParams[];
  timings: TimingsParams[];
  logs: string[];
  codeActions(relative: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]>;
  hover(relative: string, line: number, character: number): Promise<Hover | null>;
  dispose(): Promise<void>;
}

export async function startSession(files: Record<string, string>, init: PiiguardInitializationOptions = {}, capabilities: { configuration?: boolean } = {}): Promise<Session> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'piiguard-lsp-')));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Reader/writer objects, not raw streams: the library would end the process when a raw input stream closes.
  const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection);
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));

  const published: PublishDiagnosticsParams[] = [];
  const listeners = new Set<(p: PublishDiagnosticsParams) => void>();
  const statuses: StatusParams[] = [];
  const timings: TimingsParams[] = [];
  const logs: string[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const listener of [...listeners]) listener(params);
  });
  client.onNotification('piiguard/status', (params: StatusParams) => statuses.push(params));
  client.onNotification('piiguard/timings', (params: TimingsParams) => timings.push(params));
  client.onNotification('window/logMessage', (params: { message: string }) => logs.push(params.message));
  client.onNotification('window/showMessage', (params: { message: string }) => logs.push(params.message));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => init.settings ?? {}));
  client.listen();

  const rootUri = pathToFileURL(root).href;
  const initializeResult = (await client.sendRequest('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'fixture' }],
    capabilities: {
      workspace: { configuration: capabilities.configuration ?? true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true } },
    },
    initializationOptions: init,
  })) as InitializeResult;
  await client.sendNotification('initialized', {});

  const versions = new Map<string, number>();
  const texts = new Map<string, string>();
  const uri = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  const languageId = (relative: string) => (/\.tsx?$|\.[cm]ts$/.test(relative) ? 'typescript' : 'javascript');

  const session: Session = {
    root,
    client,
    initializeResult,
    uri,
    published,
    statuses,
    timings,
    logs,
    async open(relative, text) {
      const content = text ?? fs.readFileSync(path.join(root, relative), 'utf8');
      versions.set(relative, 1);
      texts.set(relative, content);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(relative), languageId: languageId(relative), version: 1, text: content } });
    },
    change(relative, text) {
      const version = (versions.get(relative) ?? 0) + 1;
      versions.set(relative, version);
      texts.set(relative, text);
      void client.sendNotification('textDocument/didChange', { textDocument: { uri: uri(relative), version }, contentChanges: [{ text }] });
      return version;
    },
    async close(relative) {
      await client.sendNotification('textDocument/didClose', { textDocument: { uri: uri(relative) } });
    },
    diagnostics(relative, accept = () => true, timeoutMs = 30_000) {
      const target = uri(relative);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no matching diagnostics for ${relative} within ${timeoutMs} ms; got ${JSON.stringify(published.filter((p) => p.uri === target).map((p) => [p.version, p.diagnostics.length]))}`));
        }, timeoutMs);
        const listener = (params: PublishDiagnosticsParams) => {
          if (params.uri !== target || !accept(params)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(params.diagnostics);
        };
        listeners.add(listener);
      });
    },
    async codeActions(relative, diagnostics, only) {
      const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return (await client.sendRequest('textDocument/codeAction', {
        textDocument: { uri: uri(relative) },
        range,
        context: { diagnostics, ...(only ? { only } : {}) },
      })) as CodeAction[];
    },
    async hover(relative, line, character) {
      return (await client.sendRequest('textDocument/hover', { textDocument: { uri: uri(relative) }, position: { line, character } })) as Hover | null;
    },
    async dispose() {
      await client.sendRequest('shutdown');
      client.dispose();
      serverConnection.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  return session;
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}
