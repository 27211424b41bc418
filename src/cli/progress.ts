import { SingleBar } from 'cli-progress';
import type { ScanPhase } from '../scan/scan.js';

/** The scan's phases, then the CLI's own: writing the report. */
export type ProgressPhase = ScanPhase | 'report';

/** The interactive stream the bar is drawn on (stderr). */
export interface ProgressStream extends NodeJS.WritableStream {
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressDisplay {
  update(phase: ProgressPhase, done: number, total: number): void;
  /** Erases the bar before something else is written to the terminal; the next update draws it again. */
  pause(): void;
  /** Erases the bar for good. Idempotent. */
  stop(): void;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** Nothing is drawn for scans that finish sooner than this (milliseconds). */
  delayMs?: number;
  /** Clock, replaced in tests. */
  now?: () => number;
}

const DEFAULT_DELAY_MS = 500;
const BAR_WIDTH = 24;
const LABELS: Readonly<Record<ProgressPhase, string>> = {
  discover: 'Discovering files',
  parse: 'Parsing',
  analyse: 'Analysing',
  report: 'Writing the report',
};

export const NO_PROGRESS: ProgressDisplay = { update: () => undefined, pause: () => undefined, stop: () => undefined };

/**
 * Whether to draw a progress bar: only for a person watching an interactive terminal. Never on CI
 * (`CI` set), on a dumb terminal, with --quiet, or when stderr is redirected: then output stays
 * plain and quiet.
 */
export function progressWanted(settings: { stderrIsTTY: boolean; quiet: boolean; env: Readonly<Record<string, string | undefined>> }): boolean {
  if (!settings.stderrIsTTY || settings.quiet) return false;
  const ci = settings.env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  return settings.env.TERM !== 'dumb';
}

/**
 * A one-line bar on stderr (`Analysing [█████░░░] 120/800 files 3.1s`), shown once a scan has run
 * longer than a moment, so quick scans print nothing extra. The scan's loops are synchronous, so
 * the bar redraws from update() calls (cli-progress throttles them); a timer covers the
 * asynchronous file discovery.
 */
export function createProgressDisplay(options: ProgressOptions): ProgressDisplay {
  const now = options.now ?? Date.now;
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  const started = now();
  let phase: ProgressPhase = 'discover';
  let done = 0;
  let total = 0;
  let bar: SingleBar | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  /** The phase the bar was last given. */
  let barPhase: ProgressPhase = phase;

  const payload = () => ({ phase });
  const show = () => {
    timer = undefined;
    if (bar || stopped) return;
    bar = new SingleBar({
      stream: options.stream,
      // The clock is read at each redraw, so the time keeps moving while files are discovered.
      format: (_options, params, data: { phase?: ProgressPhase }) => progressLine(data.phase ?? phase, params.value, params.total, (now() - started) / 1000),
      fps: 10,
      clearOnComplete: true,
      hideCursor: false,
      // cli-progress' own SIGINT handler would keep Ctrl+C from ending the process.
      gracefulExit: false,
      linewrap: false,
    });
    barPhase = phase;
    bar.start(total, done, payload());
  };

  return {
    update(nextPhase, nextDone, nextTotal) {
      if (stopped) return;
      phase = nextPhase;
      done = nextDone;
      total = nextTotal;
      if (!bar) {
        if (now() - started < delayMs) {
          timer ??= setTimeout(show, Math.max(0, delayMs - (now() - started)));
          timer.unref?.();
          return;
        }
        show();
        return;
      }
      const phaseChanged = barPhase !== phase;
      barPhase = phase;
      if (bar.getTotal() !== total) bar.setTotal(total);
      bar.update(done, payload());
      // A new phase is drawn at once: the work that follows is synchronous and would hide it.
      if (phaseChanged) bar.render();
    },
    pause() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      bar?.stop();
      bar = undefined;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      bar?.stop();
      bar = undefined;
    },
  };
}

/** The text of the bar; files are counted once a phase knows how many there are. */
export function progressLine(phase: ProgressPhase, done: number, total: number, elapsedSeconds: number): string {
  const time = `${elapsedSeconds.toFixed(1)}s`;
  if (total <= 0) return `piiguard  ${LABELS[phase]}… ${time}`;
  const filled = Math.round((Math.min(done, total) / total) * BAR_WIDTH);
  const bar = '\u2588'.repeat(filled) + '\u2591'.repeat(BAR_WIDTH - filled);
  return `piiguard  ${LABELS[phase].padEnd(10)} ${bar} ${done}/${total} files  ${time}`;
}
