import { HtmlValidate } from 'html-validate';
import type { Guide } from '@guidekit/model';
import { describe, expect, it } from 'vitest';
import { renderHomePage, renderHtml, renderLocaleIndex } from '../src/index.js';
import { corpusGuard, corpusGuides, fixtureGuides } from './helpers.js';

/**
 * html-validate's recommended rules, less four, each for a reason: `doctype-style` (the serializer
 * writes `<!doctype html>`, which HTML allows), `no-inline-style` (shiki's build-time colours are
 * inline styles; the CSP allows inline styles, never scripts), `no-raw-characters` (a `>` in text
 * is valid HTML; the serializer escapes `<` and `&`) and `long-title` (a page's title is the
 * author's guide title and the site's name: content, which `check` judges, not markup).
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'doctype-style': 'off', 'no-inline-style': 'off', 'no-raw-characters': 'off', 'long-title': 'off' },
});

async function problems(guides: readonly Guide[]): Promise<string[]> {
  const site = { title: 'Guides', locales: [...new Set(guides.map((g) => g.locale))].sort(), sourceLocale: 'fr' };
  const pages: [string, string][] = [];
  for (const g of guides) {
    pages.push([`${g.locale}/${g.slug}`, await renderHtml(g, { translations: guides.filter((x) => x.slug === g.slug), siteGuides: guides, site })]);
  }
  pages.push(['index', renderHomePage(guides, { site })]);
  for (const l of site.locales) pages.push([`${l}/index`, renderLocaleIndex(l, guides, { site })]);
  const found: string[] = [];
  for (const [name, html] of pages) {
    const report = await validator.validateString(html);
    for (const r of report.results) for (const m of r.messages) found.push(`${name}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return found;
}

describe('html-validate', () => {
  it('finds every page of the fixture site valid (and the validator does catch an aside in a paragraph)', async () => {
    expect(await problems(fixtureGuides('site'))).toEqual([]);
    const bad = await validator.validateString('<!doctype html><html lang="en"><head><title>t</title></head><body><p>a <aside>b</aside></p></body></html>');
    expect(bad.valid).toBe(false);
  });

  it.skipIf(!corpusGuard())('finds every page of the corpus valid', { timeout: 300_000 }, async () => {
    expect(await problems(corpusGuides())).toEqual([]);
  });
});
