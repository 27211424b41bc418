// The same project linted without type information (syntactic mode), to show what that mode
// finds and misses: `eslint -c eslint.syntactic.config.js .`
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import piiguard from '../../../dist/src/eslint/index.js';

const { $schema: _schema, ...knowledge } = JSON.parse(readFileSync(new URL('./piiguard.config.json', import.meta.url), 'utf8'));

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  piiguard.configs.recommended,
  { settings: { piiguard: knowledge } },
];
