/**
 * Editor latency: the time from a document change to the diagnostics the language server publishes
 * for it, on a generated workspace of at least 1,000 files. The server runs as `piiguard lsp --stdio`
 * in a child process, as an editor would start it; the client side here opens a few files, waits
 * until the workspace is loaded, then makes one-file edits (alternately adding and removing a
 * function that logs a phone number, so the findings change) and times each edit until the
 * publishDiagnostics for that version arrives. A short pause follows each edit, like a user's.
 *
 *   node dist/bench/lsp/latency.js [--corpus DIR] [--edits N] [--open N] [--pause MS] [--typing-delay MS]
 *                                  [--server-bundle dist/extension/server.cjs] [--out FILE]
 *
 * As a bench section (lspLatencySection) it generates (once) a corpus of about 1,000 files next to
 * the bench corpus, the workspace size the product target is stated for.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type ProtocolConnection, type PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver/node';
import type { PiiguardInitializationOptions, StatusParams, TimingsParams } from '../../src/lsp/protocol.js';
import { ensureCorpus } from '../corpus.js';
import type { BenchSection, SectionResult } from '../measure/types.js';
import { CORPUS_META_DIR, OUT_DIR, REPO_ROOT } from '../paths.js';

export interface LspLatencyOptions {
  corpusDir: string;
  /** Command starting the server; default: this checkout's `dist/src/cli/main.js lsp --stdio`. */
  serverCommand?: readonly string[];
  /** One-file edits to time (at least 50 for a meaningful p95). */
  edits?: number;
  /** Files kept open in the editor; edits go round-robin over them. */
  openFiles?: number;
  /** Pause after each edit's diagnostics, like a user's. */
  pauseMs?: number;
  /** The server's debounce (piiguard.typingDelayMs); default: the server's default. */
  typingDelayMs?: number;
  log?: (message: string) => void;
}

export interface Distribution {
  p50: number;
  p95: number;
  max: number;
}

export interface LspLatencyResult {
  workspaceFiles: number;
  edits: number;
  openFiles: number;
  /** Client-side: didChange sent → publishDiagnostics for that version received. */
  latencyMs: Distribution;
  samplesMs: number[];
  /** Where the server says the time went (piiguard/timings), per edit. */
  server: { queuedMs: Distribution; programMs: Distribution; analyzeMs: Distribution; publishMs: Distribution; totalMs: Distribution };
  /** Server start → the whole workspace loaded (status "ready"). */
  workspaceLoadMs: number;
  /** didOpen of the first file → its first diagnostics (cold: TypeScript libraries parsed). */
  firstDiagnosticsMs: number;
  /** 1-minute load average of the machine when the edits started (these are wall-clock times). */
  loadAverage: number;
}

const DEFAULT_EDITS = 60;
const DEFAULT_OPEN_FILES = 8;
const DEFAULT_PAUSE_MS = 200;
const MIN_WORKSPACE_FILES = 1_000;

export async function measureLspLatency(options: LspLatencyOptions): Promise<LspLatencyResult> {
  const log = options.log ?? (() => undefined);
  const edits = options.edits ?? DEFAULT_EDITS;
  const files = await sourceFiles(options.corpusDir);
  const targets = pickTargets(files, options.openFiles ?? DEFAULT_OPEN_FILES);
  const command = options.serverCommand ?? [process.execPath, join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'), 'lsp', '--stdio'];
  const session = await startServer(command, options.corpusDir, {
    timings: true,
    ...(options.typingDelayMs === undefined ? {} : { settings: { typingDelayMs: options.typingDelayMs } }),
  });
  try {
    const documents: { uri: string; text: string; version: number }[] = [];
    let firstDiagnosticsMs = 0;
    for (const file of targets) {
      const uri = pathToFileURL(file).href;
      const text = await readFile(file, 'utf8');
      const started = performance.now();
      const published = session.nextDiagnostics(uri, 1);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: languageOf(file), version: 1, text } });
      await published;
      if (documents.length === 0) firstDiagnosticsMs = performance.now() - started;
      documents.push({ uri, text, version: 1 });
    }
    log(`opened ${targets.length} files (${targets.map((f) => relative(options.corpusDir, f)).join(', ')}); first diagnostics after ${Math.round(firstDiagnosticsMs)} ms`);
    const workspaceLoadMs = await session.ready;
    log(`workspace of ${session.status?.workspaceFiles ?? '?'} files loaded ${Math.round(workspaceLoadMs)} ms after start`);
    await sleep(1_000); // let the re-analysis of the open files after loading finish

    const loadAverage = loadavg()[0] ?? 0;
    const samplesMs: number[] = [];
    const firstTiming = session.timings.length;
    for (let i = 0; i < edits; i++) {
      const document = documents[i % documents.length]!;
      // Odd edits add a function that logs a phone number, even ones take it out again.
      const text = i % 2 === 0 ? `${document.text}\nexport function benchLeak${i}(phone: string): void {\n  console.log(phone);\n}\n` : document.text;
      document.version++;
      const published = session.nextDiagnostics(document.uri, document.version);
      const started = performance.now();
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: document.uri, version: document.version }, contentChanges: [{ text }] });
      await published;
      samplesMs.push(performance.now() - started);
      await sleep(options.pauseMs ?? DEFAULT_PAUSE_MS);
    }
    const timings = session.timings.slice(firstTiming);
    const pick = (key: keyof Omit<TimingsParams, 'uri' | 'version'>) => distribution(timings.map((t) => t[key]));
    return {
      workspaceFiles: session.status?.workspaceFiles ?? files.length,
      edits,
      openFiles: targets.length,
      latencyMs: distribution(samplesMs),
      samplesMs: samplesMs.map((ms) => Math.round(ms * 10) / 10),
      server: { queuedMs: pick('queuedMs'), programMs: pick('programMs'), analyzeMs: pick('analyzeMs'), publishMs: pick('publishMs'), totalMs: pick('totalMs') },
      workspaceLoadMs: Math.round(workspaceLoadMs),
      firstDiagnosticsMs: Math.round(firstDiagnosticsMs),
      loadAverage: Math.round(loadAverage * 100) / 100,
    };
  } finally {
    await session.stop();
  }
}

export const lspLatencySection: BenchSection = {
  id: 'lsp-latency',
  title: 'Editor: edit → diagnostics (language server, one-file edits)',
  async run(ctx): Promise<SectionResult> {
    const cli = join(ctx.repoRoot, 'dist', 'src', 'cli', 'main.js');
    if (!existsSync(cli)) return { id: this.id, title: this.title, status: 'unavailable', message: `${cli} is missing: build first (tsc -p tsconfig.json)`, values: {} };
    // The target is stated for a 1,000-file workspace: a corpus of that size next to the bench's own.
    const corpusDir = join(dirname(ctx.corpusDir), 'lsp-corpus-1000');
    const { stamp } = await ensureCorpus(corpusDir, { targetLines: 100_000, fileCount: MIN_WORKSPACE_FILES });
    if (stamp.summary.sourceFiles < MIN_WORKSPACE_FILES) {
      return { id: this.id, title: this.title, status: 'failed', message: `the generated workspace has ${stamp.summary.sourceFiles} files, fewer than ${MIN_WORKSPACE_FILES}`, values: {} };
    }
    const result = await measureLspLatency({ corpusDir, serverCommand: [process.execPath, cli, 'lsp', '--stdio'], log: ctx.log });
    await mkdir(ctx.outDir, { recursive: true });
    await writeFile(join(ctx.outDir, 'lsp-latency.json'), `${JSON.stringify(result, null, 2)}\n`);
    ctx.log(describe(result));
    return {
      id: this.id,
      title: this.title,
      status: 'ok',
      values: {
        workspaceFiles: result.workspaceFiles,
        edits: result.edits,
        p50Ms: result.latencyMs.p50,
        p95Ms: result.latencyMs.p95,
        maxMs: result.latencyMs.max,
        debounceP50Ms: result.server.queuedMs.p50,
        programP50Ms: result.server.programMs.p50,
        analyzeP50Ms: result.server.analyzeMs.p50,
        analyzeP95Ms: result.server.analyzeMs.p95,
        workspaceLoadMs: result.workspaceLoadMs,
        firstDiagnosticsMs: result.firstDiagnosticsMs,
        loadAverage: result.loadAverage,
      },
    };
  },
};

export function describe(result: LspLatencyResult): string {
  const d = (x: Distribution) => `p50 ${x.p50} ms, p95 ${x.p95} ms`;
  return [
    `edit → diagnostics over ${result.edits} one-file edits on ${result.workspaceFiles} files: ${d(result.latencyMs)}, max ${result.latencyMs.max} ms (load average ${result.loadAverage})`,
    `server side: debounce+queue ${d(result.server.queuedMs)}; program update ${d(result.server.programMs)}; analyzeFile ${d(result.server.analyzeMs)}; publish ${d(result.server.publishMs)}`,
    `workspace loaded after ${result.workspaceLoadMs} ms; first diagnostics of a file opened at start-up after ${result.firstDiagnosticsMs} ms`,
  ].join('\n');
}

interface ServerSession {
  connection: ProtocolConnection;
  /** Resolves with the ms from start to status "ready". */
  ready: Promise<number>;
  status: StatusParams | undefined;
  timings: TimingsParams[];
  nextDiagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

async function startServer(command: readonly string[], root: string, init: PiiguardInitializationOptions): Promise<ServerSession> {
  const started = performance.now();
  const child: ChildProcess = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Set<(params: PublishDiagnosticsParams) => void>();
  const timings: TimingsParams[] = [];
  let markReady: (ms: number) => void = () => undefined;
  const ready = new Promise<number>((resolve) => (markReady = resolve));
  const session: ServerSession = {
    connection,
    ready,
    status: undefined,
    timings,
    nextDiagnostics(uri, version) {
      return new Promise((resolve) => {
        const waiter = (params: PublishDiagnosticsParams) => {
          if (params.uri !== uri || (params.version ?? 0) < version) return;
          waiters.delete(waiter);
          resolve(params);
        };
        waiters.add(waiter);
      });
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    for (const waiter of [...waiters]) waiter(params);
  });
  connection.onNotification('piiguard/status', (status: StatusParams) => {
    session.status = status;
    if (status.state === 'ready') markReady(performance.now() - started);
  });
  connection.onNotification('piiguard/timings', (t: TimingsParams) => {
    timings.push(t);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: {}, initializationOptions: init });
  await connection.sendNotification('initialized', {});
  return session;
}

/** Source files of the corpus, sorted (for a deterministic choice of files to edit). */
async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== CORPUS_META_DIR && entry.name !== 'node_modules') await walk(full);
      } else if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        out.push(full);
      }
    }
  };
  await walk(dir);
  return out.sort();
}

/** TypeScript files spread evenly over the corpus. */
function pickTargets(files: readonly string[], count: number): string[] {
  const ts = files.filter((f) => f.endsWith('.ts'));
  const step = Math.max(1, Math.floor(ts.length / count));
  return ts.filter((_, i) => i % step === Math.floor(step / 2)).slice(0, count);
}

function languageOf(file: string): string {
  return /\.[cm]?tsx?$/.test(file) ? (file.endsWith('x') ? 'typescriptreact' : 'typescript') : 'javascript';
}

function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? 0) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(argv: string[]): Promise<number> {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (flag: string): number | undefined => (value(flag) === undefined ? undefined : Number(value(flag)));
  let corpusDir = value('--corpus');
  if (!corpusDir) {
    corpusDir = join(tmpdir(), 'piiguard-bench', 'lsp-corpus-1000');
    const { stamp, reused } = await ensureCorpus(corpusDir, { targetLines: 100_000, fileCount: MIN_WORKSPACE_FILES });
    console.log(`corpus ${corpusDir}: ${stamp.summary.sourceFiles} files (${reused ? 'reused' : 'generated'})`);
  }
  const edits = number('--edits');
  const openFiles = number('--open');
  const pauseMs = number('--pause');
  const typingDelayMs = number('--typing-delay');
  // The packaged extension's server instead of the CLI: `--server-bundle dist/extension/server.cjs`.
  const bundle = value('--server-bundle');
  const result = await measureLspLatency({
    corpusDir,
    ...(bundle ? { serverCommand: [process.execPath, bundle, '--stdio'] } : {}),
    ...(edits === undefined ? {} : { edits }),
    ...(openFiles === undefined ? {} : { openFiles }),
    ...(pauseMs === undefined ? {} : { pauseMs }),
    ...(typingDelayMs === undefined ? {} : { typingDelayMs }),
    log: (message) => console.log(`  · ${message}`),
  });
  console.log(describe(result));
  const out = value('--out') ?? join(OUT_DIR, 'lsp-latency.json');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`results written to ${out}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
