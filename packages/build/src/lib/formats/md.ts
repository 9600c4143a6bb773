import { defineFormat } from '../format.js';
import type { GuideInput } from '../format.js';
import { loadRender } from './shared.js';

/** Normalised Markdown per guide (`md/<locale>/<slug>.md`): parsing it again gives the same guide. */
export const md = defineFormat({
  name: 'md',
  description: 'normalised Markdown per guide',
  version: '1',
  dependsOn: 'guide',
  async render(input) {
    const { guide } = input as GuideInput;
    const { renderMarkdown } = await loadRender();
    return [{ path: `md/${guide.locale}/${guide.slug}.md`, data: renderMarkdown(guide) }];
  },
});
