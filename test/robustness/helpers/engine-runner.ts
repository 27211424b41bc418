/**
 * Runs the real engine on in-memory sources, fast enough for property tests: the default library
 * files (lib.es2022, lib.dom) are parsed once and shared by every program, as a language service
 * does. Everything else matches test/helpers/engine.ts.
 */
import path from 'node:path';
import ts from 'typescript';
import { createAnalyzer } from '../../../src/engine/analyzer.js';
import type { Finding } from '../../../src/engine/finding.js';
import { TEST_COMPILER_OPTIONS, engineConfig } from '../../helpers/engine.js';

export const VIRTUAL_ROOT = '/virtual';

const libraryFiles = new Map<string, ts.SourceFile | undefined>();

/** Analyses `{ 'a.ts': '…' }` as one program and returns every file's findings, in file order. */
export function analyzeInMemory(sources: Readonly<Record<string, string>>): Finding[] {
  const files = new Map(Object.entries(sources).map(([name, text]) => [path.join(VIRTUAL_ROOT, name), text]));
  const host = ts.createCompilerHost(TEST_COMPILER_OPTIONS, true);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = files.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    if (!libraryFiles.has(fileName)) libraryFiles.set(fileName, readFromDisk(fileName, languageVersion, onError, shouldCreate));
    return libraryFiles.get(fileName);
  };
  const existsOnDisk = host.fileExists.bind(host);
  host.fileExists = (fileName) => files.has(fileName) || existsOnDisk(fileName);
  const readOnDisk = host.readFile.bind(host);
  host.readFile = (fileName) => files.get(fileName) ?? readOnDisk(fileName);
  const program = ts.createProgram({ rootNames: [...files.keys()], options: TEST_COMPILER_OPTIONS, host });
  const analyzer = createAnalyzer(program, engineConfig(VIRTUAL_ROOT));
  return [...files.keys()].flatMap((file) => {
    const sourceFile = program.getSourceFile(file);
    return sourceFile ? analyzer.analyzeFile(sourceFile) : [];
  });
}
