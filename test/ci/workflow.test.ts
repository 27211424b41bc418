import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

// js-yaml comes with the ESLint toolchain (untyped here); it is only used to read the example workflow.
const yaml = (await import('js-yaml' as string)) as { load: (text: string) => unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { shard: number[] } };
  steps: Step[];
}
interface Workflow {
  env: Record<string, string | number>;
  jobs: Record<string, Job>;
}

const WORKFLOW_FILE = path.resolve('.github/workflows/piiguard-monorepo.yml');
const DOCS_FILE = path.resolve('docs/ci.md');
const workflow = yaml.load(readFileSync(WORKFLOW_FILE, 'utf8')) as Workflow;
const docs = readFileSync(DOCS_FILE, 'utf8');

/** `piiguard <command> …` invocations in a text, continuation lines joined. */
function piiguardCommands(text: string): { command: string; options: string[] }[] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  return [...joined.matchAll(/(?:piiguard(?:@[\w.]+)?|"\$PIIGUARD")\s+(scan|merge)\b([^\n`]*)/g)].map((m) => ({
    command: m[1]!,
    options: [...m[2]!.matchAll(/(?:^|\s)(--?[a-z][\w-]*)/g)].map((o) => o[1]!),
  }));
}

describe('the example GitHub Actions workflow', () => {
  it('runs one scan job per shard and passes k/N to --shard', () => {
    const scan = workflow.jobs.scan!;
    const shards = Number(workflow.env.SHARDS);
    expect(scan.strategy?.matrix.shard).toEqual(Array.from({ length: shards }, (_, i) => i + 1));
    const scanSteps = scan.steps.filter((s) => s.run?.includes(' scan '));
    expect(scanSteps.length).toBe(2);
    for (const step of scanSteps) expect(step.run).toContain('--shard ${{ matrix.shard }}/${{ env.SHARDS }}');
    expect(scanSteps[0]!.run).toContain('--format sarif');
    expect(scanSteps[0]!.run).toContain('--fail-on none');
  });

  it('uploads each shard as an artifact that the merge job downloads, merges, uploads to code scanning and gates on', () => {
    const upload = workflow.jobs.scan!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && String(s.with?.name).startsWith('piiguard-sarif-'));
    expect(upload?.with?.name).toBe('piiguard-sarif-${{ matrix.shard }}');
    const merge = workflow.jobs.merge!;
    expect(merge.needs).toBe('scan');
    expect(merge.permissions?.['security-events']).toBe('write');
    const download = merge.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toMatchObject({ pattern: 'piiguard-sarif-*', 'merge-multiple': true });
    const mergeStep = merge.steps.find((s) => s.run?.includes(' merge '));
    expect(mergeStep?.run).toContain(`merge ${String(download?.with?.path)} --output piiguard.sarif --fail-on error`);
    const uploadSarif = merge.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(uploadSarif?.with).toMatchObject({ sarif_file: 'piiguard.sarif', category: 'piiguard' });
    expect(merge.steps.indexOf(uploadSarif!)).toBeLessThan(merge.steps.findIndex((s) => s.name === 'Fail on new findings'));
  });

  it('has a baseline step: shards scan with the committed baseline, and a manual run writes a new one', () => {
    expect(workflow.jobs.scan!.steps.find((s) => s.name?.startsWith('Scan shard'))?.run).toContain('--baseline "$BASELINE"');
    expect(workflow.jobs.scan!.steps.some((s) => s.run?.includes('--update-baseline'))).toBe(true);
    const baseline = workflow.jobs.baseline!;
    expect(baseline.if).toContain('inputs.update-baseline');
    expect(baseline.steps.find((s) => s.run?.includes(' merge '))?.run).toContain('merge parts --output baseline.json');
  });

  it('pins the current piiguard version, as docs/ci.md does', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(workflow.env.PIIGUARD).toBe(`piiguard@${version}`);
    for (const pinned of docs.matchAll(/piiguard@(\d[\w.]*)/g)) expect(pinned[1]).toBe(version);
  });

  it('uses only options the CLI has, in the workflow and in docs/ci.md', async () => {
    const help = {
      scan: (await cli(tempDir(), ['scan', '--help'])).stdout,
      merge: (await cli(tempDir(), ['merge', '--help'])).stdout,
    };
    const commands = [...piiguardCommands(readFileSync(WORKFLOW_FILE, 'utf8')), ...piiguardCommands(docs)];
    expect(commands.filter((c) => c.options.includes('--shard')).length).toBeGreaterThanOrEqual(4);
    for (const { command, options } of commands) {
      for (const option of options) expect(help[command as 'scan' | 'merge'], `${command} ${option}`).toMatch(new RegExp(`(^|[\\s,])${option}([\\s,=<]|$)`, 'm'));
    }
  });

  it('docs/ci.md documents every CI option and links the workflow', () => {
    for (const option of ['--baseline', '--update-baseline', '--changed-since', '--shard', '--today', 'piiguard merge', 'baselineState']) expect(docs).toContain(option);
    expect(docs).toContain('(../.github/workflows/piiguard-monorepo.yml)');
  });
});
