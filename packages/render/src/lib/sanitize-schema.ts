import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/** Notice types the corpus uses (`<Notice type="...">`); anything else renders as `note`. */
export const NOTICE_TYPES = ['note', 'info', 'tip', 'warning'] as const;

/**
 * The sanitize schema for guide content: GitHub's default (the one rehype-sanitize ships) plus
 * what real guides use and what our own mdast → hast handlers emit:
 * - `<u>` (the corpus underlines labels: `**<u>Licences nécessaires</u>**`), `<br>` (kept by default);
 * - `<span class="ui-label">` for `*<u>Menu</u>*` UI labels;
 * - `<aside class="notice notice-*" role="note">` (with a `<p class="notice-title">`) for `<Notice>`,
 *   `<Aside>` and `:::tip`; `<figure class="video">` with a thumbnail link for `<Youtube>` (see
 *   components.ts: component output is sanitized like any content).
 * Everything else stays as GitHub allows it, minus `input`: no `script`, `style`, `iframe`, `svg`, no event
 * handler or `style` attribute, and only http(s)/mailto links and http(s) or relative images —
 * so `javascript:` and `data:` URLs are dropped. Ids are prefixed `user-content-` so content
 * cannot take the page's own ids (`step-1`, `main`).
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // `input` is there for GFM task lists, which guides do not use (the parser reads CommonMark):
  // no form control in a page.
  // Elements whose content is raw text or markup: drop them whole rather than show their source.
  strip: ['script', 'style', 'template', 'noscript', 'title', 'textarea', 'xmp', 'noembed', 'noframes', 'iframe'],
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'), 'u', 'aside', 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    span: [...(defaultSchema.attributes?.['span'] ?? []), ['className', 'ui-label']],
    a: [...(defaultSchema.attributes?.['a'] ?? []).filter((x) => !Array.isArray(x) || x[0] !== 'className'), ['className', 'data-footnote-backref']],
    p: [['className', 'notice-title']],
    figure: [['className', 'video']],
    aside: [
      ['className', 'notice', ...NOTICE_TYPES.map((t) => `notice-${t}`)],
      ['role', 'note'],
    ],
  },
};
