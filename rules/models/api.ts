import type { ApiRef } from '../types.js';

/** Shorthands for writing model rows: `mod('winston', 'createLogger().info')`. */
export function mod(module: string, path: string): ApiRef {
  return { root: { module }, path };
}

export function global(name: string, path: string): ApiRef {
  return { root: { global: name }, path };
}

/** Heuristic row: the receiver's last name matches `pattern` (a case-sensitive regular expression) and the call ends with `path`. */
export function named(pattern: string, path: string): ApiRef {
  return { root: { receiverName: pattern }, path };
}

/** The same path under each of several modules (node:fs and fs, …). */
export function mods(modules: readonly string[], path: string): ApiRef[] {
  return modules.map((m) => mod(m, path));
}
