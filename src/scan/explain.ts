import { statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { type FileNotice, type Finding, compareFindings } from '../engine/finding.js';
import type { Explanation } from '../engine/inventory.js';
import { SOURCE_EXTENSIONS } from './discover.js';
import { ScanInputError } from './errors.js';
import { isInside } from './gitignore.js';
import { type ProjectDependencies, analyseWithinBudget, openProject } from './project.js';
import { readSourceFile } from './read-source.js';

export interface ExplainRequest {
  cwd: string;
  /** The file, relative to cwd or absolute. */
  file: string;
  /** 1-based. */
  line: number;
  configPath?: string;
  /** YYYY-MM-DD for suppression expiry; default today. */
  today?: string;
}

export interface LineExplanation {
  rootDir: string;
  /** Absolute. */
  file: string;
  line: number;
  /** The line's source text, unmasked (callers mask what they print). */
  lineText: string;
  /** Findings reported on the line, suppressed ones included. */
  findings: Finding[];
  /** Each expression on the line taken for PII: which signal, why, and its flow. */
  explanations: Explanation[];
  /** Why the file could not be analysed in full, when it couldn't. */
  notices: FileNotice[];
  configFile: string | undefined;
}

/**
 * Why the values on one line are taken for PII, with their flows and the findings there. The
 * program is the whole project the file belongs to (the configuration's root, or the current
 * directory), so flows from other files resolve as in `piiguard scan`. A file outside that root
 * is explained within its own folder's project. A missing file, a file that is not JavaScript or
 * TypeScript, or a line past its end throws ScanInputError; configuration problems ConfigError.
 */
export async function explainLine(request: ExplainRequest, dependencies: ProjectDependencies = {}): Promise<LineExplanation> {
  const file = path.resolve(request.cwd, request.file);
  checkTarget(file, request.file);
  const configPath = request.configPath === undefined ? undefined : path.resolve(request.cwd, request.configPath);
  const fromCwd = loadConfig(request.cwd, configPath);
  const text = readTarget(file, request.file, fromCwd.config.maxFileSizeKb);
  const lineCount = text.split(/\r\n|\r|\n|\u2028|\u2029/).length;
  if (!Number.isSafeInteger(request.line) || request.line < 1 || request.line > lineCount) {
    throw new ScanInputError(
      `${request.file} has no line ${request.line} (it has ${lineCount} line${lineCount === 1 ? '' : 's'}).`,
      'Give a line number between 1 and the last line of the file, as shown by your editor.',
    );
  }

  const cwd = isInside(file, fromCwd.rootDir) ? request.cwd : path.dirname(file);
  const rootDir = cwd === request.cwd ? fromCwd.rootDir : loadConfig(cwd, configPath).rootDir;
  const project = await openProject(
    { cwd, paths: [rootDir, file], ...(configPath ? { configPath } : {}), ...(request.today ? { today: request.today } : {}) },
    dependencies,
  );

  const sourceFile = project.analysable.find((sf) => path.resolve(sf.fileName) === file);
  let findings: Finding[] = [];
  let explanations: Explanation[] = [];
  if (sourceFile) {
    analyseWithinBudget(project, [sourceFile], (sf, deadline) => {
      findings = project.analyzer.analyzeFile(sf, { deadline }).filter((f) => f.location.line === request.line);
      explanations = project.analyzer.explain(sf, request.line);
    });
  }
  const lines = (project.texts.get(file) ?? text).split(/\r\n|\r|\n|\u2028|\u2029/);
  return {
    rootDir: project.rootDir,
    file,
    line: request.line,
    lineText: lines[request.line - 1] ?? '',
    findings: findings.sort(compareFindings),
    explanations,
    notices: project.notices.filter((n) => path.resolve(n.file) === file),
    configFile: project.loaded.file,
  };
}

function checkTarget(file: string, given: string): void {
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new ScanInputError(`no such file: ${given}.`, 'Give the path of a source file (relative to the current directory) and a line, e.g. src/webhooks/voice.ts:42.');
  }
  if (!isFile) throw new ScanInputError(`${given} is not a file.`, 'Give the path of a source file and a line, e.g. src/webhooks/voice.ts:42.');
  if (!SOURCE_EXTENSIONS.includes(path.extname(file).toLowerCase())) {
    throw new ScanInputError(`${given} is not a JavaScript or TypeScript file.`, `piiguard explains ${SOURCE_EXTENSIONS.join(' ')} files.`);
  }
}

function readTarget(file: string, given: string, maxFileSizeKb: number | undefined): string {
  const read = readSourceFile(file, maxFileSizeKb === undefined ? {} : { maxFileSizeKb });
  if (read.status !== 'read') {
    throw new ScanInputError(`cannot explain ${given}: ${read.notices.map((n) => n.message).join(' ') || 'it could not be read.'}`, 'piiguard explains readable source files only.');
  }
  return read.text;
}
