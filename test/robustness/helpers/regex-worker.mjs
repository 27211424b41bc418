// Runs in a worker thread so that a regular expression with exponential backtracking can be
// stopped (the worker is terminated) instead of hanging the test run. Plain JavaScript: workers
// load files with Node's own loader, not vitest's.
import { parentPort } from 'node:worker_threads';

/** A regex that needs less than this on 100,000 characters cannot be quadratic (that is ~10^10 steps). */
const SCREEN_MS = 10;

/** The same pump, prefix and suffix at n characters. */
function build(input, n) {
  const body = Math.max(0, n - input.prefix.length - input.suffix.length);
  return input.prefix + input.pump.repeat(Math.ceil(body / input.pump.length)).slice(0, body) + input.suffix;
}

/** Every match, as a scan over the text does (a failing .test() also tries every start). */
function runAll(regex, text) {
  regex.lastIndex = 0;
  if (!regex.global && !regex.sticky) return regex.exec(text) ? 1 : 0;
  let count = 0;
  for (;;) {
    const match = regex.exec(text);
    if (!match) return count;
    count++;
    if (match[0].length === 0) regex.lastIndex++;
  }
}

function msPerCall(work) {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      work();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < 5);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

// Linear by construction: one match per character.
const BASELINE = /[^]/g;

function audit(job) {
  // A scan of text by .test()/.exec() without `g` stops at the first match: adding `g` makes every
  // start position count, the worst case of a failing search.
  const flags = job.flags.includes('g') || job.flags.includes('y') ? job.flags : `${job.flags}g`;
  const regex = new RegExp(job.source, flags);
  const measured = [];
  const screenMs = (SCREEN_MS * job.large) / 100_000;
  for (const input of job.inputs) {
    const small = build(input, job.small);
    const large = build(input, job.large);
    runAll(regex, small); // warm up: compile to native code on the cheap input
    const start = performance.now();
    runAll(regex, large);
    const once = performance.now() - start;
    if (once < screenMs) continue;
    // Suspicious: compare its growth from the small to the large input with the linear baseline's.
    // Runs long enough to time once are timed once (a quadratic one takes seconds).
    const growth = once > 200 ? once / timeOnce(() => runAll(regex, small)) : msPerCall(() => runAll(regex, large)) / msPerCall(() => runAll(regex, small));
    const baselineGrowth = msPerCall(() => runAll(BASELINE, large)) / msPerCall(() => runAll(BASELINE, small));
    const result = { input, onceMs: once, growth, baselineGrowth };
    measured.push(result);
    // One input is enough to convict; the rest would only cost time.
    if (growth > job.maxRatio * baselineGrowth) return { superLinear: result, measured };
  }
  return { measured };
}

function timeOnce(work) {
  const start = performance.now();
  work();
  return Math.max(performance.now() - start, 0.01);
}

parentPort.on('message', (job) => {
  try {
    parentPort.postMessage({ id: job.id, ...audit(job) });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String(error && error.stack ? error.stack : error) });
  }
});
