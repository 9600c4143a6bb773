import type { Guide } from '@guidekit/model';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/index.js';
import { fixtureGuides } from './helpers.js';

const site = fixtureGuides('site');
const find = (slug: string, locale: string): Guide => site.find((g) => g.slug === slug && g.locale === locale) as Guide;
const text = (html: string): string => html.replace(/<[^>]+>/g, '');

describe('translation notices', () => {
  const en = find('sauvegarde-poste', 'en');
  const ctx = { translations: site, site: { sourceLocale: 'fr', locales: ['de', 'en', 'fr'] } };

  it('puts a page notice on a stale translation and a notice on each stale step only, linking the source step', async () => {
    const html = await renderHtml(en, {
      ...ctx,
      translation: {
        state: 'stale',
        source: { locale: 'fr', path: 'fr/sauvegarde-poste.md' },
        stale: [
          { id: 'step-1', title: 'Ouvrir' },
          { id: 'step-3', title: 'Tester' },
        ],
        missing: [],
      },
    });
    const notice = /<aside class="notice notice-warning translation-notice" role="note">(.*?)<\/aside>/.exec(html)?.[1] ?? '';
    expect(text(notice)).toBe('This translation may be out of date — the source changed in steps 1 and 3. Français');
    const steps = [...html.matchAll(/<section class="step" aria-labelledby="([^"]+)">(.*?)<\/section>/gs)].map((m) => [
      m[1],
      /class="notice notice-warning stale-step"[^>]*><p>[^<]*<a href="([^"]+)"/.exec(m[2] ?? '')?.[1] ?? null,
    ]);
    expect(steps).toEqual([
      ['step-1', '../../fr/sauvegarde-poste/index.html#step-1'],
      ['step-2', null],
      ['step-2b', null],
      ['step-3', '../../fr/sauvegarde-poste/index.html#step-3'],
    ]);
  });

  it('writes the notice in the page’s language, with a project’s own words over the shipped ones', async () => {
    const fr = find('sauvegarde-poste', 'fr');
    const state = { state: 'stale' as const, stale: [{ id: 'step-2', title: 'x' }], missing: [] };
    expect(text(await renderHtml({ ...fr, locale: 'de' }, { ...ctx, translation: state }))).toContain(
      'Diese Übersetzung ist möglicherweise veraltet – das Original wurde in Schritt 2 geändert.',
    );
    const own = await renderHtml(en, { ...ctx, translation: state, strings: { en: { staleGuideOne: 'Old! Step {steps} moved on.' } } });
    expect(text(own)).toContain('Old! Step 2 moved on.');
  });

  it('has no notice on an up-to-date translation or a source', async () => {
    const up = await renderHtml(en, { ...ctx, translation: { state: 'up-to-date', stale: [], missing: [] } });
    expect(up).not.toMatch(/translation-notice|stale-step/);
  });

  it('lists a missing translation in the switcher as not translated yet, linking the source', async () => {
    const html = await renderHtml(en, { ...ctx, translation: { state: 'up-to-date', stale: [], missing: ['de'] } });
    expect(html).toContain(
      '<li class="missing" lang="de"><a href="../../fr/sauvegarde-poste/index.html" hreflang="fr">Deutsch <span class="missing-note">(noch nicht übersetzt)</span></a></li>',
    );
    // On the source itself, the entry is text: there is nothing else to link to.
    const fr = await renderHtml(find('nouveautes-mars', 'fr'), { ...ctx, translation: { state: 'source', stale: [], missing: ['en'] } });
    expect(fr).toContain('<li class="missing" lang="en">English <span class="missing-note">(not translated yet)</span></li>');
  });
});
