/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../src/index.js';

// The shipped example site (content/), published by the real publisher: its English
// schedule-backup is stamped from an older French source (step 3 changed since), and
// rotate-bitlocker-key has no English version.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const contentDir = path.join(repoRoot, 'content');
const executablePath = process.env.GUIDEKIT_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
if (!hasChromium) {
  if (process.env.CI) throw new Error(`Chromium not found at ${executablePath}: CI must install it`);
  console.warn(`[publish] Chromium not found at ${executablePath}: site browser tests skipped`);
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * html-validate's recommended rules, less three that disagree with valid output on purpose:
 * `doctype-style` (the serializer writes `<!doctype html>`, which HTML allows), `no-inline-style`
 * (shiki's build-time colours are inline styles; the CSP allows inline styles, not scripts) and
 * `no-raw-characters` (a `>` in text is valid HTML; the serializer escapes `<` and `&`), and one
 * that is about content, not markup: `long-title` (a page's title is its guide's title, as the
 * author wrote it, and the site's name; `guidekit-docs check` is where content is judged).
 */
const VALIDATE_RULES = { 'doctype-style': 'off', 'no-inline-style': 'off', 'no-raw-characters': 'off', 'long-title': 'off' } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

/** A static server over `root` (a folder URL serves its index.html, as a web server does). */
async function serve(root: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let browser: Browser;
let origin = '';
let out = '';
let server: Server | undefined;
let firstRun: Awaited<ReturnType<typeof publish>>;

beforeAll(async () => {
  if (!hasChromium) return;
  // A copy: the publisher keeps its cache under the root, and git history is not needed (stamps are in the files).
  const tmp = mkdtempSync(path.join(tmpdir(), 'guidekit-site-'));
  const root = path.join(tmp, 'content');
  cpSync(contentDir, root, { recursive: true });
  out = path.join(tmp, 'dist');
  firstRun = await publish(root, { out, formats: ['html'] });
  ({ origin, server } = await serve(path.join(out, 'html')));
  const args = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  browser = await chromium.launch({ executablePath, args, headless: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server)
    await new Promise<void>((r) => {
      server?.close(() => r());
      server?.closeAllConnections();
    });
  if (out) rmSync(path.dirname(out), { recursive: true, force: true });
}, 120_000);

async function open(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.url()} ${r.status()}`);
  });
  await page.goto(origin + url, { waitUntil: 'load' });
  return { page, errors };
}

function htmlPages(): string[] {
  const dir = path.join(out, 'html');
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .map((f) => `/${f.split(path.sep).join('/')}`)
    .sort();
}

describe.skipIf(!hasChromium)('the published content/ site in Chromium', () => {
  it('publishes without error, and a no-op publish does not index again', async () => {
    expect(firstRun.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Every page links the one stylesheet file of the site, none inlines it.
    for (const url of htmlPages()) {
      const text = readFileSync(path.join(out, 'html', url), 'utf8');
      const href = /<link rel="stylesheet" href="([^"]+)">/.exec(text)?.[1] ?? '';
      expect(href, url).toMatch(/^(\.\.\/)*_static\/site-[0-9a-f]{10}\.css$/);
      expect(existsSync(path.join(out, 'html', path.dirname(url), href)), url).toBe(true);
      expect(text, url).not.toContain('<style>');
    }
    // content/ is small: one bundle per locale.
    const bundles = JSON.parse(readFileSync(path.join(out, 'html', 'pagefind', 'bundles.json'), 'utf8'));
    expect(bundles.locales).toEqual({ en: ['en/0/'], fr: ['fr/0/'] });
    expect(existsSync(path.join(out, 'html', 'pagefind', 'en', '0', 'pagefind-ui.js'))).toBe(true);
    const entry = path.join(out, 'html', 'pagefind', 'fr', '0', 'pagefind-entry.json');
    const before = statSync(entry).mtimeMs;
    const again = await publish(path.join(path.dirname(out), 'content'), { out, formats: ['html'] });
    expect(again.result.written).toEqual([]);
    expect(statSync(entry).mtimeMs).toBe(before);
  });

  it('search finds a word of a step in each locale, with the step as the anchor', async () => {
    const context = await browser.newContext();
    for (const [url, word, guide, step] of [
      ['/en/share-network-folder/index.html', 'robocopy', '/en/schedule-backup/index.html', '#step-1'],
      ['/fr/enable-mfa/index.html', 'KeyProtectorId', '/fr/rotate-bitlocker-key/index.html', '#step-2'],
    ] as const) {
      const { page, errors } = await open(context, url);
      // Nothing of the search is loaded before it is used.
      expect(await page.evaluate(() => typeof (window as unknown as { PagefindUI?: unknown }).PagefindUI)).toBe('undefined');
      await page.click('.search-button');
      await page.fill('.pagefind-ui__search-input', word);
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: 30_000 });
      const links = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links, word).toContain(`${guide}${step}`);
      expect(errors).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it('sidebar, previous/next and breadcrumbs navigate', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, '/en/schedule-backup/index.html');
    expect(await page.textContent('.sidebar [aria-current="page"]')).toBe('Schedule a daily backup with Task Scheduler');
    await page.click('.pagination a[rel="next"]');
    await page.waitForURL(`${origin}/en/share-network-folder/index.html`);
    await page.click('.pagination a[rel="prev"]');
    await page.waitForURL(`${origin}/en/schedule-backup/index.html`);
    // Every category is a group; the current guide's is open, the others open on a click.
    expect(await page.$$eval('.sidebar summary', (l) => l.map((e) => [e.textContent, (e.parentElement as HTMLDetailsElement).open]))).toEqual([
      ['Nouvelles (1)', false],
      ['Sécurité (1)', false],
      ['Windows (2)', true],
    ]);
    const news = page.locator('.sidebar a:has-text("What\'s new in our guides in 2026")');
    expect(await news.isVisible()).toBe(false);
    await page.click('.sidebar summary:has-text("Nouvelles")');
    await news.click();
    await page.waitForURL(`${origin}/en/release-notes-2026/index.html`);
    await page.goto(`${origin}/en/schedule-backup/index.html`);
    expect(await page.$$eval('.breadcrumbs li', (l) => l.map((e) => e.textContent))).toEqual([
      'guidekit',
      'English',
      'Windows',
      'Schedule a daily backup with Task Scheduler',
    ]);
    await page.click('.breadcrumbs a:has-text("English")');
    await page.waitForURL(`${origin}/en/index.html`);
    await page.goto(`${origin}/en/schedule-backup/index.html`);
    await page.click('.breadcrumbs a:has-text("guidekit")');
    await page.waitForURL(`${origin}/index.html`);
    await context.close();
  });

  it('the theme toggle is remembered across pages, with no flash of the light theme', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const { page } = await open(context, '/en/schedule-backup/index.html');
    const background = () => getComputedStyle(document.documentElement).backgroundColor;
    expect(await page.evaluate(background)).toBe('rgb(255, 255, 255)');
    await page.click('.theme-toggle');
    expect(await page.getAttribute('.theme-toggle', 'aria-pressed')).toBe('true');
    expect(await page.evaluate(background)).toBe('rgb(13, 17, 23)');
    // The next page is dark before its first paint: the theme is set by the inline script in <head>.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive')
          (window as unknown as { themeAtParse?: string | null }).themeAtParse = document.documentElement.getAttribute('data-theme');
      });
    });
    await page.click('.pagination a[rel="next"]');
    await page.waitForURL(`${origin}/en/share-network-folder/index.html`);
    expect(await page.evaluate(() => (window as unknown as { themeAtParse?: string | null }).themeAtParse)).toBe('dark');
    expect(await page.evaluate(background)).toBe('rgb(13, 17, 23)');
    expect(await page.getAttribute('.theme-toggle', 'aria-pressed')).toBe('true');
    await page.click('.theme-toggle');
    await page.goto(`${origin}/fr/schedule-backup/index.html`);
    expect(await page.evaluate(background)).toBe('rgb(255, 255, 255)');
    await context.close();
    // A reader whose system is dark gets the dark theme with no choice made.
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const d = await open(dark, '/en/schedule-backup/index.html');
    expect(await d.page.evaluate(background)).toBe('rgb(13, 17, 23)');
    await dark.close();
  });

  it('the copy button copies the text of its code block', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const { page } = await open(context, '/fr/rotate-bitlocker-key/index.html');
    const blocks = await page.$$('.code-block');
    expect(blocks.length).toBe(2);
    const second = blocks[1];
    const expected = await second?.$eval('pre code', (c) => c.textContent);
    expect(expected).toContain('Remove-BitLockerKeyProtector');
    await second?.$eval('.copy-button', (b) => (b as HTMLButtonElement).click());
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    expect(await second?.$eval('.copy-button', (b) => b.textContent)).toBe('Copié');
    await context.close();
  });

  it('the stale English guide shows the page notice and a notice on its stale step only', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, '/en/schedule-backup/index.html');
    expect(await page.textContent('.translation-notice')).toBe('This translation may be out of date — the source changed in step 3. Français');
    const steps = await page.$$eval('section.step', (s) =>
      s.map((e) => [e.querySelector('h2')?.id, e.querySelector('.stale-step a')?.getAttribute('href') ?? null]),
    );
    expect(steps).toEqual([
      ['step-1', null],
      ['step-2', null],
      ['step-3', '../../fr/schedule-backup/index.html#step-3'],
      ['step-4', null],
    ]);
    await page.click('.stale-step a');
    await page.waitForURL(`${origin}/fr/schedule-backup/index.html#step-3`);
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toContain('Étape 3');
    // The French source and an up-to-date translation have no notice.
    expect(await page.$('.translation-notice, .stale-step')).toBeNull();
    await page.goto(`${origin}/en/enable-mfa/index.html`);
    expect(await page.$('.translation-notice, .stale-step')).toBeNull();
    await context.close();
  });

  it('a missing translation is in the switcher as not translated yet', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, '/fr/rotate-bitlocker-key/index.html');
    expect(await page.$$eval('nav.languages li', (l) => l.map((e) => e.textContent))).toEqual(['Français', 'English (not translated yet)']);
    expect(await page.getAttribute('nav.languages li.missing', 'lang')).toBe('en');
    await context.close();
  });

  it('every page passes html-validate and axe-core (no serious or critical violation), light and dark', { timeout: 600_000 }, async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: VALIDATE_RULES });
    const problems: unknown[] = [];
    const pages = htmlPages();
    expect(pages.length).toBe(12);
    for (const url of pages) {
      const report = await validator.validateString(readFileSync(path.join(out, 'html', url), 'utf8'));
      for (const r of report.results) for (const m of r.messages) problems.push(`${url}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      for (const url of pages) {
        const { page, errors } = await open(context, url);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: (d: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> };
            }
          ).axe;
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${JSON.stringify(v.nodes[0]?.target)}`);
        });
        if (violations.length + errors.length > 0) problems.push({ url, colorScheme, violations, errors });
        await page.close();
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});

/** A word of letters only (Pagefind splits digits from letters): `qz` and the number in base 26. */
const wordOf = (n: number): string => `qz${n.toString(26).replace(/./g, (c) => String.fromCharCode(97 + Number.parseInt(c, 26)))}x`;

describe.skipIf(!hasChromium)('a locale larger than one search bundle', () => {
  it('is cut into bundles the search merges, and one changed guide re-indexes its bundle only', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'guidekit-bundles-'));
    const root = path.join(tmp, 'content');
    const guides = 260; // more than the 250 pages of one bundle: two bundles
    const guideText = (n: number, extra = ''): string =>
      `---\ntitle: "Guide number ${n}"\ncategories: ["Tests"]\n---\n\n##### Step 1 : Check the ${wordOf(n)} setting\nOpen the panel and look for ${wordOf(n)}.${extra}\n`;
    mkdirSync(path.join(root, 'en'), { recursive: true });
    writeFileSync(path.join(root, 'guidekit.config.json'), JSON.stringify({ sourceLocale: 'en' }));
    for (let n = 0; n < guides; n++) writeFileSync(path.join(root, 'en', `guide-${n}.md`), guideText(n));
    const dist = path.join(tmp, 'dist');
    const first = await publish(root, { out: dist, formats: ['html'] });
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const manifest = (): { locales: Record<string, string[]>; bundles: { path: string; files: Record<string, string> }[] } =>
      JSON.parse(readFileSync(path.join(dist, 'html', 'pagefind', 'bundles.json'), 'utf8'));
    expect(manifest().locales).toEqual({ en: ['en/0/', 'en/1/'] });
    // Which guide is in which bundle: its fragment names its URL.
    const bundleOf = (n: number): string => {
      for (const b of manifest().bundles) {
        for (const name of Object.keys(b.files).filter((f) => f.startsWith('fragment/'))) {
          const text = gunzipSync(readFileSync(path.join(dist, 'html', 'pagefind', b.path, name))).toString('utf8');
          if (text.includes(`/en/guide-${n}/index.html`)) return b.path;
        }
      }
      return 'none';
    };
    const inSecond = [...Array(guides).keys()].find((n) => bundleOf(n) === 'en/1/') as number;
    const inFirst = [...Array(guides).keys()].find((n) => bundleOf(n) === 'en/0/') as number;
    expect([inFirst, inSecond].every((n) => n !== undefined)).toBe(true);

    // The search of an English page finds guides of both bundles.
    const site = await serve(path.join(dist, 'html'));
    const context = await browser.newContext();
    try {
      for (const n of [inFirst, inSecond]) {
        const page = await context.newPage();
        await page.goto(`${site.origin}/en/guide-0/index.html`, { waitUntil: 'load' });
        await page.click('.search-button');
        await page.fill('.pagefind-ui__search-input', wordOf(n));
        await page.waitForSelector('.pagefind-ui__result-link', { timeout: 30_000 });
        const links = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href') ?? ''));
        expect(links, wordOf(n)).toContain(`/en/guide-${n}/index.html#step-1`);
        await page.close();
      }
    } finally {
      await context.close();
      await new Promise<void>((r) => {
        site.server.close(() => r());
        site.server.closeAllConnections();
      });
    }

    // One guide changes: its bundle is indexed again, the other bundle's files stay as they were.
    writeFileSync(path.join(root, 'en', `guide-${inSecond}.md`), guideText(inSecond, ' Then restart.'));
    const second = await publish(root, { out: dist, formats: ['html'] });
    const searchWritten = second.result.written.filter((f) => f.startsWith('html/pagefind/'));
    expect(searchWritten.some((f) => f.startsWith('html/pagefind/en/1/'))).toBe(true);
    expect(searchWritten.filter((f) => f.startsWith('html/pagefind/en/0/'))).toEqual([]);
    rmSync(tmp, { recursive: true, force: true });
  }, 240_000);
});
