import type { Guide } from '@guidekit/model';
import { parseGuide } from '@guidekit/parser';
import { describe, expect, it } from 'vitest';
import { renderSitemap } from '../src/index.js';

const guide = (slug: string, locale: string): Guide => parseGuide(`# ${slug}\n\nText.\n`, { path: `${locale}/${slug}.md`, locale, slug }).guide;

describe('renderSitemap', () => {
  it('needs the site address: without one there is nothing absolute to list', () => {
    expect(renderSitemap([guide('a', 'fr')])).toBeUndefined();
    expect(renderSitemap([guide('a', 'fr')], { site: { sourceLocale: 'fr' } })).toBeUndefined();
  });

  it('lists the home page, each locale index and every page, with its translations and x-default', () => {
    const xml = renderSitemap([guide('b', 'en'), guide('b', 'fr'), guide('a', 'fr')], { site: { baseUrl: 'https://x.example/docs', sourceLocale: 'fr' } });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">' +
        '<url><loc>https://x.example/docs/</loc></url>' +
        '<url><loc>https://x.example/docs/en/</loc></url>' +
        '<url><loc>https://x.example/docs/fr/</loc></url>' +
        '<url><loc>https://x.example/docs/fr/a/</loc></url>' +
        '<url><loc>https://x.example/docs/en/b/</loc>' +
        '<xhtml:link rel="alternate" hreflang="en" href="https://x.example/docs/en/b/"/>' +
        '<xhtml:link rel="alternate" hreflang="fr" href="https://x.example/docs/fr/b/"/>' +
        '<xhtml:link rel="alternate" hreflang="x-default" href="https://x.example/docs/fr/b/"/></url>' +
        '<url><loc>https://x.example/docs/fr/b/</loc>' +
        '<xhtml:link rel="alternate" hreflang="en" href="https://x.example/docs/en/b/"/>' +
        '<xhtml:link rel="alternate" hreflang="fr" href="https://x.example/docs/fr/b/"/>' +
        '<xhtml:link rel="alternate" hreflang="x-default" href="https://x.example/docs/fr/b/"/></url>' +
        '</urlset>\n',
    );
  });

  it('escapes what XML and URLs need: slugs are percent-encoded, a query in the base is entity-escaped', () => {
    const xml = renderSitemap([guide('q&a <1>', 'fr')], { site: { baseUrl: 'https://x.example/?v=1&w=2' } }) ?? '';
    expect(xml).toContain('<loc>https://x.example/fr/q%26a%20%3C1%3E/</loc>');
    expect(xml).not.toMatch(/<1>|&(?!amp;|#)/);
  });

  it('lists a slug duplicated in one locale once (the loader reports the duplicate)', () => {
    const xml = renderSitemap([guide('a', 'fr'), guide('a', 'fr'), guide('a', 'en')], { site: { baseUrl: 'https://x.example/' } }) ?? '';
    expect(xml.match(/<loc>https:\/\/x.example\/fr\/a\/<\/loc>/g)).toHaveLength(1);
    expect(xml.match(/hreflang="fr"/g)).toHaveLength(2);
    // No source locale known: no x-default.
    expect(xml).not.toContain('x-default');
  });
});
