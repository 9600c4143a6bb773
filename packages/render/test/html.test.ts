import type { Guide } from '@guidekit/model';
import { parseGuide } from '@guidekit/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { formats, renderHomePage, renderHtml, renderJson, renderLocaleIndex, renderSingleHtml } from '../src/index.js';
import type { FormatContext } from '../src/index.js';
import { fixtureGuides } from './helpers.js';

const site = fixtureGuides('site');
const find = (slug: string, locale: string): Guide => site.find((g) => g.slug === slug && g.locale === locale) as Guide;

describe('renderHtml', () => {
  it('escapes JSON-LD so a title cannot close its script', async () => {
    const guide = fixtureGuides('xss-site').find((g) => g.slug === 'xss') as Guide;
    const html = await renderHtml(guide);
    // `<` may stand unescaped inside quoted attribute values (valid HTML, inert): blank them first.
    const scripts = html.replace(/"[^"]*"/g, '""').match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="">']);
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(ld).not.toMatch(/[<>]/);
    expect(JSON.parse(ld).name).toBe("Vecteurs </title><script>window.__pwned='title'</script>");
    expect(html).toContain('<title>Vecteurs &#x3C;/title>&#x3C;script>');
  });

  it('marks the current language and links the others, with hreflang', async () => {
    const fr = find('sauvegarde-poste', 'fr');
    const html = await renderHtml(fr, { translations: site, site: { baseUrl: 'https://docs.example.org/base', sourceLocale: 'fr' } });
    expect(html).toContain('<link rel="canonical" href="https://docs.example.org/base/fr/sauvegarde-poste/">');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="https://docs.example.org/base/en/sauvegarde-poste/">');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="https://docs.example.org/base/fr/sauvegarde-poste/">');
    expect(html).toContain('<a href="../../en/sauvegarde-poste/index.html" lang="en" hreflang="en" rel="alternate">English</a>');
    expect(html).toContain('aria-current="page">Français</a>');
  });

  it('renders a guide with no translation without a switcher', async () => {
    const html = await renderHtml(find('nouveautes-mars', 'fr'), { translations: site });
    expect(html).not.toContain('class="languages"');
    expect(html).not.toContain('rel="alternate"');
  });
});

describe('stable output', () => {
  it('gives the same bytes twice, and for a guide read back from its JSON (what a build cache holds)', async () => {
    for (const g of site) {
      const ctx = { translations: site, site: { sourceLocale: 'fr' } };
      const json = renderJson(g);
      const a = await renderHtml(g, ctx);
      await renderSingleHtml(g, ctx);
      expect(renderJson(g)).toBe(json); // rendering never changes the guide
      const b = await renderHtml(JSON.parse(renderJson(g)) as Guide, ctx);
      expect(b).toBe(a);
      expect(await renderHtml(g, ctx)).toBe(a);
    }
  });
});

describe('home and locale index', () => {
  it('lists every guide by locale, source locale first', () => {
    const html = renderHomePage(site, { site: { title: 'Mes guides', sourceLocale: 'fr' } });
    expect(html).toMatch(/^<!doctype html><html lang="fr"/);
    const sections = [...html.matchAll(/<section lang="([^"]+)"><h2><a href="([^"]+)">([^<]+)<\/a><\/h2>/g)].map((m) => m.slice(1));
    expect(sections).toEqual([
      ['fr', 'fr/index.html', 'Français'],
      ['en', 'en/index.html', 'English'],
    ]);
    for (const g of site) expect(html).toContain(`href="${g.locale}/${g.slug}/index.html"`);
  });

  it('lists one locale by category (uncategorised last), linking each guide folder', () => {
    const html = renderLocaleIndex('fr', site, { site: { title: 'Mes guides' } });
    const sections = [...html.matchAll(/<section class="category"><h2 id="([^"]+)">([^<]+)<\/h2>(.*?)<\/section>/g)].map((m) => [
      m[1],
      m[2],
      [...(m[3] ?? '').matchAll(/<li><a href="([^"]+)">/g)].map((l) => l[1]),
    ]);
    expect(sections).toEqual([
      ['cat-windows', 'Windows', ['sauvegarde-poste/index.html']],
      // By title within a category: « Nouveautés de mars » before « Redémarrer le service ».
      ['cat-other', 'Autres guides', ['nouveautes-mars/index.html', 'composants/index.html']],
    ]);
    expect(html).toContain('<title>Mes guides · Français</title>');
  });
});

describe('formats registry', () => {
  it('every format without a browser renders a guide into its own folder, at the path it declares', async () => {
    const g = find('composants', 'fr');
    const ctx: FormatContext = {
      root: path.join(import.meta.dirname, 'fixtures/site'),
      out: path.join(import.meta.dirname, 'no-such-out'),
      config: { sourceLocale: 'fr' },
      staticDir: null,
      options: {},
      guides: site,
      locales: ['en', 'fr'],
      formats: formats.map((f) => f.id),
      groups: new Map(),
      imageUrls: () => [],
      loadGuide: (guide) => guide,
      memo: new Map(),
    };
    const rendered = formats.filter((f) => !f.open && f.render);
    expect(rendered.map((f) => f.id)).toEqual(['html', 'single', 'json', 'md', 'jsonld', 'data']);
    for (const f of rendered) {
      const out = await f.render!({ kind: 'guide', guide: g, translations: [] }, ctx, undefined);
      const files = Array.isArray(out) ? out : out.files;
      expect(files.map((file) => file.path), f.id).toContain(f.path!(g));
      for (const file of files) expect(file.path.startsWith(`${f.id}/`), file.path).toBe(true);
    }
  });
});

describe('renderHtml on arbitrary content (property)', () => {
  const runs = Number(process.env['FC_RUNS'] ?? 200);
  const piece = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '<script>x()</script>',
      '<img src=x onerror=y()>',
      '<u>',
      '</u>',
      '<br/>',
      '*<u>',
      '</u>*',
      '[a](javascript:b)',
      '<svg onload=c()>',
      '<iframe srcdoc="<script>d()</script>">',
      '```\n',
      '\n\n',
      '##### Étape 1 : ',
      '---\n',
      '<style>',
      '"><script>',
      '<a href="data:text/html,x">',
      '<Notice type="x">',
      '{`e`}',
    ),
  );
  it('never throws and never lets a script, handler or javascript: URL through', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), fc.boolean(), async (parts, mdx) => {
        const text = `---\ntitle: "t"\n---\n\n##### Introduction\n${parts.join('')}\n`;
        const guide = parseGuide(text, { path: mdx ? 'p.mdx' : 'p.md', locale: 'fr' }).guide;
        const html = await renderHtml(guide);
        // Text never holds a raw `<` (serialized as `&#x3C;`), so every `<` starts a real tag;
        // attribute values are blanked first (`<` is valid and inert inside them).
        const tags = html.slice(html.indexOf('<body>')).match(/<[a-z][^>]*>/gi) ?? [];
        for (const tag of tags) {
          expect(tag).not.toMatch(/^<(script|iframe|svg|style|object|embed|math|form|input|base|meta|link)\b/i);
          expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+=/i);
          expect(tag).not.toMatch(/\s(href|src)="\s*(javascript|data|vbscript):/i);
        }
      }),
      { numRuns: Math.min(runs, 2000) },
    );
  });
});
