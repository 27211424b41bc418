/**
 * Peak memory of a scan in its own process: the CLI under GNU `time -v` when available,
 * otherwise bench/scan-rss.ts, which runs scan() and prints process.resourceUsage().maxRSS.
 */
import { join } from 'node:path';
import { hasGnuTime, runChild, tail } from './child.js';
import { notBuilt, scannerPaths } from './scanner.js';
import type { BenchSection, SectionResult } from './types.js';

export const memorySection: BenchSection = {
  id: 'memory',
  title: 'peak RSS of a scan child process',
  async run(ctx, earlier) {
    const { cli, scanModule } = scannerPaths(ctx.repoRoot);
    const cliRss = earlier.get('scan-cli')?.values.peakRssMiB;
    if (typeof cliRss === 'number') {
      // The CLI runs were already measured under GNU time; no need for another scan.
      return ok(this, cliRss, 'GNU time -v on the CLI scan runs (max over runs)');
    }
    if (await hasGnuTime()) {
      const missing = notBuilt(cli, ctx.repoRoot);
      if (missing) return unavailable(this, missing);
      const output = join(ctx.tmpDir, 'scan-memory.json');
      const child = await runChild(process.execPath, [cli, 'scan', '.', '--format', 'json', '--output', output, '--fail-on', 'none'], { cwd: ctx.corpusDir, measureRss: true });
      if (child.exitCode !== 0 || child.maxRssKiB === undefined) return failed(this, `CLI scan under GNU time failed:\n${tail(child.stderr)}`);
      return ok(this, Math.round(child.maxRssKiB / 1024), 'GNU time -v on the CLI');
    }
    const missing = notBuilt(scanModule, ctx.repoRoot);
    if (missing) return unavailable(this, missing);
    const wrapper = join(ctx.repoRoot, 'dist', 'bench', 'scan-rss.js');
    const child = await runChild(process.execPath, [wrapper, ctx.corpusDir], { cwd: ctx.corpusDir });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    try {
      const parsed = JSON.parse(line) as { maxRssKiB: number };
      return ok(this, Math.round(parsed.maxRssKiB / 1024), 'process.resourceUsage().maxRSS in bench/scan-rss');
    } catch {
      return failed(this, `scan-rss wrapper failed (exit ${child.exitCode}):\n${tail(child.stderr || child.stdout)}`);
    }
  },
};

function ok(section: BenchSection, peakRssMiB: number, method: string): SectionResult {
  return { id: section.id, title: section.title, status: 'ok', values: { peakRssMiB, method } };
}

function unavailable(section: BenchSection, message: string): SectionResult {
  return { id: section.id, title: section.title, status: 'unavailable', message, values: {} };
}

function failed(section: BenchSection, message: string): SectionResult {
  return { id: section.id, title: section.title, status: 'failed', message, values: {} };
}
