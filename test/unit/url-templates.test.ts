import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { urlTemplateParts } from '../../src/engine/checks/flow-sinks.js';
import { indexFile } from '../../src/engine/file-index.js';

/** The interpolations `urlTemplateParts` takes for the URL in the first template of `code`, as source text. */
function parts(code: string): string[] {
  const sf = ts.createSourceFile('t.ts', code, ts.ScriptTarget.Latest, true);
  let template: ts.TemplateExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (!template && ts.isTemplateExpression(node)) template = node;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return template ? urlTemplateParts(template).map((e) => e.getText(sf)) : [];
}

describe('urlTemplateParts', () => {
  it.each([
    ['`/agent/history?phone=${encodeURIComponent(phone)}&days=${days}`', ['encodeURIComponent(phone)', 'days']],
    ['`${base}/nps?phone=${phone}&call=${sid}`', ['phone', 'sid']],
    ['`https://crm.acme.com/customers/${phone}/calls`', ['phone']],
    ['`${base}/customers/${phone}?tab=calls`', []],
    ['`/customers/${id}?phone=${phone}`', ['phone']],
  ])('%s is a URL: %j', (code, expected) => {
    expect(parts(code)).toEqual(expected);
  });

  it.each([
    ['`Calling ${phone} now`', 'a message with spaces'],
    ['`lead:${phone}`', 'a cache key'],
    ['`/exports/${phone}.csv`', 'a path without a scheme or a query'],
    ['`tel:${phone}`', 'a tel: link'],
    ['`mailto:${email}?subject=${subject}`', 'a mailto: link'],
    ['`GET /lookup?phone=${phone} failed`', 'a log line that quotes a URL'],
  ])('%s is not (%s)', (code) => {
    expect(parts(code)).toEqual([]);
  });
});

describe('indexFile: TSX text', () => {
  it('collects text between tags, not whitespace between elements', () => {
    const sf = ts.createSourceFile('t.tsx', 'const a = (\n  <div>\n    <p>Call us on 0800 048 7712</p>\n    <b>{x}</b>\n  </div>\n);', ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    expect(indexFile(sf).jsxTexts.map((t) => t.text)).toEqual(['Call us on 0800 048 7712']);
  });
});
