import type { Diagnostic } from '@guidekit/model';
import { defineFormat } from '../format.js';
import { buildReporter, pageSettings } from '../page-settings.js';
import { assetRoots, guidePath, imageInputs, siteInfo } from './shared.js';

const path = guidePath('single', '.html');

/**
 * One self-contained page per guide (`single/<locale>/<slug>.html`), images inlined. Images are
 * read only inside the content root or static folder (render's asset reader refuses the rest and
 * reports it). Its language switcher links the other single pages: it depends on translations.
 */
export const single = defineFormat({
  id: 'single',
  description: 'single-file HTML per guide, images and CSS inlined',
  version: '1',
  byDefault: true,
  dependsOn: ['translations'],
  path,
  inputs: (input, ctx) => (input.kind === 'guide' ? imageInputs(input.guide, ctx) : null),
  async render({ guide, translations }, ctx) {
    const { renderSingleHtml } = await import('../formats/single.js');
    const diagnostics: Diagnostic[] = [];
    // The configuration's page settings (components, words, author types), as the site has them.
    const { authorType, authors, ...page } = pageSettings(ctx);
    const { html } = await renderSingleHtml(guide, {
      site: { ...siteInfo(ctx), ...(authorType ? { authorType } : {}), ...(authors ? { authors } : {}) },
      ...page,
      translations,
      assets: assetRoots(ctx),
      onDiagnostic: buildReporter(ctx, diagnostics),
    });
    return { files: [{ path: path(guide), data: html }], diagnostics };
  },
});
