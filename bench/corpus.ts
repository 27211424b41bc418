/**
 * Benchmark corpus: a deterministic, generated call-center monorepo (~80% TS, ~20% JS)
 * with realistic code and a low rate of injected PII problems.
 *
 *   node dist/bench/corpus.js [--out DIR] [--seed N] [--lines N] [--files N]   generate
 *   node dist/bench/corpus.js --verify [--lines N]                             determinism self-check
 *
 * Library use: generateCorpus(dir, options) writes a corpus; ensureCorpus(dir, options)
 * reuses one whose stamp records the same generator version and content, else writes it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCorpus, GENERATOR_VERSION } from './gen/generate.js';
import type { BuiltCorpus, CorpusOptions, CorpusSummary } from './gen/generate.js';
import { parseOptions, positiveInt } from './args.js';
import { CORPUS_META_DIR, defaultCorpusDir } from './paths.js';

export { GENERATOR_VERSION };
export type { CorpusOptions, CorpusSummary };

export interface CorpusStamp {
  generatorVersion: number;
  seed: number;
  targetLines: number;
  fileCountHint: number;
  issueRate: number;
  /** sha256 over every generated file (path and content), in path order. */
  treeHash: string;
  /** sha256 of .bench/injected.json, which can change without the sources changing. */
  injectedHash: string;
  summary: CorpusSummary;
}

const STAMP_FILE = 'stamp.json';
const INJECTED_FILE = 'injected.json';

/** Generates a corpus into `dir`, replacing an earlier generated corpus there. */
export async function generateCorpus(dir: string, options: CorpusOptions = {}): Promise<CorpusStamp> {
  return writeCorpus(dir, buildCorpus(options));
}

/**
 * Reuses the corpus in `dir` if its stamp records the same content the generator produces
 * now (building in memory takes about a second, so template edits can never leave a stale
 * corpus behind); otherwise writes it.
 */
export async function ensureCorpus(dir: string, options: CorpusOptions = {}): Promise<{ stamp: CorpusStamp; reused: boolean }> {
  const built = buildCorpus(options);
  const existing = await readStamp(dir);
  const same =
    existing?.generatorVersion === GENERATOR_VERSION &&
    existing.treeHash === hashFiles(built.files) &&
    existing.injectedHash === sha256(injectedJson(built));
  if (existing && same) {
    return { stamp: existing, reused: true };
  }
  return { stamp: await writeCorpus(dir, built), reused: false };
}

async function writeCorpus(dir: string, built: BuiltCorpus): Promise<CorpusStamp> {
  await clearCorpusDir(dir);
  const dirs = new Set<string>();
  for (const path of built.files.keys()) dirs.add(dirname(join(dir, path)));
  for (const d of [...dirs].sort()) await mkdir(d, { recursive: true });
  for (const [path, text] of built.files) await writeFile(join(dir, path), text, 'utf8');
  const { summary } = built;
  const stamp: CorpusStamp = {
    generatorVersion: GENERATOR_VERSION,
    seed: summary.seed,
    targetLines: summary.targetLines,
    fileCountHint: summary.fileCountHint,
    issueRate: summary.issueRate,
    treeHash: hashFiles(built.files),
    injectedHash: sha256(injectedJson(built)),
    summary,
  };
  const meta = join(dir, CORPUS_META_DIR);
  await mkdir(meta, { recursive: true });
  await writeFile(join(meta, INJECTED_FILE), injectedJson(built), 'utf8');
  // The stamp goes last: a corpus without one is incomplete and gets regenerated.
  await writeFile(join(meta, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`, 'utf8');
  return stamp;
}

export async function readStamp(dir: string): Promise<CorpusStamp | null> {
  try {
    return JSON.parse(await readFile(join(dir, CORPUS_META_DIR, STAMP_FILE), 'utf8')) as CorpusStamp;
  } catch {
    return null;
  }
}

/** Removes a previous corpus; refuses to touch a non-empty folder that is not one. */
async function clearCorpusDir(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const entries = await readdir(dir);
  if (entries.length === 0) return;
  if (!existsSync(join(dir, CORPUS_META_DIR))) {
    throw new Error(`Refusing to overwrite ${dir}: it is not empty and holds no generated corpus (${CORPUS_META_DIR}/ is missing). Choose another --out folder.`);
  }
  await rm(dir, { recursive: true, force: true });
}

function injectedJson(built: BuiltCorpus): string {
  return `${JSON.stringify(built.injected, null, 1)}\n`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hashFiles(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) {
    hash.update(path).update('\0').update(files.get(path) ?? '').update('\0');
  }
  return hash.digest('hex');
}

/** Hash of a corpus as it is on disk (bookkeeping folder excluded). */
export async function hashTree(dir: string): Promise<string> {
  const files = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        if (d === dir && entry.name === CORPUS_META_DIR) continue;
        await walk(full);
      } else if (entry.isFile()) {
        files.set(relative(dir, full).split(sep).join('/'), await readFile(full, 'utf8'));
      }
    }
  };
  await walk(dir);
  return hashFiles(files);
}

/** Phone-like literals that are not in the fictional 555-01xx range (must be none). */
export function findRealLookingNumbers(files: ReadonlyMap<string, string>): string[] {
  const bad: string[] = [];
  const pattern = /\+1\d{10}\b|\(\d{3}\) \d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b/g;
  for (const [path, text] of files) {
    for (const match of text.matchAll(pattern)) {
      const digits = match[0].replace(/\D/g, '');
      if (!/55501\d\d$/.test(digits)) bad.push(`${path}: ${match[0].slice(0, 4)}…`);
    }
  }
  return bad;
}

async function verify(options: CorpusOptions): Promise<boolean> {
  const base = await mkdtemp(join(tmpdir(), 'piiguard-corpus-verify-'));
  try {
    const a = await generateCorpus(join(base, 'a'), options);
    const b = await generateCorpus(join(base, 'b'), options);
    const diskA = await hashTree(join(base, 'a'));
    const diskB = await hashTree(join(base, 'b'));
    const other = buildCorpus({ ...options, seed: (options.seed ?? 1) + 1 });
    const again = buildCorpus(options);
    const checks: [string, boolean][] = [
      ['same seed, byte-identical trees on disk', diskA === diskB],
      ['stamp hash matches the files on disk', a.treeHash === diskA && b.treeHash === diskB],
      ['in-memory rebuild has the same hash', hashFiles(again.files) === a.treeHash],
      ['a different seed gives a different corpus', hashFiles(other.files) !== a.treeHash],
      ['target line count reached', a.summary.sourceLines >= a.targetLines],
    ];
    const bad = findRealLookingNumbers(again.files);
    checks.push([`only fictional 555-01xx phone literals${bad.length > 0 ? ` (${bad.length} others, e.g. ${bad.slice(0, 3).join('; ')})` : ''}`, bad.length === 0]);
    for (const [label, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
    console.log(`tree hash ${diskA.slice(0, 16)}… (${a.summary.sourceFiles} source files, ${a.summary.sourceLines} lines)`);
    return checks.every(([, ok]) => ok);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

export function describeSummary(s: CorpusSummary): string {
  const ext = Object.entries(s.byExtension)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([e, v]) => `${e} ${v.files} files/${v.lines} lines`)
    .join(', ');
  const rules = Object.entries(s.injected.byRule).map(([r, n]) => `${r} ${n}`).join(', ');
  return [
    `${s.sourceFiles} source files, ${s.sourceLines} lines in ${s.apps} apps (seed ${s.seed}, generator v${s.generatorVersion})`,
    `by extension: ${ext}`,
    `injected problems: ${s.injected.total} (1 per ${Math.round(s.sourceLines / Math.max(1, s.injected.total))} lines): ${rules}`,
  ].join('\n');
}

interface CliArgs {
  out: string;
  verify: boolean;
  options: CorpusOptions;
}

function parseArgs(argv: string[]): CliArgs {
  const values = parseOptions(
    argv,
    { out: { type: 'string' }, seed: { type: 'string' }, lines: { type: 'string' }, files: { type: 'string' }, verify: { type: 'boolean' } },
    '--out DIR, --seed N, --lines N, --files N, --verify',
  );
  const options: CorpusOptions = {};
  const seed = positiveInt(values, 'seed');
  const lines = positiveInt(values, 'lines');
  const files = positiveInt(values, 'files');
  if (seed !== undefined) options.seed = seed;
  if (lines !== undefined) options.targetLines = lines;
  if (files !== undefined) options.fileCount = files;
  return { out: typeof values.out === 'string' ? values.out : defaultCorpusDir(), verify: values.verify === true, options };
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  if (args.verify) {
    const ok = await verify(args.options);
    process.exitCode = ok ? 0 : 1;
    return;
  }
  const started = performance.now();
  const stamp = await generateCorpus(args.out, args.options);
  console.log(`corpus written to ${args.out} in ${Math.round(performance.now() - started)} ms`);
  console.log(describeSummary(stamp.summary));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
