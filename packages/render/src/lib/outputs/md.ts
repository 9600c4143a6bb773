import { defineFormat } from '../format.js';
import { guidePath } from './shared.js';

const path = guidePath('md', '.md');

/** Normalised Markdown per guide (`md/<locale>/<slug>.md`): parsing it again gives the same guide. */
export const md = defineFormat({
  id: 'md',
  description: 'normalised Markdown per guide',
  version: '1',
  byDefault: true,
  dependsOn: [],
  path,
  async render({ guide }) {
    const { renderMarkdown } = await import('../formats/markdown.js');
    return [{ path: path(guide), data: renderMarkdown(guide) }];
  },
});
