import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageDiagnostics } from '../src/lib/checks.js';
import { makeTree } from './helpers.js';

const use = (url: string, line: number) => ({
  url,
  from: 'body' as const,
  position: { start: { line, column: 1 }, end: { line, column: 10 } },
});

describe('image stage (imageDiagnostics)', () => {
  it('reports each missing image at its place, against the static folder or the guide folder', () => {
    const root = makeTree({ 'static/ok.png': 'png', 'fr/here.png': 'png' });
    const guides = [
      {
        path: 'fr/a.md',
        absPath: path.join(root, 'fr/a.md'),
        images: [use('/ok.png', 3), use('/no.png', 5), use('here.png', 7), use('gone.png', 9), use('https://x.org/a.png', 11)],
      },
    ];
    const found = imageDiagnostics(guides, {
      root,
      staticDir: path.join(root, 'static'),
      configured: false,
      candidates: [],
    });
    expect(found.map((d) => [d.ruleId, d.file, d.line, d.data?.['expected']])).toEqual([
      ['content/missing-image', 'fr/a.md', 5, 'static/no.png'],
      ['content/missing-image', 'fr/a.md', 9, 'fr/gone.png'],
    ]);
  });

  it('notes once that images were not checked when no static folder exists, unless configured or no image is used', () => {
    const root = makeTree({});
    const guides = [
      { path: 'a.md', absPath: path.join(root, 'a.md'), images: [use('/x.png', 1)] },
      { path: 'b.md', absPath: path.join(root, 'b.md'), images: [use('/y.png', 1)] },
    ];
    const candidates = [path.join(root, 'static'), path.join(root, 'public')];
    const none = imageDiagnostics(guides, { root, staticDir: null, configured: false, candidates });
    expect(none.map((d) => [d.ruleId, d.severity, d.file])).toEqual([['content/no-static-dir', 'info', '.']]);
    expect(none[0]?.message).toBe(
      'No static folder found (looked for `static`, `public`), so images were not checked: create one of these folders or set `staticDir` in guidekit.config.json',
    );
    expect(imageDiagnostics(guides, { root, staticDir: null, configured: true, candidates })).toEqual([]);
    expect(
      imageDiagnostics([{ path: 'a.md', absPath: path.join(root, 'a.md'), images: [] }], {
        root,
        staticDir: null,
        configured: false,
        candidates,
      }),
    ).toEqual([]);
  });
});
