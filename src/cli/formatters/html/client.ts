/**
 * The report page's script, inlined into the page. It filters, sorts and pages the findings in
 * the embedded JSON (see HtmlReportData) and builds the rows of the current page only, so a report
 * with tens of thousands of findings opens as fast as a small one. Details (code, data flow) are
 * built when a row is opened. Every text goes into the page through textContent: nothing from the
 * scanned code is ever parsed as HTML.
 *
 * Plain ES2020 for any current browser; written as String.raw so regular expressions and escapes
 * reach the page unchanged (it must not contain a backtick or a dollar-brace).
 */
export const REPORT_SCRIPT = String.raw`
(() => {
  'use strict';
  const started = performance.now();
  const $ = (selector) => document.querySelector(selector);
  const $$ = (selector) => Array.from(document.querySelectorAll(selector));
  const data = JSON.parse($('#report-data').textContent);
  const rulesById = new Map(data.rules.map((rule) => [rule.id, rule]));
  const SEVERITY_RANK = { error: 3, warning: 2, note: 1 };
  const NO_KIND = '-';
  const EXACT_FOLDER = '=';
  const PAGE_SIZES = [50, 100, 250, 500];
  const collator = new Intl.Collator('en', { numeric: true });
  const number = new Intl.NumberFormat('en');

  const findings = data.findings.map((finding, index) => {
    const file = data.files[finding.file];
    const slash = file.lastIndexOf('/');
    finding.index = index;
    finding.path = file;
    finding.folder = slash < 0 ? '.' : file.slice(0, slash);
    finding.haystack = null;
    return finding;
  });

  const controls = {
    status: $('#filter-status'),
    severity: $('#filter-severity'),
    rule: $('#filter-rule'),
    kind: $('#filter-kind'),
    folder: $('#filter-folder'),
    regulation: $('#filter-regulation'),
    text: $('#filter-text'),
  };
  const DEFAULTS = { status: 'open', severity: '', rule: '', kind: '', folder: '', regulation: '', text: '' };
  const state = Object.assign({}, DEFAULTS, { sort: 'severity', dir: -1, page: 0, pageSize: 100 });
  // Browsers restore form fields on reload and back/forward: start from what they show.
  for (const key of Object.keys(controls)) state[key] = controls[key].value;
  const pageSizeControl = $('#page-size');
  state.pageSize = Number(pageSizeControl.value) || 100;

  const body = $('#findings-body');
  const countLine = $('#findings-count');
  const emptyNote = $('#findings-empty');
  const section = $('#findings');
  const expanded = new Set();
  let view = [];

  function kindLabel(finding) {
    return finding.kind ? data.kindLabels[finding.kind] || finding.kind : '';
  }

  function where(location) {
    return data.files[location.file] + ':' + location.line + ':' + location.column;
  }

  function haystackOf(finding) {
    if (finding.haystack === null) {
      const rule = rulesById.get(finding.rule);
      const parts = [finding.rule, finding.severity, finding.kind || '', kindLabel(finding), finding.path + ':' + finding.line,
        finding.summary, finding.details >= 0 ? data.texts[finding.details] : '', finding.sink || '',
        finding.source ? finding.source.text : '', finding.fingerprint];
      for (const step of finding.flow) parts.push(step.text, data.files[step.file]);
      if (finding.snippet) parts.push(finding.snippet.lines.join('\n'));
      if (finding.suppressed) parts.push('suppressed', finding.suppressed.reason);
      if (rule) parts.push(rule.regulations.join('\n'), rule.cwe.join('\n'));
      finding.haystack = parts.join('\n').toLowerCase();
    }
    return finding.haystack;
  }

  function matches(finding, terms) {
    if (state.status === 'open' && finding.suppressed) return false;
    if (state.status === 'suppressed' && !finding.suppressed) return false;
    if (state.severity && finding.severity !== state.severity) return false;
    if (state.rule && finding.rule !== state.rule) return false;
    if (state.kind && (finding.kind || NO_KIND) !== state.kind) return false;
    if (state.folder) {
      if (state.folder.charAt(0) === EXACT_FOLDER) {
        if (finding.folder !== state.folder.slice(1)) return false;
      } else if (finding.folder !== state.folder && finding.folder.indexOf(state.folder + '/') !== 0) {
        return false;
      }
    }
    if (state.regulation) {
      const rule = rulesById.get(finding.rule);
      if (!rule || rule.regulations.indexOf(state.regulation) < 0) return false;
    }
    for (const term of terms) if (haystackOf(finding).indexOf(term) < 0) return false;
    return true;
  }

  const byLocation = (a, b) => collator.compare(a.path, b.path) || a.line - b.line || a.column - b.column || a.index - b.index;
  const COMPARATORS = {
    severity: (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
    rule: (a, b) => collator.compare(a.rule, b.rule),
    kind: (a, b) => collator.compare(kindLabel(a) || '\uffff', kindLabel(b) || '\uffff'),
    location: (a, b) => byLocation(a, b),
    summary: (a, b) => collator.compare(a.summary, b.summary),
  };
  // Ties are broken by location, always ascending, so equal rows keep a reading order.
  const compare = (a, b) => state.dir * COMPARATORS[state.sort](a, b) || byLocation(a, b);

  function update(resetPage) {
    const terms = state.text.toLowerCase().split(/\s+/).filter(Boolean);
    view = findings.filter((finding) => matches(finding, terms));
    view.sort(compare);
    if (resetPage) state.page = 0;
    state.page = Math.max(0, Math.min(state.page, pageCount() - 1));
    render();
  }

  function pageCount() {
    return Math.max(1, Math.ceil(view.length / state.pageSize));
  }

  function render() {
    const start = state.page * state.pageSize;
    const rows = view.slice(start, start + state.pageSize);
    const fragment = document.createDocumentFragment();
    for (const finding of rows) {
      fragment.appendChild(rowOf(finding));
      if (expanded.has(finding.index)) fragment.appendChild(detailOf(finding));
    }
    body.replaceChildren(fragment);
    emptyNote.hidden = view.length > 0;
    const total = findings.length;
    countLine.textContent = view.length === 0
      ? 'No findings match these filters (' + number.format(total) + ' in the report).'
      : 'Showing ' + number.format(start + 1) + '\u2013' + number.format(start + rows.length) + ' of ' + number.format(view.length) +
        (view.length === 1 ? ' finding' : ' findings') + (view.length !== total ? ' (' + number.format(total) + ' in the report)' : '');
    for (const pager of $$('.pager')) {
      pager.querySelector('.page-of').textContent = 'Page ' + number.format(state.page + 1) + ' of ' + number.format(pageCount());
      pager.querySelector('[data-page="prev"]').disabled = state.page === 0;
      pager.querySelector('[data-page="next"]').disabled = state.page >= pageCount() - 1;
    }
    for (const header of $$('th[data-sort]')) {
      header.setAttribute('aria-sort', header.dataset.sort === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
    for (const bar of $$('.bar[data-filter]')) {
      bar.setAttribute('aria-pressed', String(state[bar.dataset.filter] === bar.dataset.value));
    }
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function rowOf(finding) {
    const open = expanded.has(finding.index);
    const row = element('tr', 'finding' + (finding.suppressed ? ' suppressed' : '') + (open ? ' open' : ''));
    row.dataset.index = String(finding.index);
    const first = element('td', 'sev-cell');
    const toggle = element('button', 'toggle');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.setAttribute('aria-controls', 'detail-' + finding.index);
    toggle.setAttribute('aria-label', (open ? 'Hide' : 'Show') + ' details');
    first.append(toggle, element('span', 'sev sev-' + finding.severity, finding.severity));
    // File name and line first (what a reader scans for), its folder below.
    const slash = finding.path.lastIndexOf('/');
    const loc = element('td', 'loc');
    loc.append(element('span', 'file mono', finding.path.slice(slash + 1) + ':' + finding.line),
      element('span', 'dir mono', slash < 0 ? '' : finding.path.slice(0, slash + 1)));
    loc.title = finding.path + ':' + finding.line + ':' + finding.column;
    const summary = element('td', 'summary', finding.summary);
    if (finding.suppressed) summary.prepend(element('span', 'tag suppressed', 'suppressed'), ' ');
    row.append(first, element('td', 'rule mono', finding.rule), element('td', 'kind', kindLabel(finding) || '\u2014'), loc, summary);
    return row;
  }

  function detailOf(finding) {
    const row = element('tr', 'detail');
    row.id = 'detail-' + finding.index;
    const cell = element('td');
    cell.colSpan = 5;
    const box = element('div', 'detail');
    const rule = rulesById.get(finding.rule);
    const heading = element('p');
    heading.append(element('strong', '', finding.summary));
    box.append(heading);
    if (finding.details >= 0) box.append(element('p', 'why', data.texts[finding.details]));
    if (finding.suppressed) {
      const note = element('p', 'suppression');
      note.append(element('span', 'tag suppressed', 'suppressed'), ' ' + finding.suppressed.reason +
        (finding.suppressed.until ? ' (until ' + finding.suppressed.until + ')' : ''));
      box.append(note);
    }

    const facts = element('dl', 'facts');
    const fact = (label, value) => {
      const dd = element('dd');
      dd.append(value);
      facts.append(element('dt', '', label), dd);
    };
    const ruleValue = document.createDocumentFragment();
    if (rule) {
      const link = element('a', 'mono', rule.id);
      link.href = rule.docsUrl;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      ruleValue.append(link, ' \u2014 ' + rule.description);
    } else {
      ruleValue.append(finding.rule);
    }
    fact('Rule', ruleValue);
    fact('Location', where(finding));
    if (finding.kind) fact('PII kind', kindLabel(finding));
    if (finding.sink) fact('Sink', finding.sink);
    if (finding.source) fact('Source', finding.source.text + ' (' + where(finding.source) + ')');
    if (rule && rule.regulations.length) fact('Regulations', tags(rule.regulations));
    if (rule && rule.cwe.length) fact('CWE', tags(rule.cwe));
    fact('Fingerprint', element('span', 'mono', finding.fingerprint));
    box.append(facts);

    if (finding.snippet) box.append(snippetOf(finding));
    if (finding.flow.length > 0) {
      box.append(element('h3', '', 'Data flow, from source to sink'));
      const list = element('ol', 'flow');
      finding.flow.forEach((step, index) => {
        const item = element('li');
        const role = index === 0 ? 'source' : index === finding.flow.length - 1 ? 'sink' : '';
        if (role) item.append(element('span', 'role', role));
        item.append(step.text, element('span', 'where mono', where(step)));
        list.append(item);
      });
      box.append(list);
    }
    cell.append(box);
    row.append(cell);
    return row;
  }

  function tags(values) {
    const fragment = document.createDocumentFragment();
    for (const value of values) fragment.append(element('span', 'tag', value));
    return fragment;
  }

  function snippetOf(finding) {
    const pre = element('pre', 'snippet');
    const code = element('code');
    const snippet = finding.snippet;
    const width = String(snippet.start + snippet.lines.length - 1).length;
    snippet.lines.forEach((text, offset) => {
      const lineNumber = snippet.start + offset;
      const hit = lineNumber >= finding.line && lineNumber <= finding.endLine;
      const line = element('span', 'line' + (hit ? ' hit' : ''));
      line.append(element('span', 'ln', String(lineNumber).padStart(width, ' ')), text === '' ? ' ' : text);
      code.append(line);
    });
    pre.append(code);
    pre.setAttribute('aria-label', 'Code around line ' + finding.line + ' (PII masked)');
    return pre;
  }

  function toggle(index) {
    if (expanded.has(index)) expanded.delete(index);
    else expanded.add(index);
    render();
    const row = body.querySelector('tr.finding[data-index="' + index + '"] .toggle');
    if (row) row.focus({ preventScroll: true });
  }

  body.addEventListener('click', (event) => {
    if (event.target.closest('a')) return;
    const row = event.target.closest('tr.finding');
    if (row) toggle(Number(row.dataset.index));
  });

  let typing;
  for (const key of Object.keys(controls)) {
    const control = controls[key];
    const apply = () => {
      state[key] = control.value;
      update(true);
    };
    if (key === 'text') {
      control.addEventListener('input', () => {
        clearTimeout(typing);
        typing = setTimeout(apply, 120);
      });
    } else {
      control.addEventListener('change', apply);
    }
  }
  $('#filters').addEventListener('submit', (event) => event.preventDefault());
  $('#filter-reset').addEventListener('click', () => {
    for (const key of Object.keys(DEFAULTS)) {
      state[key] = DEFAULTS[key];
      controls[key].value = DEFAULTS[key];
    }
    update(true);
  });

  for (const header of $$('th[data-sort]')) {
    header.querySelector('button').addEventListener('click', () => {
      const key = header.dataset.sort;
      if (state.sort === key) state.dir = -state.dir;
      else {
        state.sort = key;
        state.dir = key === 'severity' ? -1 : 1;
      }
      update(true);
    });
  }

  for (const button of $$('[data-page]')) {
    button.addEventListener('click', () => {
      state.page += button.dataset.page === 'next' ? 1 : -1;
      update(false);
      section.scrollIntoView({ block: 'start' });
    });
  }
  pageSizeControl.addEventListener('change', () => {
    state.pageSize = PAGE_SIZES.indexOf(Number(pageSizeControl.value)) >= 0 ? Number(pageSizeControl.value) : 100;
    update(true);
  });

  // A bar in a chart filters the list by its value; a second click lifts the filter.
  for (const bar of $$('.bar[data-filter]')) {
    bar.addEventListener('click', () => {
      const key = bar.dataset.filter;
      const value = state[key] === bar.dataset.value ? '' : bar.dataset.value;
      const control = controls[key];
      if (value && !Array.from(control.options).some((option) => option.value === value)) {
        control.append(new Option(bar.dataset.label, value));
      }
      control.value = value;
      state[key] = value;
      if (key !== 'status' && value && state.status === 'suppressed') {
        state.status = controls.status.value = 'open';
      }
      update(true);
      section.scrollIntoView({ block: 'start', behavior: 'smooth' });
    });
  }

  document.addEventListener('keydown', (event) => {
    const typingInField = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement;
    if (event.key === '/' && !typingInField && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      controls.text.focus();
    }
  });

  update(true);
  document.documentElement.dataset.renderMs = (performance.now() - started).toFixed(1);
  document.documentElement.dataset.ready = 'true';
  performance.mark('piiguard-report-ready');
})();
`;
