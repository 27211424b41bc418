import { createHash } from 'node:crypto';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/cli/formatters/index.js';
import { type HtmlFormatOptions, formatHtml } from '../../src/cli/formatters/html.js';
import { REPORT_SCRIPT } from '../../src/cli/formatters/html/client.js';
import { escapeHtml, jsonForScript } from '../../src/cli/formatters/html/escape.js';
import { type HtmlReportData, buildReportModel, folderOfPath } from '../../src/cli/formatters/html/model.js';
import { REPORT_CSS } from '../../src/cli/formatters/html/styles.js';
import { defaultToolInfo } from '../../src/cli/formatters/shared.js';
import { PII_KIND_LABELS, RULE_IDS, RULES } from '../../rules/index.js';
import { VOICE_SOURCE, location, syntheticFinding, syntheticResult } from '../cli/helpers.js';
import { HOSTILE_SUMMARY, RAW_PHONE_FORMS, syntheticScan } from './synthetic.js';

const ROOT = '/repo';
const VOICE = path.join(ROOT, 'src/webhooks/voice.ts');
const CONFIG = path.join(ROOT, 'src/config.ts');
const OPTIONS: HtmlFormatOptions = {
  color: false,
  quiet: false,
  generatedAt: new Date('2026-05-04T09:30:00Z'),
  repository: { name: 'acme/call-center', commit: '0123456789abcdef0123456789abcdef01234567', branch: 'main' },
};

function sampleResult() {
  const error = syntheticFinding(VOICE);
  const warning = syntheticFinding(CONFIG, {
    ruleId: 'no-plaintext-transport',
    severity: 'warning',
    summary: 'Webhook URL uses plaintext http://',
    message: 'Webhook URL uses plaintext http://. Call data travels unencrypted. Use https://.',
    location: location(CONFIG, 1, 20, 24),
    flow: [],
    source: undefined,
    piiKind: undefined,
    sink: undefined,
    fingerprint: 'fff000',
  });
  const suppressed = syntheticFinding(VOICE, {
    location: location(VOICE, 5, 3, 4),
    suppression: { justification: 'masked upstream by the gateway', until: '2027-06-30' },
    fingerprint: 'sss111',
  });
  return syntheticResult(ROOT, [warning, error, suppressed], {
    notices: [{ file: path.join(ROOT, 'src/broken.ts'), level: 'warning', message: '2 syntax errors; analysed what could be parsed.' }],
    sources: new Map([
      [VOICE, VOICE_SOURCE],
      [CONFIG, "export const url = 'http://hooks.acme-callcenter.com/status';\n"],
    ]),
  });
}

/** The embedded JSON the page's script works on. */
function dataOf(html: string): HtmlReportData {
  const start = html.indexOf('<script type="application/json" id="report-data">');
  const end = html.indexOf('</script>', start);
  return JSON.parse(html.slice(html.indexOf('>', start) + 1, end)) as HtmlReportData;
}

function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('formatHtml: a self-contained page', () => {
  const html = formatHtml(sampleResult(), OPTIONS);

  it('is one HTML document that references nothing outside itself', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link[^>]*rel="stylesheet"/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|audio|video|source)\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b/);
    // The only absolute URLs are links a reader may follow: rule docs and the tool's home page.
    const urls = [...html.matchAll(/(?:src|href|action)="([^"]+)"/g)].map((m) => m[1]);
    for (const url of urls) expect(url, url).toMatch(/^(#|data:,$|https:\/\/github\.com\/piiguard\/)/);
  });

  it('declares a strict Content-Security-Policy that allows exactly its inline style and script', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const policy = csp!.replace(/&#39;/g, "'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src ${hash(REPORT_SCRIPT)}`);
    expect(policy).toContain(`style-src ${hash(REPORT_CSS)}`);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("form-action 'none'");
    // The inline blocks are byte-for-byte what was hashed.
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/i);
  });

  it('has a summary: repository, commit, date and counts by severity', () => {
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    expect(header).toContain('<h1>acme/call-center</h1>');
    expect(header).toContain('<code title="0123456789abcdef0123456789abcdef01234567">0123456789ab</code> on <code>main</code>');
    expect(header).toContain('<time datetime="2026-05-04T09:30:00.000Z">2026-05-04 09:30 UTC</time>');
    expect(header).toContain('3 files in 1.2 s');
    const summary = section(html, 'summary');
    expect(summary).toMatch(/tone-error"><span class="count">1<\/span><span class="label">error</);
    expect(summary).toMatch(/tone-warning"><span class="count">1<\/span><span class="label">warning</);
    expect(summary).toMatch(/tone-note"><span class="count">0<\/span><span class="label">notes</);
    expect(summary).toMatch(/<span class="count">1<\/span><span class="label">suppressed with a reason/);
  });

  it('falls back to the root folder name without repository information', () => {
    const plain = formatHtml(sampleResult(), { ...OPTIONS, repository: undefined });
    expect(plain).toContain('<h1>repo</h1>');
    expect(plain).toContain('unknown (not a git checkout)');
  });

  it('draws five charts as inline SVG bars that filter the list', () => {
    for (const chart of ['rule', 'severity', 'kind', 'folder', 'regulation']) {
      const body = section(html, `chart-${chart}`);
      expect(body, chart).toMatch(/<svg class="bar-track"[^>]*><rect class="bar-fill[^"]*" x="0" y="0" width="[\d.]+" height="10"><\/rect><\/svg>/);
    }
    const byRule = section(html, 'chart-rule');
    expect(byRule.match(/data-filter="rule"/g)).toHaveLength(RULE_IDS.length);
    expect(byRule).toMatch(/data-value="no-pii-in-logs"[^>]*>.*?<span class="bar-count">1<\/span>/);
    // Scaled to the largest count: the rule with findings fills the track, the others are empty.
    expect(byRule).toMatch(/data-value="no-pii-in-logs".*?width="100\.00"/);
    expect(byRule).toMatch(/data-value="require-consent-check".*?width="0\.00"/);
    expect(section(html, 'chart-severity')).toMatch(/data-value="warning".*?tone-warning/);
    expect(section(html, 'chart-kind')).toContain('>Phone number<');
    expect(section(html, 'chart-kind')).toContain('None (insecure setting)');
  });

  it("lists every rule's regulations, in the regulation chart and the rules table", () => {
    const chart = section(html, 'chart-regulation');
    const table = section(html, 'rules');
    for (const id of RULE_IDS) {
      expect(table).toContain(`>${id}</a>`);
      for (const regulation of RULES[id].regulations) {
        expect(chart).toContain(`data-value="${escapeHtml(regulation)}"`);
        expect(table).toContain(`<span class="tag">${escapeHtml(regulation)}</span>`);
      }
      for (const cwe of RULES[id].cwe) expect(table).toContain(cwe);
    }
    // GDPR Art. 32 is mapped by logs (1 open finding) and transport (1).
    expect(chart).toMatch(/data-value="GDPR Art\. 32".*?<span class="bar-count">2<\/span>/);
  });

  it('offers filters for status, severity, rule, PII kind, folder, regulation and free text', () => {
    const filters = section(html, 'findings');
    for (const id of ['status', 'severity', 'rule', 'kind', 'folder', 'regulation']) expect(filters).toContain(`<select id="filter-${id}"`);
    expect(filters).toContain('<input id="filter-text"');
    expect(filters).toContain('<option value="src">src/ (2)</option>');
    expect(filters).toContain('<option value="src/webhooks">src/webhooks/ (1)</option>');
    expect(filters).toContain(`<option value="phone">${PII_KIND_LABELS.phone} (1)</option>`);
    expect(filters).toMatch(/<th scope="col" data-sort="severity" aria-sort="descending"><button type="button">Severity<\/button><\/th>/);
    for (const key of ['rule', 'kind', 'location', 'summary']) expect(filters).toContain(`data-sort="${key}"`);
  });

  it('embeds every finding with masked code, the flow from source to sink and the suppression', () => {
    const data = dataOf(html);
    expect(data.files).toEqual(['src/config.ts', 'src/webhooks/voice.ts']);
    expect(data.findings).toHaveLength(3);
    const [warning, error, suppressed] = data.findings;
    expect(warning).toMatchObject({ rule: 'no-plaintext-transport', severity: 'warning', file: 0, line: 1, column: 20, flow: [] });
    expect(warning!.kind).toBeUndefined();
    expect(data.texts[warning!.details]).toBe('Call data travels unencrypted. Use https://.');
    expect(error).toMatchObject({
      rule: 'no-pii-in-logs',
      kind: 'phone',
      file: 1,
      line: 4,
      sink: 'logger.info',
      source: { text: 'req.body.From (Twilio webhook)', file: 1, line: 3 },
      flow: [
        { text: 'req.body.From (Twilio webhook)', file: 1, line: 3, column: 18 },
        { text: 'logged by logger.info', file: 1, line: 4, column: 15 },
      ],
      fingerprint: 'abc123def456',
    });
    const sourceLines = VOICE_SOURCE.split('\n');
    expect(error!.snippet!.start).toBe(2);
    expect(error!.snippet!.lines).toHaveLength(5);
    expect(error!.snippet!.lines[1]).toBe(sourceLines[2]);
    expect(error!.snippet!.lines[2]).toMatch(/logger\.info\(caller, "\+1•+71"\);/);
    expect(suppressed!.suppressed).toEqual({ reason: 'masked upstream by the gateway', until: '2027-06-30' });
    expect(data.rules.map((rule) => rule.id)).toEqual(RULE_IDS);
    expect(data.kindLabels).toEqual(PII_KIND_LABELS);
  });

  it('never contains a raw phone number', () => {
    for (const form of RAW_PHONE_FORMS) expect(html).not.toContain(form);
  });

  it('lists notices, masked', () => {
    expect(section(html, 'notices')).toContain('<span class="mono">src/broken.ts</span>: 2 syntax errors');
  });

  it('is deterministic', () => {
    expect(formatHtml(sampleResult(), OPTIONS)).toBe(html);
  });
});

describe('formatHtml: hostile and edge-case input', () => {
  it('keeps scanned text from breaking out of the data block or the markup', () => {
    const hostile = syntheticFinding(VOICE, {
      summary: HOSTILE_SUMMARY,
      message: `${HOSTILE_SUMMARY}. <!-- --> \u2028 & more`,
      sink: '</script><script>alert(1)</script>',
    });
    const result = syntheticResult(ROOT, [hostile], {
      notices: [{ file: path.join(ROOT, '<b>evil</b>.ts'), level: 'error', message: '<script>alert(2)</script>' }],
    });
    const html = formatHtml(result, { ...OPTIONS, repository: { name: '<img src=x onerror=alert(3)>' } });
    const dataBlock = html.slice(html.indexOf('id="report-data">'), html.indexOf('</script>', html.indexOf('id="report-data">')));
    expect(dataBlock).not.toMatch(/<\/?script|<!--|<img/i);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('<h1>&lt;img src=x onerror=alert(3)&gt;</h1>');
    expect(html).toContain('&lt;b&gt;evil&lt;/b&gt;.ts');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(dataOf(html).findings[0]!.summary).toBe(HOSTILE_SUMMARY);
    expect(dataOf(html).findings[0]!.sink).toBe('</script><script>alert(1)</script>');
  });

  it('says so when there are no findings', () => {
    const html = formatHtml(syntheticResult(ROOT, []), OPTIONS);
    expect(section(html, 'chart-folder')).toContain('<p class="empty">No findings.</p>');
    expect(section(html, 'chart-rule').match(/<span class="bar-count">0<\/span>/g)).toHaveLength(RULE_IDS.length);
    expect(dataOf(html).findings).toEqual([]);
  });

  it('--quiet keeps error findings only and says how many it left out', () => {
    const html = formatHtml(sampleResult(), { ...OPTIONS, quiet: true });
    expect(dataOf(html).findings.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(section(html, 'summary')).toContain('1 warning or note left out (--quiet).');
    // Like the other formats: --quiet drops info notices, not warnings.
    expect(section(html, 'notices')).toContain('src/broken.ts');
  });

  it('cuts very long lines around the finding, after masking the whole line', () => {
    const long = `${'x'.repeat(500)}logger.info(phone, "+1 415 555 2671");${'y'.repeat(500)}`;
    const finding = syntheticFinding(VOICE, { location: location(VOICE, 1, 501, 18), flow: [] });
    const html = formatHtml(syntheticResult(ROOT, [finding], { sources: new Map([[VOICE, long]]) }), OPTIONS);
    const snippet = dataOf(html).findings[0]!.snippet!;
    expect(snippet.cut).toBe(true);
    expect(snippet.lines[0]!.length).toBeLessThan(210);
    expect(snippet.lines[0]).toMatch(/^…x+logger\.info\(phone, "\+1•+71"\);y+…$/);
  });

  it('stores repeated paths and explanations once', () => {
    const data = dataOf(formatHtml(syntheticScan(500), OPTIONS));
    expect(data.findings).toHaveLength(500);
    expect(data.files.length).toBeLessThanOrEqual(200);
    expect(data.texts.length).toBeLessThan(10);
  });
});

describe('folder chart and filter', () => {
  it('breaks findings down below the folder they all share, one level deeper while there are too few groups', () => {
    const result = syntheticScan(300);
    const model = buildReportModel(result, { quiet: false, generatedAt: OPTIONS.generatedAt, repository: undefined }, defaultToolInfo());
    expect(model.folderBase).toBe('services');
    expect(model.charts.folder.map((bar) => bar.label)).toContain('dialer/');
    expect(model.charts.folder.map((bar) => bar.value)).toContain('services/dialer');
    const counted = model.charts.folder.reduce((sum, bar) => sum + bar.count, 0);
    expect(counted).toBe(result.findings.filter((f) => !f.suppression).length);
  });

  it('gives files directly in a folder an exact bar next to its subfolders', () => {
    const findings = ['app/a.ts', 'app/b.ts', 'app/lib/c.ts', 'app/lib/d.ts', 'app/web/e.ts', 'app/jobs/f.ts', 'app/db/g.ts'].map((file, index) =>
      syntheticFinding(path.join(ROOT, file), { fingerprint: `f${index}` }),
    );
    const model = buildReportModel(syntheticResult(ROOT, findings), { quiet: false, generatedAt: OPTIONS.generatedAt, repository: undefined }, defaultToolInfo());
    expect(model.folderBase).toBe('app');
    expect(model.charts.folder.map((bar) => [bar.value, bar.label, bar.count])).toEqual([
      ['=app', '(files directly in it)', 2],
      ['app/lib', 'lib/', 2],
      ['app/web', 'web/', 1],
      ['app/jobs', 'jobs/', 1],
      ['app/db', 'db/', 1],
    ]);
    expect(model.filters.folder.map((option) => option.value)).toEqual(['app', 'app/db', 'app/jobs', 'app/lib', 'app/web']);
  });

  it('puts files at the root in the root folder', () => {
    expect(folderOfPath('server.ts')).toBe('.');
    expect(folderOfPath('src/a/b.ts')).toBe('src/a');
  });
});

describe('the page script and helpers', () => {
  it('is valid JavaScript with no template placeholders left', () => {
    expect(() => new vm.Script(REPORT_SCRIPT)).not.toThrow();
    expect(REPORT_SCRIPT).not.toContain('${');
    expect(REPORT_SCRIPT).not.toContain('`');
    // Data goes into the page as text only.
    expect(REPORT_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });

  it('escapes HTML and JSON for a script block', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const json = jsonForScript({ text: '</script><!-- & \u2028' });
    expect(json).toBe('{"text":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
    expect(JSON.parse(json)).toEqual({ text: '</script><!-- & \u2028' });
  });

  it('is what formatResult writes for --format html', () => {
    const run = { startedAt: new Date('2026-05-04T09:29:58Z'), finishedAt: OPTIONS.generatedAt, repository: OPTIONS.repository! };
    expect(formatResult('html', sampleResult(), { color: false, quiet: false }, undefined, run)).toBe(formatHtml(sampleResult(), OPTIONS));
  });

  it('formats 5,000 findings in well under a few seconds', () => {
    const result = syntheticScan(5000);
    const started = performance.now();
    const html = formatHtml(result, OPTIONS);
    const elapsed = performance.now() - started;
    expect(dataOf(html).findings).toHaveLength(5000);
    for (const form of RAW_PHONE_FORMS) expect(html).not.toContain(form);
    // Loose: only a quadratic blow-up would fail it.
    expect(elapsed).toBeLessThan(10_000);
  });
});
