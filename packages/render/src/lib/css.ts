/**
 * The stylesheet of every page, inlined in a `<style>` element: one request less, and the
 * single-file output needs it inline anyway. Colours keep WCAG AA contrast (checked by axe-core in
 * the browser tests). The print part hides navigation, keeps code blocks, images and notices whole
 * and never breaks right after a heading.
 */
export const PAGE_CSS = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#4a5260;--link:#0a4fb4;--bg:#fff;--line:#d0d7de;--ui-bg:#eef1f5;--ui-border:#6b7587;--code-bg:#f6f8fa}
*{box-sizing:border-box}
html{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--link)}
a:focus-visible,pre:focus-visible{outline:3px solid #1f6feb;outline-offset:2px}
.skip-link{position:absolute;left:-9999px;top:0;padding:.5rem 1rem;background:#fff;color:var(--link);z-index:10}
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
.step-number{display:inline-block;min-width:2rem;margin-right:.5rem;padding:0 .5rem;border-radius:1rem;background:#0a4fb4;color:#fff;text-align:center;font-size:1rem;vertical-align:.15em}
.ui-label{display:inline;padding:0 .4em;border:1px solid var(--ui-border);border-radius:4px;background:var(--ui-bg);font-weight:600;font-style:normal;line-height:1.4;-webkit-box-decoration-break:clone;box-decoration-break:clone}
img{max-width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
pre{overflow-x:auto;padding:1rem;border-radius:6px;background:var(--code-bg);font-size:.9rem;line-height:1.45}
/* shiki writes its theme's white background inline; code blocks keep the page's code colour */
pre.shiki{background-color:var(--code-bg)!important}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
:not(pre)>code{padding:.1em .3em;border-radius:4px;background:var(--code-bg)}
.notice{margin:1rem 0;padding:.75rem 1rem;border-left:4px solid #0a4fb4;background:#eef4fc}
.notice-warning{border-color:#9a5b00;background:#fff6e5}
.notice-tip{border-color:#1a7f37;background:#eefbf1}
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

/**
 * Page-box rules for the print HTML (what the PDF engine prints).
 *
 * @param paper `A4` or `Letter`.
 */
export function printCss(paper: 'A4' | 'Letter'): string {
  return `@page{size:${paper};margin:18mm 16mm 20mm}\nhtml{font-size:11pt}\nimg{max-height:22cm}`;
}
