import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../src/index.js';
import type { OutputFile } from '../src/lib/format.js';
import { PAGES_PER_BUNDLE, SearchPrefetch, planBundles } from '../src/lib/search-index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A site folder with one guide page per path (its article says `words`). */
function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guidekit-search-test-'));
  dirs.push(dir);
  for (const [rel, words] of Object.entries(pages)) write(dir, rel, words);
  return dir;
}

function write(dir: string, rel: string, words: string): void {
  mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
  const lang = rel.slice(0, rel.indexOf('/'));
  writeFileSync(
    path.join(dir, rel),
    `<!doctype html><html lang="${lang}"><head><title>${words}</title></head><body><main data-pagefind-body><h1>${words}</h1><p>${words}</p></main></body></html>`,
  );
}

/** A file's bytes (the search index has no copied files). */
const dataOf = (file: OutputFile | undefined): string | Uint8Array => (file && 'data' in file ? file.data : '');

/** The page URLs a bundle's fragments name. */
function urlsOf(files: OutputFile[], bundle: string): string[] {
  return files
    .filter((f) => f.path.startsWith(`html/pagefind/${bundle}fragment/`))
    .map(
      (f) =>
        JSON.parse(
          gunzipSync(dataOf(f) as Uint8Array)
            .toString('utf8')
            .replace(/^pagefind_dcd/, ''),
        ).url as string,
    )
    .sort();
}

describe('buildSearchIndex', () => {
  it('indexes each locale in its own bundle, pages whose path a glob cannot name literally too', async () => {
    const dir = site({
      'en/first/index.html': 'alpha',
      'en/a b (1) [x]/index.html': 'bravo',
      'fr/premier/index.html': 'charlie',
      'en/index.html': 'not a guide page',
    });
    const { files, diagnostics, pages, indexed } = await buildSearchIndex(dir);
    expect(diagnostics).toEqual([]);
    expect(pages).toBe(3);
    expect(indexed).toEqual(['en/0/', 'fr/0/']);
    const manifest = JSON.parse(String(dataOf(files.find((f) => f.path === 'html/pagefind/bundles.json'))));
    expect(manifest.locales).toEqual({ en: ['en/0/'], fr: ['fr/0/'] });
    expect(urlsOf(files, 'en/0/')).toEqual(['/en/a b (1) [x]/index.html', '/en/first/index.html']);
    expect(urlsOf(files, 'fr/0/')).toEqual(['/fr/premier/index.html']);
  });

  it('keeps a bundle whose pages did not change, and indexes again one whose files were altered', async () => {
    const dir = site({ 'en/first/index.html': 'alpha', 'fr/premier/index.html': 'charlie' });
    const commit = (files: OutputFile[]): void => {
      for (const f of files) {
        mkdirSync(path.join(dir, path.dirname(f.path.slice('html/'.length))), { recursive: true });
        writeFileSync(path.join(dir, f.path.slice('html/'.length)), dataOf(f));
      }
    };
    commit((await buildSearchIndex(dir)).files);
    const again = await buildSearchIndex(dir);
    expect(again.indexed).toEqual([]);
    write(dir, 'fr/premier/index.html', 'delta');
    const changed = await buildSearchIndex(dir);
    expect(changed.indexed).toEqual(['fr/0/']);
    commit(changed.files);
    // A kept bundle's files must be what the manifest recorded: a damaged one is made again.
    const entry = path.join(dir, 'pagefind/en/0/pagefind-entry.json');
    writeFileSync(entry, `${readFileSync(entry, 'utf8')} `);
    expect((await buildSearchIndex(dir)).indexed).toEqual(['en/0/']);
  });

  it('uses a bundle indexed while the pages were written when its pages are the final ones, and indexes again when one changed since', async () => {
    const dir = site({ 'en/first/index.html': 'alpha', 'en/second/index.html': 'bravo', 'fr/premier/index.html': 'charlie' });
    const sha = (rel: string): string =>
      createHash('sha256')
        .update(readFileSync(path.join(dir, rel)))
        .digest('hex');
    const final = (): { path: string; sha: string }[] =>
      ['en/first/index.html', 'en/second/index.html', 'fr/premier/index.html'].map((p) => ({ path: p, sha: sha(p) }));
    const bytes = (files: OutputFile[]): Record<string, string> => Object.fromEntries(files.map((f) => [f.path, Buffer.from(dataOf(f)).toString('base64')]));
    // The French page is kept as it is (its hash known), the English ones are being rendered.
    const early = new SearchPrefetch(dir, [
      { path: 'en/first/index.html' },
      { path: 'en/second/index.html' },
      { path: 'fr/premier/index.html', sha: sha('fr/premier/index.html') },
    ]);
    expect(early.order('en/first/index.html')).toBe(early.order('en/second/index.html'));
    expect(early.order('en/first/index.html')).toBeLessThan(early.order('fr/premier/index.html'));
    early.written('en/first/index.html', sha('en/first/index.html'));
    expect(early.started).toEqual([]);
    early.written('en/second/index.html', sha('en/second/index.html'));
    expect(early.started).toEqual(['en/0/']);
    const reference = await buildSearchIndex(dir, final());
    const used = await buildSearchIndex(dir, final(), 'html', early);
    expect(used.diagnostics).toEqual([]);
    expect(used.indexed).toEqual(['en/0/', 'fr/0/']);
    expect(bytes(used.files)).toEqual(bytes(reference.files));
    // A page rewritten after its bundle began: the early bundle no longer matches, the page's words are indexed.
    const stale = new SearchPrefetch(dir, [{ path: 'en/first/index.html' }, { path: 'en/second/index.html' }, { path: 'fr/premier/index.html' }]);
    for (const page of final()) stale.written(page.path, page.sha);
    expect(stale.started).toEqual(['en/0/', 'fr/0/']);
    write(dir, 'en/second/index.html', 'delta');
    const after = await buildSearchIndex(dir, final(), 'html', stale);
    expect(bytes(after.files)).toEqual(bytes((await buildSearchIndex(dir, final())).files));
    expect(bytes(after.files)).not.toEqual(bytes(used.files));
  });

  it('plans every page into exactly one bundle of its locale, of about PAGES_PER_BUNDLE pages, stable when one page is added', () => {
    const slug = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(slug, { minLength: 1, maxLength: 900 }), slug, (slugs, extra) => {
        const pages = slugs.map((s) => ({ path: `en/${s}/index.html`, sha: s }));
        const bundles = planBundles(pages);
        expect(bundles.flatMap((b) => b.pages.map((p) => p.path)).sort()).toEqual(pages.map((p) => p.path).sort());
        expect(bundles.length).toBeLessThanOrEqual(Math.ceil(pages.length / PAGES_PER_BUNDLE));
        if (slugs.includes(extra) || Math.ceil((pages.length + 1) / PAGES_PER_BUNDLE) !== Math.ceil(pages.length / PAGES_PER_BUNDLE)) return;
        const after = planBundles([...pages, { path: `en/${extra}/index.html`, sha: extra }]);
        const where = (list: typeof bundles): Map<string, string> => new Map(list.flatMap((b) => b.pages.map((p) => [p.path, b.path] as [string, string])));
        const before = where(bundles);
        const now = where(after);
        for (const [page, bundle] of before) expect(now.get(page)).toBe(bundle);
      }),
      // Each run plans up to 900 pages twice (~2 ms): CI's FC_RUNS=10000 is capped at 2,000.
      { numRuns: Math.min(Number(process.env.FC_RUNS ?? 60), 2000) },
    );
  });
});
