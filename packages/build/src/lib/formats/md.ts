import { renderMarkdown } from '@guidekit/render';
import { defineFormat } from '../format.js';
import type { GuideInput } from '../format.js';

/** Normalised Markdown per guide (`md/<locale>/<slug>.md`): parsing it again gives the same guide. */
export const md = defineFormat({
  name: 'md',
  description: 'normalised Markdown per guide',
  version: '1',
  dependsOn: 'guide',
  render(input) {
    const { guide } = input as GuideInput;
    return [{ path: `md/${guide.locale}/${guide.slug}.md`, data: renderMarkdown(guide) }];
  },
});
