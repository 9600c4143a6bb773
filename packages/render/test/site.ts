import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Guide } from '@guidekit/model';
import { buildSearchIndex, createImageInfo, renderHomePage, renderHtml, renderLocaleIndex, renderSingleHtml } from '../src/index.js';
import type { RenderContext } from '../src/index.js';
import { makePng } from './helpers.js';

/** One written page: its URL path from the server root, and what it is. */
export interface WrittenPage {
  url: string;
  kind: 'guide' | 'home' | 'locale' | 'single';
  guide?: Guide;
}

function write(file: string, text: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * Write a small site with the render functions only (the real build lives in @guidekit/publish):
 * `html/` pages, home, locale indexes, and `single/` pages. Images named in `images` are written
 * under `<out>/images/...` (generated PNGs) so sizes are known; `/images/...` resolves to them.
 */
export async function writeSite(
  out: string,
  guides: readonly Guide[],
  options: { images?: readonly string[]; single?: boolean; title?: string; staticDir?: string; search?: boolean } = {},
): Promise<WrittenPage[]> {
  // `/` of the site is the static folder: copy it so `/images/...` is served as it is.
  if (options.staticDir) cpSync(options.staticDir, out, { recursive: true });
  for (const url of options.images ?? []) write(path.join(out, url), makePng(320, 180));
  const imageInfo = createImageInfo({ contentRoot: out, staticDir: out });
  const locales = [...new Set(guides.map((g) => g.locale))].sort();
  const site = { title: options.title ?? 'Guides de test', locales, sourceLocale: 'fr' };
  const pages: WrittenPage[] = [];
  for (const guide of guides) {
    const ctx: RenderContext = {
      translations: guides.filter((g) => g.slug === guide.slug),
      siteGuides: guides,
      site,
      imageInfo: (url, g) => (url.startsWith('/images/') ? imageInfo(url, g) : undefined),
    };
    write(path.join(out, 'html', guide.locale, guide.slug, 'index.html'), await renderHtml(guide, ctx));
    pages.push({ url: `/html/${guide.locale}/${guide.slug}/index.html`, kind: 'guide', guide });
    if (options.single) {
      const { html } = await renderSingleHtml(guide, { ...ctx, assets: { contentRoot: out, staticDir: out } });
      write(path.join(out, 'single', guide.locale, `${guide.slug}.html`), html);
      pages.push({ url: `/single/${guide.locale}/${guide.slug}.html`, kind: 'single', guide });
    }
  }
  write(path.join(out, 'html', 'index.html'), renderHomePage(guides, { site }));
  pages.push({ url: '/html/index.html', kind: 'home' });
  for (const locale of locales) {
    write(path.join(out, 'html', locale, 'index.html'), renderLocaleIndex(locale, guides, { site }));
    pages.push({ url: `/html/${locale}/index.html`, kind: 'locale' });
  }
  if (options.search) {
    // The search index as the publisher's site step makes it (Pagefind over the written pages).
    const { files, diagnostics } = await buildSearchIndex(path.join(out, 'html'));
    if (diagnostics.length > 0) throw new Error(diagnostics.map((d) => d.message).join('\n'));
    for (const f of files) if ('data' in f) write(path.join(out, f.path), f.data);
  }
  return pages;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/**
 * A tiny static server over `root`. Any `/images/...png` that does not exist is answered with a
 * generated PNG: the corpus's screenshots are not part of the corpus, and a page must not fail a
 * request for them (decision documented in the README).
 */
export async function serve(root: string): Promise<{ origin: string; server: Server }> {
  const placeholder = makePng(160, 90, [220, 220, 220]);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const rel = decodeURIComponent(url.pathname);
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && !file.endsWith(path.sep)) {
      try {
        const body = readFileSync(file);
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
        return;
      } catch {
        // a folder: fall through to 404
      }
    }
    if (rel.startsWith('/images/') && /\.(png|jpe?g|gif|webp)$/i.test(rel)) {
      res.writeHead(200, { 'content-type': 'image/png' }).end(placeholder);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, server };
}
