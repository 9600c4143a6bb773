// bench/pdf — print 50 guides to PDF through @guidekit/render-pdf's pool.
//
// Prints each figure as a ratio against a baseline measured in the same run:
//   floor        one reused playwright page: setContent + pdf (same pdf options), one at a time
//   pool ×1      the pool with concurrency 1 (one page at a time)       / floor
//   pool         the pool at its default concurrency (number of cores)  / floor   (target <= 1.3)
//   speed-up     pool ×1 / pool
//
// The print HTML comes from @guidekit/render's renderPrintHtml (guides parsed by
// @guidekit/parser from generated Markdown: ~5 pages, 4 screenshots inlined), or from a
// built-in template when those packages are not built.
//
// Usage: node bench/pdf.mjs [--guides 50] [--rounds 1]
// Needs packages/render-pdf built (`cd packages/render-pdf && npx tsup`) and a Chromium
// (GUIDEKIT_CHROMIUM or /usr/bin/chromium).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { args, flag, repo } from './lib.mjs';

const GUIDES = Number(flag('--guides', '50'));

const dist = (pkg) => path.join(repo, 'packages', pkg, 'dist/index.js');
if (!fs.existsSync(dist('render-pdf'))) {
  console.error('bench/pdf: build packages/render-pdf first (cd packages/render-pdf && npx tsup)');
  process.exit(2);
}
const pdfLib = await import(pathToFileURL(dist('render-pdf')).href);
const requireFromPdf = createRequire(path.join(repo, 'packages/render-pdf/package.json'));
const { chromium } = requireFromPdf('playwright-core');
const { PDFDocument } = requireFromPdf('pdf-lib');

let executablePath;
try {
  executablePath = pdfLib.findChromium();
} catch (error) {
  console.error(`bench/pdf: ${error.message}`);
  process.exit(2);
}

// ---------- inputs ----------

/** A noisy RGB PNG, so its size is that of a real screenshot rather than a solid fill. */
function screenshot(width, height, seed) {
  let x = seed * 2654435761;
  const rnd = () => ((x = (x ^ (x << 13)) >>> 0), (x = (x ^ (x >>> 17)) >>> 0), (x = (x ^ (x << 5)) >>> 0), x & 0xff);
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let i = 0; i < width; i++) {
      // Flat panels with some noise, like UI screenshots.
      const band = Math.floor(i / 80) + Math.floor(y / 60);
      const n = i % 13 === 0 && y % 2 === 0 ? rnd() & 0x3f : 0;
      row[1 + i * 3] = (band * 40 + n) & 0xff;
      row[2 + i * 3] = (band * 90 + seed * 13) & 0xff;
      row[3 + i * 3] = 230 - (n & 0x1f);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    let c = ~0;
    for (const b of body) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(~c >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const PARA =
  'Ouvrez la console d’administration et sélectionnez le locataire concerné. Vérifiez que le compte utilisé dispose des droits ' +
  'nécessaires, puis naviguez jusqu’à la rubrique indiquée. Les paramètres par défaut conviennent à la plupart des cas ; ' +
  'adaptez-les seulement si votre organisation l’exige. Notez les valeurs affichées avant toute modification, afin de pouvoir revenir en arrière.';

function markdown(n) {
  const steps = [];
  for (let s = 1; s <= 8; s++) {
    const body = [PARA, PARA.split('. ').reverse().join('. ')];
    if (s % 2 === 0) body.push(`![Capture ${s}](/images/g${n % 5}/shot${s / 2}.png)`);
    if (s === 3 || s === 6) body.push('```powershell\nConnect-MgGraph -Scopes "Policy.ReadWrite.ConditionalAccess"\nGet-MgIdentityConditionalAccessPolicy | Format-Table DisplayName, State\n```');
    steps.push(`##### Étape ${s} : Configurer le paramètre n°${s} du guide ${n}\n\nCliquez sur *<u>Ajouter</u>* puis *<u>Enregistrer</u>*.\n\n${body.join('\n\n')}`);
  }
  return `---
title: "Guide de démonstration n°${n} : sécuriser l’accès"
description: "Un guide généré pour mesurer l’impression en PDF."
date: 2026-01-${String((n % 28) + 1).padStart(2, '0')}T09:00:00+01:00
author: "Équipe bench"
categories: ["Sécurité"]
---

##### Introduction

${PARA}

---

##### Prérequis

**<u>Licences nécessaires</u>**

- Une licence de test
- Un compte administrateur

---

${steps.join('\n\n---\n\n')}

---

##### Conclusion

${PARA}
`;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-bench-pdf-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const staticDir = path.join(tmp, 'static');
for (let g = 0; g < 5; g++) {
  fs.mkdirSync(path.join(staticDir, 'images', `g${g}`), { recursive: true });
  for (let i = 1; i <= 4; i++) fs.writeFileSync(path.join(staticDir, 'images', `g${g}`, `shot${i}.png`), screenshot(960, 540, g * 10 + i));
}

let source = 'built-in template';
const jobs = [];
if (fs.existsSync(dist('parser')) && fs.existsSync(dist('render'))) {
  const { parseGuide } = await import(pathToFileURL(dist('parser')).href);
  const { renderPrintHtml } = await import(pathToFileURL(dist('render')).href);
  source = '@guidekit/render renderPrintHtml';
  for (let n = 0; n < GUIDES; n++) {
    const { guide } = parseGuide(markdown(n), { path: `fr/guide-${n}.md`, locale: 'fr' });
    const { html } = await renderPrintHtml(guide, { assets: { contentRoot: tmp, staticDir } });
    jobs.push({ html, title: guide.title, author: 'Équipe bench', lang: 'fr', date: guide.frontmatter.date, format: 'A4' });
  }
} else {
  for (let n = 0; n < GUIDES; n++) {
    const md = markdown(n);
    const title = /title: "(.*)"/.exec(md)[1];
    const body = md
      .split('\n---\n')
      .slice(2)
      .map((s) => s.replace(/^##### (.*)$/m, '<h2>$1</h2>').replace(/!\[[^\]]*\]\(([^)]+)\)/g, (_, u) => `<img src="data:image/png;base64,${fs.readFileSync(path.join(staticDir, u)).toString('base64')}">`))
      .join('\n');
    jobs.push({ html: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`, title, lang: 'fr', format: 'A4' });
  }
}
const htmlKb = jobs.reduce((a, j) => a + j.html.length, 0) / jobs.length / 1024;

// ---------- floor: one reused playwright page ----------

const pdfOptions = (job) => ({
  format: 'A4',
  margin: pdfLib.DEFAULT_MARGIN,
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: pdfLib.footerTemplate(job.title),
  outline: true,
  tagged: true,
  preferCSSPageSize: true,
});

async function floor() {
  const browser = await chromium.launch({ executablePath, args: pdfLib.launchArgs(false) });
  try {
    const page = await browser.newPage();
    await page.setContent(jobs[0].html, { waitUntil: 'load' });
    await page.pdf(pdfOptions(jobs[0]));
    const t0 = performance.now();
    let pages = 0;
    for (const job of jobs) {
      await page.setContent(job.html, { waitUntil: 'load' });
      const pdf = await page.pdf(pdfOptions(job));
      if (job === jobs[0]) pages = (await PDFDocument.load(pdf)).getPageCount();
    }
    return { ms: (performance.now() - t0) / jobs.length, pages };
  } finally {
    await browser.close();
  }
}

async function pool(concurrency) {
  const t0 = performance.now();
  const p = pdfLib.createPdfPool({ concurrency, executablePath });
  try {
    const outs = await Promise.all(jobs.map((job) => p.print(job)));
    const ms = (performance.now() - t0) / jobs.length;
    const bytes = outs.reduce((a, b) => a + b.length, 0) / outs.length;
    return { ms, bytes, stats: p.stats() };
  } finally {
    await p.close();
  }
}

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const ROUNDS = Math.max(1, Number(flag('--rounds', '2')));
// Rounds interleave the three measures, so a burst of load on a shared machine hits all
// three; each ratio is taken within its round, then the median across rounds is shown.
const rounds = [];
for (let r = 0; r < ROUNDS; r++) {
  const base = await floor();
  const one = await pool(1);
  const many = await pool(cores);
  rounds.push({ base, one, many });
  console.error(`  round ${r + 1}: floor ${base.ms.toFixed(0)} ms, pool×1 ${one.ms.toFixed(0)} ms, pool×${cores} ${many.ms.toFixed(0)} ms per PDF`);
}
const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const ms = (pick) => median(rounds.map(pick));
const ratio = (pick) => median(rounds.map((r) => pick(r) / r.base.ms)).toFixed(2);
const last = rounds.at(-1);
const fmt = (n) => n.toFixed(0).padStart(5);
console.log(`bench/pdf: ${jobs.length} guides × ${ROUNDS} rounds, ${source}, ~${htmlKb.toFixed(0)} KB of HTML each, ${last.base.pages} pages each, ${cores} cores, load ${os.loadavg()[0].toFixed(1)}`);
console.log(`  floor (reused page, setContent + pdf)   ${fmt(ms((r) => r.base.ms))} ms/PDF   1.00`);
console.log(`  pool, concurrency 1                     ${fmt(ms((r) => r.one.ms))} ms/PDF   ${ratio((r) => r.one.ms)} × floor`);
console.log(`  pool, concurrency ${cores} (default)          ${fmt(ms((r) => r.many.ms))} ms/PDF   ${ratio((r) => r.many.ms)} × floor   (target <= 1.3)`);
console.log(`  speed-up of the pool over one page at a time: ${median(rounds.map((r) => r.one.ms / r.many.ms)).toFixed(2)}×`);
console.log(`  average PDF ${(last.many.bytes / 1024).toFixed(0)} KB; launches ${last.many.stats.launches}, pages opened ${last.many.stats.pagesOpened}`);
