import type { Guide } from '@guidekit/model';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderJson, renderJsonLd, renderMarkdown } from '../src/index.js';

const pos = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
const guide: Guide = {
  slug: 'demo',
  locale: 'fr',
  path: 'fr/demo.md',
  format: 'md',
  frontmatter: { title: 'Démo', date: '2025-01-02T00:00:00-05:00', extra: {} },
  title: 'Démo',
  kind: 'tutorial',
  sections: [
    {
      kind: 'step',
      heading: 'Étape 1 : Ouvrir',
      depth: 5,
      stepId: 'step-1',
      hash: 'x',
      position: pos,
      blocks: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'Cliquez ' },
            { type: 'uiLabel', value: 'OK', children: [{ type: 'text', value: 'OK' }] },
            { type: 'html', value: '<img src=x onerror="alert(1)">' },
          ],
        },
        { type: 'code', lang: 'powershell', meta: null, value: 'Get-Item "a"' },
      ],
    },
  ],
  prerequisites: [],
  steps: [
    { number: 1, label: '1', id: 'step-1', title: 'Ouvrir', depth: 5, blocks: [], images: [], links: [], code: [], uiLabels: ['OK'], hash: 'x', position: pos },
  ],
  sources: [],
  hash: 'h',
};

describe('smoke', () => {
  it('renders', async () => {
    const html = await renderHtml(guide);
    expect(html).toContain('<span class="ui-label">OK</span>');
    expect(html).not.toContain('onerror');
    expect(html).toContain('id="step-1"');
    console.log(html.slice(0, 6000));
    console.log(renderMarkdown(guide));
    console.log(JSON.stringify(renderJsonLd(guide)));
    expect(JSON.parse(renderJson(guide)).slug).toBe('demo');
  });
});
