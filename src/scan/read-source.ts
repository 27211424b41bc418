import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { FileNotice } from '../engine/finding.js';

export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

/** How far into a file we look for NUL bytes (as git and grep do) to call it binary. */
const BINARY_SNIFF_BYTES = 8 * 1024;
const MINIFIED_AVERAGE_LINE = 1_000;
const MINIFIED_LONGEST_LINE = 20_000;
const MINIFIED_MAX_LINES = 100;

export type SourceEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'latin1';

export type ReadSourceResult =
  | { status: 'read'; text: string; encoding: SourceEncoding; notices: FileNotice[] }
  | { status: 'skipped'; notices: FileNotice[] };

export interface ReadSourceOptions {
  maxFileSizeKb?: number;
}

/**
 * Reads a file to scan, or says why it is skipped. Never throws: a file that vanished or cannot be
 * read becomes a notice, so one bad file never stops a scan.
 */
export function readSourceFile(file: string, options: ReadSourceOptions = {}): ReadSourceResult {
  const maxBytes = (options.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB) * 1024;
  let bytes: Buffer;
  try {
    // Opening a FIFO or device would block or never end: only regular files are read.
    if (!statSync(file).isFile()) return skipped(file, 'warning', 'Skipped: not a regular file.');
    const read = readUpTo(file, maxBytes);
    if (read.tooLarge) {
      return skipped(file, 'info', `Skipped: ${formatKb(read.size)} is above the ${formatKb(maxBytes)} limit (maxFileSizeKb in piiguard.config.json).`);
    }
    bytes = read.bytes;
  } catch (error) {
    return skipped(file, 'warning', `Skipped: cannot be read (${describeFsError(error)}).`);
  }

  const decoded = decode(bytes);
  if (decoded === 'binary') return skipped(file, 'info', 'Skipped: binary file (contains NUL bytes).');
  const notices: FileNotice[] = [];
  if (decoded.encoding === 'latin1') {
    notices.push({ file, level: 'info', message: 'Not valid UTF-8; read as Latin-1 (ISO-8859-1).' });
  }

  const minified = minifiedReason(decoded.text);
  if (minified) return skipped(file, 'info', `Skipped: looks minified or generated (${minified}).`);
  return { status: 'read', text: decoded.text, encoding: decoded.encoding, notices };
}

/** Decodes by BOM, then as strict UTF-8, falling back to Latin-1; 'binary' when it holds NUL bytes. */
export function decode(bytes: Uint8Array): { text: string; encoding: SourceEncoding } | 'binary' {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3)) ?? latin1(bytes.subarray(3)), encoding: 'utf8-bom' };
  }
  // UTF-16 text is full of NUL bytes, so its BOM must be checked before the binary sniff.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return 'binary';
  const utf8 = decodeUtf8(bytes);
  return utf8 === undefined ? { text: latin1(bytes), encoding: 'latin1' } : { text: utf8, encoding: 'utf8' };
}

/** Why the text looks minified, or undefined. Generated bundles are not worth analysing and are slow to. */
export function minifiedReason(text: string): string | undefined {
  let lines = 1;
  let longest = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      longest = Math.max(longest, i - lineStart);
      lineStart = i + 1;
      lines++;
    }
  }
  longest = Math.max(longest, text.length - lineStart);
  const average = text.length / lines;
  if (longest > MINIFIED_LONGEST_LINE && lines <= MINIFIED_MAX_LINES) {
    return `a ${longest.toLocaleString('en-US')}-character line`;
  }
  if (average > MINIFIED_AVERAGE_LINE) return `lines average ${Math.round(average).toLocaleString('en-US')} characters`;
  return undefined;
}

function readUpTo(file: string, maxBytes: number): { tooLarge: true; size: number } | { tooLarge: false; bytes: Buffer } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { tooLarge: true, size };
    // Read by chunks until EOF rather than trusting `size`: the file may change while we read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, size - total + 1));
      const count = readSync(fd, chunk, 0, chunk.length, null);
      if (count === 0) break;
      total += count;
      if (total > maxBytes) return { tooLarge: true, size: total };
      chunks.push(chunk.subarray(0, count));
    }
    return { tooLarge: false, bytes: Buffer.concat(chunks, total) };
  } finally {
    closeSync(fd);
  }
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function skipped(file: string, level: FileNotice['level'], message: string): ReadSourceResult {
  return { status: 'skipped', notices: [{ file, level, message }] };
}

function formatKb(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
}

function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  switch (code) {
    case 'ENOENT':
      return 'it was deleted or moved during the scan';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
