#!/usr/bin/env node
/**
 * Bundles the VS Code extension with esbuild:
 *   src/vscode/extension.ts → dist/extension/extension.cjs   (the thin client; `vscode` stays external)
 *   src/lsp/main.ts         → dist/extension/server.cjs      (language server + engine + TypeScript)
 * and copies TypeScript's lib.*.d.ts next to the server bundle, where the bundled compiler looks for
 * them (beside its own file).
 *
 *   node scripts/build-extension.mjs [--watch] [--no-minify]
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'extension');
const watch = process.argv.includes('--watch');
const minify = !process.argv.includes('--no-minify');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify,
  sourcemap: 'linked',
  logLevel: 'warning',
  // The sources are ESM and find package files (the config schema) from import.meta.url; in a
  // CommonJS bundle that is the bundle's own file.
  define: { 'import.meta.url': '__piiguardImportMetaUrl' },
  banner: { js: 'const __piiguardImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  // TypeScript's optional tracing hooks are never used and are not bundled.
  external: ['vscode', '@microsoft/typescript-etw'],
  legalComments: 'linked',
};

const builds = [
  { ...common, entryPoints: [path.join(root, 'src/vscode/extension.ts')], outfile: path.join(outDir, 'extension.cjs') },
  { ...common, entryPoints: [path.join(root, 'src/lsp/main.ts')], outfile: path.join(outDir, 'server.cjs') },
];

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
copyTypeScriptLibs();

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('watching src/vscode and src/lsp …');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  for (const file of ['extension.cjs', 'server.cjs']) {
    console.log(`dist/extension/${file}  ${(statSync(path.join(outDir, file)).size / 1024).toFixed(0)} KiB`);
  }
}

function copyTypeScriptLibs() {
  const libDir = path.join(root, 'node_modules', 'typescript', 'lib');
  let bytes = 0;
  let count = 0;
  for (const name of readdirSync(libDir)) {
    if (!/^lib\..*\.d\.ts$/.test(name) && name !== 'lib.d.ts') continue;
    copyFileSync(path.join(libDir, name), path.join(outDir, name));
    bytes += statSync(path.join(libDir, name)).size;
    count++;
  }
  console.log(`dist/extension/lib*.d.ts  ${count} TypeScript library files, ${(bytes / 1024).toFixed(0)} KiB`);
}
