/**
 * Users import the plugin as `piiguard/eslint-plugin` (see docs/eslint.md): the package's exports
 * map must point there, and Node must resolve it to the built plugin.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { RULE_IDS } from '../../rules/index.js';
import { assertBuilt, REPO_ROOT } from './run-tools.js';

it('resolves piiguard/eslint-plugin to the built plugin', () => {
  assertBuilt();
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
  expect(manifest.exports?.['./eslint-plugin']).toEqual({ types: './dist/src/eslint/index.d.ts', default: './dist/src/eslint/index.js' });
  // A package may import itself by name: this is the resolution a user's eslint.config.js gets.
  const script = "const { default: p } = await import('piiguard/eslint-plugin'); console.log(JSON.stringify({ name: p.meta.name, rules: Object.keys(p.rules).length, configs: Object.keys(p.configs) }));";
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toEqual({ name: 'piiguard', rules: RULE_IDS.length, configs: ['recommended', 'strict'] });
});
