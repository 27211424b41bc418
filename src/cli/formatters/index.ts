import type { ScanResult } from '../../scan/scan.js';
import { formatGitlab } from './gitlab.js';
import { formatHtml } from './html.js';
import type { RepositoryInfo } from './html/repository.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import type { FormatOptions, ToolInfo } from './shared.js';
import { formatText } from './text.js';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'gitlab', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Facts about the run that some reports show, gathered by the caller so formatters stay pure. */
export interface ReportRun {
  startedAt: Date;
  finishedAt: Date;
  /** For the HTML report's header. */
  repository?: RepositoryInfo;
}

export function formatResult(format: OutputFormat, result: ScanResult, options: FormatOptions, tool?: ToolInfo, run?: ReportRun): string {
  switch (format) {
    case 'text':
      return formatText(result, options);
    case 'json':
      return formatJson(result, options, tool);
    case 'sarif':
      return formatSarif(result, options, tool);
    case 'gitlab': {
      const { startedAt, finishedAt } = run ?? runFromResult(result);
      return formatGitlab(result, { ...options, startedAt, finishedAt }, tool);
    }
    case 'html': {
      const { finishedAt, repository } = run ?? runFromResult(result);
      return formatHtml(result, { ...options, generatedAt: finishedAt, ...(repository ? { repository } : {}) }, tool);
    }
  }
}

/** When the caller didn't time the run: it ended now and took the scan's duration. */
function runFromResult(result: ScanResult): ReportRun {
  const finishedAt = new Date();
  return { startedAt: new Date(finishedAt.getTime() - result.durationMs), finishedAt };
}

export { formatGitlab, gitlabSeverity, toGitlabReport, type GitlabSastReport, type GitlabVulnerability } from './gitlab.js';
export { formatHtml, readRepositoryInfo, type HtmlFormatOptions, type RepositoryInfo } from './html.js';
export { formatJson, type JsonFinding, type JsonReport } from './json.js';
export { formatSarif, toSarifLog } from './sarif.js';
export { defaultToolInfo, summarize, type FormatOptions, type ReportSummary, type ToolInfo } from './shared.js';
export { formatText } from './text.js';
