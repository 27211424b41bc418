import type { InventoryReport } from './report.js';

/** `piiguard inventory --format json`: the report as built, pretty-printed. */
export function formatInventoryJson(report: InventoryReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
