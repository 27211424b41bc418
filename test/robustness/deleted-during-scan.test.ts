/**
 * A file deleted between discovery and reading (a build cleaning up, a checkout switching
 * branches) becomes a warning; the scan goes on. Discovery is wrapped to delete the file right
 * after it was listed, which is the only reliable way to hit that window.
 */
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir, writeTree } from '../cli/helpers.js';
import { voiceWebhook } from './helpers/adversarial-cases.js';
import { relative, scanRepo } from './helpers/run.js';

const victims = vi.hoisted(() => new Set<string>());

vi.mock('../../src/scan/discover.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/scan/discover.js')>();
  return {
    ...original,
    discoverFiles: async (...args: Parameters<typeof original.discoverFiles>) => {
      const discovered = await original.discoverFiles(...args);
      for (const file of discovered.files) if (victims.has(path.basename(file))) unlinkSync(file);
      return discovered;
    },
  };
});

describe('files deleted during the scan', () => {
  it('get a warning naming what happened; the other files are analysed', async () => {
    const root = tempDir('piiguard-deleted-');
    writeTree(root, { 'src/voice.ts': voiceWebhook(), 'src/gone.ts': voiceWebhook() });
    victims.add('gone.ts');
    const result = await scanRepo(root);
    expect(result.findings.map((f) => `${relative(root, f.location.file)}:${f.location.line}:${f.ruleId}`)).toEqual(['src/voice.ts:4:no-pii-in-logs']);
    expect(result.notices.map((n) => [relative(root, n.file), n.level, n.message])).toEqual([
      ['src/gone.ts', 'warning', 'Skipped: cannot be read (it was deleted or moved during the scan).'],
    ]);
  });
});
