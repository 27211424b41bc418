import picocolors from 'picocolors';
import type { Finding, SourceLocation } from '../../engine/finding.js';
import { maskPiiInText } from '../../engine/mask.js';
import type { ScanResult } from '../../scan/scan.js';
import { RULES, docsUrl } from '../../../rules/index.js';
import { baselineStateOf, countBaselineStates } from '../baseline.js';
import { type FormatOptions, plural, relativePath, summarize, visibleFindings, visibleNotices } from './shared.js';

type Colors = ReturnType<typeof picocolors.createColors>;

const CONTEXT_LINES = 2;
/** Code frame lines longer than this are cut around the finding. */
const MAX_FRAME_WIDTH = 160;

/**
 * Human-readable report: findings grouped by file, each with a masked code frame, the full
 * three-beat message and the data flow; then a summary line and the notices. With --baseline only
 * new findings are listed; the summary counts those already in the baseline.
 */
/** C0 controls but tab and newline, DEL and C1 controls, shown as `\u001b`: scanned code must not drive the reader's terminal. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function visible(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Masked, then made visible. */
function shown(text: string): string {
  return visible(maskPiiInText(text));
}

export function formatText(result: ScanResult, options: FormatOptions): string {
  const c = picocolors.createColors(options.color);
  const findings = visibleFindings(result, options).filter((f) => !f.suppression && baselineStateOf(result, f) !== 'unchanged');
  const out: string[] = [];

  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.location.file) ?? [];
    list.push(finding);
    byFile.set(finding.location.file, list);
  }
  for (const [file, fileFindings] of byFile) {
    out.push(c.underline(visible(relativePath(result.rootDir, file))));
    const lines = result.sources.get(file)?.split(/\r?\n|\r/);
    for (const finding of fileFindings) out.push(...formatFinding(finding, lines, result.rootDir, c), '');
  }

  out.push(summaryLine(result, options, c));

  const notices = visibleNotices(result, options);
  if (notices.length > 0) {
    out.push('', c.bold(`Notices (${notices.length}):`));
    for (const notice of notices) {
      const label = notice.level === 'error' ? c.red('error') : notice.level === 'warning' ? c.yellow('warning') : c.dim('info');
      out.push(`  ${label}  ${visible(relativePath(result.rootDir, notice.file))}: ${shown(notice.message)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function formatFinding(finding: Finding, lines: string[] | undefined, rootDir: string, c: Colors): string[] {
  const { location } = finding;
  const severity = finding.severity === 'error' ? c.red('error') : finding.severity === 'warning' ? c.yellow('warning') : c.blue('note');
  const summary = shown(finding.summary || finding.message);
  const out = [`  ${c.dim(`${location.line}:${location.column}`)}  ${severity}  ${c.bold(summary)}  ${c.dim(finding.ruleId)}`];

  if (lines) out.push(...codeFrame(lines, location, c).map((line) => `    ${line}`));

  const rest = restOfMessage(finding);
  if (rest) out.push(...wrap(shown(rest), 96).map((line) => `    ${line}`));

  if (finding.flow.length > 0) {
    out.push(`    ${c.dim('Flow:')}`);
    finding.flow.forEach((step, index) => {
      out.push(`      ${c.dim(`${index + 1}.`)} ${shown(step.message)} ${c.dim(`(${position(rootDir, step.location)})`)}`);
    });
  }
  if (RULES[finding.ruleId]) out.push(`    ${c.dim(`Docs: ${docsUrl(finding.ruleId)}`)}`);
  return out;
}

/** The message after its first beat (the summary), i.e. why it matters and what to do. */
function restOfMessage(finding: Finding): string {
  const { message, summary } = finding;
  if (summary && message.startsWith(summary)) return message.slice(summary.length).replace(/^[.\s]+/, '').trim();
  return summary ? message : '';
}

function codeFrame(lines: readonly string[], location: SourceLocation, c: Colors): string[] {
  const first = Math.max(1, location.line - CONTEXT_LINES);
  const last = Math.min(lines.length, location.line + CONTEXT_LINES);
  const gutterWidth = String(last).length;
  const out: string[] = [];
  for (let lineNumber = first; lineNumber <= last; lineNumber++) {
    const raw = lines[lineNumber - 1] ?? '';
    const isTarget = lineNumber === location.line;
    const window = visibleWindow(raw, isTarget ? location.column : 1);
    const text = shown(window.text);
    const gutter = `${String(lineNumber).padStart(gutterWidth)} |`;
    out.push(isTarget ? `${c.red('>')} ${gutter} ${text}` : `  ${c.dim(gutter)} ${c.dim(text)}`);
    if (isTarget) {
      const start = location.column - 1 - window.offset;
      const end = location.endLine === location.line ? location.endColumn - 1 - window.offset : window.text.length;
      // Copy tabs so the carets line up under tab-indented code.
      const pad = window.text.slice(0, Math.max(0, start)).replace(/[^\t]/g, ' ');
      const carets = '^'.repeat(Math.max(1, Math.min(end, window.text.length) - start));
      out.push(`  ${' '.repeat(gutterWidth)} | ${pad}${c.red(carets)}`);
    }
  }
  return out;
}

function visibleWindow(line: string, column: number): { text: string; offset: number } {
  if (line.length <= MAX_FRAME_WIDTH) return { text: line, offset: 0 };
  const offset = Math.max(0, Math.min(column - 1 - 40, line.length - MAX_FRAME_WIDTH));
  return { text: line.slice(offset, offset + MAX_FRAME_WIDTH), offset };
}

function summaryLine(result: ScanResult, options: FormatOptions, c: Colors): string {
  const all = summarize(result);
  const shown = summarize(result, visibleFindings(result, options));
  const files = result.shard ? `${plural(result.filesScanned, 'file')} of shard ${result.shard.index}/${result.shard.count}` : plural(result.filesScanned, 'file');
  const seconds = (result.durationMs / 1000).toFixed(1);
  const tail: string[] = [];
  const known = result.baseline ? countBaselineStates(result, result.findings) : undefined;
  if (known) tail.push(`${known.new} new, ${known.unchanged} in baseline${known.unchanged > 0 ? ' and not listed' : ''}`);
  if (all.suppressed > 0) tail.push(`${all.suppressed} suppressed`);
  const hidden = all.warnings + all.notes - (shown.warnings + shown.notes);
  if (hidden > 0) tail.push(`${plural(hidden, 'warning/note')} hidden by --quiet`);
  const extra = tail.length > 0 ? ` (${tail.join('; ')})` : '';

  if (all.errors + all.warnings + all.notes === 0) {
    return `${c.green('✔')} No problems found in ${files} scanned in ${seconds}s${extra}.`;
  }
  if (known && known.new === 0) return `${c.green('✔')} No new problems in ${files} scanned in ${seconds}s${extra}.`;
  const counts = [plural(all.errors, 'error'), plural(all.warnings, 'warning')];
  if (all.notes > 0) counts.push(plural(all.notes, 'note'));
  const failing = known ? summarize(result, result.findings.filter((f) => baselineStateOf(result, f) === 'new')) : all;
  const mark = failing.errors > 0 ? c.red('✖') : c.yellow('⚠');
  return `${mark} ${c.bold(counts.join(', '))} in ${plural(all.filesWithFindings, 'file')}${extra}; ${files} scanned in ${seconds}s.`;
}

function position(rootDir: string, location: SourceLocation): string {
  return `${visible(relativePath(rootDir, location.file))}:${location.line}:${location.column}`;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(line);
  return out;
}
