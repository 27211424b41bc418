/**
 * Every regular expression that runs on scanned text must take linear time, whatever the text.
 * The baseline for each is itself on a tenth of the input: linear work grows about 10× from 10,000
 * to 100,000 characters, quadratic work about 100×. Comparing growth instead of absolute times
 * keeps the test meaningful on slow and fast machines alike.
 */
import { describe, expect, it } from 'vitest';
import { EMAIL, findPiiLiterals, NUMBER_RUN } from '../../src/engine/classify/literals.js';
import { DIGIT_RUN, maskPiiInText } from '../../src/engine/mask.js';
import { parseSuppressions } from '../../src/engine/suppressions.js';

const SMALL = 10_000;
const LARGE = 100_000;
/** Linear growth is ~10 (up to ~20 when the large input falls out of CPU caches); quadratic is ~100. */
const MAX_GROWTH = 40;
/** A busy machine can disturb one measurement; a quadratic algorithm fails every retry. */
const RETRY = { retry: 2 };

/** Average milliseconds per call, repeating until the measurement is long enough to trust. */
function msPerCall(work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 2; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      work();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < 4);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

function growth(make: (n: number) => string, work: (text: string) => unknown, small = SMALL, large = LARGE): number {
  const smallText = make(small);
  const largeText = make(large);
  work(smallText); // warm up the JIT on both shapes
  work(largeText);
  return msPerCall(() => work(largeText)) / msPerCall(() => work(smallText));
}

/** Repeats `unit` to exactly n characters. */
const fill = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const allMatches = (re: RegExp) => (text: string) => {
  let count = 0;
  for (const _ of text.matchAll(re)) count++;
  return count;
};

const ADVERSARIAL: Record<string, (n: number) => string> = {
  digits: fill('1'),
  'digits and spaces': fill('1 '),
  'digits and double spaces': fill('1  '),
  'digits glued to letters': fill('1a'),
  separators: fill('1.-/() '),
  'open parens': fill('('),
  'plus and parens': fill('+(+('),
  letters: fill('a'),
  'letters and dots': fill('a.'),
  'letters and at signs': fill('a@'),
  'at signs then letters': fill('@a'),
  'address-like labels': (n) => `a@${fill('a.')(n - 2)}`,
  'address-like hyphens': (n) => `a@${fill('a-')(n - 2)}`,
  'long local part': (n) => `${fill('a')(n - 10)}@gmail.com`,
  'repeated addresses': fill('a@b.co '),
  'repeated phones': fill('+14155552671 '),
  'repeated IDs': fill('31011519870312101X '),
  'ISO dates': fill('2024-01-15 '),
  'almost dates': fill('2024-01-1'),
  colons: fill('1:2:'),
  mixed: fill('+1 (415) 555-2671, a.b@c.de; 536-22-8726 \u00A0'),
};

describe('regular expressions run in linear time', () => {
  it('the harness tells quadratic from linear', () => {
    // A textbook quadratic scan: every start position re-reads the rest of the run.
    const quadratic = growth(fill('a'), allMatches(/a+b/g), 1_000, 10_000);
    expect(quadratic).toBeGreaterThan(MAX_GROWTH);
  });

  const cases: [string, (text: string) => unknown][] = [
    ['NUMBER_RUN', allMatches(NUMBER_RUN)],
    ['EMAIL', allMatches(EMAIL)],
    ['DIGIT_RUN', allMatches(DIGIT_RUN)],
    ['findPiiLiterals', findPiiLiterals],
    ['maskPiiInText', maskPiiInText],
  ];
  for (const [name, work] of cases) {
    it.each(Object.entries(ADVERSARIAL))(`${name} on %s`, RETRY, (_label, make) => {
      expect(growth(make, work)).toBeLessThan(MAX_GROWTH);
    });
  }

  it.each([
    ['a long directive', (n: number) => `// piiguard-ignore-line ${fill('a-')(n - 40)}\n`],
    ['a long reason', (n: number) => `// piiguard-ignore-line no-pii-in-logs -- ${fill('x ')(n - 50)}\n`],
    ['nested until', (n: number) => `// piiguard-ignore-line r -- ${fill('(until ')(n - 40)}\n`],
    ['many directives', fill('// piiguard-ignore-next-line no-pii-in-logs -- r (until 2027-01-01)\nx;\n')],
    ['many comments before one directive', (n: number) => `${fill('/* c */ x;\n')(n - 60)}\n// piiguard-ignore-line r -- ok\n`],
    ['block comment continuation lines', (n: number) => `/* piiguard-ignore-file r -- ${fill('\n * more')(n - 40)} */`],
    ['regex-like slashes', (n: number) => `x = a ${fill('/ b ')(n - 60)};\n// piiguard-ignore-line r -- ok\n`],
  ])('parseSuppressions on %s', RETRY, (_label, make) => {
    expect(growth(make, parseSuppressions)).toBeLessThan(MAX_GROWTH);
  });
});
