import { createHash } from 'node:crypto';
import type { FileNotice } from '../../../engine/finding.js';
import { maskPiiInText } from '../../../engine/mask.js';
import { escapeHtml } from './escape.js';

/** Pieces shared by the self-contained HTML pages (scan report, inventory). */

/** CSP source for an inline script or style: `'sha256-…'` without the quotes. */
export function cspHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

export function count(value: number, singular: string, pluralForm = `${singular}s`): string {
  return `${value.toLocaleString('en')} ${value === 1 ? singular : pluralForm}`;
}

/** One number of the summary row; `tone` colours it (error, warning, note). */
export function summaryCard(value: number, label: string, tone = ''): string {
  return `<li class="card panel${tone ? ` tone-${tone}` : ''}"><span class="count">${value.toLocaleString('en')}</span><span class="label">${escapeHtml(label)}</span></li>`;
}

/** The "Files with notices" section; text is masked and escaped. */
export function noticesSection(notices: readonly FileNotice[], summary: string): string {
  if (notices.length === 0) return '';
  const shown = (value: string): string => escapeHtml(maskPiiInText(value));
  const items = notices.map((n) => `<li><span class="level-${n.level}">${n.level}</span> <span class="mono">${shown(n.file)}</span>: ${shown(n.message)}</li>`);
  return `<section id="notices" class="notices" aria-labelledby="notices-title">
<h2 id="notices-title">Files with notices (${notices.length.toLocaleString('en')})</h2>
<details class="panel"><summary>${escapeHtml(summary)}</summary><ul>${items.join('\n')}</ul></details>
</section>`;
}
