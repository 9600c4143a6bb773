import type { Guide } from '@guidekit/model';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { defaultHrefFor } from './context.js';
import type { RenderContext } from './context.js';
import type { GuideTranslationState } from './format.js';
import { languageName, safeLang, stepList, uiStrings } from './strings.js';
import { localeVersions } from './page.js';

/** The source-locale version of a guide among its translations (not the guide itself), if any. */
export function sourceVersion(guide: Guide, ctx: RenderContext): Guide | undefined {
  const source = ctx.site?.sourceLocale;
  if (!source || guide.locale === source) return undefined;
  return localeVersions(guide, ctx).find((g) => g.locale === source);
}

/** Labels of the stale steps (`step-3` → `3`), in source order. */
function staleStepLabels(status: GuideTranslationState): string[] {
  return status.stale.filter((u) => /^step-/.test(u.id)).map((u) => u.id.slice('step-'.length));
}

/**
 * The notice on top of a stale translation: "This translation may be out of date — the source
 * changed in steps 3 and 5", in the page's language, linking the source page. Nothing for an
 * up-to-date (or unknown) translation.
 */
export function staleNotice(guide: Guide, ctx: RenderContext): Element | undefined {
  const status = ctx.translation;
  if (status?.state !== 'stale') return undefined;
  const t = uiStrings(guide.locale, ctx.strings);
  const labels = staleStepLabels(status);
  const text =
    labels.length === 0 ? t.staleGuide : (labels.length === 1 ? t.staleGuideOne : t.staleGuideMany).replace('{steps}', stepList(guide.locale, labels));
  const source = sourceVersion(guide, ctx);
  const children: ElementContent[] = [{ type: 'text', value: `${text} ` }];
  if (source) {
    const lang = safeLang(source.locale);
    const href = (ctx.hrefFor ?? defaultHrefFor)(guide, source, 'html');
    children.push(h('a', { href, hrefLang: lang }, [h('span', { lang }, languageName(source.locale))]));
  }
  return h('aside', { className: ['notice', 'notice-warning', 'translation-notice'], role: 'note' }, h('p', children));
}

/**
 * The notice at the top of each stale step of a translation, linking the same step of the source
 * (`…/fr/slug/index.html#step-3`). A function of the step id, for the guide body.
 */
export function staleStepNotice(guide: Guide, ctx: RenderContext): ((stepId: string) => Element | undefined) | undefined {
  const status = ctx.translation;
  if (status?.state !== 'stale') return undefined;
  const stale = new Set(status.stale.map((u) => u.id));
  if (stale.size === 0) return undefined;
  const t = uiStrings(guide.locale, ctx.strings);
  const source = sourceVersion(guide, ctx);
  const href = source ? (ctx.hrefFor ?? defaultHrefFor)(guide, source, 'html') : undefined;
  return (stepId) => {
    if (!stale.has(stepId)) return undefined;
    const children: ElementContent[] = [{ type: 'text', value: `${t.staleStep} ` }];
    if (href && source) children.push(h('a', { href: `${href}#${stepId}`, hrefLang: safeLang(source.locale) }, t.sourceStep));
    return h('aside', { className: ['notice', 'notice-warning', 'stale-step'], role: 'note' }, h('p', children));
  };
}
