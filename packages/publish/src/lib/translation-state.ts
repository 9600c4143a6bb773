import { pairTranslations } from '@guidekit/content';
import type { LoadedContent } from '@guidekit/content';
import type { Guide } from '@guidekit/model';
import type { Format, GuideTranslationState } from '@guidekit/render/formats';

/**
 * What status reads of a loaded tree, over outlines: steps keep their ids, titles and hashes,
 * which is what staleness compares, so no guide is decoded and a build of thousands of guides
 * never holds them all at once (`content.guides` would decode every one).
 */
function outlineView(content: LoadedContent, guides: readonly Guide[]): LoadedContent {
  const locales = [...new Set(guides.map((g) => g.locale))].sort();
  const { groups } = pairTranslations(guides, { sourceLocale: content.config.sourceLocale, locales });
  return {
    root: content.root,
    config: content.config,
    guides: [...guides],
    translations: groups,
    readSource: (file: string | Guide) => content.readSource(file),
  } as unknown as LoadedContent;
}

/**
 * The translation state of every guide, by path, for the formats that depend on it (a page
 * notice on a stale translation, "not translated yet" in the switcher): computed once per build
 * by `@guidekit/i18n`'s status — the same stamps and git history as `guidekit-i18n status` — and
 * only when a selected format asks for it (i18n is loaded then, not before).
 *
 * @returns The states by guide path, or undefined when no format depends on them.
 */
export async function translationStates(
  content: LoadedContent,
  guides: readonly Guide[],
  formats: readonly Format<any>[],
): Promise<Map<string, GuideTranslationState> | undefined> {
  if (!formats.some((f) => f.dependsOn.includes('translation-state'))) return undefined;
  const { computeStatus } = await import('@guidekit/i18n');
  const report = computeStatus(outlineView(content, guides));
  const states = new Map<string, GuideTranslationState>();
  const missing = new Map<string, string[]>();
  const byPath = new Map(guides.map((g) => [g.path, g]));
  for (const row of report.guides) {
    if (row.state === 'missing') missing.set(row.slug, [...(missing.get(row.slug) ?? []), row.locale]);
  }
  for (const row of report.guides) {
    if (!row.translation || row.state === 'missing' || row.state === 'orphan') continue;
    const source = row.source ? byPath.get(row.source) : undefined;
    states.set(row.translation, {
      state: row.state === 'stale' ? 'stale' : row.state === 'up-to-date' ? 'up-to-date' : 'unknown',
      ...(source ? { source: { locale: source.locale, path: source.path } } : {}),
      stale: row.stale.map((s) => ({ id: s.key, title: s.title })),
      missing: (missing.get(row.slug) ?? []).sort(),
    });
  }
  for (const guide of guides) {
    if (guide.locale !== report.sourceLocale || states.has(guide.path)) continue;
    states.set(guide.path, { state: 'source', stale: [], missing: (missing.get(guide.slug) ?? []).sort() });
  }
  return states;
}
