/**
 * The ESLint bench on its own:
 *
 *   node dist/bench/eslint/cli.js [--corpus DIR] [--lines N] [--runs N] [--eslint eslint|eslint9] [--modes typed,typed-checked,untyped] [--json FILE]
 *
 * Generates (or reuses) the corpus like `npm run bench`, then prints ESLint with and without piiguard.
 */
import { writeFile } from 'node:fs/promises';
import { ensureCorpus } from '../corpus.js';
import { defaultCorpusDir } from '../paths.js';
import type { EslintMode } from './config.js';
import { type EslintPackage, formatEslintBench, measureEslint } from './measure.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const corpusDir = option('--corpus') ?? defaultCorpusDir();
const targetLines = Number(option('--lines') ?? 200_000);
const runs = Number(option('--runs') ?? 1);
const eslintPackage = (option('--eslint') ?? 'eslint') as EslintPackage;
const jsonFile = option('--json');
const modes = option('--modes')?.split(',') as EslintMode[] | undefined;

const { reused } = await ensureCorpus(corpusDir, { targetLines });
console.log(`corpus ${corpusDir} (${reused ? 'reused' : 'generated'})`);
const result = await measureEslint(corpusDir, { runs, eslintPackage, ...(modes ? { modes } : {}), log: (message) => console.log(`  · ${message}`) });
console.log(formatEslintBench(result));
if (jsonFile) await writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`, 'utf8');
