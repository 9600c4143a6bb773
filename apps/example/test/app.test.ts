import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot, chromiumPath, guideFiles } from './helpers.js';

const executablePath = chromiumPath();
if (!executablePath) {
  if (process.env.CI) throw new Error('CI needs Chromium (apt-get install chromium, or set GUIDEKIT_CHROMIUM)');
  console.warn('[example] no Chromium found (GUIDEKIT_CHROMIUM, /usr/bin/chromium): browser tests skipped');
}

describe.skipIf(!executablePath)('example app, built with Vite and opened in Chromium', () => {
  let outDir = '';
  let url = '';
  let browser: Browser;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'guidekit-example-'));
    // `vite build` as a user runs it, in its own process: this one resolves workspace packages to
    // their TypeScript sources (the `source` condition), which Node cannot load natively.
    execFileSync(process.execPath, [path.join(appRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: appRoot,
      stdio: 'pipe',
    });
    const server = await preview({ root: appRoot, configFile: false, logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
    url = server.resolvedUrls!.local[0]!;
    close = () => server.close();
    browser = await chromium.launch({ executablePath: executablePath! });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  async function open(hash = '') {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}${hash}`);
    return { page, errors };
  }

  it('lists every guide of content/, every language version linked', async () => {
    const expected = guideFiles();
    expect(expected.length, 'content/ holds guides').toBeGreaterThanOrEqual(3);
    const { page, errors } = await open();
    await page.waitForSelector('#guides li');
    const linked = await page.$$eval('a[data-guide]', (as) => as.map((a) => (a as HTMLElement).dataset.guide!));
    expect(linked.sort()).toEqual(expected.map((g) => g.key));
    // Each linked version carries its own title (the tooltip), as written in its front matter.
    const titles = await page.$$eval('a[data-guide]', (as) => as.map((a) => [(a as HTMLElement).dataset.guide!, a.getAttribute('title')!]));
    expect(Object.fromEntries(titles)).toEqual(Object.fromEntries(expected.map((g) => [g.key, g.title])));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders a guide with its steps and switches language', async () => {
    const facts = guideFiles();
    // A tutorial that exists in two locales.
    const fr = facts.find((g) => g.steps > 0 && facts.some((o) => o.slug === g.slug && o.locale !== g.locale))!;
    const other = facts.find((o) => o.slug === fr.slug && o.locale !== fr.locale)!;
    const { page, errors } = await open();
    await page.click(`a[data-guide="${fr.key}"]`);
    await page.waitForSelector('article h1');
    expect(await page.textContent('article h1')).toBe(fr.title);
    expect(await page.locator('ol.steps > li.step').count()).toBe(fr.steps);
    expect(await page.getAttribute('html', 'lang')).toBe(fr.locale);

    await page.click(`#languages a[data-locale="${other.locale}"]`);
    await page.waitForFunction((title) => document.querySelector('article h1')?.textContent === title, other.title);
    expect(await page.locator('ol.steps > li.step').count()).toBe(other.steps);
    expect(new URL(page.url()).hash).toBe(`#/${other.locale}/${other.slug}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
