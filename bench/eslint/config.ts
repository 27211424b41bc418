/**
 * The flat configs the ESLint bench compares, each with and without piiguard:
 *
 * - `typed`: typescript-eslint's parser with the project service over the corpus tsconfig.json
 *   and no other rules — the smallest typed run, so the plugin's share is the largest;
 * - `typed-checked`: the same plus typescript-eslint's `recommendedTypeChecked` rules, a typical
 *   typed setup (those rules already pay for the type checker piiguard also uses);
 * - `untyped`: the parser without a project (piiguard's syntactic mode).
 */
import type { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';
import piiguard from '../../src/eslint/index.js';

export const ESLINT_MODES = ['typed', 'typed-checked', 'untyped'] as const;
export type EslintMode = (typeof ESLINT_MODES)[number];

export const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

export function benchConfig(corpusDir: string, mode: EslintMode, withPlugin: boolean): Linter.Config[] {
  const configs: Linter.Config[] = [{ ignores: ['.bench/**', '**/node_modules/**', '**/*.d.ts'] }];
  if (mode === 'typed-checked') {
    for (const config of tseslint.configs.recommendedTypeChecked) configs.push({ ...(config as Linter.Config), files: [SOURCE_GLOB] });
  }
  configs.push({
    files: [SOURCE_GLOB],
    languageOptions: {
      parser: tsParser as Linter.Parser,
      parserOptions: mode === 'untyped' ? { ecmaFeatures: { jsx: true } } : { projectService: true, tsconfigRootDir: corpusDir },
    },
  });
  if (withPlugin) configs.push(piiguard.configs.recommended as Linter.Config);
  return configs;
}
