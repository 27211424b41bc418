/**
 * Drives engine-child.mjs: one long-lived child (the library files are parsed once), restarted
 * after a hang (killed at the time bound) or a crash.
 */
import { type ChildProcess, fork } from 'node:child_process';

export type EngineVerdict =
  | { kind: 'analysed'; outputs: string[]; ms: number }
  | { kind: 'skipped'; reason: string; ms: number }
  | { kind: 'threw'; error: string; ms: number }
  | { kind: 'hung'; ms: number }
  | { kind: 'crashed'; detail: string; ms: number };

interface Reply {
  id?: number;
  ready?: boolean;
  outputs?: string[];
  skipped?: string;
  error?: string;
  ms?: number;
}

export class EngineProcess {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private stderr = '';
  private nextId = 0;

  /** Analyses `files` once per order (each in a fresh program); bounded by `timeoutMs`. */
  async analyze(files: Readonly<Record<string, string>>, orders: readonly (readonly string[])[], timeoutMs: number): Promise<EngineVerdict> {
    const child = await this.start();
    const id = this.nextId++;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    return new Promise((resolve) => {
      const finish = (verdict: EngineVerdict) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(verdict);
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        if (reply.skipped !== undefined) finish({ kind: 'skipped', reason: reply.skipped, ms: elapsed() });
        else if (reply.error !== undefined) finish({ kind: 'threw', error: reply.error, ms: elapsed() });
        else finish({ kind: 'analysed', outputs: reply.outputs ?? [], ms: elapsed() });
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.child = undefined;
        finish({ kind: 'crashed', detail: `exit ${code ?? ''} ${signal ?? ''}: ${this.stderr.slice(-1500)}`, ms: elapsed() });
      };
      const timer = setTimeout(() => {
        child.off('exit', onExit);
        this.stop();
        finish({ kind: 'hung', ms: elapsed() });
      }, timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ id, files, orders });
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }

  private async start(): Promise<ChildProcess> {
    if (this.child && this.ready) {
      await this.ready;
      return this.child;
    }
    this.stderr = '';
    const child = fork(new URL('./engine-child.mjs', import.meta.url), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-20_000);
    });
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      const onReady = (reply: Reply) => {
        if (!reply.ready) return;
        child.off('message', onReady);
        resolve();
      };
      child.on('message', onReady);
      child.once('exit', (code) => reject(new Error(`the engine child exited (${code}) before it was ready: ${this.stderr}`)));
    });
    await this.ready;
    return child;
  }
}
