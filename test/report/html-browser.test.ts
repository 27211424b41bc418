/**
 * The HTML report in a real headless Chromium, opened from file:// like an auditor opening an
 * attachment: it renders, its charts exist, filters, sorting and paging work, nothing is fetched
 * from the network, the console stays clean, and it stays fast with thousands of findings.
 * Screenshots, the reports themselves and the measured load times go to test/artifacts/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/cli/formatters/html.js';
import { readRepositoryInfo } from '../../src/cli/formatters/html/repository.js';
import { scan } from '../../src/scan/scan.js';
import { RULE_IDS, RULES } from '../../rules/index.js';
import type { ScanResult } from '../../src/scan/scan.js';
import { HOSTILE_SUMMARY, RAW_PHONE_FORMS, syntheticScan } from './synthetic.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTIFACTS = path.join(REPO, 'test/artifacts');
const EXAMPLE = path.join(REPO, 'examples/call-center');
const CHROMIUM = process.env.PIIGUARD_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SYNTHETIC_COUNT = 5000;
const GENERATED_AT = new Date('2026-05-04T09:30:00Z');

const chromiumInstalled = existsSync(CHROMIUM);
if (!chromiumInstalled) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPED: the HTML report browser tests need Chromium at ${CHROMIUM}.\n` +
      `!! Install it with: apt-get install -y chromium   (or set PIIGUARD_CHROMIUM)\n${'!'.repeat(78)}\n`,
  );
}

interface LoadTiming {
  findings: number;
  htmlBytes: number;
  /** From navigation start until the list is rendered, measured from the test. */
  wallMs: number;
  domContentLoadedMs: number;
  loadEventMs: number;
  /** The page's own script: parse the data, filter, sort, render the first page. */
  scriptMs: number;
  /** Interactions, measured from the test: switching to 500 rows a page, a search as the reader types. */
  pageSize500Ms?: number;
  searchMs?: number;
}

interface OpenedReport {
  page: Page;
  timing: LoadTiming;
  requests: string[];
  consoleErrors: string[];
}

interface Row {
  index: number;
  severity: string;
  rule: string;
  kind: string;
  location: string;
  summary: string;
}

const timings: Record<string, LoadTiming> = {};

// CI sets PIIGUARD_REQUIRE_CHROMIUM: there a missing browser is a failure, not a skip.
if (!chromiumInstalled && process.env.PIIGUARD_REQUIRE_CHROMIUM) throw new Error('Chromium is required (PIIGUARD_REQUIRE_CHROMIUM) but /usr/bin/chromium is missing');

describe.skipIf(!chromiumInstalled)('HTML report in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (Object.keys(timings).length > 0) {
      writeFileSync(path.join(ARTIFACTS, 'report-load-times.json'), `${JSON.stringify(timings, null, 2)}\n`);
      console.log(`HTML report load times (ms):\n${JSON.stringify(timings, null, 2)}`);
    }
  });

  /** Writes the report as an artifact and opens it from file://, recording requests, console errors and timing. */
  async function openReport(name: string, html: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<OpenedReport> {
    const file = path.join(ARTIFACTS, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));

    const started = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-ready="true"]');
    const wallMs = performance.now() - started;
    const navigation = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        domContentLoadedMs: entry.domContentLoadedEventEnd,
        loadEventMs: entry.loadEventEnd,
        scriptMs: Number(document.documentElement.dataset.renderMs),
      };
    });
    const findings = JSON.parse(html.slice(html.indexOf('id="report-data">') + 17, html.indexOf('</script>', html.indexOf('id="report-data">'))))
      .findings.length as number;
    const timing: LoadTiming = { findings, htmlBytes: Buffer.byteLength(html), wallMs: round(wallMs), ...roundAll(navigation) };
    return { page, timing, requests, consoleErrors };
  }

  function expectOffline(report: OpenedReport) {
    const foreign = report.requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'));
    expect(foreign, 'the report must not touch the network').toEqual([]);
    expect(report.consoleErrors, 'the console must stay clean (CSP violations show up here)').toEqual([]);
  }

  describe('the example project (examples/call-center)', () => {
    let report: OpenedReport;
    let result: ScanResult;

    beforeAll(async () => {
      result = await scan({ cwd: EXAMPLE, paths: ['.'], today: '2026-05-04' });
      const html = formatHtml(result, { color: false, quiet: false, generatedAt: GENERATED_AT, repository: readRepositoryInfo(result.rootDir) });
      report = await openReport('report-example', html);
      timings.example = report.timing;
    });

    afterAll(async () => {
      await report?.page.close();
    });

    it('renders the summary, five charts and a first page of findings', async () => {
      const { page } = report;
      const open = result.findings.filter((f) => !f.suppression);
      expect(open.length).toBeGreaterThan(10);
      expect(await page.textContent('h1')).toBeTruthy();
      expect(await page.textContent('.meta')).toContain('2026-05-04 09:30 UTC');
      expect(await page.textContent('.card.tone-error .count')).toBe(String(open.filter((f) => f.severity === 'error').length));
      for (const chart of ['rule', 'severity', 'kind', 'folder', 'regulation']) {
        expect(await page.locator(`#chart-${chart} .bar`).count(), chart).toBeGreaterThan(0);
        expect(await page.locator(`#chart-${chart} svg rect`).count(), chart).toBeGreaterThan(0);
      }
      expect(await page.locator('#chart-rule .bar').count()).toBe(RULE_IDS.length);
      expect(await page.locator('tr.finding').count()).toBe(Math.min(open.length, 100));
      await page.screenshot({ path: path.join(ARTIFACTS, 'report-example.png'), fullPage: true });
      expectOffline(report);
    });

    it("shows every rule's regulations, in the chart and in the rules table", async () => {
      const { page } = report;
      const chart = await page.textContent('#chart-regulation');
      const table = await page.textContent('#rules');
      for (const id of RULE_IDS) {
        expect(table).toContain(id);
        for (const regulation of RULES[id].regulations) {
          expect(chart, regulation).toContain(regulation);
          expect(table, regulation).toContain(regulation);
        }
      }
    });

    it('filters by rule, severity, PII kind, folder and free text', async () => {
      const { page } = report;
      await page.selectOption('#filter-rule', 'no-pii-in-logs');
      let shown = await rows(page);
      expect(shown.length).toBe(result.findings.filter((f) => !f.suppression && f.ruleId === 'no-pii-in-logs').length);
      expect(new Set(shown.map((row) => row.rule))).toEqual(new Set(['no-pii-in-logs']));

      await page.selectOption('#filter-kind', 'phone');
      shown = await rows(page);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((row) => row.kind === 'Phone number')).toBe(true);

      await page.selectOption('#filter-severity', 'warning');
      expect(await rows(page)).toEqual([]);
      expect(await page.isVisible('#findings-empty')).toBe(true);
      await page.click('#filter-reset');

      const folder = await page.$$eval('#filter-folder option', (options) =>
        options.map((option) => (option as HTMLOptionElement).value).find((value) => value.endsWith('/dialer')),
      );
      expect(folder).toBeTruthy();
      await page.selectOption('#filter-folder', folder!);
      shown = await rows(page);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((row) => row.location.startsWith(`${folder}/`))).toBe(true);
      await page.click('#filter-reset');

      await typeSearch(page, 'campaign-worker');
      shown = await rows(page);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((row) => row.location.includes('campaign-worker'))).toBe(true);
      await page.click('#filter-reset');
      expect((await rows(page)).length).toBe(result.findings.filter((f) => !f.suppression).length);
    });

    it('sorts by location, rule and severity, both ways', async () => {
      const { page } = report;
      await page.click('th[data-sort="location"] button');
      let locations = (await rows(page)).map((row) => row.location);
      expect(locations).toEqual([...locations].sort(compareLocations));
      expect(await page.getAttribute('th[data-sort="location"]', 'aria-sort')).toBe('ascending');
      await page.click('th[data-sort="location"] button');
      locations = (await rows(page)).map((row) => row.location);
      expect(locations).toEqual([...locations].sort(compareLocations).reverse());

      await page.click('th[data-sort="rule"] button');
      const rules = (await rows(page)).map((row) => row.rule);
      expect(rules).toEqual([...rules].sort());
      expect(new Set(rules).size).toBeGreaterThan(1);

      await page.click('th[data-sort="severity"] button');
      expect(await page.getAttribute('th[data-sort="severity"]', 'aria-sort')).toBe('descending');
    });

    it('filters from a chart bar, and lifts the filter on a second click', async () => {
      const { page } = report;
      await page.click('#chart-rule .bar[data-value="no-plaintext-transport"]');
      expect(await page.inputValue('#filter-rule')).toBe('no-plaintext-transport');
      expect(await page.getAttribute('#chart-rule .bar[data-value="no-plaintext-transport"]', 'aria-pressed')).toBe('true');
      const shown = await rows(page);
      expect(shown.length).toBe(result.findings.filter((f) => !f.suppression && f.ruleId === 'no-plaintext-transport').length);
      await page.click('#chart-rule .bar[data-value="no-plaintext-transport"]');
      expect(await page.inputValue('#filter-rule')).toBe('');

      const folderBar = page.locator('#chart-folder .bar[data-filter]').first();
      const value = await folderBar.getAttribute('data-value');
      await folderBar.click();
      expect(await page.inputValue('#filter-folder')).toBe(value);
      expect((await rows(page)).length).toBe(Number(await folderBar.locator('.bar-count').textContent()));
      await page.click('#filter-reset');
    });

    it('opens a finding with its masked code and the flow from source to sink', async () => {
      const { page } = report;
      await page.selectOption('#filter-rule', 'no-pii-in-logs');
      await page.click('tr.finding >> nth=0');
      const detail = page.locator('tr.detail').first();
      expect(await detail.isVisible()).toBe(true);
      expect(await detail.locator('pre.snippet .line.hit').count()).toBeGreaterThan(0);
      const steps = detail.locator('ol.flow li');
      expect(await steps.count()).toBeGreaterThanOrEqual(2);
      expect(await steps.first().textContent()).toMatch(/^source/);
      expect(await steps.last().textContent()).toMatch(/^sink/);
      expect(await detail.textContent()).toContain('Regulations');
      expect(await page.getAttribute('tr.finding >> nth=0 >> .toggle', 'aria-expanded')).toBe('true');
      await page.screenshot({ path: path.join(ARTIFACTS, 'report-example-finding.png'), fullPage: false });
      await page.click('tr.finding >> nth=0');
      expect(await page.locator('tr.detail').count()).toBe(0);
      await page.click('#filter-reset');
    });

    it('lists suppressed findings with their reasons on request', async () => {
      const { page } = report;
      const suppressed = result.findings.filter((f) => f.suppression);
      await page.selectOption('#filter-status', 'suppressed');
      const shown = await rows(page);
      expect(shown.length).toBe(suppressed.length);
      expect(shown.every((row) => row.summary.startsWith('suppressed'))).toBe(true);
      await page.click('#filter-reset');
    });

    it('fits a phone screen: findings become cards, nothing scrolls sideways', async () => {
      const narrow = await openReport('report-example-narrow', readFileSync(path.join(ARTIFACTS, 'report-example.html'), 'utf8'), { width: 390 });
      await narrow.page.click('tr.finding >> nth=0');
      expect(await narrow.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await narrow.page.locator('#findings-body').scrollIntoViewIfNeeded();
      await narrow.page.screenshot({ path: path.join(ARTIFACTS, 'report-example-narrow.png'), fullPage: false });
      expectOffline(narrow);
      await narrow.page.close();
    });

    it('never shows a raw phone number, and looks right in dark mode', async () => {
      const html = await report.page.content();
      for (const form of RAW_PHONE_FORMS) expect(html).not.toContain(form);
      const dark = await openReport('report-example-dark', readFileSync(path.join(ARTIFACTS, 'report-example.html'), 'utf8'), { colorScheme: 'dark' });
      await dark.page.click('tr.finding >> nth=0');
      await dark.page.screenshot({ path: path.join(ARTIFACTS, 'report-example-dark.png'), fullPage: false });
      expectOffline(dark);
      await dark.page.close();
      expectOffline(report);
    });
  });

  describe(`${SYNTHETIC_COUNT.toLocaleString('en')} synthetic findings`, () => {
    let report: OpenedReport;
    let result: ScanResult;
    const open = () => result.findings.filter((f) => !f.suppression);
    const relative = (file: string) => path.relative(result.rootDir, file);

    beforeAll(async () => {
      result = syntheticScan(SYNTHETIC_COUNT);
      const html = formatHtml(result, {
        color: false,
        quiet: false,
        generatedAt: GENERATED_AT,
        repository: { name: 'acme/call-center', commit: 'c0ffee0123456789abcdef0123456789abcdef01', branch: 'main' },
      });
      report = await openReport('report-5000', html);
      timings.synthetic5000 = report.timing;
    });

    afterAll(async () => {
      await report?.page.close();
    });

    it('renders one page of rows, not thousands, and loads quickly', async () => {
      const { page, timing } = report;
      expect(timing.findings).toBe(SYNTHETIC_COUNT);
      expect(await page.locator('tr.finding').count()).toBe(100);
      expect(await page.textContent('#findings-count')).toContain(`of ${open().length.toLocaleString('en')} findings`);
      expect(await page.textContent('.pager.top .page-of')).toBe(`Page 1 of ${Math.ceil(open().length / 100)}`);
      // A loose bound that only a broken page (e.g. rendering every row) would miss; the numbers are recorded.
      expect(timing.scriptMs).toBeLessThan(3000);
      await page.screenshot({ path: path.join(ARTIFACTS, 'report-5000.png'), fullPage: false });
      expectOffline(report);
    });

    it('shows a hostile message as text: nothing from the scanned code runs or renders', async () => {
      const { page } = report;
      expect(await page.locator('img').count()).toBe(0);
      await typeSearch(page, 'onerror');
      const shown = await rows(page);
      expect(shown.map((row) => row.summary)).toEqual([HOSTILE_SUMMARY]);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      await page.click('#filter-reset');
    });

    it('combined filters count exactly what the data holds', async () => {
      const { page } = report;
      await page.selectOption('#filter-rule', 'no-pii-in-logs');
      await page.selectOption('#filter-severity', 'error');
      await page.selectOption('#filter-kind', 'national-id');
      await page.selectOption('#filter-folder', 'services/dialer');
      const expected = open().filter(
        (f) => f.ruleId === 'no-pii-in-logs' && f.severity === 'error' && f.piiKind === 'national-id' && relative(f.location.file).startsWith('services/dialer/'),
      );
      const shown = await rows(page);
      expect(expected.length).toBeGreaterThan(0);
      expect(shown.length).toBe(Math.min(expected.length, 100));
      expect(shown.every((row) => row.rule === 'no-pii-in-logs' && row.severity === 'error' && row.kind === 'National ID')).toBe(true);
      await page.click('#filter-reset');

      await page.selectOption('#filter-regulation', 'TCPA 47 U.S.C. 227');
      const consent = open().filter((f) => RULES[f.ruleId].regulations.includes('TCPA 47 U.S.C. 227'));
      expect(await page.textContent('#findings-count')).toContain(`of ${consent.length.toLocaleString('en')} findings`);
      await page.click('#filter-reset');

      await typeSearch(page, 'fp-0001f4');
      expect((await rows(page)).length).toBe(1);
      await page.click('#filter-reset');
    });

    it('sorts across pages and pages through the sorted list', async () => {
      const { page } = report;
      await page.click('th[data-sort="location"] button');
      const first = (await rows(page)).map((row) => row.location);
      expect(first).toEqual([...first].sort(compareLocations));
      await page.click('.pager.top [data-page="next"]');
      const second = (await rows(page)).map((row) => row.location);
      expect(second.length).toBe(100);
      expect(compareLocations(first.at(-1)!, second[0]!)).toBeLessThanOrEqual(0);
      expect(await page.textContent('.pager.top .page-of')).toMatch(/^Page 2 of /);

      const started = Date.now();
      await page.selectOption('#page-size', '500');
      report.timing.pageSize500Ms = Date.now() - started;
      expect(await page.locator('tr.finding').count()).toBe(500);
      await page.screenshot({ path: path.join(ARTIFACTS, 'report-5000-sorted.png'), fullPage: false });
      await page.selectOption('#page-size', '100');
      expectOffline(report);
    });

    it('filters the whole list quickly as the reader types', async () => {
      const { page } = report;
      const started = Date.now();
      await typeSearch(page, 'billing');
      report.timing.searchMs = Date.now() - started;
      const shown = await rows(page);
      expect(shown.length).toBeGreaterThan(0);
      await page.click('#filter-reset');
      expectOffline(report);
    });
  });
});

/** The rows of the current page, as shown. */
function rows(page: Page): Promise<Row[]> {
  return page.$$eval('tr.finding', (trs) =>
    trs.map((tr) => {
      const cells = tr.querySelectorAll('td');
      return {
        index: Number((tr as HTMLElement).dataset.index),
        severity: cells[0]?.querySelector('.sev')?.textContent ?? '',
        rule: cells[1]?.textContent ?? '',
        kind: cells[2]?.textContent ?? '',
        location: (cells[3] as HTMLElement | undefined)?.title ?? '',
        summary: cells[4]?.textContent ?? '',
      };
    }),
  );
}

/** Types into the search box and waits for the list to follow (the page waits for a pause in typing). */
async function typeSearch(page: Page, text: string): Promise<void> {
  const before = await page.textContent('#findings-count');
  await page.fill('#filter-text', text);
  await page.waitForFunction((previous) => document.querySelector('#findings-count')?.textContent !== previous, before);
}

/** path:line:column in reading order. */
function compareLocations(a: string, b: string): number {
  const parse = (location: string) => {
    const match = /^(.*):(\d+):(\d+)$/.exec(location);
    return { file: match?.[1] ?? location, line: Number(match?.[2]), column: Number(match?.[3]) };
  };
  const x = parse(a);
  const y = parse(b);
  return new Intl.Collator('en', { numeric: true }).compare(x.file, y.file) || x.line - y.line || x.column - y.column;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, round(value)])) as T;
}
