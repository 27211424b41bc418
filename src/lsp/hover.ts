import path from 'node:path';
import { type MarkupContent, MarkupKind } from 'vscode-languageserver/node';
import { RULES, docsUrl } from '../../rules/index.js';
import { PII_KIND_LABELS } from '../../rules/types.js';
import type { Finding, SourceLocation } from '../engine/finding.js';
import { fileUri } from './diagnostics.js';

/**
 * What a hover on a finding explains: the rule, the PII kind, where the value came from and how it
 * travelled, why it matters (with the regulations), and what to do. Texts come from the engine and
 * rules/, where PII is already masked.
 */
export function hoverMarkdown(findings: readonly Finding[], rootDir: string): MarkupContent {
  return { kind: MarkupKind.Markdown, value: findings.map((f) => explain(f, rootDir)).join('\n\n---\n\n') };
}

function explain(finding: Finding, rootDir: string): string {
  const rule = RULES[finding.ruleId];
  const lines = [`**piiguard** · \`${finding.ruleId}\` — ${escape(rule.description)}`, '', `${escape(finding.summary)}.`, ''];
  if (finding.piiKind) lines.push(`- **PII kind:** ${PII_KIND_LABELS[finding.piiKind]}`);
  if (finding.source) lines.push(`- **Came from:** ${escape(finding.source.description)} (${link(finding.source.location, rootDir)})`);
  if (finding.flow.length > 2) lines.push(`- **Flow:** ${finding.flow.map((step) => escape(step.message)).join(' → ')}`);
  if (finding.sink) lines.push(`- **Sink:** \`${finding.sink.replace(/`/g, "'")}\``);
  if (rule.regulations.length > 0) lines.push(`- **Regulations:** ${rule.regulations.join(', ')}`);
  lines.push('', `**Why it matters.** ${escape(rule.why)}`, '', `**What to do.** ${escape(rule.fix)}`, '', `[Rule documentation](${docsUrl(finding.ruleId)})`);
  return lines.join('\n');
}

function link(location: SourceLocation, rootDir: string): string {
  const relative = path.relative(rootDir, location.file).split(path.sep).join('/');
  const label = `${relative.startsWith('..') ? path.basename(location.file) : relative}:${location.line}`;
  return `[${label}](${fileUri(location.file)}#L${location.line})`;
}

/** Markdown-escapes prose from findings (it quotes code: `*`, `_`, `[` must stay literal). */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
