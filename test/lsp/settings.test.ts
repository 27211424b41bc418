import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, suppressionComment } from '../../src/lsp/protocol.js';
import { normalizeSettings } from '../../src/lsp/settings.js';

describe('normalizeSettings', () => {
  it('fills in defaults', () => {
    expect(normalizeSettings(undefined)).toEqual({ ...DEFAULT_SETTINGS, rules: {} });
  });

  it('keeps valid values and reports the rest', () => {
    const problems: string[] = [];
    const settings = normalizeSettings(
      { enable: false, configFile: ' config/piiguard.json ', run: 'sometimes', typingDelayMs: 99_999, rules: { 'no-pii-in-logs': 'warning', 'no-pii-in-logz': 'off', 'require-consent-check': 'loud' } },
      (p) => problems.push(p),
    );
    expect(settings).toEqual({ enable: false, configFile: 'config/piiguard.json', run: 'onType', typingDelayMs: 5_000, rules: { 'no-pii-in-logs': 'warning' } });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain('unknown rule "no-pii-in-logz"');
  });
});

describe('suppressionComment', () => {
  it('writes one line with the rule and the reason', () => {
    expect(suppressionComment({ indent: '    ', ruleId: 'no-pii-in-logs' }, ' masked upstream\nby the gateway ')).toBe(
      '    // piiguard-ignore-next-line no-pii-in-logs -- masked upstream by the gateway\n',
    );
  });
});
