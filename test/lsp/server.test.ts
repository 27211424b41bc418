import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Diagnostic, DiagnosticSeverity, type MarkupContent } from 'vscode-languageserver/node';
import { docsUrl } from '../../rules/index.js';
import type { ScanProgressParams, ScanWorkspaceResult, SuppressWithReasonArgs } from '../../src/lsp/protocol.js';
import { FIXTURE, MASKED_FORMAT, fillerFiles } from './fixture.js';
import { type Session, applyEdits, startSession } from './harness.js';

const byRule = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule);

describe('language server: diagnostics', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession(FIXTURE, { settings: { typingDelayMs: 20 } });
  });
  afterAll(() => s.dispose());

  it('advertises incremental sync, hover and code actions', () => {
    const caps = s.initializeResult.capabilities;
    expect(caps.hoverProvider).toBe(true);
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.fixAll.piiguard'] });
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(s.initializeResult.serverInfo?.name).toBe('piiguard');
  });

  it('publishes findings when a bad file opens, with rule code, docs link and flow', async () => {
    const published = s.diagnostics('src/bad.ts');
    await s.open('src/bad.ts');
    const diagnostics = await published;
    const log = byRule(diagnostics, 'no-pii-in-logs');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      source: 'piiguard',
      severity: DiagnosticSeverity.Error,
      codeDescription: { href: docsUrl('no-pii-in-logs') },
      range: { start: { line: 1, character: 14 } },
    });
    expect(log[0]!.message).toMatch(/Phone number.*console\.log/);
    expect(byRule(diagnostics, 'no-plaintext-transport')).toHaveLength(1);
  });

  it('publishes nothing for a safe look-alike', async () => {
    const published = s.diagnostics('src/safe.ts');
    await s.open('src/safe.ts');
    expect(await published).toEqual([]);
  });

  it('carries the origin of a cross-file flow as related information', async () => {
    const published = s.diagnostics('src/calls.ts');
    await s.open('src/calls.ts');
    const [diagnostic] = await published;
    expect(diagnostic?.code).toBe('no-pii-in-logs');
    const related = diagnostic?.relatedInformation ?? [];
    expect(related[0]?.message).toMatch(/^Source: /);
    expect(related.some((r) => r.location.uri === s.uri('src/format.ts'))).toBe(true);
  });

  it('re-analyses as the user types, publishing for the new version', async () => {
    const bad = FIXTURE['src/bad.ts']!;
    const fixed = bad.replace('console.log(`calling ${phone}`);', "console.log('calling');");
    const version = s.change('src/bad.ts', fixed);
    const diagnostics = await s.diagnostics('src/bad.ts', (p) => p.version === version);
    expect(byRule(diagnostics, 'no-pii-in-logs')).toEqual([]);
    expect(byRule(diagnostics, 'no-plaintext-transport')).toHaveLength(1);
    const back = s.change('src/bad.ts', bad);
    expect(byRule(await s.diagnostics('src/bad.ts', (p) => p.version === back), 'no-pii-in-logs')).toHaveLength(1);
  });

  it('updates diagnostics of a caller when the helper it calls is edited', async () => {
    await s.open('src/format.ts');
    const callerUpdate = s.diagnostics('src/calls.ts', (p) => p.diagnostics.length === 0);
    s.change('src/format.ts', MASKED_FORMAT);
    expect(await callerUpdate).toEqual([]);
    // and back: the caller leaks again
    const leaksAgain = s.diagnostics('src/calls.ts', (p) => p.diagnostics.length === 1);
    s.change('src/format.ts', FIXTURE['src/format.ts']!);
    expect(byRule(await leaksAgain, 'no-pii-in-logs')).toHaveLength(1);
  });

  it('drops outdated work: a burst of edits is analysed once, for the last version', async () => {
    const bad = FIXTURE['src/bad.ts']!;
    const before = s.published.length;
    let last = 0;
    for (let i = 0; i < 5; i++) last = s.change('src/bad.ts', `${bad}\n// edit ${i}\n`);
    await s.diagnostics('src/bad.ts', (p) => p.version === last);
    const versions = s.published.slice(before).filter((p) => p.uri === s.uri('src/bad.ts')).map((p) => p.version);
    expect(versions).toEqual([last]);
  });

  it('reports where time went when asked for timings', async () => {
    // Timings are off in this session: none were sent.
    expect(s.timings).toEqual([]);
  });

  it('clears the diagnostics of a closed file that no workspace scan covers', async () => {
    const cleared = s.diagnostics('src/bad.ts', (p) => p.diagnostics.length === 0);
    await s.close('src/bad.ts');
    expect(await cleared).toEqual([]);
  });

  it('keeps a status with the number of findings', async () => {
    // calls.ts has one finding; bad.ts was closed.
    await expect.poll(() => s.statuses.at(-1), { timeout: 30_000 }).toMatchObject({ state: 'ready', findings: 1, filesWithFindings: 1 });
    expect(s.statuses.at(-1)).toMatchObject({ mode: 'full', workspaceFiles: 5, configFiles: [] });
  });
});

describe('language server: code actions and hover', () => {
  let s: Session;
  let diagnostics: Diagnostic[];
  beforeAll(async () => {
    s = await startSession(FIXTURE, { suppressWithReasonCommand: true });
    const published = s.diagnostics('src/bad.ts');
    await s.open('src/bad.ts');
    diagnostics = await published;
  });
  afterAll(() => s.dispose());

  it('offers the safe fix as the preferred quick fix', async () => {
    const transport = byRule(diagnostics, 'no-plaintext-transport');
    const actions = await s.codeActions('src/bad.ts', transport);
    const fix = actions.find((a) => a.isPreferred);
    expect(fix).toMatchObject({ kind: 'quickfix', title: "Replace 'http' with 'https'" });
    const edits = fix!.edit!.changes![s.uri('src/bad.ts')]!;
    expect(applyEdits(FIXTURE['src/bad.ts']!, edits)).toContain("fetch('https://crm.acme-telecom.com/calls')");
  });

  it("offers the rule's suggestion and a suppression that asks for a reason", async () => {
    const log = byRule(diagnostics, 'no-pii-in-logs');
    const actions = await s.codeActions('src/bad.ts', log);
    const wrap = actions.find((a) => a.title === 'Wrap in maskPhone()');
    expect(applyEdits(FIXTURE['src/bad.ts']!, wrap!.edit!.changes![s.uri('src/bad.ts')]!)).toContain('console.log(maskPhone(`calling ${phone}`));');
    const suppress = actions.find((a) => a.command?.command === 'piiguard.suppressWithReason');
    expect(suppress?.title).toBe('Suppress no-pii-in-logs on this line with a reason…');
    expect(suppress?.command?.arguments?.[0]).toEqual({ uri: s.uri('src/bad.ts'), line: 1, indent: '  ', ruleId: 'no-pii-in-logs' } satisfies SuppressWithReasonArgs);
  });

  it('offers all safe fixes as source.fixAll.piiguard only when asked', async () => {
    expect((await s.codeActions('src/bad.ts', [])).length).toBe(0);
    const [fixAll] = await s.codeActions('src/bad.ts', [], ['source.fixAll']);
    expect(fixAll?.kind).toBe('source.fixAll.piiguard');
    expect(applyEdits(FIXTURE['src/bad.ts']!, fixAll!.edit!.changes![s.uri('src/bad.ts')]!)).toContain("'https://crm.acme-telecom.com/calls'");
  });

  it('explains a finding on hover: rule, PII kind, origin and regulations', async () => {
    const hover = await s.hover('src/bad.ts', 1, 20);
    const markdown = (hover?.contents as MarkupContent).value;
    expect(markdown).toContain('`no-pii-in-logs`');
    expect(markdown).toContain('**PII kind:** Phone number');
    expect(markdown).toContain('**Came from:**');
    expect(markdown).toMatch(/\*\*Regulations:\*\* .*GDPR Art\. 32/);
    expect(markdown).toContain(`(${docsUrl('no-pii-in-logs')})`);
    expect(await s.hover('src/bad.ts', 0, 0)).toBeNull();
  });

  it('answers for the current text only: no actions while findings are for an older version', async () => {
    const bad = FIXTURE['src/bad.ts']!;
    const version = s.change('src/bad.ts', `// moved down\n${bad}`);
    // The request waits for the pending analysis, then answers for the new positions.
    const fresh = await s.diagnostics('src/bad.ts', (p) => p.version === version);
    const actions = await s.codeActions('src/bad.ts', byRule(fresh, 'no-plaintext-transport'));
    expect(actions.find((a) => a.isPreferred)?.edit?.changes?.[s.uri('src/bad.ts')]?.[0]?.range.start.line).toBe(3);
  });
});

describe('language server: suppression without the client command', () => {
  it('inserts the comment with a reason placeholder', async () => {
    const s = await startSession(FIXTURE);
    try {
      const published = s.diagnostics('src/bad.ts');
      await s.open('src/bad.ts');
      const actions = await s.codeActions('src/bad.ts', byRule(await published, 'no-pii-in-logs'));
      const suppress = actions.find((a) => a.title.startsWith('Suppress'));
      const text = applyEdits(FIXTURE['src/bad.ts']!, suppress!.edit!.changes![s.uri('src/bad.ts')]!);
      expect(text).toContain('  // piiguard-ignore-next-line no-pii-in-logs -- <reason>\n  console.log(');
    } finally {
      await s.dispose();
    }
  });
});

describe('language server: workspace scan', () => {
  it('analyses every file, publishes for closed ones, and reports progress', async () => {
    const s = await startSession(FIXTURE);
    try {
      const progress: ScanProgressParams[] = [];
      s.client.onNotification('piiguard/scanProgress', (p: ScanProgressParams) => progress.push(p));
      const result = (await s.client.sendRequest('piiguard/scanWorkspace', { scanId: 'scan-1' })) as ScanWorkspaceResult;
      expect(result).toMatchObject({ filesAnalysed: 5, cancelled: false, filesWithFindings: 2 });
      expect(result.findingsByRule).toEqual({ 'no-pii-in-logs': 2, 'no-plaintext-transport': 1 });
      expect(s.published.find((p) => p.uri === s.uri('src/bad.ts'))?.diagnostics).toHaveLength(2);
      expect(progress.at(-1)).toEqual({ scanId: 'scan-1', phase: 'analysing', done: 5, total: 5 });
      // A scanned file stays reported when opened and closed again.
      await s.open('src/bad.ts');
      await s.diagnostics('src/bad.ts', (p) => p.version === 1);
      const afterClose = s.diagnostics('src/bad.ts');
      await s.close('src/bad.ts');
      expect(await afterClose).toHaveLength(2);
    } finally {
      await s.dispose();
    }
  });

  it('stops when cancelled and says how far it got', async () => {
    const s = await startSession({ ...FIXTURE, ...fillerFiles(400) });
    try {
      const { CancellationTokenSource } = await import('vscode-languageserver/node');
      const source = new CancellationTokenSource();
      s.client.onNotification('piiguard/scanProgress', (p: ScanProgressParams) => {
        // Cancel as soon as analysis starts; the server checks between files.
        if (p.phase === 'analysing') source.cancel();
      });
      const result = (await s.client.sendRequest('piiguard/scanWorkspace', { scanId: 'scan-2' }, source.token)) as ScanWorkspaceResult;
      expect(result.cancelled).toBe(true);
      expect(result.filesAnalysed).toBeLessThan(405);
    } finally {
      await s.dispose();
    }
  });
});

describe('language server: configuration, settings and trust', () => {
  const RULE_OFF = { 'piiguard.config.json': JSON.stringify({ rules: { 'no-pii-in-logs': 'off' } }) };

  it('reads the workspace configuration file in a trusted workspace', async () => {
    const s = await startSession({ ...FIXTURE, ...RULE_OFF });
    try {
      const published = s.diagnostics('src/bad.ts');
      await s.open('src/bad.ts');
      expect((await published).map((d) => d.code)).toEqual(['no-plaintext-transport']);
    } finally {
      await s.dispose();
    }
  });

  it('in an untrusted workspace reads no configuration file: built-in knowledge only', async () => {
    const s = await startSession({ ...FIXTURE, ...RULE_OFF }, { trusted: false });
    try {
      const published = s.diagnostics('src/bad.ts');
      await s.open('src/bad.ts');
      expect((await published).map((d) => d.code).sort()).toEqual(['no-pii-in-logs', 'no-plaintext-transport']);
      await expect.poll(() => s.statuses.at(-1)?.mode).toBe('limited');
      expect(s.statuses.at(-1)?.configFiles).toEqual([]);
      expect(s.logs.join('\n')).toContain('limited mode');
    } finally {
      await s.dispose();
    }
  });

  it('applies rule severities from the editor settings', async () => {
    const s = await startSession(FIXTURE, { settings: { rules: { 'no-plaintext-transport': 'warning', 'no-pii-in-logs': 'off' } } });
    try {
      const published = s.diagnostics('src/bad.ts');
      await s.open('src/bad.ts');
      const diagnostics = await published;
      expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['no-plaintext-transport', DiagnosticSeverity.Warning]]);
    } finally {
      await s.dispose();
    }
  });

  it('analyses on save only when run is onSave', async () => {
    const s = await startSession(FIXTURE, { settings: { run: 'onSave', typingDelayMs: 0 } });
    try {
      const opened = s.diagnostics('src/safe.ts');
      await s.open('src/safe.ts');
      expect(await opened).toEqual([]);
      // Once the folder is loaded, nothing but a save triggers an analysis.
      await expect.poll(() => s.statuses.at(-1)?.state, { timeout: 30_000 }).toBe('ready');
      await new Promise((r) => setTimeout(r, 200));
      const version = s.change('src/safe.ts', FIXTURE['src/bad.ts']!);
      await new Promise((r) => setTimeout(r, 300));
      expect(s.published.filter((p) => p.uri === s.uri('src/safe.ts') && p.version === version)).toEqual([]);
      const saved = s.diagnostics('src/safe.ts', (p) => p.version === version);
      await s.client.sendNotification('textDocument/didSave', { textDocument: { uri: s.uri('src/safe.ts') } });
      expect((await saved).length).toBe(2);
    } finally {
      await s.dispose();
    }
  });

  it('reports a broken configuration file on the file itself and goes on with defaults', async () => {
    const s = await startSession({ ...FIXTURE, 'piiguard.config.json': '{ "rules": { "no-pii-in-logz": "off" } }' });
    try {
      const problem = s.diagnostics('piiguard.config.json');
      const published = s.diagnostics('src/bad.ts');
      await s.open('src/bad.ts');
      const [configDiagnostic] = await problem;
      expect(configDiagnostic?.message).toContain('no-pii-in-logz');
      expect(await published).toHaveLength(2);
    } finally {
      await s.dispose();
    }
  });

  it('never writes a raw phone number to diagnostics, hovers or the log', async () => {
    const raw = '+14155552671';
    const s = await startSession({ ...FIXTURE, 'src/literal.ts': `const phone = '${raw}';\nconsole.log(phone);\nexport {};\n` }, { timings: true });
    try {
      const published = s.diagnostics('src/literal.ts');
      await s.open('src/literal.ts');
      const diagnostics = await published;
      expect(diagnostics.length).toBeGreaterThan(0);
      const hover = await s.hover('src/literal.ts', 1, 13);
      await s.client.sendRequest('piiguard/scanWorkspace', { scanId: 'scan-3' });
      const everything = JSON.stringify([s.published, hover, s.logs, s.statuses]);
      expect(everything).not.toContain('4155552671');
      expect(s.timings.length).toBeGreaterThan(0);
    } finally {
      await s.dispose();
    }
  });
});

describe('piiguard lsp --stdio', () => {
  it('serves LSP on standard input and output', async () => {
    const { spawn } = await import('node:child_process');
    const { StreamMessageReader, StreamMessageWriter, createProtocolConnection } = await import('vscode-languageserver/node');
    const cli = path.resolve('dist/src/cli/main.js');
    expect(fs.existsSync(cli), 'build first (npm run build): the test runs the compiled CLI').toBe(true);
    const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    try {
      const result = (await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as { serverInfo?: { name: string } };
      expect(result.serverInfo?.name).toBe('piiguard');
      await connection.sendRequest('shutdown');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      expect(await exited).toBe(0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
