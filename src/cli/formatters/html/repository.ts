import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** What a report says about the scanned repository. */
export interface RepositoryInfo {
  /** `owner/name` from the origin remote, else the package name, else the directory name. */
  name: string;
  /** Full commit hash of HEAD, when the directory is in a git work tree. */
  commit?: string;
  /** Branch checked out, when HEAD is not detached. */
  branch?: string;
}

/**
 * Reads the repository name and HEAD commit straight from `.git` (no git process: a scan must not
 * depend on git being installed or run anything). Handles work trees and submodules (`.git` as a
 * file), packed refs and detached HEADs; anything unreadable is simply left out.
 */
export function readRepositoryInfo(rootDir: string): RepositoryInfo {
  const workTree = findWorkTree(rootDir);
  const gitDir = workTree ? resolveGitDir(workTree) : undefined;
  const info: RepositoryInfo = { name: repositoryName(rootDir, workTree, gitDir) };
  if (!gitDir) return info;

  const head = readText(path.join(gitDir, 'HEAD'))?.trim();
  if (!head) return info;
  const symbolic = /^ref:\s*(\S+)$/.exec(head);
  if (!symbolic) {
    if (isCommitHash(head)) info.commit = head;
    return info;
  }
  const ref = symbolic[1] ?? '';
  if (!isSafeRef(ref)) return info;
  if (ref.startsWith('refs/heads/')) info.branch = ref.slice('refs/heads/'.length);
  const commit = resolveRef(gitDir, ref);
  if (commit) info.commit = commit;
  return info;
}

function findWorkTree(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `.git` is a directory, or a file `gitdir: <path>` in linked work trees and submodules. */
function resolveGitDir(workTree: string): string | undefined {
  const dotGit = path.join(workTree, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
  } catch {
    return undefined;
  }
  const pointer = /^gitdir:\s*(.+)$/m.exec(readText(dotGit) ?? '');
  return pointer?.[1] ? path.resolve(workTree, pointer[1].trim()) : undefined;
}

/** Linked work trees keep shared refs (and packed-refs, config) in the common directory. */
function commonDir(gitDir: string): string {
  const common = readText(path.join(gitDir, 'commondir'))?.trim();
  return common ? path.resolve(gitDir, common) : gitDir;
}

function resolveRef(gitDir: string, ref: string, depth = 0): string | undefined {
  if (depth > 5 || !isSafeRef(ref)) return undefined;
  for (const dir of new Set([gitDir, commonDir(gitDir)])) {
    const loose = readText(path.join(dir, ref))?.trim();
    if (loose) {
      const symbolic = /^ref:\s*(\S+)$/.exec(loose);
      if (symbolic?.[1]) return resolveRef(gitDir, symbolic[1], depth + 1);
      return isCommitHash(loose) ? loose : undefined;
    }
  }
  const packed = readText(path.join(commonDir(gitDir), 'packed-refs')) ?? '';
  for (const line of packed.split('\n')) {
    const [hash, name] = line.trim().split(' ');
    if (name === ref && hash && isCommitHash(hash)) return hash;
  }
  return undefined;
}

function repositoryName(rootDir: string, workTree: string | undefined, gitDir: string | undefined): string {
  const remote = gitDir ? originPath(readText(path.join(commonDir(gitDir), 'config')) ?? '') : undefined;
  if (remote) return remote;
  const packageName = packageJsonName(workTree ?? rootDir);
  if (packageName) return packageName;
  return path.basename(workTree ?? path.resolve(rootDir));
}

/**
 * `owner/name` of the origin remote. Only the path of the URL is kept: credentials a URL may
 * carry (`https://user:token@host/…`) never reach the report.
 */
export function originPath(gitConfig: string): string | undefined {
  // Line by line: the file comes from the scanned repository, and a multiline regex over it is quadratic
  // on pathological input (many blank lines).
  let inOrigin = false;
  let url: string | undefined;
  for (const raw of gitConfig.split('\n').slice(0, 10_000)) {
    const line = raw.trim();
    if (line.startsWith('[')) inOrigin = /^\[remote "origin"\]$/.test(line.replace(/\s+/g, ' '));
    else if (inOrigin && line.startsWith('url')) {
      const eq = line.indexOf('=');
      if (eq > 0 && line.slice(0, eq).trim() === 'url') url ??= line.slice(eq + 1).trim();
    }
  }
  if (!url) return undefined;
  // A hosted remote names the project by its whole path (GitLab groups nest); a local one by its folder.
  let repoPath: string;
  let keep = Infinity;
  const scp = /^(?:[^@/\s]+@)?[^:/\s]+:(?!\/\/)(.+)$/.exec(url);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      repoPath = parsed.pathname;
      if (parsed.protocol === 'file:') keep = 1;
    } catch {
      return undefined;
    }
  } else if (scp?.[1]) {
    repoPath = scp[1];
  } else {
    repoPath = url;
    keep = 1;
  }
  const segments = repoPath
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  const name = segments.slice(Math.max(0, segments.length - keep)).join('/');
  return name === '' ? undefined : decodeSafely(name);
}

function packageJsonName(dir: string): string | undefined {
  const text = readText(path.join(dir, 'package.json'));
  if (text === undefined) return undefined;
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** A ref name that stays inside the git directory when used as a path. */
function isSafeRef(ref: string): boolean {
  return /^refs\/[\w./-]+$/.test(ref) && !ref.split('/').some((segment) => segment === '..' || segment === '.' || segment === '');
}

function isCommitHash(text: string): boolean {
  return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(text);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
