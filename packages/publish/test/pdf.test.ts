import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { PublishOptions } from '../src/index.js';
// pdf.js and pdf-lib read the PDFs back: implementations independent of the printing code.
import { chromiumChildren, skipBrowser } from '../../render-pdf/test/helpers/chromium.js';
import { embeddedImages } from '../../render-pdf/test/helpers/embedded-fonts.js';
import { pngBytes } from '../../render-pdf/test/helpers/fixtures.js';
import { inspectPdf } from '../../render-pdf/test/helpers/pdf-inspect.js';
import { frenchPrinter, publishTree, standardTree, tempTree, writeTree } from './helpers.js';

const run = (dir: string, extra: PublishOptions = {}) => publishTree(dir, { formats: ['pdf'], ...extra });

const read = (dir: string, rel: string): Uint8Array => fs.readFileSync(path.join(dir, 'dist', rel));
const PDFS = ['pdf/en/ajouter-imprimante.pdf', 'pdf/fr/ajouter-imprimante.pdf', 'pdf/fr/nouveautes-mars.pdf'];

/** The standard tree with a screenshot big enough to find in the PDF (42×24, our own pixels). */
function tree() {
  return { ...standardTree(), 'content/static/images/printer/p1.png': pngBytes(42, 24, [10, 120, 220]) };
}

describe.skipIf(skipBrowser)('--format pdf (real Chromium)', () => {
  afterEach(() => {
    // One browser per build, closed with it.
    expect(chromiumChildren()).toEqual([]);
  });

  test('prints every guide: step bookmarks under the title, page numbers, metadata, its image', async () => {
    const dir = tempTree(tree());
    const { result } = await run(dir);
    expect(result.unavailable).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...result.written].sort()).toEqual(PDFS);

    const bytes = read(dir, 'pdf/fr/ajouter-imprimante.pdf');
    const fr = await inspectPdf(bytes);
    expect(fr.pages).toBeGreaterThan(0);
    expect(fr.outline.map((n) => n.title)).toEqual(['Ajouter une imprimante réseau']);
    const bookmarks = fr.outline[0]?.items.map((n) => n.title) ?? [];
    const steps = ['Ouvrir les paramètres', 'Ajouter le périphérique'];
    const at = steps.map((s) => bookmarks.findIndex((b) => b.includes(s) && b.includes(`${steps.indexOf(s) + 1}`)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(fr.info).toMatchObject({ Title: 'Ajouter une imprimante réseau', Author: 'Équipe test', Language: 'fr', CreationDate: 'D:20260302080000Z' });
    fr.text.forEach((t, i) => expect(t).toContain(`${i + 1} / ${fr.pages}`));
    for (const s of steps) expect(fr.text.join(' ')).toContain(s);
    expect((await embeddedImages(bytes)).map(([w, h]) => `${w}x${h}`)).toContain('42x24');

    const en = await inspectPdf(read(dir, 'pdf/en/ajouter-imprimante.pdf'));
    expect(en.info).toMatchObject({ Title: 'Add a network printer', Language: 'en' });
  });

  test('prints on Letter paper when asked, and that option is part of the key', async () => {
    const dir = tempTree({ 'content/fr/ajouter-imprimante.md': frenchPrinter(), 'content/static/images/printer/p1.png': pngBytes(42, 24, [1, 2, 3]) });
    await run(dir);
    const a4 = await inspectPdf(read(dir, 'pdf/fr/ajouter-imprimante.pdf'));
    const letter = await run(dir, { formatOptions: { pdf: { paper: 'Letter' } } });
    expect(letter.units).toEqual(['pdf:fr/ajouter-imprimante']);
    const facts = await inspectPdf(read(dir, 'pdf/fr/ajouter-imprimante.pdf'));
    const near = (size: [number, number] | undefined, [w, h]: [number, number]) => Math.abs((size?.[0] ?? 0) - w) <= 2 && Math.abs((size?.[1] ?? 0) - h) <= 2;
    expect(near(a4.sizes[0], [595, 842])).toBe(true);
    expect(near(facts.sizes[0], [612, 792])).toBe(true);
  });

  test('is incremental: an unchanged guide is not printed again, a changed one is', async () => {
    const dir = tempTree(tree());
    await run(dir);
    const before = fs.statSync(path.join(dir, 'dist/pdf/en/ajouter-imprimante.pdf')).mtimeMs;
    const second = await run(dir);
    expect(second.units).toEqual([]);
    expect(second.result.written).toEqual([]);

    writeTree(dir, { 'content/fr/ajouter-imprimante.md': frenchPrinter('Ajouter une imprimante partagée') });
    const third = await run(dir);
    expect(third.units).toEqual(['pdf:fr/ajouter-imprimante']);
    expect(third.result.written).toEqual(['pdf/fr/ajouter-imprimante.pdf']);
    expect((await inspectPdf(read(dir, 'pdf/fr/ajouter-imprimante.pdf'))).info.Title).toBe('Ajouter une imprimante partagée');
    expect(fs.statSync(path.join(dir, 'dist/pdf/en/ajouter-imprimante.pdf')).mtimeMs).toBe(before);
  });

  test('a guide that fails to print gets an error diagnostic and keeps its previous, complete PDF', async () => {
    const dir = tempTree(tree());
    await run(dir);
    const previous = PDFS.map((rel) => Buffer.from(read(dir, rel)));
    // 1 ms is too short for anything: every print times out.
    const failed = await run(dir, { formatOptions: { pdf: { timeoutMs: 1 } } });
    const errors = failed.result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.file).sort()).toEqual(['en/ajouter-imprimante.md', 'fr/ajouter-imprimante.md', 'fr/nouveautes-mars.md']);
    for (const d of errors) expect(d.message).toMatch(/took more than 1 ms/);
    PDFS.forEach((rel, i) => expect(Buffer.from(read(dir, rel)).equals(previous[i]!)).toBe(true));
    // No temporary file left beside them.
    expect(fs.readdirSync(path.join(dir, 'dist/pdf/fr')).sort()).toEqual(['ajouter-imprimante.pdf', 'nouveautes-mars.pdf']);
    // Back to the normal options: the kept PDFs are those of that key, nothing to print.
    const again = await run(dir);
    expect(again.units).toEqual([]);
    expect(again.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('--format pdf without Chromium', () => {
  test('is unavailable with the how-to message, and the other formats still build', async () => {
    const saved = process.env.GUIDEKIT_CHROMIUM;
    process.env.GUIDEKIT_CHROMIUM = '/nonexistent/chromium';
    try {
      const dir = tempTree(tree());
      const { result } = await run(dir, { formats: ['json', 'pdf'] });
      expect(result.unavailable.map((u) => u.format)).toEqual(['pdf']);
      expect(result.unavailable[0]?.message).toMatch(/apt-get install chromium/);
      expect(result.unavailable[0]?.message).toMatch(/GUIDEKIT_CHROMIUM=/);
      expect([...result.written].filter((f) => f.startsWith('json/')).length).toBeGreaterThan(0);
      expect(fs.existsSync(path.join(dir, 'dist/pdf'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.GUIDEKIT_CHROMIUM;
      else process.env.GUIDEKIT_CHROMIUM = saved;
    }
  });
});
