import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The extension and the server send nothing anywhere: no network modules, no fetch, no telemetry API. */
const FORBIDDEN = [
  /from ['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]/,
  /\bfetch\s*\(/,
  /\bXMLHttpRequest\b/,
  /\bWebSocket\b/,
  /createTelemetryLogger|TelemetryReporter|sendTelemetry/,
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

describe('no telemetry, no network', () => {
  for (const file of [...sources('src/lsp'), ...sources('src/vscode')]) {
    it(`${file} uses no network or telemetry API`, () => {
      const text = fs.readFileSync(file, 'utf8');
      for (const pattern of FORBIDDEN) expect(text, String(pattern)).not.toMatch(pattern);
    });
  }
});
