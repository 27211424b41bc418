/**
 * The inventory page of the example in a real headless Chromium, opened from file:// like an
 * auditor opening an attachment: the CSP lets its own script run (a wrong hash would silently
 * break the filters), filters and matrix links work, nothing is fetched, the console stays clean.
 * The page and a screenshot go to test/artifacts/ (git-ignored).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInventoryReport, formatInventoryHtml, processingActivities, type InventoryReport } from '../../src/cli/formatters/inventory/index.js';
import { defaultToolInfo } from '../../src/cli/formatters/shared.js';
import { collectInventory } from '../../src/scan/inventory.js';
import { EXAMPLE, REPO_ROOT, TODAY } from './helpers.js';

const CHROMIUM = process.env.PIIGUARD_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');
const chromiumInstalled = existsSync(CHROMIUM);
if (!chromiumInstalled) console.warn(`SKIPPED: the inventory page browser test needs Chromium at ${CHROMIUM} (or set PIIGUARD_CHROMIUM).`);

describe.skipIf(!chromiumInstalled)('inventory page in Chromium', () => {
  let browser: Browser;
  let report: InventoryReport;
  let url: string;

  beforeAll(async () => {
    report = buildInventoryReport(await collectInventory({ cwd: EXAMPLE, paths: ['.'], today: TODAY }), new Date('2026-11-22T09:30:00Z'), defaultToolInfo());
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'inventory-example.html');
    writeFileSync(file, formatInventoryHtml(report, { repository: { name: 'northwind/call-center', branch: 'main' } }));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs its script under the CSP, filters, and loads nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url);

    const total = processingActivities(report).length;
    // The script ran: it rewrote the count line.
    await expect.poll(() => page.textContent('#activities-count')).toBe(`${total} of ${total} processing activities shown.`);

    await page.selectOption('#filter-protection', 'masked');
    const masked = processingActivities(report).filter((a) => a.protections.includes('masked')).length;
    expect(await page.textContent('#activities-count')).toBe(`${masked} of ${total} processing activities shown.`);
    expect(await page.locator('tr.activity:visible').count()).toBe(masked);

    await page.click('table.matrix button.cell[data-category="outbound-call"][data-protection="consent-checked"]');
    expect(await page.inputValue('#filter-category')).toBe('outbound-call');
    const consent = processingActivities(report).filter((a) => a.category === 'outbound-call' && a.protections.includes('consent-checked')).length;
    expect(await page.locator('tr.activity:visible').count()).toBe(consent);

    await page.click('#filter-reset');
    await page.keyboard.press('/');
    await page.keyboard.type('twilio-voice');
    const voice = await page.locator('tr.activity:visible').count();
    expect(voice).toBeGreaterThan(0);
    expect(voice).toBeLessThan(total);

    await page.selectOption('#filter-status', 'suppressed');
    await page.fill('#filter-text', 'no such text anywhere');
    expect(await page.locator('tr.none-match:visible').count()).toBeGreaterThan(0);

    await page.click('#filter-reset');
    await page.screenshot({ path: path.join(ARTIFACTS, 'inventory-example.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
