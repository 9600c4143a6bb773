import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createPdfPool, renderPdf, type PdfPool, type PrintJob } from '../src/index.js';
import { chromiumPath, skipBrowser } from './helpers/chromium.js';
import { embeddedFonts, embeddedImages } from './helpers/embedded-fonts.js';
import { frenchSteps, pngBytes, pngDataUri, printHtml, type FixtureStep } from './helpers/fixtures.js';
import { inspectPdf } from './helpers/pdf-inspect.js';

const squash = (s: string): string => s.replace(/\s+/g, '');

describe.skipIf(skipBrowser)('PDF output (real Chromium)', () => {
  let pool: PdfPool;
  let tmp: string;

  beforeAll(async () => {
    pool = createPdfPool({ concurrency: 2, timeoutMs: 20_000, ...(chromiumPath ? { executablePath: chromiumPath } : {}) });
    tmp = await mkdtemp(path.join(os.tmpdir(), 'render-pdf-test-'));
  });
  afterAll(async () => {
    await pool?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  const french: { steps: FixtureStep[]; job: Omit<PrintJob, 'html'> } = {
    steps: frenchSteps(6),
    job: { title: 'Déployer l’accès conditionnel pas à pas', author: 'Zoé Lefèvre', lang: 'fr', date: '2024-03-15T00:00:00Z' },
  };

  it('has pages, one bookmark per step under the title, page numbers, metadata and searchable text', async () => {
    const html = printHtml({ title: french.job.title, steps: french.steps });
    const facts = await inspectPdf(await pool.print({ ...french.job, html }));

    expect(facts.pages).toBeGreaterThan(1);
    expect(facts.outline.map((n) => n.title)).toEqual([french.job.title]);
    expect(facts.outline[0]?.items.map((n) => n.title)).toEqual(french.steps.map((s) => s.title));
    expect(facts.info.Title).toBe(french.job.title);
    expect(facts.info.Author).toBe('Zoé Lefèvre');
    expect(facts.info.Language).toBe('fr');
    expect(facts.info.CreationDate).toBe('D:20240315000000Z');
    expect(facts.marked).toBe(true);
    facts.text.forEach((text, i) => {
      expect(text).toContain(`${i + 1} / ${facts.pages}`);
      expect(squash(text)).toContain(squash(french.job.title));
    });
    const all = squash(facts.text.join(' '));
    for (const step of french.steps) expect(all).toContain(squash(step.title));
  });

  it('embeds fonts with accented glyphs (DejaVu or Liberation), not a fallback without them', async () => {
    const pdf = await pool.print({ ...french.job, html: printHtml({ title: french.job.title, steps: french.steps.slice(0, 2) }) });
    const fonts = await embeddedFonts(pdf);
    expect(fonts.some((f) => /DejaVu|Liberation/.test(f))).toBe(true);
    const text = (await inspectPdf(pdf)).text.join(' ');
    for (const ch of ['é', 'è', 'à', 'ç', 'É', '’', 'ù']) {
      if (french.steps.slice(0, 2).some((s) => s.title.includes(ch)) || printHtml({ title: '', steps: [] }).includes(ch)) {
        expect(text).toContain(ch);
      }
    }
  });

  it('prints A4 and Letter at their sizes', async () => {
    const html = printHtml({ title: 'Sizes', lang: 'en', steps: [{ title: 'Step 1: Only' }] });
    const a4 = await inspectPdf(await pool.print({ html, title: 'Sizes', format: 'A4' }));
    const letter = await inspectPdf(await pool.print({ html, title: 'Sizes', format: 'Letter' }));
    // A4 is 595.3 × 841.9 pt, Letter 612 × 792; Chromium rounds to its own pixel grid.
    const near = ([w, h]: [number, number] = [0, 0], [ew, eh]: [number, number]): boolean => Math.abs(w - ew) <= 2 && Math.abs(h - eh) <= 2;
    expect(near(a4.sizes[0], [595, 842])).toBe(true);
    expect(near(letter.sizes[0], [612, 792])).toBe(true);
  });

  it('embeds data-URI images and images from a file: base folder, and refuses paths that leave it', async () => {
    const site = path.join(tmp, 'site');
    await mkdir(path.join(site, 'images'), { recursive: true });
    await writeFile(path.join(site, 'images', 'shot.png'), pngBytes(120, 60, [200, 30, 30]));
    await writeFile(path.join(tmp, 'secret.png'), pngBytes(10, 10, [0, 0, 0]));
    await symlink(path.join(tmp, 'secret.png'), path.join(site, 'images', 'link.png'));
    const steps: FixtureStep[] = [
      { title: 'Step 1: Data URI', image: pngDataUri(80, 40, [0, 90, 200]) },
      { title: 'Step 2: Root-relative', image: '/images/shot.png' },
      { title: 'Step 3: Relative', image: 'images/shot.png' },
      { title: 'Step 4: Outside', image: '/../secret.png' },
      { title: 'Step 5: Encoded outside', image: '/%2e%2e/secret.png' },
      { title: 'Step 6: Link out', image: '/images/link.png' },
    ];
    const pdf = await pool.print({ html: printHtml({ title: 'Images', lang: 'en', steps }), title: 'Images', baseUrl: pathToFileURL(site).href });
    // Chromium draws a broken-image icon for refused images; the fixtures have distinct
    // sizes, so the embedded ones are known by their size.
    const sizes = (await embeddedImages(pdf)).map(([w, h]) => `${w}x${h}`);
    expect(sizes.filter((s) => s === '80x40')).toHaveLength(1);
    expect(sizes.filter((s) => s === '120x60').length).toBeGreaterThanOrEqual(1);
    expect(sizes).not.toContain('10x10');
  });

  it('does not run scripts in the HTML, and never reaches the network', async () => {
    // A real server on loopback: the page must not reach it, even by IP literal.
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.setHeader('content-type', 'image/png');
      res.end(pngBytes(30, 30, [0, 200, 0]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const started = Date.now();
    const html = printHtml({
      title: 'Quiet',
      lang: 'en',
      steps: [
        { title: 'Step 1: Loopback by IP', image: `http://127.0.0.1:${port}/a.png` },
        { title: 'Step 2: Loopback by name', image: `http://localhost:${port}/b.png` },
        { title: 'Step 3: Remote', image: 'https://example.com/c.png' },
      ],
      extraBody: '<p id="x">static text</p><script>document.getElementById("x").textContent = "SCRIPT RAN"</script>',
    });
    const pdf = await pool.print({ html, title: 'Quiet' });
    const text = (await inspectPdf(pdf)).text.join(' ');
    expect(text).toContain('static text');
    expect(text).not.toContain('SCRIPT RAN');
    expect(hits).toBe(0);
    expect((await embeddedImages(pdf)).map(([w, h]) => `${w}x${h}`)).not.toContain('30x30');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps a code block on one page and a step heading with what follows it', async () => {
    const code = Array.from({ length: 40 }, (_, i) => `Set-Option -Name line${String(i).padStart(2, '0')} -Value ${i}`).join('\n');
    // Enough text before the code that, unbroken, it would straddle a page end.
    const steps: FixtureStep[] = [
      { title: 'Step 1: Long text', paragraphs: 7 },
      { title: 'Step 2: Code', paragraphs: 0, code },
      ...Array.from({ length: 8 }, (_, i) => ({ title: `Step ${i + 3}: More`, paragraphs: 2 + (i % 3) })),
    ];
    const html = printHtml({ title: 'Breaks', lang: 'en', steps })
      // A marker at the start of each step body, to find which page the body starts on.
      .replace(/<\/h2>/g, (m, offset: number, all: string) => `${m}<p>BODY${(all.slice(0, offset).match(/<\/h2>/g) ?? []).length + 1}START</p>`);
    const facts = await inspectPdf(await pool.print({ html, title: 'Breaks' }));
    expect(facts.pages).toBeGreaterThan(2);
    const pageOf = (needle: string): number[] => facts.text.flatMap((t, i) => (squash(t).includes(squash(needle)) ? [i] : []));
    expect(pageOf('line00')).toEqual(pageOf('line39'));
    steps.forEach((step, i) => {
      expect(pageOf(step.title)).toEqual(pageOf(`BODY${i + 1}START`));
    });
  });

  it('gives the same bytes for the same job (reproducible, so incremental builds can compare)', async () => {
    const job = { ...french.job, html: printHtml({ title: french.job.title, steps: french.steps.slice(0, 3) }) };
    const [a, b] = await Promise.all([pool.print(job), pool.print(job)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('prints without outline or footer when asked', async () => {
    const html = printHtml({ title: 'Bare', lang: 'en', steps: [{ title: 'Step 1: One' }] });
    const facts = await inspectPdf(await pool.print({ html, title: 'Bare', outline: false, footer: false }));
    expect(facts.outline).toEqual([]);
    expect(facts.text[0]).not.toContain('1 / 1');
  });

  it('renderPdf prints one document with its own browser', async () => {
    const html = printHtml({ title: 'One-off', lang: 'en', steps: [{ title: 'Step 1: Alone' }] });
    const facts = await inspectPdf(await renderPdf(html, { title: 'One-off', ...(chromiumPath ? { executablePath: chromiumPath } : {}) }));
    expect(facts.pages).toBe(1);
    expect(facts.outline[0]?.items.map((n) => n.title)).toEqual(['Step 1: One-off'.replace('One-off', 'Alone')]);
  });

  it('reuses pages instead of opening one per document', () => {
    const stats = pool.stats();
    expect(stats.launches).toBe(1);
    expect(stats.pagesOpened).toBeLessThanOrEqual(2);
    expect(stats.printed).toBeGreaterThan(5);
  });
});
