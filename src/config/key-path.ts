/** Turning JSON Pointers into the key paths users read in messages: `sinks.log[0].calls`. */

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * `prefix` is prepended as the first key (e.g. 'piiguard' for package.json). Array indexes are
 * told apart from numeric object keys by looking at the value the pointer walks through.
 */
export function keyPathOf(pointer: string, root: unknown, prefix?: string): string {
  let out = prefix ?? '';
  let value: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(value)) {
      out += `[${segment}]`;
      value = value[Number(segment)];
      continue;
    }
    out += /^[A-Za-z_$][\w$-]*$/.test(segment) ? (out === '' ? segment : `.${segment}`) : `[${JSON.stringify(segment)}]`;
    value = isRecord(value) && Object.prototype.hasOwnProperty.call(value, segment) ? value[segment] : undefined;
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  if (lower.length >= 3) {
    const prefixed = candidates.find((c) => c.toLowerCase().startsWith(lower));
    if (prefixed) return prefixed;
  }
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 4)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
