import type { ScanResult } from '../../scan/scan.js';
import { buildReportModel } from './html/model.js';
import { renderPage } from './html/page.js';
import type { RepositoryInfo } from './html/repository.js';
import { type FormatOptions, type ToolInfo, defaultToolInfo } from './shared.js';

export interface HtmlFormatOptions extends FormatOptions {
  /** When the report was made (shown in its header); passed in so the formatter stays pure. */
  generatedAt: Date;
  /** Repository name and commit (readRepositoryInfo reads them from .git); default: the root folder's name. */
  repository?: RepositoryInfo;
}

/**
 * `--format html`: one self-contained page for security and compliance teams. A summary
 * (repository, commit, date, counts by severity), charts by rule, severity, folder, PII kind and
 * regulation, every rule with its regulations, and a filterable, sortable list of findings with
 * masked code and the data flow from source to sink. No network: styles, script and data are
 * inlined, and a Content-Security-Policy forbids everything else.
 */
export function formatHtml(result: ScanResult, options: HtmlFormatOptions, tool: ToolInfo = defaultToolInfo()): string {
  return renderPage(buildReportModel(result, { quiet: options.quiet, generatedAt: options.generatedAt, repository: options.repository }, tool));
}

export { readRepositoryInfo, type RepositoryInfo } from './html/repository.js';
