import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';

type Ignore = ReturnType<typeof ignore>;

/**
 * .gitignore rules of a directory tree: the root file and nested ones, each applying to paths
 * below its own directory, as git does.
 */
export class GitignoreRules {
  private readonly byDir = new Map<string, Ignore>();

  /** `files`: absolute paths of .gitignore files. */
  constructor(files: Iterable<string>) {
    for (const file of files) this.add(file);
  }

  add(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // unreadable .gitignore: behave as if it weren't there
    }
    this.byDir.set(path.dirname(file), ignore().add(text));
  }

  /**
   * Whether `file` (absolute) is ignored. As in git, a deeper .gitignore overrides a shallower
   * one, so `!keep.ts` in a subdirectory re-includes what the root file excluded.
   */
  ignores(file: string): boolean {
    // Walk up from the file's directory: O(depth), whatever the number of .gitignore files.
    let dir = path.dirname(file);
    for (;;) {
      const rules = this.byDir.get(dir);
      if (rules) {
        const verdict = rules.test(path.relative(dir, file).split(path.sep).join('/'));
        if (verdict.ignored) return true;
        if (verdict.unignored) return false;
      }
      const parent = path.dirname(dir);
      if (parent === dir) return false;
      dir = parent;
    }
  }
}

/**
 * .gitignore files in `dir`'s ancestors that still govern it: up to the repository root (the
 * directory holding .git) when there is one, otherwise up to `stopDir`.
 */
export function ancestorGitignores(dir: string, stopDir: string): string[] {
  const found: string[] = [];
  const chain: string[] = [];
  let current = path.dirname(dir);
  let reachedRepoRoot = existsSync(path.join(dir, '.git'));
  while (!reachedRepoRoot) {
    chain.push(current);
    if (existsSync(path.join(current, '.git'))) {
      reachedRepoRoot = true;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  // Outside a repository, don't pick up .gitignore files above the project root.
  const dirs = reachedRepoRoot ? chain : chain.filter((d) => isInside(d, stopDir));
  for (const d of dirs) {
    const file = path.join(d, '.gitignore');
    if (existsSync(file)) found.push(file);
  }
  return found;
}

export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
