/**
 * Checks `include` / `exclude` globs before a scan uses them: the glob library takes a broken
 * pattern literally and silently matches nothing (or everything), which a user only notices when
 * findings go missing.
 */

const EXAMPLE = 'e.g. "src/**/*.ts" or "**/*.test.ts"';

/** What is wrong with a glob, or undefined. Globs are relative to the project root, with '/'. */
export function globProblem(pattern: string): string | undefined {
  if (/^(?:\/|[A-Za-z]:[\\/])/.test(pattern)) {
    return `"${pattern}" is an absolute path; globs are relative to the project root (the directory of the configuration file), ${EXAMPLE}.`;
  }
  if (pattern.split('/').includes('..')) {
    return `"${pattern}" leaves the project root with ".."; globs only select files below it, ${EXAMPLE}. To scan other directories, pass them to piiguard scan.`;
  }
  if (/\\(?![*?[\]{}()!+@\\])/.test(pattern)) {
    return `"${pattern}" uses "\\" as a path separator; use "/" on every platform ("\\" only escapes a glob character), ${EXAMPLE}.`;
  }
  const unbalanced = unbalancedBracket(pattern);
  if (unbalanced) return `"${pattern}" has ${unbalanced}, ${EXAMPLE}.`;
  return undefined;
}

const PAIRS: Readonly<Record<string, string>> = { '[': ']', '{': '}', '(': ')' };
const CLOSERS: Readonly<Record<string, string>> = { ']': '[', '}': '{', ')': '(' };

function unbalancedBracket(pattern: string): string | undefined {
  const open: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++; // an escaped character is literal
      continue;
    }
    // Inside a character class only "]" is special.
    if (open[open.length - 1] === '[' && c !== ']') continue;
    if (PAIRS[c]) open.push(c);
    else if (CLOSERS[c]) {
      if (open[open.length - 1] !== CLOSERS[c]) return `a "${c}" that closes nothing`;
      open.pop();
    }
  }
  const last = open[open.length - 1];
  return last ? `a "${last}" that is never closed (add "${PAIRS[last]}", or escape it as "\\${last}")` : undefined;
}
