import { maskPiiInText } from '../../../engine/mask.js';
import {
  CATEGORY_LABELS,
  type InventoryReport,
  PROTECTION_LABELS,
  type ProcessingActivity,
  SIGNAL_LABELS,
  STATUS_LABELS,
  kindLabel,
  place,
  processingActivities,
} from './report.js';

/**
 * Columns of the CSV, shaped like a record of processing activities (GDPR Art. 30, PIPL Art. 55
 * impact assessments): what data, how it is processed, by which system, collected where,
 * protected how, and whether piiguard reports it. One row per processing activity.
 */
export const CSV_COLUMNS: readonly { header: string; value: (activity: ProcessingActivity) => string }[] = [
  { header: 'Data category', value: (a) => kindLabel(a.kind) },
  { header: 'PII kind', value: (a) => a.kind },
  { header: 'Processing operation', value: (a) => CATEGORY_LABELS[a.category] },
  { header: 'Recipient / system', value: (a) => a.recipient },
  { header: 'Source (where collected)', value: (a) => a.sources.map((s) => s.description).join('; ') },
  { header: 'Identified by', value: (a) => a.signals.map((s) => SIGNAL_LABELS[s]).join('; ') },
  { header: 'Protection measure', value: (a) => a.protections.map((p) => PROTECTION_LABELS[p]).join('; ') },
  { header: 'Status', value: (a) => STATUS_LABELS[a.status] },
  { header: 'Finding rule', value: (a) => a.ruleIds.join('; ') },
  { header: 'Suppression reason', value: (a) => a.justifications.join('; ') },
  { header: 'Location', value: (a) => place(a.location) },
  { header: 'Source locations', value: (a) => a.sources.map((s) => place(s.location)).join('; ') },
  { header: 'Flows', value: (a) => String(a.flows.length) },
];

/**
 * `piiguard inventory --format csv`: RFC 4180 (CRLF line ends, a header row, fields quoted when
 * they hold a comma, a quote or a line break, quotes doubled). Masked, and guarded against formula
 * injection when the file is opened in a spreadsheet.
 */
export function formatInventoryCsv(report: InventoryReport): string {
  const rows = [CSV_COLUMNS.map((c) => c.header), ...processingActivities(report).map((a) => CSV_COLUMNS.map((c) => maskPiiInText(c.value(a))))];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One RFC 4180 field. A cell starting with = + - @ (or a control) is prefixed with ' so spreadsheets never run it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
