import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, SourceLocation, TextEdit } from '../../engine/finding.js';
import { maskPiiInText } from '../../engine/mask.js';
import type { ScanResult } from '../../scan/scan.js';
import type { RuleMeta } from '../../../rules/types.js';
import { baselineStateOf } from '../baseline.js';
import { type FormatOptions, type ToolInfo, defaultToolInfo, relativePath, visibleFindings, visibleNotices } from './shared.js';

const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'piiguard/v1';

/**
 * `--format sarif`: SARIF 2.1.0 for code scanning. Rule metadata (help, tags, precision,
 * security-severity) comes from rules/; each data flow becomes a codeFlow; suppressed findings are
 * kept with an inSource suppression. Every text taken from scanned code goes through
 * maskPiiInText, as a last defence. With --baseline each result has a `baselineState`; a --shard
 * run records its shard in the invocation's properties, for `piiguard merge`.
 */
export function formatSarif(result: ScanResult, options: FormatOptions, tool: ToolInfo = defaultToolInfo()): string {
  return `${JSON.stringify(toSarifLog(result, options, tool), null, 2)}\n`;
}

export function toSarifLog(result: ScanResult, options: Pick<FormatOptions, 'quiet'>, tool: ToolInfo = defaultToolInfo()): Sarif.Log {
  const ruleIndex = new Map(tool.rules.map((rule, index) => [rule.id, index]));
  const snippetOf = snippetReader(result);
  const rootUri = pathToFileURL(result.rootDir.endsWith('/') ? result.rootDir : `${result.rootDir}/`).href;
  const artifact = (file: string): Sarif.ArtifactLocation => ({ uri: relativeUri(result.rootDir, file), uriBaseId: SRCROOT });
  const physical = (location: SourceLocation, snippet?: string): Sarif.PhysicalLocation => ({
    artifactLocation: artifact(location.file),
    region: {
      startLine: location.line,
      startColumn: location.column,
      endLine: location.endLine,
      endColumn: location.endColumn,
      ...(snippet !== undefined ? { snippet: { text: maskPiiInText(snippet) } } : {}),
    },
  });

  const results = visibleFindings(result, options).map((finding): Sarif.Result => {
    const index = ruleIndex.get(finding.ruleId);
    const sarifResult: Sarif.Result = {
      ruleId: finding.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: finding.severity,
      message: { text: maskPiiInText(finding.message) },
      locations: [{ physicalLocation: physical(finding.location, snippetOf(finding.location)) }],
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    };
    const baselineState = baselineStateOf(result, finding);
    if (baselineState) sarifResult.baselineState = baselineState;
    if (finding.flow.length > 0) {
      sarifResult.codeFlows = [
        {
          threadFlows: [
            {
              locations: finding.flow.map((step) => ({
                location: { physicalLocation: physical(step.location), message: { text: maskPiiInText(step.message) } },
              })),
            },
          ],
        },
      ];
    }
    if (finding.source) {
      sarifResult.relatedLocations = [
        { id: 1, physicalLocation: physical(finding.source.location), message: { text: maskPiiInText(finding.source.description) } },
      ];
    }
    const fixes = fixesOf(finding, artifact(finding.location.file));
    if (fixes.length > 0) sarifResult.fixes = fixes;
    if (finding.suppression) {
      const { justification, until } = finding.suppression;
      sarifResult.suppressions = [
        { kind: 'inSource', justification: maskPiiInText(until ? `${justification} (until ${until})` : justification) },
      ];
    }
    const properties: Sarif.PropertyBag = {};
    if (finding.piiKind) properties.piiKind = finding.piiKind;
    if (finding.sink) properties.sink = maskPiiInText(finding.sink);
    if (Object.keys(properties).length > 0) sarifResult.properties = properties;
    return sarifResult;
  });

  const notifications = visibleNotices(result, options).map(
    (notice): Sarif.Notification => ({
      level: notice.level === 'info' ? 'note' : notice.level,
      message: { text: maskPiiInText(notice.message) },
      locations: [{ physicalLocation: { artifactLocation: artifact(notice.file) } }],
    }),
  );

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules: tool.rules.map((rule) => ruleDescriptor(rule, tool)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notifications,
            ...(result.shard ? { properties: { shard: { index: result.shard.index, count: result.shard.count } } } : {}),
          },
        ],
      },
    ],
  };
}

export function ruleDescriptor(rule: RuleMeta, tool: ToolInfo): Sarif.ReportingDescriptor {
  const docs = tool.ruleHelp(rule.id);
  const fallback = `${rule.description}.\n\n${rule.why}\n\n${rule.fix}\n\nDocs: ${tool.docsUrl(rule.id)}`;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}. ${rule.why}` },
    helpUri: tool.docsUrl(rule.id),
    help: { text: docs ?? fallback, markdown: docs ?? fallback },
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: ['security', ...rule.regulations, ...rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)],
      precision: rule.precision,
      'security-severity': rule.securitySeverity.toFixed(1),
      piiKinds: [...rule.piiKinds],
    },
  };
}

function fixesOf(finding: Finding, artifactLocation: Sarif.ArtifactLocation): Sarif.Fix[] {
  const change = (edits: readonly TextEdit[]): Sarif.ArtifactChange => ({
    artifactLocation,
    replacements: edits.map((edit) => ({
      deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start },
      insertedContent: { text: maskPiiInText(edit.text) },
    })),
  });
  const fixes: Sarif.Fix[] = [];
  if (finding.fix && finding.fix.length > 0) {
    fixes.push({ description: { text: 'Safe automatic fix' }, artifactChanges: [change(finding.fix)] });
  }
  for (const suggestion of finding.suggestions) {
    if (suggestion.edits.length === 0) continue;
    fixes.push({ description: { text: maskPiiInText(suggestion.title) }, artifactChanges: [change(suggestion.edits)] });
  }
  return fixes;
}

/** Reads the flagged text on its first line, for region.snippet (each file split into lines once). */
function snippetReader(result: ScanResult): (location: SourceLocation) => string | undefined {
  const linesByFile = new Map<string, string[]>();
  return (location) => {
    let lines = linesByFile.get(location.file);
    if (!lines) {
      const text = result.sources.get(location.file);
      if (text === undefined) return undefined;
      lines = text.split(/\r?\n|\r/);
      linesByFile.set(location.file, lines);
    }
    const line = lines[location.line - 1];
    if (line === undefined) return undefined;
    const end = location.endLine === location.line ? location.endColumn - 1 : line.length;
    const snippet = line.slice(location.column - 1, Math.min(end, location.column - 1 + 200));
    return snippet === '' ? undefined : snippet;
  };
}

/** Relative URI reference with each path segment percent-encoded. */
function relativeUri(rootDir: string, file: string): string {
  return relativePath(rootDir, file)
    .split('/')
    .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
