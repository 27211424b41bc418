import * as vscode from 'vscode';
import { maskPiiInText } from '../engine/mask.js';

const WRITERS = new Set<string | symbol>(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

/**
 * The "piiguard" output channel, with phone numbers and IDs masked in everything written to it —
 * the server's log (already masked at the source) and the client's own lines, including LSP message
 * traces, which quote source code.
 */
export function createMaskedOutputChannel(name: string): vscode.LogOutputChannel {
  const channel = vscode.window.createOutputChannel(name, { log: true });
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string') return maskPiiInText(value);
    if (value instanceof Error) {
      const masked = new Error(maskPiiInText(value.message));
      masked.name = value.name;
      return masked;
    }
    return value;
  };
  return new Proxy(channel, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (!WRITERS.has(property)) return value.bind(target);
      return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args.map(mask));
    },
  });
}
