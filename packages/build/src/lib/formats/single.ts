import { defineFormat } from '../format.js';
import type { GuideInput } from '../format.js';
import { assetRoots, imageInputs, loadRender, siteInfo } from './shared.js';

/**
 * One self-contained page per guide (`single/<locale>/<slug>.html`), images inlined. Images
 * are read only inside the content root or static folder (render's asset reader refuses the
 * rest and reports it). Its language switcher links the other single pages: `group`.
 */
export const single = defineFormat({
  name: 'single',
  description: 'single-file HTML per guide, images and CSS inlined',
  version: '1',
  dependsOn: 'group',
  inputs: (input, ctx) => (input.kind === 'guide' ? imageInputs(input.guide, ctx) : null),
  async render(input, ctx) {
    const { guide, translations } = input as GuideInput;
    const { renderSingleHtml } = await loadRender();
    const { html, diagnostics } = await renderSingleHtml(guide, { site: siteInfo(ctx), translations, assets: assetRoots(ctx) });
    return { files: [{ path: `single/${guide.locale}/${guide.slug}.html`, data: html }], diagnostics };
  },
});
