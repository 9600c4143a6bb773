import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_FORMATS, FormatUnavailableError, MANIFEST_PATH, PublishUsageError, defineFormat, formats, publish } from '../src/index.js';
import type { PublishOptions } from '../src/index.js';
import { buildSearchIndex } from '@guidekit/render';
import { PNG, englishPrinter, publishTree, frenchNews, frenchPrinter, listTree, mtimes, standardTree, tempTree, writeTree } from './helpers.js';

const ALL = [
  'html/_static/images/printer/p1.png',
  'html/_static/site-<hash>.css',
  'html/en/ajouter-imprimante/index.html',
  'html/en/index.html',
  'html/fr/ajouter-imprimante/index.html',
  'html/fr/index.html',
  'html/fr/nouveautes-mars/index.html',
  'html/index.html',
  'json/en/ajouter-imprimante.json',
  'json/fr/ajouter-imprimante.json',
  'json/fr/nouveautes-mars.json',
  'json/index.json',
  'jsonld/en/ajouter-imprimante.json',
  'jsonld/fr/ajouter-imprimante.json',
  'jsonld/fr/nouveautes-mars.json',
  'md/en/ajouter-imprimante.md',
  'md/fr/ajouter-imprimante.md',
  'md/fr/nouveautes-mars.md',
  'single/en/ajouter-imprimante.html',
  'single/fr/ajouter-imprimante.html',
  'single/fr/nouveautes-mars.html',
];

/**
 * Files of the output but the search index (Pagefind's file names hash its content: its own tests
 * pin it), the stylesheet's content hash written `<hash>`.
 */
const published = (files: readonly string[]): string[] =>
  files
    .filter((f) => !f.startsWith('html/pagefind/'))
    .map((f) => f.replace(/^html\/_static\/site-[0-9a-f]{10}\.css$/, 'html/_static/site-<hash>.css'))
    .sort();

/** A path of {@link ALL} as it is under `out` (the stylesheet's hash read from the folder). */
const onDisk = (out: string, file: string): string =>
  file.includes('<hash>')
    ? `html/_static/${fs.readdirSync(path.join(out, 'html/_static')).find((f) => /^site-[0-9a-f]{10}\.css$/.test(f)) ?? 'site-<none>.css'}`
    : file;

const PAGE_FORMATS = ['html', 'single', 'json', 'md', 'jsonld'];

/** The page formats whose files these tests pin; `data` (also a default) has its own tests. */
const run = (dir: string, extra: PublishOptions = {}) => publishTree(dir, { formats: PAGE_FORMATS, ...extra });

test('the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "DEFAULT_FORMATS",
      "FormatUnavailableError",
      "LOCK_PATH",
      "MANIFEST_PATH",
      "PUBLISH_VERSION",
      "PublishUsageError",
      "availableFormats",
      "defineFormat",
      "formats",
      "merge",
      "parseShard",
      "publish",
      "readManifest",
      "shardOf",
    ]
  `);
  // Every format of the one registry, in build order; a page with a language switcher depends on its translations.
  expect(formats.map((f) => f.id)).toEqual(['html', 'single', 'json', 'md', 'jsonld', 'data', 'pdf']);
  for (const id of ['html', 'single']) expect(formats.find((f) => f.id === id)?.dependsOn).toContain('translations');
});

describe('JSON layout', () => {
  test('is compact by default; `formatOptions.json.indent` indents it and re-renders only the JSON', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    const file = path.join(dir, 'dist/json/fr/ajouter-imprimante.json');
    const compact = fs.readFileSync(file, 'utf8');
    expect(compact.indexOf('\n')).toBe(compact.length - 1);
    const { units } = await run(dir, { formatOptions: { json: { indent: 2 } } });
    // Every JSON unit (its key holds the option) and nothing else.
    expect(units).toEqual(['json:en/ajouter-imprimante', 'json:fr/ajouter-imprimante', 'json:fr/nouveautes-mars', 'json:index']);
    const pretty = fs.readFileSync(file, 'utf8');
    expect(pretty.startsWith('{\n  "slug": "ajouter-imprimante"')).toBe(true);
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
    expect(fs.readFileSync(path.join(dir, 'dist/json/index.json'), 'utf8').startsWith('{\n  "version": 1')).toBe(true);
  });
});

describe('the search index', () => {
  test('made while the pages render is the one made over the finished site, file for file, byte for byte', async () => {
    const dir = tempTree(standardTree());
    const order: string[] = [];
    await publish(path.join(dir, 'content'), { out: path.join(dir, 'dist'), formats: ['html'], onProgress: (p) => order.push(p.unit) });
    // The guides render in search-bundle order (one bundle per locale here: en's, then fr's), so a bundle is whole early.
    expect(order.slice(0, 3)).toEqual(['html:en/ajouter-imprimante', 'html:fr/ajouter-imprimante', 'html:fr/nouveautes-mars']);
    const site = path.join(dir, 'dist', 'html');
    const after = await buildSearchIndex(site);
    expect(after.diagnostics).toEqual([]);
    const onDisk = listTree(path.join(site, 'pagefind'));
    expect(after.files.map((f) => f.path).sort()).toEqual(onDisk.map((f) => `html/pagefind/${f}`).sort());
    // bundles.json's keys hash the pages as each caller does (the publisher's hashes, or sha256 here): the rest is the same.
    const withoutKeys = (text: string) => ({ ...JSON.parse(text), bundles: JSON.parse(text).bundles.map(({ key: _, ...b }: { key: string }) => b) });
    for (const file of after.files) {
      const data = Buffer.from('data' in file ? file.data : '');
      const written = fs.readFileSync(path.join(dir, 'dist', file.path));
      if (file.path.endsWith('/bundles.json')) expect(withoutKeys(String(written))).toEqual(withoutKeys(String(data)));
      else expect(Buffer.compare(written, data), file.path).toBe(0);
    }
  });
});

describe('a cold build', () => {
  test('writes every format in the layout of the design, and a manifest listing each file', async () => {
    const dir = tempTree(standardTree());
    const { result } = await run(dir);
    expect(published(listTree(path.join(dir, 'dist')))).toEqual(ALL);
    expect(published(result.written)).toEqual(ALL);
    expect(result.unchanged).toBe(0);
    expect(result.guides).toBe(3);
    expect(result.formats).toEqual(PAGE_FORMATS);
    expect(DEFAULT_FORMATS).toEqual([...PAGE_FORMATS, 'data']);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'dist', MANIFEST_PATH), 'utf8'));
    expect(published(Object.keys(manifest.files))).toEqual(ALL);
    // No staging or journal left behind.
    expect(listTree(path.join(dir, 'dist'), true).filter((f) => f.startsWith('.guidekit/'))).toEqual(['.guidekit/manifest.json']);
  });

  test('pages are complete: html ends the document, json parses, the image is copied byte for byte', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    const out = path.join(dir, 'dist');
    for (const file of ALL) {
      const text = fs.readFileSync(path.join(out, onDisk(out, file)), 'utf8');
      if (file.endsWith('.html')) expect(text.trimEnd().endsWith('</html>'), file).toBe(true);
      if (file.endsWith('.json')) expect(() => JSON.parse(text), file).not.toThrow();
    }
    expect(fs.readFileSync(path.join(out, 'html/_static/images/printer/p1.png')).equals(PNG)).toBe(true);
    const page = fs.readFileSync(path.join(out, 'html/fr/ajouter-imprimante/index.html'), 'utf8');
    expect(page).toContain('src="../../_static/images/printer/p1.png"');
    expect(page).toContain('href="../../en/ajouter-imprimante/index.html"');
    expect(fs.readFileSync(path.join(out, 'single/fr/ajouter-imprimante.html'), 'utf8')).toContain(`data:image/png;base64,${PNG.toString('base64')}`);
    const index = JSON.parse(fs.readFileSync(path.join(out, 'json/index.json'), 'utf8'));
    expect(index.guides.map((g: { slug: string; locale: string }) => `${g.locale}/${g.slug}`)).toEqual([
      'en/ajouter-imprimante',
      'fr/ajouter-imprimante',
      'fr/nouveautes-mars',
    ]);
  });
});

describe('an incremental build', () => {
  test('with nothing changed writes nothing and renders nothing', async () => {
    const dir = tempTree(standardTree());
    const first = await run(dir);
    const before = mtimes(path.join(dir, 'dist'));
    const { result, units } = await run(dir);
    expect(result.written).toEqual([]);
    expect(units).toEqual([]);
    expect(result.units).toEqual({ rendered: 0, skipped: first.result.units.rendered });
    expect(result.unchanged).toBe(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'dist', MANIFEST_PATH), 'utf8')).files).length);
    expect(mtimes(path.join(dir, 'dist'))).toEqual(before);
    // Render diagnostics of skipped units are not repeated; `verbose` replays them.
    const rendered = first.result.diagnostics.filter((d) => d.ruleId.startsWith('render/'));
    expect(rendered.length).toBeGreaterThan(0);
    expect(result.diagnostics).toEqual(first.result.diagnostics.filter((d) => !d.ruleId.startsWith('render/')));
    const verbose = await run(dir, { verbose: true });
    expect(verbose.result.diagnostics).toEqual(first.result.diagnostics);
  });

  test('one guide body changed: that guide re-renders, its translation does not, indexes re-render', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    writeTree(dir, { 'content/fr/ajouter-imprimante.md': frenchPrinter(undefined, ' Une phrase de plus.') });
    const { result, units } = await run(dir);
    expect(units).toEqual([
      'html:fr/ajouter-imprimante',
      'html:index',
      'json:fr/ajouter-imprimante',
      'json:index',
      'jsonld:fr/ajouter-imprimante',
      'md:fr/ajouter-imprimante',
      'single:fr/ajouter-imprimante',
    ]);
    // The HTML format's site step indexed the committed pages again for search (a no-op build does not).
    expect(result.written.some((f) => f.startsWith('html/pagefind/'))).toBe(true);
    // The HTML indexes show titles and descriptions only, and the HowTo JSON-LD holds no
    // introduction: same bytes, not written. The JSON index carries each guide's hash: written.
    expect(published(result.written)).toEqual([
      'html/fr/ajouter-imprimante/index.html',
      'json/fr/ajouter-imprimante.json',
      'json/index.json',
      'md/fr/ajouter-imprimante.md',
      'single/fr/ajouter-imprimante.html',
    ]);
  });

  test('a title changed: the translations re-render for their switchers, the indexes are rewritten', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    writeTree(dir, { 'content/fr/ajouter-imprimante.md': frenchPrinter('Brancher une imprimante réseau') });
    const { result, units } = await run(dir);
    // Every HTML page: its sidebar lists the titles of the site (the html format depends on the index).
    expect(units).toEqual([
      'html:en/ajouter-imprimante',
      'html:fr/ajouter-imprimante',
      'html:fr/nouveautes-mars',
      'html:index',
      'json:fr/ajouter-imprimante',
      'json:index',
      'jsonld:fr/ajouter-imprimante',
      'md:fr/ajouter-imprimante',
      'single:en/ajouter-imprimante',
      'single:fr/ajouter-imprimante',
    ]);
    // The switcher names languages, not titles: the English pages render to the same bytes. The
    // other French page's sidebar lists every category of its locale: it shows the new title.
    expect(published(result.written)).toEqual([
      'html/fr/ajouter-imprimante/index.html',
      'html/fr/index.html',
      'html/fr/nouveautes-mars/index.html',
      'html/index.html',
      'json/fr/ajouter-imprimante.json',
      'json/index.json',
      'jsonld/fr/ajouter-imprimante.json',
      'md/fr/ajouter-imprimante.md',
      'single/fr/ajouter-imprimante.html',
    ]);
  });

  test('a new translation: the source pages gain a language switcher', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    writeTree(dir, {
      'content/en/nouveautes-mars.md': frenchNews('March news').replace('Ce qui change ce mois-ci.', 'What changes this month.'),
    });
    const { result } = await run(dir);
    // The English page of the other guide too: its sidebar now lists the new English guide.
    expect(published(result.written)).toEqual([
      'html/en/ajouter-imprimante/index.html',
      'html/en/index.html',
      'html/en/nouveautes-mars/index.html',
      'html/fr/nouveautes-mars/index.html',
      'html/index.html',
      'json/en/nouveautes-mars.json',
      'json/index.json',
      'jsonld/en/nouveautes-mars.json',
      'md/en/nouveautes-mars.md',
      'single/en/nouveautes-mars.html',
      'single/fr/nouveautes-mars.html',
    ]);
    expect(fs.readFileSync(path.join(dir, 'dist/html/fr/nouveautes-mars/index.html'), 'utf8')).toContain('href="../../en/nouveautes-mars/index.html"');
  });

  test('a deleted guide: its outputs are removed, after the manifest that drops them', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    fs.rmSync(path.join(dir, 'content/fr/nouveautes-mars.md'));
    const { result } = await run(dir);
    const gone = [
      'html/fr/nouveautes-mars/index.html',
      'json/fr/nouveautes-mars.json',
      'jsonld/fr/nouveautes-mars.json',
      'md/fr/nouveautes-mars.md',
      'single/fr/nouveautes-mars.html',
    ];
    expect(published(result.removed)).toEqual(gone);
    expect(published(listTree(path.join(dir, 'dist')))).toEqual(ALL.filter((f) => !gone.includes(f)));
    expect(fs.existsSync(path.join(dir, 'dist/html/fr/nouveautes-mars'))).toBe(false);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'dist', MANIFEST_PATH), 'utf8'));
    expect(Object.keys(manifest.files).some((f) => f.includes('nouveautes-mars'))).toBe(false);
    // And the build after that one is a no-op again.
    const again = await run(dir);
    expect(again.result.written).toEqual([]);
    expect(again.result.removed).toEqual([]);
  });

  test('a replaced image re-renders the pages that size or inline it and copies it again', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    // Same bytes, new mtime would be enough; new bytes make the single page differ too.
    const bigger = Buffer.concat([PNG, Buffer.from('trailing bytes')]);
    const file = path.join(dir, 'content/static/images/printer/p1.png');
    fs.writeFileSync(file, bigger);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const { result, units } = await run(dir);
    expect(units).toContain('single:fr/ajouter-imprimante');
    expect(units).toContain('html:index');
    expect(result.written).toContain('html/_static/images/printer/p1.png');
    expect(result.written).toContain('single/fr/ajouter-imprimante.html');
    expect(fs.readFileSync(path.join(dir, 'dist/html/_static/images/printer/p1.png')).equals(bigger)).toBe(true);
  });

  test('an output file deleted by hand is written again', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    fs.rmSync(path.join(dir, 'dist/md/fr/nouveautes-mars.md'));
    const { result, units } = await run(dir);
    expect(units).toEqual(['md:fr/nouveautes-mars']);
    expect(result.written).toEqual(['md/fr/nouveautes-mars.md']);
  });

  test('only the formats asked for are built; outputs of the others stay, listed and intact', async () => {
    const dir = tempTree(standardTree());
    await run(dir, { formats: ['json'] });
    expect(published(listTree(path.join(dir, 'dist')))).toEqual(ALL.filter((f) => f.startsWith('json/')));
    const { result } = await run(dir, { formats: ['md', 'json'] });
    // The JSON index lists the files of the formats built with it: md joined, so it changed.
    expect(published(result.written)).toEqual(
      ALL.filter((f) => f.startsWith('md/'))
        .concat('json/index.json')
        .sort(),
    );
    // md alone: the JSON outputs stay, and stay in the manifest.
    const alone = await run(dir, { formats: ['md'] });
    expect(alone.result.written).toEqual([]);
    expect(alone.result.removed).toEqual([]);
    expect(published(listTree(path.join(dir, 'dist')))).toEqual(ALL.filter((f) => f.startsWith('md/') || f.startsWith('json/')));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'dist', MANIFEST_PATH), 'utf8'));
    expect(
      Object.keys(manifest.files)
        .filter((f) => f.startsWith('json/'))
        .sort(),
    ).toEqual(ALL.filter((f) => f.startsWith('json/')));
    // A guide deleted meanwhile: its JSON goes when json is built again.
    fs.rmSync(path.join(dir, 'content/fr/nouveautes-mars.md'));
    expect((await run(dir, { formats: ['md'] })).result.removed).toEqual(['md/fr/nouveautes-mars.md']);
    expect((await run(dir, { formats: ['json'] })).result.removed).toEqual(['json/fr/nouveautes-mars.json']);
  });
});

describe('what a build reports', () => {
  test('a tree with images and no static folder: one note, not a warning per image, as check says it', async () => {
    const tree = standardTree();
    delete tree['content/static/images/printer/p1.png'];
    const dir = tempTree(tree);
    const { result } = await run(dir, { formats: ['html', 'single', 'md'] });
    expect(result.diagnostics.filter((d) => d.ruleId === 'render/asset-not-found')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.ruleId === 'content/no-static-dir').map((d) => d.severity)).toEqual(['info']);
  });
});

describe('kill safety and leftovers', () => {
  test('staging files and temporary files of a killed build are removed by the next one', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    writeTree(dir, {
      'dist/.guidekit/tmp/index.html.123.abc': '<!doctype html><p>half',
      'dist/html/fr/.guidekit-tmp-index.html.1.2': 'half',
    });
    const { result } = await run(dir);
    expect(result.written).toEqual([]);
    expect(published(listTree(path.join(dir, 'dist'), true))).toEqual(['.guidekit/manifest.json', ...ALL].sort());
  });

  test('units named in the journal of an interrupted build are rendered again whatever their key', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    // What a build killed after writing a newer md file but before its manifest leaves behind.
    writeTree(dir, {
      'dist/md/fr/nouveautes-mars.md': 'text of a build that never finished\n',
      'dist/.guidekit/journal.json': JSON.stringify({ units: ['md:fr/nouveautes-mars'] }),
    });
    const { result, units } = await run(dir);
    expect(units).toEqual(['md:fr/nouveautes-mars']);
    expect(result.written).toEqual(['md/fr/nouveautes-mars.md']);
    expect(fs.readFileSync(path.join(dir, 'dist/md/fr/nouveautes-mars.md'), 'utf8')).not.toContain('never finished');
    expect(fs.existsSync(path.join(dir, 'dist/.guidekit/journal.json'))).toBe(false);
  });

  test('files a killed build created but no manifest lists are removed by the next build; files of your own stay', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    // What a build killed while placing new files leaves: the paths recorded before the writes
    // (the last line torn by the kill), the files, and no manifest listing them.
    writeTree(dir, {
      'dist/html/pagefind/fragment/en_0123abc.pf_fragment': 'fragment of a build that never finished',
      'dist/md/fr/supprime-depuis.md': 'page of a guide deleted since\n',
      'dist/html/mine.txt': 'a file of my own\n',
      'dist/.guidekit/journal-files': 'html/pagefind/fragment/en_0123abc.pf_fragment\nmd/fr/supprime-depuis.md\nmd/fr/tor',
    });
    const { result } = await run(dir);
    expect(result.written).toEqual([]);
    expect(result.removed).toEqual(['html/pagefind/fragment/en_0123abc.pf_fragment', 'md/fr/supprime-depuis.md']);
    expect(published(listTree(path.join(dir, 'dist'), true))).toEqual(['.guidekit/manifest.json', ...ALL, 'html/mine.txt'].sort());
    expect(fs.existsSync(path.join(dir, 'dist/html/pagefind/fragment/en_0123abc.pf_fragment'))).toBe(false);
  });

  test('a build records the paths it creates before writing them, and drops the record when complete', async () => {
    const dir = tempTree(standardTree());
    const seen: string[] = [];
    await run(dir, {
      onProgress: () => {
        const file = path.join(dir, 'dist/.guidekit/journal-files');
        if (fs.existsSync(file)) seen.push(...fs.readFileSync(file, 'utf8').split('\n').filter(Boolean));
      },
    });
    expect(new Set(seen).has('md/fr/nouveautes-mars.md')).toBe(true);
    expect(fs.existsSync(path.join(dir, 'dist/.guidekit/journal-files'))).toBe(false);
  });

  test('a journaled unit of a format not built this time stays distrusted after the journal is gone', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    writeTree(dir, {
      'dist/md/fr/nouveautes-mars.md': 'text of a build that never finished\n',
      'dist/.guidekit/journal.json': JSON.stringify({ units: ['md:fr/nouveautes-mars'] }),
    });
    await run(dir, { formats: ['json'] });
    expect(fs.existsSync(path.join(dir, 'dist/.guidekit/journal.json'))).toBe(false);
    const { units } = await run(dir, { formats: ['md'] });
    expect(units).toEqual(['md:fr/nouveautes-mars']);
    expect(fs.readFileSync(path.join(dir, 'dist/md/fr/nouveautes-mars.md'), 'utf8')).not.toContain('never finished');
  });

  test('an aborted build keeps the previous manifest, and the next build completes the output', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    const manifest = fs.readFileSync(path.join(dir, 'dist', MANIFEST_PATH), 'utf8');
    writeTree(dir, {
      'content/fr/ajouter-imprimante.md': frenchPrinter('Titre changé'),
      'content/en/ajouter-imprimante.md': englishPrinter('Changed title'),
    });
    const controller = new AbortController();
    let seen = 0;
    await expect(
      run(dir, {
        onProgress: () => {
          if (++seen === 2) controller.abort(new Error('stop'));
        },
        signal: controller.signal,
      }),
    ).rejects.toThrow('stop');
    expect(fs.readFileSync(path.join(dir, 'dist', MANIFEST_PATH), 'utf8')).toBe(manifest);
    expect(fs.existsSync(path.join(dir, 'dist/.guidekit/journal.json'))).toBe(true);
    // Put the old text back: the half-written units must not be trusted on their old keys.
    writeTree(dir, standardTree());
    await run(dir);
    const fresh = tempTree(standardTree());
    await run(fresh);
    for (const file of ALL) {
      expect(
        fs
          .readFileSync(path.join(dir, 'dist', onDisk(path.join(dir, 'dist'), file)))
          .equals(fs.readFileSync(path.join(fresh, 'dist', onDisk(path.join(fresh, 'dist'), file)))),
        file,
      ).toBe(true);
    }
  });

  test('a corrupt manifest means a full rebuild, not a failure', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    fs.writeFileSync(path.join(dir, 'dist', MANIFEST_PATH), '{"version": 1, "files": [tru');
    const { result } = await run(dir);
    expect(result.units.skipped).toBe(0);
    // Same bytes as before: rendered again but nothing rewritten except what the manifest cannot vouch for.
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'dist', MANIFEST_PATH), 'utf8')).version).toBe(1);
  });
});

describe('usage', () => {
  test('an unknown format is a usage error naming the known ones', async () => {
    const dir = tempTree(standardTree());
    await expect(run(dir, { formats: ['html', 'epub'] })).rejects.toThrow(PublishUsageError);
    await expect(run(dir, { formats: ['epub'] })).rejects.toThrow(/Unexpected format `epub`, expected one of html, single, json, md, jsonld/);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('a missing root is a usage error', async () => {
    const dir = tempTree({});
    await expect(run(dir)).rejects.toThrow(PublishUsageError);
  });

  test('an output folder holding the content is refused', async () => {
    const dir = tempTree(standardTree());
    await expect(publish(path.join(dir, 'content'), { out: dir })).rejects.toThrow(PublishUsageError);
  });

  test('an output folder inside the content root is refused unless the configuration names it', async () => {
    const dir = tempTree(standardTree());
    await expect(publish(path.join(dir, 'content'), { out: path.join(dir, 'content/dist') })).rejects.toThrow(/inside the content root/);
    writeTree(dir, { 'content/guidekit.config.json': JSON.stringify({ out: 'dist' }) });
    await publish(path.join(dir, 'content'), { out: path.join(dir, 'content/dist'), formats: ['md'] });
    // The loader skips the configured output: a second build finds the same three guides.
    const { result: again } = await publish(path.join(dir, 'content'), { out: path.join(dir, 'content/dist'), formats: ['md'] });
    expect(again.guides).toBe(3);
    expect(again.written).toEqual([]);
  });

  test('a format that cannot run here is reported; the other formats still build', async () => {
    const dir = tempTree(standardTree());
    const unavailable = defineFormat({
      id: 'fax',
      description: 'needs a fax machine',
      version: '1',
      byDefault: false,
      dependsOn: [],
      open() {
        throw new FormatUnavailableError('no fax machine found: plug one in');
      },
      render: () => [],
    });
    const { result } = await run(dir, { registry: [...formats, unavailable], formats: ['json', 'fax'] });
    expect(result.unavailable).toEqual([{ format: 'fax', message: 'no fax machine found: plug one in' }]);
    expect(published(listTree(path.join(dir, 'dist')))).toEqual(ALL.filter((f) => f.startsWith('json/')));
  });

  test('a renderer that throws becomes a build/render-failed diagnostic; the rest is built', async () => {
    const dir = tempTree(standardTree());
    const broken = defineFormat({
      id: 'broken',
      description: 'throws on one guide',
      version: '1',
      byDefault: false,
      dependsOn: [],
      render: ({ guide }) => {
        if (guide.slug === 'nouveautes-mars') throw new Error('boom');
        return [{ path: `broken/${guide.locale}/${guide.slug}.txt`, data: guide.title }];
      },
    });
    const { result } = await run(dir, { registry: [...formats, broken], formats: ['broken'] });
    expect(result.diagnostics.filter((d) => d.ruleId === 'build/render-failed').map((d) => [d.file, d.severity])).toEqual([['fr/nouveautes-mars.md', 'error']]);
    expect(published(listTree(path.join(dir, 'dist')))).toEqual(['broken/en/ajouter-imprimante.txt', 'broken/fr/ajouter-imprimante.txt']);
    // The failed unit is tried again next time; the others are not.
    const again = await run(dir, { registry: [...formats, broken], formats: ['broken'] });
    expect(again.units).toEqual(['broken:fr/nouveautes-mars']);
    expect(again.result.diagnostics.some((d) => d.ruleId === 'build/render-failed')).toBe(true);
  });

  test('a problem several formats of one guide report is reported and stored once', async () => {
    const dir = tempTree(standardTree());
    const warning = (guide: { path: string }) => ({
      file: guide.path,
      line: 2,
      column: 1,
      severity: 'warning' as const,
      ruleId: 'render/example',
      message: 'Unexpected example problem, expected none',
    });
    const echo = (id: string) =>
      defineFormat({
        id,
        description: 'reports one problem per guide',
        version: '1',
        byDefault: false,
        dependsOn: [],
        render: ({ guide }) => ({ files: [{ path: `${id}/${guide.locale}/${guide.slug}.txt`, data: guide.title }], diagnostics: [warning(guide)] }),
      });
    const registry = [...formats, echo('first'), echo('second')];
    const { result } = await run(dir, { registry, formats: ['first', 'second'] });
    expect(result.diagnostics.filter((d) => d.ruleId === 'render/example').map((d) => d.file)).toEqual([
      'en/ajouter-imprimante.md',
      'fr/ajouter-imprimante.md',
      'fr/nouveautes-mars.md',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'dist', MANIFEST_PATH), 'utf8')) as { units: Record<string, { diagnostics?: unknown[] }> };
    expect(
      Object.entries(manifest.units)
        .filter(([, u]) => u.diagnostics)
        .map(([id]) => id)
        .sort(),
    ).toEqual(['first:en/ajouter-imprimante', 'first:fr/ajouter-imprimante', 'first:fr/nouveautes-mars']);
  });
});

describe('the site title and URL', () => {
  const BASE = 'https://guides.example.org/it/';

  test('from the configuration: absolute hreflang, canonical and JSON-LD URLs, a titled site and a sitemap', async () => {
    const dir = tempTree({ ...standardTree(), 'content/guidekit.config.json': JSON.stringify({ site: { title: 'Guides IT & Co', url: BASE } }) });
    const { result } = await run(dir);
    expect(result.written).toContain('html/sitemap.xml');
    const out = path.join(dir, 'dist');
    const page = fs.readFileSync(path.join(out, 'html/fr/ajouter-imprimante/index.html'), 'utf8');
    expect(page).toContain('<title>Ajouter une imprimante réseau · Guides IT &#x26; Co</title>');
    expect(page).toContain(`<link rel="canonical" href="${BASE}fr/ajouter-imprimante/">`);
    expect(page).toContain(`<link rel="alternate" hreflang="en" href="${BASE}en/ajouter-imprimante/">`);
    expect(page).toContain(`<link rel="alternate" hreflang="x-default" href="${BASE}fr/ajouter-imprimante/">`);
    // The switcher stays relative: the site works from disk and from any host.
    expect(page).toContain('href="../../en/ajouter-imprimante/index.html"');
    const home = fs.readFileSync(path.join(out, 'html/index.html'), 'utf8');
    expect(home).toContain('<h1>Guides IT &#x26; Co</h1>');
    const jsonld = JSON.parse(fs.readFileSync(path.join(out, 'jsonld/fr/ajouter-imprimante.json'), 'utf8'));
    expect(jsonld.url).toBe(`${BASE}fr/ajouter-imprimante/`);
    expect(jsonld.step[0].url).toBe(`${BASE}fr/ajouter-imprimante/#step-1`);
    const sitemap = fs.readFileSync(path.join(out, 'html/sitemap.xml'), 'utf8');
    expect(sitemap).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">' +
        `<url><loc>${BASE}</loc></url>` +
        `<url><loc>${BASE}en/</loc></url>` +
        `<url><loc>${BASE}fr/</loc></url>` +
        `<url><loc>${BASE}en/ajouter-imprimante/</loc>` +
        `<xhtml:link rel="alternate" hreflang="en" href="${BASE}en/ajouter-imprimante/"/>` +
        `<xhtml:link rel="alternate" hreflang="fr" href="${BASE}fr/ajouter-imprimante/"/>` +
        `<xhtml:link rel="alternate" hreflang="x-default" href="${BASE}fr/ajouter-imprimante/"/></url>` +
        `<url><loc>${BASE}fr/ajouter-imprimante/</loc>` +
        `<xhtml:link rel="alternate" hreflang="en" href="${BASE}en/ajouter-imprimante/"/>` +
        `<xhtml:link rel="alternate" hreflang="fr" href="${BASE}fr/ajouter-imprimante/"/>` +
        `<xhtml:link rel="alternate" hreflang="x-default" href="${BASE}fr/ajouter-imprimante/"/></url>` +
        `<url><loc>${BASE}fr/nouveautes-mars/</loc></url>` +
        '</urlset>\n',
    );
  });

  test('without a URL there is no sitemap and links stay relative', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    const page = fs.readFileSync(path.join(dir, 'dist/html/fr/ajouter-imprimante/index.html'), 'utf8');
    expect(page).not.toContain('rel="canonical"');
    expect(page).toContain('<link rel="alternate" hreflang="en" href="../../en/ajouter-imprimante/index.html">');
    expect(fs.existsSync(path.join(dir, 'dist/html/sitemap.xml'))).toBe(false);
  });

  test('the build option wins over the configuration, is part of every key, and removing it removes the sitemap', async () => {
    const dir = tempTree({ ...standardTree(), 'content/guidekit.config.json': JSON.stringify({ site: { url: BASE } }) });
    await run(dir);
    // Same site: nothing to do.
    expect((await run(dir, { site: { url: BASE } })).result.written).toEqual([]);
    // Another address: every page and the sitemap carry it, so they are rendered again.
    const moved = await run(dir, { site: { url: 'https://docs.example.com' } });
    expect(moved.result.written).toEqual(
      expect.arrayContaining(['html/fr/ajouter-imprimante/index.html', 'jsonld/fr/ajouter-imprimante.json', 'html/sitemap.xml']),
    );
    const sitemap = fs.readFileSync(path.join(dir, 'dist/html/sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://docs.example.com/fr/ajouter-imprimante/</loc>');
    expect(sitemap).not.toContain(BASE);
    // A title alone keeps the configured URL.
    await run(dir, { site: { title: 'Nos guides' } });
    expect(fs.readFileSync(path.join(dir, 'dist/html/index.html'), 'utf8')).toContain('<h1>Nos guides</h1>');
    expect(fs.readFileSync(path.join(dir, 'dist/html/sitemap.xml'), 'utf8')).toContain(`<loc>${BASE}fr/ajouter-imprimante/</loc>`);
    // No URL any more: the sitemap goes, like any output the build no longer makes.
    writeTree(dir, { 'content/guidekit.config.json': '{}' });
    const plain = await run(dir);
    expect(plain.result.removed).toContain('html/sitemap.xml');
    expect(fs.existsSync(path.join(dir, 'dist/html/sitemap.xml'))).toBe(false);
  });

  test('a relative or non-http URL, or an empty title, is a usage error and writes nothing', async () => {
    const dir = tempTree(standardTree());
    await expect(run(dir, { site: { url: '/docs/' } })).rejects.toThrow(/Unexpected site URL `\/docs\/`, expected an absolute http:\/\/ or https:\/\/ URL/);
    await expect(run(dir, { site: { url: 'javascript:alert(1)' } })).rejects.toThrow(PublishUsageError);
    await expect(run(dir, { site: { title: '  ' } })).rejects.toThrow(/empty site title/);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
