import type { SourceLocation } from '../../../engine/finding.js';
import { maskPiiInText } from '../../../engine/mask.js';

/** A few masked source lines around a finding; lines `start`…`start + lines.length - 1`. */
export interface CodeSnippet {
  start: number;
  lines: string[];
  /** Set when the lines were cut to a window of columns (very long or minified lines). */
  cut?: boolean;
}

const CONTEXT_LINES = 2;
/** A multi-line finding shows at most this many of its own lines. */
const MAX_MARKED_LINES = 5;
const MAX_WIDTH = 200;
/** How far left of the finding's column a cut window starts. */
const LEFT_CONTEXT = 60;

/**
 * Reads code snippets from the scanned texts. Each file is split once and each line masked once,
 * however many findings share it: with thousands of findings the masking dominates the cost.
 */
export function snippetReader(sources: ReadonlyMap<string, string>): (location: SourceLocation) => CodeSnippet | undefined {
  const linesByFile = new Map<string, string[]>();
  const masked = new Map<string, string>();

  const maskedLine = (file: string, lines: readonly string[], index: number): string => {
    const key = `${index}\u0000${file}`;
    let text = masked.get(key);
    if (text === undefined) {
      // Masked whole, before any cut: a number cut in half would slip past the masking.
      text = maskPiiInText(lines[index] ?? '');
      masked.set(key, text);
    }
    return text;
  };

  return (location) => {
    let lines = linesByFile.get(location.file);
    if (!lines) {
      const text = sources.get(location.file);
      if (text === undefined) return undefined;
      lines = text.split(/\r?\n|\r/);
      linesByFile.set(location.file, lines);
    }
    if (location.line < 1 || location.line > lines.length) return undefined;
    const lastMarked = Math.min(location.endLine, location.line + MAX_MARKED_LINES - 1);
    const first = Math.max(1, location.line - CONTEXT_LINES);
    const last = Math.min(lines.length, Math.max(location.line, lastMarked) + CONTEXT_LINES);
    const window: string[] = [];
    for (let line = first; line <= last; line++) window.push(maskedLine(location.file, lines, line - 1));

    if (!window.some((line) => line.length > MAX_WIDTH)) return { start: first, lines: window };
    // One column window for all lines, so they stay aligned; it starts a little left of the finding.
    const from = Math.max(0, location.column - 1 - LEFT_CONTEXT);
    return {
      start: first,
      lines: window.map((line) => (from > 0 && line.length > 0 ? '…' : '') + line.slice(from, from + MAX_WIDTH) + (line.length > from + MAX_WIDTH ? '…' : '')),
      cut: true,
    };
  };
}
