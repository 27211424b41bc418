/**
 * The flat configs the ESLint bench compares: the same parser setup with and without piiguard,
 * typed (typescript-eslint's project service over the corpus tsconfig.json) and untyped.
 */
import type { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import piiguard from '../../src/eslint/index.js';

export type EslintMode = 'typed' | 'untyped';

export const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

export function benchConfig(corpusDir: string, mode: EslintMode, withPlugin: boolean): Linter.Config[] {
  const configs: Linter.Config[] = [
    { ignores: ['.bench/**', '**/node_modules/**', '**/*.d.ts'] },
    {
      files: [SOURCE_GLOB],
      languageOptions: {
        parser: tsParser as Linter.Parser,
        parserOptions: mode === 'typed' ? { projectService: true, tsconfigRootDir: corpusDir } : { ecmaFeatures: { jsx: true } },
      },
    },
  ];
  if (withPlugin) configs.push(piiguard.configs.recommended as Linter.Config);
  return configs;
}
