import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type ProgressPhase, type ProgressStream, createProgressDisplay, progressLine, progressWanted } from '../../src/cli/progress.js';
import { type CliIo, runCli } from '../../src/cli/run.js';
import { scan } from '../../src/scan/scan.js';
import { createFakeAnalyzer } from '../cli/fake-analyzer.js';
import { tempDir, writeTree } from '../cli/helpers.js';

/** An interactive terminal that records what is drawn on it. */
function fakeTerminal(): { stream: ProgressStream; text: () => string } {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      written += chunk.toString();
      callback();
    },
  }) as Writable & ProgressStream;
  stream.isTTY = true;
  stream.columns = 120;
  return { stream, text: () => written };
}

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const CLEAR_LINE = '\x1b[2K';

describe('progressWanted', () => {
  it.each([
    [{ stderrIsTTY: true, quiet: false, env: {} }, true],
    [{ stderrIsTTY: true, quiet: false, env: { CI: 'false' } }, true],
    [{ stderrIsTTY: true, quiet: false, env: { CI: '0' } }, true],
    [{ stderrIsTTY: false, quiet: false, env: {} }, false],
    [{ stderrIsTTY: true, quiet: true, env: {} }, false],
    [{ stderrIsTTY: true, quiet: false, env: { CI: 'true' } }, false],
    [{ stderrIsTTY: true, quiet: false, env: { CI: '1' } }, false],
    [{ stderrIsTTY: true, quiet: false, env: { TERM: 'dumb' } }, false],
  ])('%j → %s', (settings, expected) => {
    expect(progressWanted(settings)).toBe(expected);
  });
});

describe('the progress bar', () => {
  it('shows the phase, files done of the total and the time', () => {
    expect(progressLine('analyse', 120, 480, 3.14)).toBe(`piiguard  Analysing  ${'█'.repeat(6)}${'░'.repeat(18)} 120/480 files  3.1s`);
    expect(progressLine('parse', 0, 10, 0)).toContain(`${'░'.repeat(24)} 0/10 files`);
    expect(progressLine('discover', 0, 0, 0.6)).toBe('piiguard  Discovering files… 0.6s');
    expect(progressLine('report', 0, 0, 9)).toBe('piiguard  Writing the report… 9.0s');
  });

  it('draws nothing for a scan that ends within a moment', () => {
    const terminal = fakeTerminal();
    const clock = fakeClock();
    const progress = createProgressDisplay({ stream: terminal.stream, now: clock.now, delayMs: 500 });
    progress.update('discover', 0, 0);
    clock.advance(100);
    progress.update('analyse', 5, 10);
    clock.advance(100);
    progress.update('report', 0, 0);
    progress.stop();
    expect(terminal.text()).toBe('');
  });

  it('appears after the delay, follows the phases, and is erased on stop', () => {
    const terminal = fakeTerminal();
    const clock = fakeClock();
    const progress = createProgressDisplay({ stream: terminal.stream, now: clock.now, delayMs: 500 });
    progress.update('parse', 3, 40);
    clock.advance(600);
    progress.update('parse', 40, 40);
    expect(terminal.text()).toContain('Parsing');
    expect(terminal.text()).toContain('40/40 files');
    progress.update('analyse', 0, 40);
    // A new phase is drawn at once (the work after it is synchronous).
    expect(terminal.text()).toContain('Analysing');
    expect(terminal.text()).toContain('0/40 files');
    progress.update('report', 0, 0);
    expect(terminal.text()).toContain('Writing the report…');
    progress.stop();
    expect(terminal.text().endsWith(CLEAR_LINE)).toBe(true);
    const after = terminal.text();
    progress.update('analyse', 1, 2);
    progress.stop();
    expect(terminal.text()).toBe(after);
  });

  it('pause erases the bar so a message can be written; the next update draws it again', () => {
    const terminal = fakeTerminal();
    const clock = fakeClock();
    const progress = createProgressDisplay({ stream: terminal.stream, now: clock.now, delayMs: 0 });
    progress.update('analyse', 1, 4);
    progress.pause();
    expect(terminal.text().endsWith(CLEAR_LINE)).toBe(true);
    const paused = terminal.text().length;
    progress.update('report', 0, 0);
    expect(terminal.text().slice(paused)).toContain('Writing the report…');
    progress.stop();
  });

  it('shows up during a slow asynchronous phase (file discovery) by itself', async () => {
    const terminal = fakeTerminal();
    const progress = createProgressDisplay({ stream: terminal.stream, delayMs: 20 });
    progress.update('discover', 0, 0);
    await sleep(150);
    expect(terminal.text()).toContain('Discovering files…');
    progress.stop();
    expect(terminal.text().endsWith(CLEAR_LINE)).toBe(true);
  });
});

describe('scan() reports its phases', () => {
  it('discover, then parse and analyse file by file', async () => {
    const root = tempDir();
    writeTree(root, { 'a.ts': 'logger.info(phone);\n', 'b.ts': 'export const x = 1;\n', 'c.ts': 'export const y = 2;\n' });
    const calls: [ProgressPhase, number, number][] = [];
    await scan({ cwd: root, paths: ['.'], onProgress: (done, total, phase) => calls.push([phase, done, total]) }, { createAnalyzer: createFakeAnalyzer });
    expect(calls).toEqual([
      ['discover', 0, 0],
      ['parse', 0, 3],
      ['parse', 1, 3],
      ['parse', 2, 3],
      ['parse', 3, 3],
      ['analyse', 0, 3],
      ['analyse', 1, 3],
      ['analyse', 2, 3],
      ['analyse', 3, 3],
    ]);
  });
});

describe('piiguard scan and the progress bar', () => {
  async function run(env: Record<string, string>, stderrIsTTY: boolean, ...argv: string[]) {
    const root = tempDir();
    writeTree(root, { 'a.ts': 'logger.info(phone);\n' });
    const terminal = fakeTerminal();
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      cwd: root,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      stdoutIsTTY: true,
      stderrIsTTY,
      colorByDefault: false,
      env,
      progressStream: terminal.stream,
    };
    const code = await runCli(['scan', ...argv], io, { createAnalyzer: createFakeAnalyzer });
    return { code, stdout, stderr, drawn: terminal.text() };
  }

  it('never draws on CI, without a TTY, or with --quiet; the report on stdout stays clean', async () => {
    for (const [env, tty, args] of [
      [{ CI: 'true' }, true, []],
      [{}, false, []],
      [{}, true, ['--quiet']],
    ] as const) {
      const { code, stdout, drawn } = await run(env, tty, ...args, '--format', 'json');
      expect(code).toBe(1);
      expect(drawn).toBe('');
      expect(() => JSON.parse(stdout)).not.toThrow();
      expect(stdout).not.toMatch(/\x1b|Analysing|░/);
    }
  });

  it('on a terminal, a bar (drawn once the scan outlasts a moment) is gone before the report reaches stdout', async () => {
    const { stdout, drawn } = await run({}, true, '--format', 'sarif');
    expect(JSON.parse(stdout).runs[0].results).toHaveLength(1);
    expect(stdout).not.toMatch(/\x1b|Analysing|░/);
    // Whether this small scan took long enough to show the bar depends on the machine.
    if (drawn !== '') {
      expect(drawn).toMatch(/piiguard {2}(Discovering files|Parsing|Analysing|Writing the report)/);
      expect(drawn.endsWith(CLEAR_LINE)).toBe(true);
    }
  });
});
