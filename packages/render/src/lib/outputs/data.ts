import {
  dataIndexFiles,
  guideModuleCode,
  guideModulePath,
  guideModuleTypes,
} from '../data-modules.js';
import { defineFormat } from '../format.js';

/**
 * Typed data modules (`data/`): one ES module + `.d.ts` per guide (`data/<locale>/<slug>.js`),
 * plus `data/index.js` (every guide, `getGuide`, `translationsOf`), `data/lazy.js` (catalogue and
 * `loadGuide` with one dynamic import per guide) and their declarations with literal slug and
 * locale unions. The Vite plugin serves the same modules from the same generators
 * (`data-modules.ts`). Per-guide modules depend on their guide alone, so an edit rewrites one
 * module and the index.
 */
export const data = defineFormat({
  id: 'data',
  description: 'typed ES modules: data/index.js + index.d.ts, one module per guide',
  version: '1',
  byDefault: true,
  dependsOn: [],
  path: (guide) => `data/${guideModulePath(guide)}.js`,
  // The index pairs translations by the source locale: a new one is a new index.
  inputs: (input, ctx) => (input.kind === 'site' ? ctx.config.sourceLocale : null),
  render({ guide }) {
    const stem = `data/${guideModulePath(guide)}`;
    return [
      { path: `${stem}.js`, data: guideModuleCode(guide) },
      { path: `${stem}.d.ts`, data: guideModuleTypes(guide) },
    ];
  },
  renderIndex(input, ctx) {
    const files = dataIndexFiles({ guides: input.guides, sourceLocale: ctx.config.sourceLocale });
    return files.map((file) => ({ path: `data/${file.path}`, data: file.contents }));
  },
});
