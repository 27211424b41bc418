import type ts from 'typescript';
import type { Analyzer, EngineConfig } from '../../src/engine/api.js';
import type { Finding } from '../../src/engine/finding.js';
import type { RuleId } from '../../rules/types.js';

/**
 * Test-only stand-in for the engine, for plumbing tests: reports every `logger.info(phone)` as
 * no-pii-in-logs and every `http://` as no-plaintext-transport (warning), honours rule settings,
 * and throws on files containing CRASH_ME.
 */
export function createFakeAnalyzer(_program: ts.Program, config: EngineConfig): Analyzer {
  const patterns: { ruleId: RuleId; severity: Finding['severity']; needle: string }[] = [
    { ruleId: 'no-pii-in-logs', severity: 'error', needle: 'logger.info(phone)' },
    { ruleId: 'no-plaintext-transport', severity: 'warning', needle: 'http://' },
  ];
  return {
    analyzeFile(sourceFile) {
      if (sourceFile.text.includes('CRASH_ME')) throw new RangeError('Maximum call stack size exceeded');
      const findings: Finding[] = [];
      for (const { ruleId, severity: defaultSeverity, needle } of patterns) {
        const setting = config.rules[ruleId];
        if (setting === 'off') continue;
        let index = sourceFile.text.indexOf(needle);
        while (index >= 0) {
          const start = sourceFile.getLineAndCharacterOfPosition(index);
          const file = sourceFile.fileName;
          findings.push({
            ruleId,
            severity: setting ?? defaultSeverity,
            summary: `${ruleId} at ${start.line + 1}`,
            message: `${ruleId} at ${start.line + 1}. Why. Fix.`,
            location: { file, line: start.line + 1, column: start.character + 1, endLine: start.line + 1, endColumn: start.character + 1 + needle.length },
            flow: [],
            suggestions: [],
            fingerprint: `${ruleId}:${index}`,
          });
          index = sourceFile.text.indexOf(needle, index + 1);
        }
      }
      // Deliberately unsorted: scan() must sort.
      return findings.reverse();
    },
  };
}
