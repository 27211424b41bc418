import { escapeHtml } from './escape.js';
import type { ChartItem, FilterId } from './model.js';

export interface ChartSpec {
  id: string;
  title: string;
  /** Small print after the title: what is counted. */
  hint?: string;
  /** The list filter a bar sets when clicked. */
  filter: FilterId;
  items: readonly ChartItem[];
}

/**
 * A horizontal bar chart as HTML with one inline SVG bar per row: readable without script,
 * printable, and each bar a button that filters the list of findings (the page's script wires it).
 * Bars are scaled to the largest count in the chart.
 */
export function renderBarChart(spec: ChartSpec): string {
  const max = Math.max(0, ...spec.items.map((item) => item.count));
  const rows = spec.items.map((item) => {
    const width = max === 0 ? 0 : Math.max(item.count > 0 ? 1.5 : 0, (item.count / max) * 100);
    const tone = item.tone ? ` tone-${escapeHtml(item.tone)}` : '';
    const inner =
      `<span class="bar-label" title="${escapeHtml(item.label)}">${escapeHtml(item.label)}</span>` +
      `<svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">` +
      `<rect class="bar-fill${tone}" x="0" y="0" width="${width.toFixed(2)}" height="10"></rect></svg>` +
      `<span class="bar-count">${item.count.toLocaleString('en')}</span>`;
    if (item.value === undefined) return `<li><div class="bar static">${inner}</div></li>`;
    return (
      `<li><button type="button" class="bar" data-filter="${spec.filter}" data-value="${escapeHtml(item.value)}" data-label="${escapeHtml(item.filterLabel ?? item.label)}" aria-pressed="false" ` +
      `aria-label="${escapeHtml(`${item.filterLabel ?? item.label}: ${item.count} — show only these findings`)}">${inner}</button></li>`
    );
  });
  const hint = spec.hint ? ` <span class="hint">${escapeHtml(spec.hint)}</span>` : '';
  const body = rows.length === 0 ? '<p class="empty">No findings.</p>' : `<ol class="bars">${rows.join('')}</ol>`;
  return `<section class="chart panel" id="chart-${spec.id}" aria-labelledby="chart-${spec.id}-title"><h3 id="chart-${spec.id}-title">${escapeHtml(spec.title)}${hint}</h3>${body}</section>`;
}
