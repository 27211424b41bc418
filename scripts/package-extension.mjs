#!/usr/bin/env node
/**
 * Builds the .vsix offline with @vscode/vsce and reports its size:
 *
 *   node scripts/package-extension.mjs [--out dist/piiguard-<version>.vsix]
 *
 * vsce refuses a package.json that has both a "files" field (npm's) and a .vscodeignore, so it runs
 * in a staging folder holding a copy of the manifest without "files" and "scripts", the extension's
 * README, and the built bundles; .vscodeignore then decides what goes in. Run
 * scripts/build-extension.mjs first (npm run package does both).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`));

for (const file of ['dist/extension/extension.cjs', 'dist/extension/server.cjs']) {
  if (!existsSync(path.join(root, file))) {
    console.error(`${file} is missing: run node scripts/build-extension.mjs first (or npm run package).`);
    process.exit(2);
  }
}

const stage = path.join(root, 'dist', 'vsix-stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const { files: _files, scripts: _scripts, ...extensionManifest } = manifest;
writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(extensionManifest, null, 2)}\n`);
cpSync(path.join(root, '.vscodeignore'), path.join(stage, '.vscodeignore'));
cpSync(path.join(root, 'src', 'vscode', 'README.md'), path.join(stage, 'README.md'));
cpSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
if (existsSync(path.join(root, 'CHANGELOG.md'))) cpSync(path.join(root, 'CHANGELOG.md'), path.join(stage, 'CHANGELOG.md'));
cpSync(path.join(root, 'dist', 'extension'), path.join(stage, 'dist', 'extension'), { recursive: true });
cpSync(path.join(root, 'rules', 'schema'), path.join(stage, 'rules', 'schema'), { recursive: true });

mkdirSync(path.dirname(out), { recursive: true });
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// --no-dependencies: everything is bundled; node_modules is not shipped.
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], { cwd: stage, stdio: 'inherit' });
const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' }).trim().split('\n');
rmSync(stage, { recursive: true, force: true });

const size = statSync(out).size;
console.log(`\n${path.relative(process.cwd(), out) || out}: ${(size / 1024 / 1024).toFixed(2)} MiB (${size} bytes), ${listing.length} files:`);
for (const file of listing) console.log(`  ${file}`);
