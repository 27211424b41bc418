import type { ScanResult } from '../../scan/scan.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import type { FormatOptions, ToolInfo } from './shared.js';
import { formatText } from './text.js';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatResult(format: OutputFormat, result: ScanResult, options: FormatOptions, tool?: ToolInfo): string {
  switch (format) {
    case 'text':
      return formatText(result, options);
    case 'json':
      return formatJson(result, options, tool);
    case 'sarif':
      return formatSarif(result, options, tool);
  }
}

export { formatJson, type JsonFinding, type JsonReport } from './json.js';
export { formatSarif, toSarifLog } from './sarif.js';
export { defaultToolInfo, summarize, type FormatOptions, type ReportSummary, type ToolInfo } from './shared.js';
export { formatText } from './text.js';
