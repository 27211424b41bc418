/** Baseline: parse every corpus file with ts.createSourceFile (texts already in memory). */
import { performance } from 'node:perf_hooks';
import ts from 'typescript';
import type { BenchSection, SectionResult } from './types.js';
import { collectGarbage, cpuNowMs, medianOf, summarizeTimes } from './types.js';

export const parseSection: BenchSection = {
  id: 'parse',
  title: 'parse only (ts.createSourceFile)',
  async run(ctx): Promise<SectionResult> {
    const runsMs: number[] = [];
    const cpuMs: number[] = [];
    let statements = 0;
    for (let run = 0; run < ctx.runs; run++) {
      collectGarbage();
      statements = 0;
      const started = performance.now();
      const cpuStarted = cpuNowMs();
      for (const source of ctx.sources) {
        const file = ts.createSourceFile(source.path, source.text, ts.ScriptTarget.Latest, true, source.scriptKind);
        statements += file.statements.length;
      }
      runsMs.push(performance.now() - started);
      cpuMs.push(cpuNowMs() - cpuStarted);
      ctx.log(`parse run ${run + 1}/${ctx.runs}: ${Math.round(runsMs[runsMs.length - 1] ?? 0)} ms`);
    }
    return {
      id: this.id,
      title: this.title,
      status: 'ok',
      timing: summarizeTimes(runsMs),
      values: { files: ctx.sources.length, topLevelStatements: statements, cpuMs: medianOf(cpuMs) },
    };
  },
};
