import type { Guide } from '@guidekit/model';
import { parseGuide } from '@guidekit/parser';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/index.js';
import { configComponents } from '../src/lib/components.js';

/** A French guide of `category` (none when undefined), titled `title`. */
function guide(slug: string, title: string, category?: string): Guide {
  const fm = category === undefined ? '' : `categories: ["${category}"]\n`;
  return parseGuide(`---\ntitle: "${title}"\n${fm}---\n\n##### Étape 1 : Faire\nTexte.\n`, { path: `fr/${slug}.md`, locale: 'fr' }).guide;
}

// 30 guides in "Réseau" (more than the sidebar lists of a category, open or closed), 3 in "Postes", 2 without.
const pad = (n: number): string => String(n).padStart(2, '0');
const site: Guide[] = [
  ...Array.from({ length: 30 }, (_, i) => guide(`reseau-${pad(i)}`, `Réseau ${pad(i)}`, 'Réseau')),
  guide('poste-a', 'Poste A', 'Postes'),
  guide('poste-b', 'Poste B', 'postes'),
  guide('poste-c', 'Poste C', 'Postes'),
  guide('libre-1', 'Libre 1'),
  guide('libre-2', 'Libre 2'),
];

/** The sidebar's groups as [summary, open, guide links, current guide, "more" link]. */
function groups(html: string): [string, boolean, string[], string | null, string | null][] {
  const nav = /<nav class="sidebar"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<details( open)?><summary>([^<]*)<\/summary><ul>(.*?)<\/ul><\/details>/gs)].map((m) => {
    const items = m[3] ?? '';
    const links = [...items.matchAll(/<li><a href="([^"]+)"[^>]*>([^<]*)<\/a><\/li>/g)].map((l) => l[2] ?? '');
    const current = /<a href="#main" aria-current="page">([^<]*)<\/a>/.exec(items)?.[1] ?? null;
    const more = /<li class="more"><a href="([^"]+)">/.exec(items)?.[1] ?? null;
    return [m[2] ?? '', m[1] !== undefined, links, current, more];
  });
}

describe('sidebar', () => {
  it('lists every category of the locale as a collapsible group, the current one open, a closed one its first 6 guides', async () => {
    const html = await renderHtml(site.find((g) => g.slug === 'poste-b') as Guide, { siteGuides: site });
    expect(groups(html)).toEqual([
      ['Postes (3)', true, ['Poste A', 'Poste B', 'Poste C'], 'Poste B', null],
      ['Réseau (30)', false, Array.from({ length: 6 }, (_, i) => `Réseau ${pad(i)}`), null, '../index.html#cat-reseau'],
      ['Autres guides (2)', false, ['Libre 1', 'Libre 2'], null, null],
    ]);
    expect(html).toContain('<li class="more"><a href="../index.html#cat-reseau">Tous les guides de cette catégorie (30)</a></li>');
    expect(html).toContain('<a href="../../fr/poste-a/index.html">Poste A</a>');
  });

  it('lists a window of a large category around the current guide', async () => {
    const html = await renderHtml(site.find((g) => g.slug === 'reseau-20') as Guide, { siteGuides: site });
    const [postes, reseau] = groups(html);
    expect(postes?.[1]).toBe(false);
    expect(reseau?.slice(0, 2)).toEqual(['Réseau (30)', true]);
    expect(reseau?.[2]).toEqual(Array.from({ length: 24 }, (_, i) => `Réseau ${pad(i + 6)}`));
    expect(reseau?.[3]).toBe('Réseau 20');
    // The closed groups are shared between pages: the other page's current guide is not marked here.
    expect(html.match(/aria-current="page"/g)?.length).toBe(2); // sidebar and breadcrumbs
  });
});

describe('components from configuration', () => {
  it('maps a name to a kind render ships, fixed attributes under the written ones; an unknown kind is left out', () => {
    const defs = configComponents({ Warn: { as: 'aside', attributes: { type: 'warning' } }, Video: 'youtube', Badge: 'children', Bad: 'iframe' });
    expect(Object.keys(defs)).toEqual(['Warn', 'Video', 'Badge']);
    const props = { name: 'Warn', children: [{ type: 'text' as const, value: 'x' }], inline: false, locale: 'fr' };
    const warn = defs['Warn'] as (p: typeof props & { attributes: Record<string, string> }) => unknown;
    expect(warn({ ...props, attributes: {} })).toMatchObject([{ tagName: 'aside', properties: { className: ['notice', 'notice-warning'] } }]);
    expect(warn({ ...props, attributes: { type: 'tip' } })).toMatchObject([{ tagName: 'aside', properties: { className: ['notice', 'notice-tip'] } }]);
    expect((defs['Badge'] as typeof warn)({ ...props, attributes: {} })).toEqual(props.children);
  });
});
