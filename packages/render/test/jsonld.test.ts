import type { Guide } from '@guidekit/model';
import { describe, expect, it } from 'vitest';
import { renderJsonLd } from '../src/index.js';
import { corpusGuard, corpusGuides, fixtureGuides } from './helpers.js';

const site = fixtureGuides('site');
const find = (slug: string, locale: string): Guide => site.find((g) => g.slug === slug && g.locale === locale) as Guide;

describe('renderJsonLd', () => {
  it('makes a HowTo with HowToSteps, supplies and tools for a tutorial', () => {
    const ld = renderJsonLd(find('sauvegarde-poste', 'fr'), {
      site: { baseUrl: 'https://docs.example.org/docs/' },
      // What the HTML site writes in `src`: relative to the page, under `_static/`.
      assetHref: (url) => `../../_static${url}`,
    });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'HowTo',
      name: 'Planifier une sauvegarde du poste de travail',
      inLanguage: 'fr',
      url: 'https://docs.example.org/docs/fr/sauvegarde-poste/',
      datePublished: '2025-03-14T09:30:00-04:00',
      image: 'https://docs.example.org/docs/_static/images/sauvegarde/couverture.png',
      supply: [{ '@type': 'HowToSupply', name: 'Windows 11 Professionnel' }],
      tool: [{ '@type': 'HowToTool', name: 'Module PowerShell ScheduledTasks' }],
    });
    const steps = ld['step'] as Record<string, unknown>[];
    expect(steps.map((s) => [s['position'], s['name'], s['url']])).toEqual([
      [1, 'Ouvrir le Planificateur de tâches', 'https://docs.example.org/docs/fr/sauvegarde-poste/#step-1'],
      [2, 'Créer la tâche', 'https://docs.example.org/docs/fr/sauvegarde-poste/#step-2'],
      [3, 'Vérifier le compte', 'https://docs.example.org/docs/fr/sauvegarde-poste/#step-2b'],
      [4, 'Tester la commande', 'https://docs.example.org/docs/fr/sauvegarde-poste/#step-3'],
    ]);
    expect(steps[0]).toMatchObject({ '@type': 'HowToStep', image: 'https://docs.example.org/docs/_static/images/sauvegarde/etape_001.png' });
    expect(String(steps[0]?.['text'])).toContain('Ouvrez le menu Démarrer');
    // The role group is neither a supply nor a tool.
    expect(JSON.stringify(ld)).not.toContain('Administrateur local');
  });

  it('keeps relative anchors without a base URL', () => {
    const ld = renderJsonLd(find('sauvegarde-poste', 'en'));
    expect((ld['step'] as Record<string, unknown>[])[0]?.['url']).toBe('#step-1');
    expect(ld['url']).toBeUndefined();
  });

  it('makes a TechArticle for an article', () => {
    const ld = renderJsonLd(find('nouveautes-mars', 'fr'));
    expect(ld).toMatchObject({
      '@type': 'TechArticle',
      headline: 'Nouveautés de mars',
      description: 'Ce qui change ce mois-ci.',
      author: { '@type': 'Person', name: 'Équipe Guidekit' },
    });
    expect(ld['step']).toBeUndefined();
  });

  it('types an author from the site configuration: a team is an Organization', () => {
    const g = find('nouveautes-mars', 'fr');
    expect(renderJsonLd(g, { site: { authorType: 'Organization' } })['author']).toEqual({ '@type': 'Organization', name: 'Équipe Guidekit' });
    expect(renderJsonLd(g, { site: { authors: { 'Équipe Guidekit': 'Organization' } } })['author']).toEqual({
      '@type': 'Organization',
      name: 'Équipe Guidekit',
    });
    expect(renderJsonLd(g, { site: { authorType: 'Organization', authors: { 'Équipe Guidekit': 'Person' } } })['author']).toEqual({
      '@type': 'Person',
      name: 'Équipe Guidekit',
    });
  });
});

describe.skipIf(!corpusGuard())('renderJsonLd over the corpus', () => {
  it('gives one HowToStep per step, positions 1..n, anchors as step ids', () => {
    for (const g of corpusGuides()) {
      const ld = renderJsonLd(g);
      expect(ld['@type']).toBe(g.kind === 'tutorial' ? 'HowTo' : 'TechArticle');
      if (g.kind !== 'tutorial') continue;
      const steps = ld['step'] as Record<string, unknown>[];
      expect(steps.map((s) => s['position'])).toEqual(g.steps.map((_, i) => i + 1));
      expect(steps.map((s) => s['url'])).toEqual(g.steps.map((s) => `#${s.id}`));
      for (const s of steps) expect(String(s['text']).length).toBeGreaterThan(0);
    }
  });
});
