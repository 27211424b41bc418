import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { convertPathToPattern, glob, isDynamicPattern } from 'tinyglobby';
import type { FileNotice } from '../engine/finding.js';
import { ScanInputError } from './errors.js';
import { GitignoreRules, ancestorGitignores, isInside } from './gitignore.js';

export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Build output, dependencies and generated bundles: never worth scanning in a directory walk. */
export const DEFAULT_IGNORES: readonly string[] = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/coverage/**',
  '**/.git/**',
  '**/vendor/**',
  '**/*.min.js',
  '**/*.bundle.js',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
];

const SOURCE_GLOB = `**/*.{${SOURCE_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

export interface DiscoverOptions {
  /** Paths are resolved from here. */
  cwd: string;
  /** Project root: include/exclude globs are relative to it. Default: cwd. */
  rootDir?: string;
  /** Globs of files to scan (relative to rootDir). Default: every source file. */
  include?: readonly string[];
  /** Globs of files to skip (relative to rootDir), on top of DEFAULT_IGNORES and .gitignore. */
  exclude?: readonly string[];
}

export interface DiscoveredFiles {
  /** Absolute, sorted, without duplicates. */
  files: string[];
  notices: FileNotice[];
}

/**
 * Expands the paths given on the command line into source files. Directories are walked without
 * following symbolic links (so link loops and links out of the tree are never entered), skipping
 * DEFAULT_IGNORES, `exclude` and .gitignore; files named explicitly are always scanned.
 */
export async function discoverFiles(paths: readonly string[], options: DiscoverOptions): Promise<DiscoveredFiles> {
  const cwd = path.resolve(options.cwd);
  const rootDir = path.resolve(options.rootDir ?? cwd);
  const files = new Set<string>();
  const explicitReal = new Set<string>();
  const notices: FileNotice[] = [];
  const missing: string[] = [];

  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(cwd, given);
    const stats = statOrUndefined(absolute);
    if (!stats) {
      if (isDynamicPattern(given)) {
        for (const file of await walk({ cwd, patterns: [given], ignore: [...DEFAULT_IGNORES, ...(options.exclude ?? [])] })) files.add(file);
      } else {
        missing.push(given);
      }
      continue;
    }
    if (stats.isDirectory()) {
      for (const file of await walkDirectory(absolute, rootDir, options)) files.add(file);
      notices.push(...skippedLinks(absolute));
      continue;
    }
    if (!hasSourceExtension(absolute)) {
      notices.push({ file: absolute, level: 'warning', message: `Skipped: not a JavaScript or TypeScript file (expected ${SOURCE_EXTENSIONS.join(' ')}).` });
      continue;
    }
    // Explicit files are scanned even when ignored, but only once when named twice (or via a link).
    const real = realpathOrSelf(absolute);
    if (explicitReal.has(real)) continue;
    explicitReal.add(real);
    files.add(absolute);
  }

  if (missing.length > 0) {
    throw new ScanInputError(
      `No such file or directory: ${missing.join(', ')}`,
      'Check the paths given to piiguard scan (they are resolved from the current directory).',
    );
  }
  return { files: [...files].sort(), notices };
}

const LINK_WALK_SKIP = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', 'vendor']);
const MAX_LINK_NOTICES = 50;

/**
 * Symbolic links are never followed (loops, links out of the tree); say which ones were left out so a
 * user scanning a tree with linked-in shared code knows it was not scanned.
 */
function skippedLinks(dir: string): FileNotice[] {
  const notices: FileNotice[] = [];
  let more = 0;
  const stack = [dir];
  let visited = 0;
  while (stack.length > 0 && visited++ < 100_000) {
    const current = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') && entry.name !== '.') continue;
      const full = path.join(current, entry.name);
      if (entry.isSymbolicLink()) {
        if (notices.length < MAX_LINK_NOTICES) notices.push({ file: full, level: 'info', message: 'Symbolic link not followed (links are never scanned, so loops and links out of the tree cannot be entered).' });
        else more++;
      } else if (entry.isDirectory() && !LINK_WALK_SKIP.has(entry.name)) stack.push(full);
    }
  }
  if (more > 0) notices.push({ file: dir, level: 'info', message: `${more} more symbolic links not followed.` });
  return notices.sort((a, b) => a.file.localeCompare(b.file));
}

async function walkDirectory(dir: string, rootDir: string, options: DiscoverOptions): Promise<string[]> {
  let found: string[];
  if (isInside(dir, rootDir)) {
    // Glob from the root so include/exclude (root-relative) apply; default ignores apply only
    // below the named directory, so `piiguard scan dist` still scans dist.
    const prefix = path.relative(rootDir, dir);
    const under = (pattern: string) => (prefix === '' ? pattern : `${convertPathToPattern(prefix)}/${pattern}`);
    const patterns = options.include && options.include.length > 0 ? [...options.include] : [under(SOURCE_GLOB)];
    found = await walk({
      cwd: rootDir,
      patterns: [...patterns, under('**/.gitignore')],
      ignore: [...DEFAULT_IGNORES.map(under), ...(options.exclude ?? [])],
    });
    found = found.filter((file) => isInside(file, dir));
  } else {
    found = await walk({ cwd: dir, patterns: [SOURCE_GLOB, '**/.gitignore'], ignore: DEFAULT_IGNORES });
  }

  const gitignoreFiles = found.filter((file) => path.basename(file) === '.gitignore');
  const rules = new GitignoreRules([...ancestorGitignores(dir, rootDir), ...gitignoreFiles]);
  return found.filter((file) => hasSourceExtension(file) && !isDeclarationFile(file) && !rules.ignores(file));
}

async function walk(options: { cwd: string; patterns: string[]; ignore: readonly string[] }): Promise<string[]> {
  return glob(options.patterns, {
    cwd: options.cwd,
    ignore: options.ignore,
    absolute: true,
    dot: false,
    followSymbolicLinks: false,
    onlyFiles: true,
    expandDirectories: false,
  });
}

function hasSourceExtension(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

function isDeclarationFile(file: string): boolean {
  return /\.d\.[cm]?ts$/i.test(file);
}

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function realpathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
