import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files shipped in piiguard's own package (the config schema, rule docs, package.json), found
 * relative to this module so it works both from sources (vitest) and from dist/.
 */

let cachedRoot: string | undefined;

export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readManifestName(manifest) === 'piiguard') {
      cachedRoot = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('piiguard: cannot find its own package.json above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export interface PackageInfo {
  name: string;
  version: string;
  homepage: string | undefined;
}

let cachedInfo: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cachedInfo) return cachedInfo;
  const manifest = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as Record<string, unknown>;
  cachedInfo = {
    name: typeof manifest.name === 'string' ? manifest.name : 'piiguard',
    version: typeof manifest.version === 'string' ? manifest.version : '0.0.0',
    homepage: typeof manifest.homepage === 'string' ? manifest.homepage : undefined,
  };
  return cachedInfo;
}

/** Text of a file in the package (e.g. 'rules/no-pii-in-logs.md'), or undefined when it isn't there. */
export function readPackageFile(relativePath: string): string | undefined {
  try {
    return readFileSync(path.join(packageRoot(), relativePath), 'utf8');
  } catch {
    return undefined;
  }
}

function readManifestName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}
