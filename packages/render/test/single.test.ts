import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseGuide } from '@guidekit/parser';
import { describe, expect, it } from 'vitest';
import { createImageInfo, imageInfoFromBytes, renderPrintHtml, renderSingleHtml, resolveAssetPath } from '../src/index.js';
import { makePng, tempDir } from './helpers.js';

/** content/ with static/images, a guide, and a secret image outside content/. */
function tree(): { root: string; content: string; staticDir: string; secret: string } {
  const root = tempDir();
  const content = path.join(root, 'content');
  const staticDir = path.join(content, 'static');
  mkdirSync(path.join(staticDir, 'images'), { recursive: true });
  mkdirSync(path.join(content, 'fr'), { recursive: true });
  writeFileSync(path.join(staticDir, 'images', 'ok.png'), makePng(12, 7));
  writeFileSync(path.join(content, 'fr', 'voisine.png'), makePng(3, 5));
  writeFileSync(path.join(staticDir, 'images', 'faux.png'), 'pas une image');
  const secret = path.join(root, 'secret.png');
  writeFileSync(secret, makePng(9, 9, [200, 0, 0]));
  symlinkSync(secret, path.join(staticDir, 'images', 'lien.png'));
  return { root, content, staticDir, secret };
}

describe('resolveAssetPath', () => {
  it('resolves /images into the static folder and relative paths next to the guide', () => {
    const t = tree();
    const roots = { contentRoot: t.content, staticDir: t.staticDir };
    expect(resolveAssetPath('/images/ok.png', roots, 'fr/g.md')).toEqual({ ok: true, path: path.join(t.staticDir, 'images', 'ok.png') });
    expect(resolveAssetPath('voisine.png?v=2#x', roots, 'fr/g.md')).toEqual({ ok: true, path: path.join(t.content, 'fr', 'voisine.png') });
  });

  it.each([
    ['../../secret.png', 'render/asset-outside-root'],
    ['../../../etc/passwd', 'render/asset-outside-root'],
    ['%2e%2e/%2e%2e/secret.png', 'render/asset-outside-root'],
    ['/images/lien.png', 'render/asset-outside-root'],
    ['file:///etc/passwd', 'render/asset-outside-root'],
    ['C:\\Windows\\win.ini', 'render/asset-outside-root'],
    ['..\\..\\secret.png', 'render/asset-invalid'],
    ['/etc/passwd', 'render/asset-not-found'],
    ['/images/absent.png', 'render/asset-not-found'],
    ['%zz', 'render/asset-invalid'],
  ])('refuses %s (%s)', (url, ruleId) => {
    const t = tree();
    const r = resolveAssetPath(url, { contentRoot: t.content, staticDir: t.staticDir }, 'fr/g.md');
    expect(r.ok).toBe(false);
    expect(r.ok === false && 'ruleId' in r ? r.ruleId : r).toBe(ruleId);
  });

  it('reads sizes from image headers', () => {
    expect(imageInfoFromBytes(makePng(640, 480))).toEqual({ width: 640, height: 480, type: 'png' });
    expect(imageInfoFromBytes(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"></svg>'))).toMatchObject({
      width: 30,
      height: 20,
      type: 'svg',
    });
    expect(imageInfoFromBytes(new Uint8Array([1, 2, 3]))).toBeUndefined();
    const t = tree();
    const info = createImageInfo({ contentRoot: t.content, staticDir: t.staticDir });
    const guide = parseGuide('# x', { path: 'fr/g.md', locale: 'fr' }).guide;
    expect(info('/images/ok.png', guide)).toEqual({ width: 12, height: 7 });
    expect(info('/images/lien.png', guide)).toBeUndefined();
  });
});

const SOURCE = [
  '---',
  'title: "Images"',
  '---',
  '',
  '##### Étape 1 : Images',
  '![bonne](/images/ok.png)',
  '',
  '![voisine](voisine.png)',
  '',
  '![fuite](../../secret.png)',
  '',
  '![absolu](/etc/passwd)',
  '',
  '![lien symbolique](/images/lien.png)',
  '',
  '![faux](/images/faux.png)',
  '',
  '![distante](https://example.org/a.png)',
  '',
].join('\n');

describe('renderSingleHtml', () => {
  it('inlines allowed images as data URIs and leaves every escape as a link, with diagnostics', async () => {
    const t = tree();
    const guide = parseGuide(SOURCE, { path: 'fr/images.md', locale: 'fr' }).guide;
    const seen: string[] = [];
    const { html, diagnostics } = await renderSingleHtml(guide, {
      assets: { contentRoot: t.content, staticDir: t.staticDir },
      onDiagnostic: (d) => seen.push(d.ruleId),
    });
    const png = (w: number, h: number, rgb?: [number, number, number]): string => `data:image/png;base64,${makePng(w, h, rgb).toString('base64')}`;
    expect(html).toContain(`src="${png(12, 7)}"`);
    expect(html).toContain(`src="${png(3, 5)}"`);
    expect(html).toMatch(/width="12" height="7"/);
    // The secret behind `..` and behind the symlink is never inlined.
    expect(html).not.toContain(png(9, 9, [200, 0, 0]).slice(0, 200));
    expect(html).toContain('<a href="../../secret.png" class="image-link">fuite</a>');
    expect(html).toContain('<a href="/images/lien.png" class="image-link">lien symbolique</a>');
    expect(html).toContain('<a href="https://example.org/a.png" class="image-link">distante</a>');
    // An alt text that is the file's name (`voisine`, `faux`) is reported, as on the site page.
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.file])).toEqual([
      ['render/alt-text', 8, 'fr/images.md'],
      ['render/asset-outside-root', 10, 'fr/images.md'],
      ['render/asset-not-found', 12, 'fr/images.md'],
      ['render/asset-outside-root', 14, 'fr/images.md'],
      ['render/alt-text', 16, 'fr/images.md'],
      ['render/image-not-inlined', 16, 'fr/images.md'],
      ['render/asset-remote', 18, 'fr/images.md'],
    ]);
    expect(seen).toEqual(diagnostics.map((d) => d.ruleId));
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    expect(html).toContain('<style>');
  });

  it('leaves every image as a link when no reader is given', async () => {
    const guide = parseGuide(SOURCE, { path: 'fr/images.md', locale: 'fr' }).guide;
    const { html, diagnostics } = await renderSingleHtml(guide);
    expect(html).not.toContain('<img');
    const images = diagnostics.filter((d) => d.ruleId !== 'render/alt-text');
    expect(images.every((d) => d.ruleId === 'render/image-not-inlined')).toBe(true);
    expect(images).toHaveLength(7);
  });

  it('print HTML has @page rules, no navigation, and the paper size asked for', async () => {
    const guide = parseGuide(SOURCE, { path: 'fr/images.md', locale: 'fr' }).guide;
    const a4 = (await renderPrintHtml(guide)).html;
    expect(a4).toContain('@page{size:A4');
    expect(a4).not.toContain('class="site-header"');
    expect(a4).not.toContain('class="toc"');
    expect((await renderPrintHtml(guide, { paper: 'Letter' })).html).toContain('@page{size:Letter');
  });
});
