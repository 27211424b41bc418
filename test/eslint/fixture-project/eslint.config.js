// The fixture project's ESLint setup, as a user would write it: TypeScript linted with type
// information, plain JavaScript without. It imports the built plugin (npm test builds dist/ first).
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import piiguard from '../../../dist/src/eslint/index.js';

// The knowledge `piiguard scan` reads from piiguard.config.json, shared with ESLint.
const { $schema: _schema, ...knowledge } = JSON.parse(readFileSync(new URL('./piiguard.config.json', import.meta.url), 'utf8'));

export default [
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  piiguard.configs.recommended,
  { settings: { piiguard: knowledge } },
];
