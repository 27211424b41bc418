/**
 * What the inventory page adds to the scan report's stylesheet (REPORT_CSS, reused as is):
 * protection and status badges, the category × protection matrix, the per-kind tables.
 * No `style` attributes anywhere: the page's Content-Security-Policy allows these sheets only.
 */
export const INVENTORY_CSS = `
.badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 600; margin: 0 4px 4px 0; white-space: nowrap; }
.prot-none { color: var(--error); background: var(--error-bg); }
.prot-masked, .prot-encrypted, .prot-consent-checked { color: var(--ok); background: var(--track); }
.status-open-finding { color: var(--error); background: var(--error-bg); }
.status-suppressed { color: var(--muted); background: var(--track); }
.status-protected { color: var(--ok); background: var(--track); }
.status-unreported { color: var(--warning); background: var(--warning-bg); }
.status-out-of-scope { color: var(--muted); background: var(--track); }
.kind-index { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0 0; padding: 0; list-style: none; }
.kind-index a { display: inline-block; padding: 4px 10px; border: 1px solid var(--border); border-radius: 999px; background: var(--panel); text-decoration: none; }
table.matrix { min-width: 560px; }
table.matrix th, table.matrix td { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix th:first-child, table.matrix td:first-child { text-align: left; }
table.matrix button.cell { font: inherit; color: var(--accent); background: none; border: 0; padding: 0 4px; cursor: pointer; text-decoration: underline; }
table.matrix .zero { color: var(--muted); }
section.kind { margin-top: 24px; }
section.kind h3 { font-size: 16px; margin-bottom: 8px; }
table.activities { min-width: 860px; }
table.activities .badge[class*="status-"] { white-space: normal; }
table.activities td { font-size: 13px; }
table.activities ul.sources { margin: 0; padding-left: 16px; }
table.activities .where, table.sources .where { display: block; color: var(--muted); font-size: 12px; }
table.activities details summary { cursor: pointer; color: var(--muted); }
table.activities .why { color: var(--muted); display: block; font-size: 12px; }
details.sources { margin-top: 10px; }
details.sources table { margin-top: 8px; }
#activities-count { margin: 10px 0 0; color: var(--muted); }
`;
