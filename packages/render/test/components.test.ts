import type { Diagnostic } from '@guidekit/model';
import { parseGuide } from '@guidekit/parser';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/lib/formats/html.js';
import type { ComponentRenderer } from '../src/lib/components.js';
import type { RenderContext } from '../src/lib/context.js';

const guide = (body: string, format: 'md' | 'mdx' = 'mdx') =>
  parseGuide(`---\ntitle: "Composants"\n---\n\n##### Introduction\n${body}\n`, { path: `fr/c.${format}`, locale: 'fr' }).guide;

async function render(body: string, ctx: RenderContext = {}, format: 'md' | 'mdx' = 'mdx'): Promise<{ main: string; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const html = await renderHtml(guide(body, format), { ...ctx, onDiagnostic: (d) => diagnostics.push(d) });
  return { main: html.slice(html.indexOf('<article'), html.indexOf('</article>')), diagnostics };
}

describe('MDX components', () => {
  it('puts a <Notice> written on a line of text in an <aside> outside the paragraph', async () => {
    const { main } = await render('Avant <Notice type="warning">Attention **fort**</Notice> après.');
    expect(main).toContain('<p>Avant </p><aside class="notice notice-warning" role="note"><p>Attention <strong>fort</strong></p></aside><p> après.</p>');
    expect(main).not.toMatch(/<p>(?:(?!<\/p>)[^])*<aside/);
  });

  it('renders <Aside> and :::tip containers (with a title, over several blocks) as notices', async () => {
    expect((await render('<Aside type="tip">Un conseil.</Aside>')).main).toContain('<aside class="notice notice-tip" role="note"><p>Un conseil.</p></aside>');
    const { main } = await render(':::tip Astuce\nUn conseil.\n:::\n\n:::caution\nPremier.\n\n- un\n- deux\n:::', {}, 'md');
    expect(main).toContain('<aside class="notice notice-tip" role="note"><p class="notice-title">Astuce</p><p>Un conseil.</p></aside>');
    expect(main).toMatch(/<aside class="notice notice-warning" role="note"><p>Premier.<\/p>\s*<ul>\s*<li>un<\/li>\s*<li>deux<\/li>\s*<\/ul><\/aside>/);
    expect(main).not.toContain(':::');
  });

  it('leaves an opening ::: without a closing one as text', async () => {
    expect((await render(':::tip\nJamais fermé.', {}, 'md')).main).toContain('<p>:::tip\nJamais fermé.</p>');
  });

  it('renders <Youtube> as a thumbnail linking to the video: no frame, no script', async () => {
    const { main } = await render('<Youtube id="AbCdEf12345" title="Démonstration" />');
    expect(main).toContain('<figure class="video"><img src="https://i.ytimg.com/vi/AbCdEf12345/hqdefault.jpg" alt="Démonstration" width="480" height="360"');
    expect(main).toContain('<figcaption><a href="https://www.youtube.com/watch?v=AbCdEf12345">Démonstration — voir sur YouTube</a></figcaption>');
    expect(main).not.toMatch(/<(iframe|script)/);
    // A bad id links nowhere.
    expect((await render('<Youtube id="x&quot;onload=" title="T" />')).main).not.toContain('youtube.com');
  });

  it('keeps the children of an unknown component, with one warning per name', async () => {
    const { main, diagnostics } = await render('<Foo a="1">Texte de Foo</Foo> et <Foo>encore</Foo>\n\n<Bar />');
    expect(main).toContain('<span>Texte de Foo</span> et <span>encore</span>');
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column, d.data?.['name']])).toEqual([
      ['render/unknown-component', 'warning', 6, 1, 'Foo'],
      ['render/unknown-component', 'warning', 8, 1, 'Bar'],
    ]);
    expect(diagnostics[0]?.message).toBe('Unexpected unknown component `Foo`, expected one of the registered components (its content is published without it)');
  });

  it('takes a project’s components: aliases from configuration and renderers from code, sanitized', async () => {
    const evil: ComponentRenderer = ({ children }) => [
      {
        type: 'element',
        tagName: 'div',
        properties: { onClick: 'x()' },
        children: [{ type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'x()' }] }, ...children],
      },
    ];
    const { main, diagnostics } = await render('<Callout>Un.</Callout>\n\n<Warn>Deux.</Warn>\n\n<Evil>Trois.</Evil>', {
      components: { Warn: { as: 'Notice', attributes: { type: 'warning' } }, Evil: evil },
    });
    expect(diagnostics).toEqual([]);
    expect(main).toContain('<aside class="notice notice-note" role="note"><p>Un.</p></aside>');
    expect(main).toContain('<aside class="notice notice-warning" role="note"><p>Deux.</p></aside>');
    expect(main).toContain('<div>Trois.</div>');
    expect(main).not.toMatch(/script|onclick/i);
  });
});

describe('render/alt-text', () => {
  it('warns on empty, generic and file-name alt text and publishes the step title instead', async () => {
    const body =
      '![image](/images/a.png)\n\n---\n\n##### Étape 1 : Ouvrir le menu\n![](/images/b.png) ![capture_02.png](/images/capture_02.png) ![Le menu Démarrer](/images/c.png)';
    const { main, diagnostics } = await render(body, {}, 'md');
    expect([...main.matchAll(/alt="([^"]*)"/g)].map((m) => m[1])).toEqual(['Introduction', 'Ouvrir le menu', 'Ouvrir le menu', 'Le menu Démarrer']);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.data?.['url']])).toEqual([
      ['render/alt-text', 6, '/images/a.png'],
      ['render/alt-text', 11, '/images/b.png'],
      ['render/alt-text', 11, '/images/capture_02.png'],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'Unexpected alt text "image" on image `/images/a.png`, expected words that say what it shows (published with "Introduction")',
    );
  });
});
