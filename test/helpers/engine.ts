import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { defaultKnowledge } from '../../rules/knowledge.js';
import type { RuleId } from '../../rules/types.js';
import { createAnalyzer } from '../../src/engine/analyzer.js';
import type { EngineConfig } from '../../src/engine/api.js';
import type { Finding } from '../../src/engine/finding.js';

export const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export const TEST_COMPILER_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  experimentalDecorators: true,
};

export function engineConfig(rootDir: string, rules: EngineConfig['rules'] = {}): EngineConfig {
  return { knowledge: defaultKnowledge, rules, rootDir, today: '2026-11-22' };
}

/** Analyses real files on disk as one program (so flows cross files), all rules on. */
export function analyzePaths(files: readonly string[], rootDir: string, rules: EngineConfig['rules'] = {}): Finding[] {
  const program = ts.createProgram({ rootNames: files, options: TEST_COMPILER_OPTIONS });
  const analyzer = createAnalyzer(program, engineConfig(rootDir, rules));
  return files.flatMap((f) => {
    const sf = program.getSourceFile(f);
    return sf ? analyzer.analyzeFile(sf) : [];
  });
}

export function listSources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE_EXTENSIONS.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** Analyses in-memory sources: `{ 'a.ts': '…' }`. */
export function analyzeSources(sources: Readonly<Record<string, string>>, rules: EngineConfig['rules'] = {}): Finding[] {
  const root = '/virtual';
  const files = new Map(Object.entries(sources).map(([name, text]) => [path.join(root, name), text]));
  const host = ts.createCompilerHost(TEST_COMPILER_OPTIONS, true);
  const originalGet = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = files.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    return originalGet(fileName, languageVersion, onError, shouldCreate);
  };
  const originalExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => files.has(fileName) || originalExists(fileName);
  const originalRead = host.readFile.bind(host);
  host.readFile = (fileName) => files.get(fileName) ?? originalRead(fileName);
  const program = ts.createProgram({ rootNames: [...files.keys()], options: TEST_COMPILER_OPTIONS, host });
  const analyzer = createAnalyzer(program, engineConfig(root, rules));
  return [...files.keys()].flatMap((f) => analyzer.analyzeFile(program.getSourceFile(f)!));
}

export interface Expectation {
  file: string;
  line: number;
  ruleId: string;
  marker: 'Alert' | 'MISSING' | 'SPURIOUS';
}

const ALERT = /\/\/\s*\$\s*(MISSING:\s*|SPURIOUS:\s*)?((?:Alert\[[\w-]+\]\s*)+)/;

/** CodeQL-style inline expectations: `// $ Alert[rule]`, `// $ MISSING: Alert[rule]`, `// $ SPURIOUS: Alert[rule]`. */
export function readExpectations(file: string): Expectation[] {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const out: Expectation[] = [];
  lines.forEach((text, i) => {
    const m = ALERT.exec(text);
    if (!m) return;
    const marker = m[1]?.startsWith('MISSING') ? 'MISSING' : m[1]?.startsWith('SPURIOUS') ? 'SPURIOUS' : 'Alert';
    for (const r of m[2]!.matchAll(/Alert\[([\w-]+)\]/g)) out.push({ file, line: i + 1, ruleId: r[1]!, marker });
  });
  return out;
}

export interface Comparison {
  missing: string[];
  unexpected: string[];
  expected: number;
  found: number;
}

/**
 * Compares findings with expectations for the given rules. `Alert` and `SPURIOUS` lines must have the
 * finding; `MISSING` lines and unannotated lines must not.
 */
export function compare(findings: readonly Finding[], expectations: readonly Expectation[], rules: readonly RuleId[], rootDir: string): Comparison {
  const rel = (f: string): string => path.relative(rootDir, f);
  const want = new Set(expectations.filter((e) => e.marker !== 'MISSING' && rules.includes(e.ruleId as RuleId)).map((e) => `${rel(e.file)}:${e.line}:${e.ruleId}`));
  const got = new Set(findings.filter((f) => rules.includes(f.ruleId) && !f.suppression).map((f) => `${rel(f.location.file)}:${f.location.line}:${f.ruleId}`));
  const messages = new Map(findings.map((f) => [`${rel(f.location.file)}:${f.location.line}:${f.ruleId}`, f.summary]));
  return {
    missing: [...want].filter((k) => !got.has(k)).sort(),
    unexpected: [...got].filter((k) => !want.has(k)).sort().map((k) => `${k}  ${messages.get(k) ?? ''}`),
    expected: want.size,
    found: got.size,
  };
}
