import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * Decides what to analyse next. Edits wait for a pause in typing (debounce); a file edited again
 * while it waits goes back to waiting, so outdated work is dropped before it starts. Then, in order:
 * edited or opened files, open files that may be affected by an edit elsewhere, and everything else
 * (closed files a workspace scan reported on) once typing has stopped for a moment. One file is
 * analysed at a time and the event loop is given back between files, so new edits are seen at once
 * and go to the front.
 */
export type Priority = 'edited' | 'open' | 'background';

/** Background work (closed files) starts only after this long without an edit. */
const BACKGROUND_IDLE_MS = 500;

export interface Job {
  uri: string;
  priority: Priority;
  /** `performance.now()` of the change that queued it (edited files). */
  changedAt: number | undefined;
}

export class AnalysisQueue {
  /** Edited files waiting for the typing pause, with the time of their last change. */
  private readonly waiting = new Map<string, number>();
  private readonly queues: Record<Priority, Map<string, number | undefined>> = { edited: new Map(), open: new Map(), background: new Map() };
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly settledWaiters = new Set<() => void>();
  private lastEditAt = Number.NEGATIVE_INFINITY;
  private resumeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly run: (job: Job) => Promise<void> | void,
    private readonly now: () => number,
  ) {}

  /** A document changed: analyse it `delayMs` after the last change. */
  changed(uri: string, delayMs: number): void {
    for (const queue of Object.values(this.queues)) queue.delete(uri);
    this.lastEditAt = this.now();
    this.waiting.set(uri, this.lastEditAt);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flushWaiting(), delayMs);
  }

  /** Analyse as soon as possible (document opened or saved). */
  immediate(uri: string): void {
    this.waiting.delete(uri);
    this.enqueue(uri, 'edited', this.now());
  }

  /** Files that may have changed because of an edit elsewhere. */
  refresh(uris: Iterable<string>, priority: 'open' | 'background'): void {
    for (const uri of uris) {
      if (this.waiting.has(uri) || this.queues.edited.has(uri)) continue;
      if (priority === 'open') this.queues.background.delete(uri);
      else if (this.queues.open.has(uri)) continue;
      this.enqueue(uri, priority, undefined);
    }
  }

  /** The file is gone (closed and forgotten, or the server reconfigured). */
  forget(uri: string): void {
    this.waiting.delete(uri);
    for (const queue of Object.values(this.queues)) queue.delete(uri);
  }

  clear(): void {
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    this.resumeTimer = undefined;
    this.waiting.clear();
    for (const queue of Object.values(this.queues)) queue.clear();
  }

  isPending(uri: string): boolean {
    return this.waiting.has(uri) || this.queues.edited.has(uri) || this.queues.open.has(uri);
  }

  /** Resolves when `uri` has no analysis waiting (or after `timeoutMs`), for requests that need fresh findings. */
  async settled(uri: string, timeoutMs: number): Promise<void> {
    const deadline = this.now() + timeoutMs;
    while (this.isPending(uri) && this.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(1, deadline - this.now()));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.settledWaiters.add(done);
      });
    }
  }

  private flushWaiting(): void {
    this.timer = undefined;
    const waiting = [...this.waiting].sort((a, b) => a[1] - b[1]);
    this.waiting.clear();
    for (const [uri, changedAt] of waiting) this.enqueue(uri, 'edited', changedAt);
  }

  private enqueue(uri: string, priority: Priority, changedAt: number | undefined): void {
    for (const [name, queue] of Object.entries(this.queues)) if (name !== priority) queue.delete(uri);
    const queue = this.queues[priority];
    if (!queue.has(uri)) queue.set(uri, changedAt);
    if (!this.running) void this.drain();
  }

  private next(): Job | undefined {
    for (const priority of ['edited', 'open', 'background'] as const) {
      const queue = this.queues[priority];
      if (priority === 'background' && queue.size > 0 && this.now() - this.lastEditAt < BACKGROUND_IDLE_MS) {
        // Closed files wait until typing stops, so they never hold up the next keystroke.
        this.resumeLater(BACKGROUND_IDLE_MS - (this.now() - this.lastEditAt));
        return undefined;
      }
      const first = queue.entries().next();
      if (!first.done) {
        const [uri, changedAt] = first.value;
        queue.delete(uri);
        return { uri, priority, changedAt };
      }
    }
    return undefined;
  }

  private resumeLater(delayMs: number): void {
    if (this.resumeTimer) return;
    this.resumeTimer = setTimeout(() => {
      this.resumeTimer = undefined;
      if (!this.running) void this.drain();
    }, Math.max(1, delayMs));
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let job = this.next(); job; job = this.next()) {
        try {
          await this.run(job);
        } finally {
          for (const done of [...this.settledWaiters]) done();
          this.settledWaiters.clear();
        }
        // Let new edits, cancellations and requests in before the next file.
        await yieldToEventLoop();
      }
    } finally {
      this.running = false;
    }
  }
}
