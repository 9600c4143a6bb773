import { createHash } from 'node:crypto';
/**
 * The stylesheet of every page, inlined in a `<style>` element: one request less, and the
 * single-file output needs it inline anyway. Colours keep WCAG AA contrast (checked by axe-core in
 * the browser tests). The print part hides navigation, keeps code blocks, images and notices whole
 * and never breaks right after a heading.
 */
export const PAGE_CSS = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#4a5260;--link:#0a4fb4;--bg:#fff;--line:#d0d7de;--ui-bg:#eef1f5;--ui-border:#6b7587;--code-bg:#f6f8fa;--accent:#0a4fb4;--on-accent:#fff;--note-bg:#eef4fc;--warn:#9a5b00;--warn-bg:#fff6e5;--tip:#1a7f37;--tip-bg:#eefbf1}
*{box-sizing:border-box}
html{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--link)}
a:focus-visible,pre:focus-visible{outline:3px solid #1f6feb;outline-offset:2px}
.skip-link{position:absolute;left:-9999px;top:0;padding:.5rem 1rem;background:var(--bg);color:var(--link);z-index:10}
.skip-link:focus{left:1rem}
.site-header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding:.75rem 1.5rem;border-bottom:1px solid var(--line)}
.site-title{font-weight:700;text-decoration:none;color:var(--fg)}
.languages ul,.toc ol,.guide-list{padding:0;margin:0;list-style:none}
.languages ul{display:flex;gap:.75rem}
.languages [aria-current]{font-weight:700;color:var(--fg);text-decoration:none}
main{max-width:52rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.45rem;margin:2rem 0 .75rem;padding-top:.5rem;border-top:1px solid var(--line)}
h3,h4,h5,h6{font-size:1.15rem;margin:1.5rem 0 .5rem}
.description{font-size:1.15rem;color:var(--muted)}
.meta{color:var(--muted);font-size:.95rem}
.toc{margin:1.5rem 0;padding:1rem 1.25rem;background:var(--code-bg);border-radius:6px}
.toc ol{counter-reset:none}
.toc li{margin:.25rem 0}
.step-number{display:inline-block;min-width:2rem;margin-right:.5rem;padding:0 .5rem;border-radius:1rem;background:var(--accent);color:var(--on-accent);text-align:center;font-size:1rem;vertical-align:.15em}
.ui-label{display:inline;padding:0 .4em;border:1px solid var(--ui-border);border-radius:4px;background:var(--ui-bg);font-weight:600;font-style:normal;line-height:1.4;-webkit-box-decoration-break:clone;box-decoration-break:clone}
img{max-width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
pre{overflow-x:auto;padding:1rem;border-radius:6px;background:var(--code-bg);font-size:.9rem;line-height:1.45}
/* shiki writes its theme's white background inline; code blocks keep the page's code colour */
pre.shiki{background-color:var(--code-bg)!important}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
:not(pre)>code{padding:.1em .3em;border-radius:4px;background:var(--code-bg)}
.notice{margin:1rem 0;padding:.75rem 1rem;border-left:4px solid var(--accent);background:var(--note-bg)}
.notice-warning{border-color:var(--warn);background:var(--warn-bg)}
.notice-tip{border-color:var(--tip);background:var(--tip-bg)}
.notice-title{font-weight:700}
.video{margin:1rem 0}
.video img{display:block}
.notice p{margin:.25rem 0}
table{border-collapse:collapse}
td,th{border:1px solid var(--line);padding:.3rem .6rem}
.guide-list li{margin:.75rem 0}
.guide-list .kind{color:var(--muted);font-size:.9rem}
.guide-footer{margin-top:2rem;color:var(--muted)}
@media print{
  .skip-link,.site-header,.toc,.languages{display:none}
  main{max-width:none;padding:0}
  a{color:inherit}
  pre,img,figure,table,.notice{break-inside:avoid}
  pre{white-space:pre-wrap;word-break:break-word}
  h1,h2,h3,h4,h5,h6{break-after:avoid}
  h2{border-top:none}
}
`.trim();

const DARK =
  '--fg:#e6edf3;--muted:#b1bac4;--link:#79b8ff;--bg:#0d1117;--line:#3d444d;--ui-bg:#21262d;--ui-border:#8b949e;--code-bg:#161b22;--accent:#1f6feb;--on-accent:#fff;--note-bg:#10243e;--warn:#d29922;--warn-bg:#2b2111;--tip:#3fb950;--tip-bg:#12261a';

/**
 * The HTML site's own rules, on top of `PAGE_CSS`: the dark theme (the reader's system choice
 * through `prefers-color-scheme`, or the toggle's `data-theme` on `<html>`, which wins), shiki's
 * dark colours (`--shiki-dark`), the header controls (shown only when the site script runs), the
 * sidebar layout, breadcrumbs, previous/next, copy buttons, and code that scrolls with a visible
 * edge (a shadow where more code is hidden) or wraps (`body.code-wrap`).
 */
export const SITE_CSS = `
:root[data-theme=dark]{color-scheme:dark;${DARK}}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){color-scheme:dark;${DARK}}}
:root[data-theme=dark] .shiki,:root[data-theme=dark] .shiki span{color:var(--shiki-dark)!important}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]) .shiki,:root:not([data-theme=light]) .shiki span{color:var(--shiki-dark)!important}}
.site-controls{display:none;gap:.75rem;align-items:center}
.js .site-controls{display:flex}
.site-controls button,.copy-button{font:inherit;font-size:.9rem;padding:.25rem .75rem;border:1px solid var(--ui-border);border-radius:6px;background:var(--ui-bg);color:var(--fg);cursor:pointer}
.theme-toggle[aria-pressed=true]{background:var(--accent);color:var(--on-accent);border-color:var(--accent)}
.search{position:relative}
#search-ui{width:min(32rem,90vw)}
.languages .missing{color:var(--muted)}
.layout{display:grid;grid-template-columns:minmax(12rem,17rem) minmax(0,1fr);max-width:80rem;margin:0 auto}
.layout main{margin:0;max-width:52rem}
.sidebar{padding:1.5rem 1rem;border-right:1px solid var(--line);font-size:.95rem}
.sidebar ul{list-style:none;margin:0;padding:0}
.sidebar li{margin:.3rem 0}
.sidebar summary{cursor:pointer;padding:.15rem 0}
.sidebar .current summary{font-weight:700}
.sidebar details ul{margin:.25rem 0 .5rem .75rem;padding-left:.5rem;border-left:2px solid var(--line)}
.sidebar [aria-current]{font-weight:700;color:var(--fg)}
.breadcrumbs ol{display:flex;flex-wrap:wrap;list-style:none;margin:0 0 1rem;padding:0;font-size:.9rem;color:var(--muted)}
.breadcrumbs li+li::before{content:"›";margin:0 .4rem}
.pagination{display:flex;justify-content:space-between;gap:1rem;margin-top:2.5rem;padding-top:1rem;border-top:1px solid var(--line)}
.pagination a{display:flex;flex-direction:column;max-width:48%;text-decoration:none}
.pagination .next{margin-left:auto;text-align:end}
.pagination .label{font-size:.85rem;color:var(--muted)}
.code-block{position:relative}
.copy-button{position:absolute;top:.4rem;right:.4rem}
pre{background:linear-gradient(to right,var(--code-bg) 30%,transparent) left/2.5rem 100% no-repeat local,linear-gradient(to left,var(--code-bg) 30%,transparent) right/2.5rem 100% no-repeat local,linear-gradient(to right,rgba(0,0,0,.25),transparent) left/.9rem 100% no-repeat scroll,linear-gradient(to left,rgba(0,0,0,.25),transparent) right/.9rem 100% no-repeat scroll,var(--code-bg)!important}
.code-wrap pre{white-space:pre-wrap;overflow-wrap:anywhere}
@media (max-width:60rem){.layout{display:block}.sidebar{border-right:none;border-bottom:1px solid var(--line)}}
@media print{.sidebar,.breadcrumbs,.pagination,.site-controls,.copy-button{display:none}.layout{display:block}}
`.trim();

/**
 * Page-box rules for the print HTML (what the PDF engine prints).
 *
 * @param paper `A4` or `Letter`.
 */
export function printCss(paper: 'A4' | 'Letter'): string {
  return `@page{size:${paper};margin:18mm 16mm 20mm}\nhtml{font-size:11pt}\nimg{max-height:22cm}`;
}

/**
 * The HTML site's stylesheet, one file every page links to (`html/_static/site-<hash>.css`)
 * instead of ~6.5 kB inlined in each: named by its content, so a browser caches it for good and a
 * new version is a new name.
 */
export const SITE_STYLESHEET = `${PAGE_CSS}\n${SITE_CSS}`;

/** Path of {@link SITE_STYLESHEET} under the site folder. */
export const SITE_STYLESHEET_PATH = `_static/site-${createHash('sha256').update(SITE_STYLESHEET).digest('hex').slice(0, 10)}.css`;
