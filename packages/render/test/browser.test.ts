/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Guide } from '@guidekit/model';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_SCRIPT } from '../src/lib/site-script.js';
import { corpusGuard, corpusGuides, fixtureGuides, makePng, parseFile, repoRoot } from './helpers.js';
import { serve, writeSite } from './site.js';
import type { WrittenPage } from './site.js';

const executablePath = process.env['GUIDEKIT_CHROMIUM'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
if (!hasChromium) {
  if (process.env['CI']) throw new Error(`Chromium not found at ${executablePath}: CI must install it`);
  console.warn(`[render] Chromium not found at ${executablePath}: browser tests skipped`);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
const cleanups: (() => void | Promise<void>)[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  const args = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  // launch() gives every run a fresh temporary profile.
  browser = await chromium.launch({ executablePath, args, headless: true });
});

afterAll(async () => {
  // The browser first: its keep-alive connections would otherwise hold server.close() open.
  await browser?.close();
  for (const c of cleanups.reverse()) await c();
}, 180_000);

/** Build a site into a fresh folder and serve it; removed after the file's tests. */
async function site(guides: readonly Guide[], options: Parameters<typeof writeSite>[2] = {}): Promise<{ origin: string; pages: WrittenPage[]; out: string }> {
  const out = mkdtempSync(path.join(tmpdir(), 'guidekit-render-site-'));
  const pages = await writeSite(out, guides, options);
  const { origin, server } = await serve(out);
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
    () => rmSync(out, { recursive: true, force: true }),
  );
  return { origin, pages, out };
}

interface PageReport {
  errors: string[];
  failed: string[];
  dialogs: string[];
  violations: { id: string; impact: string; target: string }[];
  brokenImages: string[];
}

/** Open a page, load every image (lazy ones too), run axe-core, and report what went wrong. */
async function check(context: BrowserContext, url: string, options: { axe?: boolean } = {}): Promise<{ page: Page; report: PageReport }> {
  const page = await context.newPage();
  // A <Youtube> thumbnail is YouTube's own image (the one outside request a page may make): this
  // machine is offline, so it is answered with a generated PNG.
  await page.route('https://i.ytimg.com/**', (route) => route.fulfill({ contentType: 'image/png', body: makePng(480, 360) }));
  const report: PageReport = { errors: [], failed: [], dialogs: [], violations: [], brokenImages: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') report.errors.push(m.text());
  });
  page.on('pageerror', (e) => report.errors.push(String(e)));
  page.on('requestfailed', (r) => report.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) report.failed.push(`${r.url()} ${r.status()}`);
  });
  page.on('dialog', (d) => {
    report.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  report.brokenImages = await page.evaluate(async () => {
    const images = [...document.images];
    for (const img of images) img.loading = 'eager';
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
    return images.filter((img) => img.naturalWidth === 0).map((img) => img.getAttribute('src') ?? '');
  });
  if (options.axe !== false) {
    await page.evaluate(axeSource);
    report.violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> };
        }
      ).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, target: JSON.stringify(v.nodes[0]?.target) }));
    });
  }
  return { page, report };
}

const serious = (r: PageReport): PageReport['violations'] => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe.skipIf(!hasChromium)('HTML pages of the fixture site in Chromium', () => {
  let origin = '';
  let pages: WrittenPage[] = [];
  let context: BrowserContext;

  beforeAll(async () => {
    ({ origin, pages } = await site(fixtureGuides('site'), { images: ['/images/sauvegarde/etape_001.png', '/images/sauvegarde/etape_002.png'], single: true }));
    context = await browser.newContext({ viewport: { width: 1000, height: 500 } });
  });

  it('every page loads with no console error, no failed request, no broken image, no axe violation at all', { timeout: 600_000 }, async () => {
    expect(pages.length).toBe(13);
    for (const p of pages) {
      const { page, report } = await check(context, origin + p.url);
      // Our own pages meet every axe rule, not only the serious ones.
      expect({ url: p.url, errors: report.errors, failed: report.failed, broken: report.brokenImages, violations: report.violations }).toEqual({
        url: p.url,
        errors: [],
        failed: [],
        broken: [],
        violations: [],
      });
      await page.close();
    }
  });

  it('has lang, hreflang alternates, JSON-LD, sized lazy images, highlighted code and UI labels', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/html/fr/sauvegarde-poste/index.html`);
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      hreflang: [...document.querySelectorAll('link[rel=alternate]')].map((l) => `${l.getAttribute('hreflang')}=${l.getAttribute('href')}`),
      jsonld: JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}')['@type'],
      img: [...document.querySelectorAll('main img')].map(
        (i) => `${i.getAttribute('loading')} ${i.getAttribute('width')}x${i.getAttribute('height')} ${i.getAttribute('alt')}`,
      ),
      shiki: document.querySelectorAll('pre.shiki span[style]').length,
      plain: document.querySelector('pre.code-plain')?.textContent,
      labels: [...document.querySelectorAll('.ui-label')].map((e) => e.textContent),
      headings: [...document.querySelectorAll('main h1, main h2, main h3')].map((e) => e.tagName).join(''),
      underlined: [...document.querySelectorAll('main u')].map((e) => e.textContent),
      br: document.querySelectorAll('main br').length,
    }));
    expect(facts.lang).toBe('fr');
    expect(facts.h1).toBe(1);
    expect(facts.hreflang).toEqual([
      'fr=../../fr/sauvegarde-poste/index.html',
      'en=../../en/sauvegarde-poste/index.html',
      'x-default=../../fr/sauvegarde-poste/index.html',
    ]);
    expect(facts.jsonld).toBe('HowTo');
    expect(facts.img).toEqual(['lazy 320x180 Fenêtre du planificateur', 'lazy 320x180 Résultat de la copie']);
    expect(facts.shiki).toBeGreaterThan(3);
    expect(facts.plain).toBe('ligne brute <b>pas du HTML</b>');
    expect(facts.labels).toEqual(['Démarrer', 'Planificateur de tâches', 'Créer une tâche de base', 'Exécuter même si l’utilisateur n’est pas connecté']);
    expect(facts.headings.startsWith('H1H2H2')).toBe(true);
    expect(facts.headings).toContain('H2H3'); // the h6 "Conseil" under a h5 step
    expect(facts.underlined).toEqual(['Licences nécessaires', 'Rôle d’administrateur', 'Outils']);
    expect(facts.br).toBeGreaterThan(0);
    await page.close();
  });

  it('step anchors navigate', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/html/fr/sauvegarde-poste/index.html`);
    for (const id of ['step-3', 'step-2b', 'step-1']) {
      await page.click(`.toc a[href="#${id}"]`);
      const at = await page.evaluate(() => ({
        hash: location.hash,
        target: document.querySelector(':target')?.id,
        top: Math.round(document.querySelector(':target')?.getBoundingClientRect().top ?? -999),
      }));
      expect(at.hash).toBe(`#${id}`);
      expect(at.target).toBe(id);
      expect(Math.abs(at.top)).toBeLessThan(5);
    }
    await page.close();
  });

  it('the language switcher goes to the same guide in the other locale and back', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/html/fr/sauvegarde-poste/index.html`);
    await page.click('nav.languages a[hreflang="en"]');
    await page.waitForURL(`${origin}/html/en/sauvegarde-poste/index.html`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.querySelector('h1')?.textContent])).toEqual([
      'en',
      'Schedule a workstation backup',
    ]);
    await page.click('nav.languages a[hreflang="fr"]');
    await page.waitForURL(`${origin}/html/fr/sauvegarde-poste/index.html`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    // From the home page to a guide, and to a locale index.
    await page.goto(`${origin}/html/index.html`);
    await page.click('a[href="en/composants/index.html"]');
    expect(await page.evaluate(() => document.querySelector('aside.notice-warning')?.textContent)).toBe('A restart drops open connections!');
    await page.close();
  });
});

const contentDir = path.join(repoRoot, 'content');
const hasContent = existsSync(path.join(contentDir, 'static'));

describe.skipIf(!hasChromium || !hasContent)('HTML pages of the shipped content/ in Chromium', () => {
  it('every page and single file loads clean with its real images and has no axe violation', { timeout: 600_000 }, async () => {
    const guides: Guide[] = [];
    // The locale folders (content/ also holds static/ and guidekit.config.json).
    const locales = readdirSync(contentDir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'static');
    for (const locale of locales.map((d) => d.name).sort()) {
      for (const name of readdirSync(path.join(contentDir, locale))
        .filter((n) => /\.mdx?$/.test(n))
        .sort()) {
        guides.push(parseFile(path.join(contentDir, locale, name), `${locale}/${name}`, locale));
      }
    }
    expect(guides.length).toBeGreaterThanOrEqual(6);
    const { origin, pages } = await site(guides, { single: true, staticDir: path.join(contentDir, 'static') });
    const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
    const problems: unknown[] = [];
    let images = 0;
    for (const p of pages) {
      const { page, report } = await check(context, origin + p.url);
      images += await page.evaluate(() => document.querySelectorAll('main img').length);
      if (report.errors.length + report.failed.length + report.brokenImages.length + report.violations.length > 0) {
        problems.push({ url: p.url, errors: report.errors, failed: report.failed, broken: report.brokenImages, violations: report.violations });
      }
      await page.close();
    }
    expect(problems).toEqual([]);
    expect(images).toBeGreaterThan(0);
    await context.close();
  });
});

/** What must not be in a page after sanitizing, checked in the live DOM. */
function domOffences(): string[] {
  const bad: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of [...el.attributes]) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) bad.push(`${el.tagName} ${name}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster'].includes(name)) {
        const inlined =
          (el.tagName === 'IMG' && /^data:image\/(png|jpeg|gif|webp);base64,/.test(a.value)) ||
          (el.tagName === 'LINK' && el.parentElement === document.head && el.getAttribute('rel') === 'icon' && a.value === 'data:,');
        // Pagefind's own search form: `action="javascript:void(0);"` so Enter never submits it.
        const pagefindForm = el.matches('#search-ui form.pagefind-ui__form') && name === 'action' && a.value === 'javascript:void(0);';
        if (/^\s*(javascript|vbscript|data):/i.test(a.value) && !inlined && !pagefindForm) bad.push(`${el.tagName} ${name}=${a.value}`);
        if (name === 'srcdoc') bad.push(`${el.tagName} srcdoc`);
      }
      if (name === 'style' && el.closest('main') && !el.closest('pre.shiki')) bad.push(`${el.tagName} style=${a.value}`);
    }
  }
  // The site's own chrome: its header controls, copy buttons, and Pagefind's UI once the search is used.
  const chrome =
    '.site-controls button, .code-block > .copy-button, #search-ui form.pagefind-ui__form, #search-ui input.pagefind-ui__search-input, #search-ui button[class*="pagefind-ui__"]';
  for (const sel of [
    'iframe',
    'object',
    'embed',
    'form',
    'base',
    'svg',
    'math',
    'template',
    'noscript',
    'input',
    'button',
    'body link',
    'meta[http-equiv="refresh"]',
    'link[rel="stylesheet"]',
    'video',
    'audio',
  ]) {
    for (const el of document.querySelectorAll(sel)) {
      const pagefind = el.tagName === 'LINK' && /pagefind\/(.+\/)?pagefind-ui\.css$/.test(el.getAttribute('href') ?? '') && el.parentElement === document.head;
      if (!el.matches(chrome) && !pagefind) bad.push(`<${sel}>`);
    }
  }
  const siteScript = (window as unknown as { __siteScript?: string }).__siteScript;
  for (const s of document.querySelectorAll('script')) {
    const ours =
      s.type === 'application/ld+json' ||
      (s.parentElement === document.head && s.textContent === siteScript) ||
      /pagefind\/(.+\/)?pagefind-ui\.js$/.test(s.getAttribute('src') ?? '');
    if (!ours) bad.push(`script ${s.outerHTML.slice(0, 60)}`);
  }
  if (document.querySelectorAll('style:not(#search-ui style)').length !== 1) bad.push('extra <style>');
  if (document.querySelectorAll('script[type="application/ld+json"]').length !== 1) bad.push('JSON-LD script count');
  return bad;
}

describe.skipIf(!hasChromium)('XSS vectors in Chromium', () => {
  it('executes nothing, with and without the CSP, in site and single-file pages', { timeout: 600_000 }, async () => {
    const guides = fixtureGuides('xss-site');
    const { origin, pages } = await site(guides, { single: true, search: true });
    const vectors = readFileSync(new URL('./fixtures/xss-site/fr/xss.md', import.meta.url), 'utf8').match(/__pwned/g)?.length ?? 0;
    expect(vectors).toBeGreaterThanOrEqual(30);
    // Control: the probe and the DOM check do catch an unsanitized vector, so the test can fail.
    const control = await browser.newContext({ bypassCSP: true });
    const cp = await control.newPage();
    await cp.setContent('<main><img src="data:," onerror="window.__pwned=1"></main><script>window.__pwned ??= 2</script>');
    await cp.waitForTimeout(100);
    expect(await cp.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeDefined();
    expect((await cp.evaluate(domOffences)).length).toBeGreaterThan(0);
    await control.close();
    for (const bypassCSP of [false, true]) {
      const context = await browser.newContext({ bypassCSP, viewport: { width: 900, height: 700 } });
      for (const p of pages.filter((x) => x.kind === 'guide' || x.kind === 'single')) {
        const { page, report } = await check(context, origin + p.url, { axe: false });
        // Give timers, lazy handlers and focus/hover handlers their chance.
        for (let y = 0; y < 2000; y += 100) await page.mouse.move(450, y % 700);
        for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
        if (p.kind === 'guide') {
          // The search UI shows excerpts of the indexed vectors: they must stay text too.
          await page.click('.search-button');
          await page.fill('.pagefind-ui__search-input', 'Vecteur');
          await page.waitForSelector('.pagefind-ui__result-link', { timeout: 30_000 });
        }
        await page.waitForTimeout(200);
        const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
        await page.evaluate((text) => {
          (window as unknown as { __siteScript?: string }).__siteScript = text;
        }, SITE_SCRIPT);
        const offences = await page.evaluate(domOffences);
        expect({ url: p.url, bypassCSP, pwned, dialogs: report.dialogs, offences }).toEqual({
          url: p.url,
          bypassCSP,
          pwned: undefined,
          dialogs: [],
          offences: [],
        });
        // The text of the vectors is still there, as text: nothing is silently lost.
        if (p.guide?.format === 'md') expect(await page.textContent('main')).toContain('Vecteur 23');
        await page.close();
      }
      await context.close();
    }
  });
});

describe.skipIf(!hasChromium || !corpusGuard())('HTML pages of the whole corpus in Chromium', () => {
  it('every page loads clean, passes axe, has working anchors and switchers', { timeout: 1_500_000 }, async () => {
    const guides = corpusGuides();
    const { origin, pages, out } = await site(guides);
    expect(pages.filter((p) => p.kind === 'guide').length).toBe(guides.length);
    const problems: unknown[] = [];
    // Light, then dark (the reader's system setting; the toggle sets the same variables): every
    // page in both themes, as the issue asks (GUIDEKIT_DARK_SAMPLE=3 checks every third guide page
    // in dark, for a quicker local run).
    const sample = Number(process.env['GUIDEKIT_DARK_SAMPLE'] ?? '1') || 1;
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, colorScheme });
      for (const p of colorScheme === 'light' ? pages : pages.filter((x, i) => x.kind !== 'guide' || i % sample === 0)) {
        const { page, report } = await check(context, origin + p.url);
        const links = await page.evaluate(() => ({
          anchors: [...document.querySelectorAll('a[href^="#"]')]
            .map((a) => a.getAttribute('href') ?? '')
            .filter((h) => h.length > 1 && !document.getElementById(decodeURIComponent(h.slice(1)))),
          switcher: [...document.querySelectorAll('nav.languages a[href]:not([aria-current])')].map((a) => new URL((a as HTMLAnchorElement).href).pathname),
          steps: [...document.querySelectorAll('section.step > h2')].map((s) => s.id),
        }));
        const missing = links.switcher.filter((u) => !existsSync(path.join(out, decodeURIComponent(u))));
        const expectedSteps = p.kind === 'guide' ? (p.guide?.steps.map((s) => s.id) ?? []) : [];
        const bad = report.errors.length + report.failed.length + report.brokenImages.length + serious(report).length + links.anchors.length + missing.length;
        if (bad > 0 || JSON.stringify(links.steps) !== JSON.stringify(expectedSteps)) {
          problems.push({
            url: p.url,
            colorScheme,
            errors: report.errors,
            failed: report.failed,
            broken: report.brokenImages,
            serious: serious(report),
            anchors: links.anchors,
            missing,
            steps: links.steps,
          });
        }
        await page.close();
      }
      await context.close();
    }
    expect(problems).toEqual([]);
    // One real click through a corpus switcher.
    const pair = guides.find((g) => g.locale === 'fr' && g.kind === 'tutorial' && guides.some((e) => e.locale === 'en' && e.slug === g.slug)) as Guide;
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${origin}/html/fr/${pair.slug}/index.html`);
    await page.click('nav.languages a[hreflang="en"]');
    await page.waitForURL(`${origin}/html/en/${pair.slug}/index.html`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.click(`.toc a[href="#${pair.steps[0]?.id ?? 'step-1'}"]`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(pair.steps[0]?.id);
    await context.close();
  });
});
