/**
 * The report's stylesheet, inlined into the page (a report is one file with nothing to fetch).
 * Light and dark themes follow the reader's system setting; print hides the controls.
 * No `style` attributes anywhere: the page's Content-Security-Policy allows this sheet only.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --panel: #ffffff; --panel-2: #f9fafb; --text: #1b2130; --muted: #5a6374; --border: #dfe3ea;
  --accent: #3b5bdb; --accent-bg: #e8edff; --track: #eef0f4; --hover: #f0f3f9; --code-bg: #f4f5f7; --hit: #fff3bf;
  --error: #c92a2a; --error-bg: #ffe3e3; --warning: #a35200; --warning-bg: #fff0db; --note: #1864ab; --note-bg: #e1f0ff;
  --ok: #2b8a3e; --other: #adb5bd; --shadow: 0 1px 2px rgba(16, 24, 40, .06);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #11141a; --panel: #191d26; --panel-2: #1e2330; --text: #e5e8ee; --muted: #9aa3b3; --border: #2d3442;
    --accent: #8297ff; --accent-bg: #25305a; --track: #262c38; --hover: #232938; --code-bg: #151922; --hit: #3d3514;
    --error: #ff8787; --error-bg: #4a1f24; --warning: #f4b860; --warning-bg: #45331a; --note: #74c0fc; --note-bg: #17324a;
    --ok: #69db7c; --other: #5c6370; --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .92em; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h2 { font-size: 18px; margin-bottom: 12px; }
h3 { font-size: 14px; margin-bottom: 8px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--panel); padding: 8px 12px; z-index: 10; }
.skip:focus { left: 8px; top: 8px; }
.page { max-width: 1280px; margin: 0 auto; padding: 24px 24px 48px; }
.page-header { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-end; justify-content: space-between; margin-bottom: 20px; }
.eyebrow { margin: 0 0 4px; color: var(--muted); font-size: 12px; letter-spacing: .04em; text-transform: uppercase; font-weight: 600; }
h1 { font-size: 26px; word-break: break-word; }
.meta { display: flex; flex-wrap: wrap; gap: 6px 24px; margin: 10px 0 0; }
.meta div { min-width: 0; }
.meta dt { color: var(--muted); font-size: 12px; }
.meta dd { margin: 0; }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow); }
main > section { margin-top: 28px; }
.hint { color: var(--muted); font-weight: 400; font-size: 12px; }
details.panel { padding: 10px 16px; }
details.panel summary { cursor: pointer; }
.pager-size label { color: var(--muted); font-size: 13px; }
.pager-size label select { padding: 4px 8px; margin-left: 6px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 0; padding: 0; list-style: none; }
.card { padding: 14px 16px; border-left: 4px solid var(--border); }
.card .count { display: block; font-size: 28px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.card .label { color: var(--muted); }
.card.tone-error { border-left-color: var(--error); } .card.tone-error .count { color: var(--error); }
.card.tone-warning { border-left-color: var(--warning); } .card.tone-warning .count { color: var(--warning); }
.card.tone-note { border-left-color: var(--note); } .card.tone-note .count { color: var(--note); }
.note { color: var(--muted); margin: 12px 0 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 16px; align-items: start; }
.chart { padding: 14px 16px 12px; min-width: 0; }
.bars { list-style: none; margin: 0; padding: 0; }
.bar {
  display: grid; grid-template-columns: minmax(0, 13em) minmax(40px, 1fr) 3.5em; gap: 10px; align-items: center;
  width: 100%; padding: 3px 6px; margin: 0; border: 0; border-radius: 6px; background: none; color: inherit; font: inherit;
  text-align: left; cursor: pointer;
}
.bar:hover, .bar:focus-visible { background: var(--hover); }
.bar[aria-pressed="true"] { background: var(--accent-bg); }
.bar.static { cursor: default; color: var(--muted); }
.bar.static:hover { background: none; }
.bar-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-track { display: block; width: 100%; height: 10px; background: var(--track); border-radius: 3px; overflow: hidden; }
.bar-fill { fill: var(--accent); }
.bar-fill.tone-error { fill: var(--error); } .bar-fill.tone-warning { fill: var(--warning); } .bar-fill.tone-note { fill: var(--note); }
.bar-fill.tone-other { fill: var(--other); }
.bar-count { text-align: right; font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); margin: 4px 0; }
.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px 12px; padding: 14px 16px; align-items: end; }
.filters label { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: var(--muted); min-width: 0; }
.filters select, .filters input {
  font: inherit; font-size: 14px; color: var(--text); background: var(--panel); border: 1px solid var(--border);
  border-radius: 6px; padding: 6px 8px; width: 100%; min-width: 0;
}
.filters .search { grid-column: span 2; }
button.plain, .pager button, .pager-size select {
  font: inherit; color: var(--text); background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 6px 12px; cursor: pointer;
}
button.plain:hover, .pager button:hover:not(:disabled) { background: var(--hover); }
.pager button:disabled { opacity: .45; cursor: default; }
.list-bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between; margin: 14px 0 8px; }
.list-bar p { margin: 0; }
.pager { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.pager .page-of { color: var(--muted); font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--border); }
th { font-size: 12px; color: var(--muted); font-weight: 600; white-space: nowrap; }
table.findings { table-layout: fixed; min-width: 760px; }
table.findings col.c-sev { width: 8.5em; } table.findings col.c-rule { width: 15.5em; } table.findings col.c-kind { width: 10em; }
table.findings col.c-loc { width: 22em; }
th button { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button::after { content: "\\2195"; opacity: .35; margin-left: 4px; }
th[aria-sort="ascending"] button::after { content: "\\2191"; opacity: 1; }
th[aria-sort="descending"] button::after { content: "\\2193"; opacity: 1; }
tr.finding { cursor: pointer; }
tr.finding:hover { background: var(--hover); }
tr.finding.open { background: var(--panel-2); }
tr.finding td { overflow: hidden; text-overflow: ellipsis; }
tr.finding td.loc, tr.finding td.rule { white-space: nowrap; }
td.loc .file, td.loc .dir { display: block; overflow: hidden; text-overflow: ellipsis; }
td.loc .dir { color: var(--muted); font-size: 12px; }
tr.finding.suppressed td.summary { color: var(--muted); }
.toggle { border: 0; background: none; color: var(--muted); padding: 0 4px 0 0; cursor: pointer; font: inherit; }
.toggle::before { content: "\\25B8"; display: inline-block; transition: transform .1s; }
.toggle[aria-expanded="true"]::before { transform: rotate(90deg); }
.sev { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 600; }
.sev-error { color: var(--error); background: var(--error-bg); }
.sev-warning { color: var(--warning); background: var(--warning-bg); }
.sev-note { color: var(--note); background: var(--note-bg); }
.tag { display: inline-block; padding: 0 6px; border-radius: 4px; background: var(--track); font-size: 12px; margin: 0 4px 4px 0; }
.tag.suppressed { background: var(--accent-bg); }
tr.detail > td { background: var(--panel-2); padding: 4px 16px 18px 34px; }
.detail p { margin: 8px 0; }
.detail .why { color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 10px 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
pre.snippet { margin: 10px 0; padding: 8px 0; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; overflow-x: auto; font-size: 12.5px; line-height: 1.55; }
pre.snippet .line { display: block; padding: 0 12px 0 0; white-space: pre; min-width: max-content; }
pre.snippet .line.hit { background: var(--hit); }
pre.snippet .ln { display: inline-block; min-width: 5ch; padding: 0 12px 0 8px; text-align: right; color: var(--muted); user-select: none; border-right: 1px solid var(--border); margin-right: 12px; }
pre.snippet .line.hit .ln { color: var(--text); font-weight: 600; }
ol.flow { list-style: none; margin: 6px 0 0; padding: 0; counter-reset: step; }
ol.flow li { position: relative; padding: 2px 0 8px 30px; counter-increment: step; }
ol.flow li::before {
  content: counter(step); position: absolute; left: 0; top: 2px; width: 20px; height: 20px; border-radius: 50%;
  background: var(--accent-bg); color: var(--accent); font-size: 11px; font-weight: 700; text-align: center; line-height: 20px;
}
ol.flow li:not(:last-child)::after { content: ""; position: absolute; left: 9.5px; top: 24px; bottom: 0; border-left: 1px dashed var(--border); }
ol.flow .role { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin-right: 6px; }
ol.flow .where { color: var(--muted); margin-left: 6px; }
table.rules td { font-size: 13px; }
table.rules .count { text-align: right; font-variant-numeric: tabular-nums; }
.notices ul { margin: 8px 0 0; padding-left: 18px; }
.notices li { margin: 2px 0; }
.level-error { color: var(--error); font-weight: 600; } .level-warning { color: var(--warning); font-weight: 600; } .level-info { color: var(--muted); }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
@media (max-width: 760px) {
  .page { padding: 16px 12px 32px; }
  .filters .search { grid-column: auto; }
  .charts { grid-template-columns: 1fr; }
  .bar { grid-template-columns: minmax(0, 10em) minmax(30px, 1fr) 3em; }
  /* Findings become cards: severity and rule, then location, finding and PII kind. */
  table.findings, table.findings thead { display: block; min-width: 0; width: 100%; }
  tr.finding td.summary { overflow-wrap: anywhere; }
  table.findings colgroup { display: none; }
  table.findings thead tr { display: flex; flex-wrap: wrap; gap: 0 4px; }
  table.findings th { border: 0; padding: 8px 8px 4px; }
  table.findings tbody, table.findings tr.detail, table.findings tr.detail > td { display: block; }
  tr.finding {
    display: grid; grid-template-columns: auto minmax(0, 1fr); border-top: 1px solid var(--border);
    grid-template-areas: "sev rule" "loc loc" "summary summary" "kind kind";
  }
  tr.finding td { border: 0; padding: 4px 10px; }
  tr.finding td:nth-child(1) { grid-area: sev; padding-top: 10px; }
  tr.finding td:nth-child(2) { grid-area: rule; padding-top: 10px; }
  tr.finding td:nth-child(3) { grid-area: kind; padding-bottom: 10px; color: var(--muted); }
  tr.finding td:nth-child(4) { grid-area: loc; }
  tr.finding td:nth-child(5) { grid-area: summary; }
  tr.detail > td { padding: 4px 12px 16px; }
  .facts { grid-template-columns: 1fr; gap: 0; }
  .facts dd { margin-bottom: 6px; }
}
@media print {
  body { background: #fff; }
  .filters, .pager, .skip, .toggle { display: none !important; }
  .panel { box-shadow: none; }
  .bar { cursor: default; }
}
`;
