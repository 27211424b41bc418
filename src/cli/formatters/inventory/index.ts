import { formatInventoryCsv } from './csv.js';
import { type InventoryHtmlOptions, formatInventoryHtml } from './html.js';
import { formatInventoryJson } from './json.js';
import type { InventoryReport } from './report.js';

export const INVENTORY_FORMATS = ['json', 'csv', 'html'] as const;
export type InventoryFormat = (typeof INVENTORY_FORMATS)[number];

/** The inventory in one format; `html` shows the repository (readRepositoryInfo) the caller passes. */
export function formatInventory(format: InventoryFormat, report: InventoryReport, htmlOptions: InventoryHtmlOptions = {}): string {
  switch (format) {
    case 'json':
      return formatInventoryJson(report);
    case 'csv':
      return formatInventoryCsv(report);
    case 'html':
      return formatInventoryHtml(report, htmlOptions);
  }
}

export { CSV_COLUMNS, csvField, formatInventoryCsv } from './csv.js';
export { buildExplainReport, formatExplainJson, formatExplainText, type ExplainReport, type ExplainSignal } from './explain.js';
export { formatInventoryHtml, type InventoryHtmlOptions } from './html.js';
export { formatInventoryJson } from './json.js';
export {
  buildInventoryReport,
  processingActivities,
  type InventoryReport,
  type InventoryReportFlow,
  type InventoryReportSource,
  type InventorySummary,
  type ProcessingActivity,
  type ProtectionCounts,
} from './report.js';
