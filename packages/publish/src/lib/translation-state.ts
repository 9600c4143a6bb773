import * as path from 'node:path';
import { pairTranslations } from '@guidekit/content';
import type { LoadedContent, TranslationGroup } from '@guidekit/content';
import type { GuideStatus, History } from '@guidekit/i18n/status';
import type { Guide } from '@guidekit/model';
import type { Format, GuideTranslationState } from '@guidekit/render/formats';
import { readText } from './fs.js';

/**
 * The status rows of one translation group. Staleness compares the source's steps with the
 * translation's stamp (or its source at its last commit), so the group's guides are decoded —
 * one group at a time, and only when there is a stamp or a history to compare with (otherwise the
 * state is `unknown` from the outlines alone) — and let go after.
 */
function groupRows(
  computeStatus: typeof import('@guidekit/i18n/status').computeStatus,
  content: LoadedContent,
  group: TranslationGroup,
  options: { history: History | false; targetLocales: string[] },
): GuideStatus[] {
  const compares = options.history !== false || group.translations.some((t) => t.frontmatter.translationOf !== undefined);
  const whole = (g: Guide): Guide => (compares ? (content.loadGuide(g.path) ?? g) : g);
  const source = group.source ? whole(group.source) : undefined;
  const translations = group.translations.map(whole);
  const view = {
    root: content.root,
    config: content.config,
    guides: [...(source ? [source] : []), ...translations],
    translations: [{ slug: group.slug, source, translations }],
    // Read and let go: the loader's `readSource` keeps every text it read, and with git history
    // every source is read once to see whether it changed since its translation.
    readSource: (file: string | Guide) => readText(path.resolve(content.root, typeof file === 'string' ? file : file.path)),
    parseText: (text: string, guide: Guide) => content.parseText(text, guide),
  } as unknown as LoadedContent;
  return computeStatus(view, options).guides;
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
  const { computeStatus, gitHistory } = await import('@guidekit/i18n/status');
  const sourceLocale = content.config.sourceLocale;
  const locales = [...new Set(guides.map((g) => g.locale))].sort();
  const { groups } = pairTranslations(guides, { sourceLocale, locales });
  const options = { history: gitHistory(content.root) ?? (false as const), targetLocales: locales.filter((l) => l !== sourceLocale) };
  const report = { sourceLocale, guides: groups.flatMap((group) => groupRows(computeStatus, content, group, options)) };
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
