/**
 * The inventory page's script, inlined into the page: filters the rows of every per-kind table by
 * processing operation, protection, status and free text (rows are rendered in the page, so it
 * reads without script). It only toggles `hidden` and writes counts with textContent; nothing is
 * parsed as HTML. Written as String.raw: it must not contain a backtick or a dollar-brace.
 */
export const INVENTORY_SCRIPT = String.raw`
(() => {
  'use strict';
  const $ = (selector) => document.querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const form = $('#filters');
  if (!form) return;
  const controls = { category: $('#filter-category'), protection: $('#filter-protection'), status: $('#filter-status'), text: $('#filter-text') };
  const sections = $$('section.kind');
  const number = new Intl.NumberFormat('en');

  function matches(row, wanted) {
    if (wanted.category && row.dataset.category !== wanted.category) return false;
    if (wanted.protection && !row.dataset.protection.split(' ').includes(wanted.protection)) return false;
    if (wanted.status && row.dataset.status !== wanted.status) return false;
    return !wanted.text || row.textContent.toLowerCase().includes(wanted.text);
  }

  function apply() {
    const wanted = {
      category: controls.category.value,
      protection: controls.protection.value,
      status: controls.status.value,
      text: controls.text.value.trim().toLowerCase(),
    };
    let shown = 0;
    let total = 0;
    for (const section of sections) {
      const rows = $$('tr.activity', section);
      let inSection = 0;
      for (const row of rows) {
        const ok = matches(row, wanted);
        row.hidden = !ok;
        if (ok) inSection++;
      }
      total += rows.length;
      shown += inSection;
      const none = section.querySelector('tr.none-match');
      if (none) none.hidden = inSection > 0 || rows.length === 0;
      const count = section.querySelector('.shown');
      if (count) count.textContent = number.format(inSection) + ' of ' + number.format(rows.length) + ' shown';
    }
    $('#activities-count').textContent = number.format(shown) + ' of ' + number.format(total) + ' processing activities shown.';
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  $('#filter-reset').addEventListener('click', () => {
    form.reset();
    apply();
  });
  for (const cell of $$('button.cell')) {
    cell.addEventListener('click', () => {
      form.reset();
      controls.category.value = cell.dataset.category || '';
      controls.protection.value = cell.dataset.protection || '';
      apply();
      $('#activities').scrollIntoView();
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === '/' && document.activeElement !== controls.text) {
      event.preventDefault();
      controls.text.focus();
    }
  });
  apply();
})();
`;
