import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { AnalysisQueue, type Job } from '../../src/lsp/analysis-queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function recordingQueue() {
  const jobs: Job[] = [];
  const queue = new AnalysisQueue((job) => {
    jobs.push(job);
  }, () => performance.now());
  return { queue, jobs };
}

describe('AnalysisQueue', () => {
  it('waits for a pause in typing and analyses a burst of edits once', async () => {
    const { queue, jobs } = recordingQueue();
    queue.changed('a', 30);
    await sleep(10);
    queue.changed('a', 30);
    await sleep(10);
    queue.changed('a', 30);
    expect(jobs).toEqual([]);
    await sleep(80);
    expect(jobs.map((j) => [j.uri, j.priority])).toEqual([['a', 'edited']]);
    expect(jobs[0]!.changedAt).toBeGreaterThan(0);
  });

  it('runs edited files first, then open files, then the rest', async () => {
    const { queue, jobs } = recordingQueue();
    queue.refresh(['closed-1', 'closed-2'], 'background');
    queue.refresh(['open-1'], 'open');
    queue.immediate('edited-1');
    await sleep(30);
    // The first background job had started before the others were queued.
    expect(jobs.map((j) => j.uri)).toEqual(['closed-1', 'edited-1', 'open-1', 'closed-2']);
  });

  it('drops queued work for a file that is edited again, and never queues it twice', async () => {
    const { queue, jobs } = recordingQueue();
    queue.immediate('first'); // starts at once; the rest queues behind it
    queue.refresh(['b', 'b'], 'background');
    queue.refresh(['b'], 'open'); // promoted, not duplicated
    queue.refresh(['c'], 'open');
    queue.changed('c', 20); // edited again: the queued refresh is dropped, the edit waits for the pause
    queue.refresh(['c'], 'open'); // waiting: not queued again
    await sleep(60);
    expect(jobs.map((j) => `${j.uri}:${j.priority}`)).toEqual(['first:edited', 'b:open', 'c:edited']);
  });

  it('forgets a closed file', async () => {
    const { queue, jobs } = recordingQueue();
    queue.changed('a', 20);
    queue.forget('a');
    await sleep(50);
    expect(jobs).toEqual([]);
  });

  it('lets requests wait until a file has no pending analysis', async () => {
    const { queue, jobs } = recordingQueue();
    queue.changed('a', 20);
    expect(queue.isPending('a')).toBe(true);
    await queue.settled('a', 1_000);
    expect(queue.isPending('a')).toBe(false);
    expect(jobs.map((j) => j.uri)).toEqual(['a']);
  });
});

describe('AnalysisQueue background work', () => {
  it('waits until typing has stopped before analysing closed files', async () => {
    const { queue, jobs } = recordingQueue();
    queue.changed('open-file', 10);
    queue.refresh(['closed-file'], 'background');
    await sleep(100);
    expect(jobs.map((j) => j.uri)).toEqual(['open-file']);
    await sleep(600);
    expect(jobs.map((j) => j.uri)).toEqual(['open-file', 'closed-file']);
  });
});
