import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { bundledLanguages, createHighlighter } from 'shiki';
import type { Highlighter } from 'shiki';
import { walk } from './walk.js';
import type { WalkNode } from './walk.js';

/** The theme used for code: GitHub's high-contrast light theme keeps every token above WCAG AA. */
export const CODE_THEME = 'github-light-high-contrast';

/** The dark theme's colours ride along as `--shiki-dark` variables, used by the site's dark theme. */
export const CODE_THEME_DARK = 'github-dark-high-contrast';

let highlighter: Promise<Highlighter> | undefined;

/**
 * The one shiki highlighter of the process, created on first use with no language loaded:
 * languages are loaded as guides use them, so a corpus of PowerShell only pays for PowerShell.
 */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [CODE_THEME, CODE_THEME_DARK], langs: [] });
  return highlighter;
}

/** Whether shiki ships a grammar for a fence language (name or alias, case-insensitive). */
function isKnownLanguage(lang: string): boolean {
  return Object.hasOwn(bundledLanguages, lang);
}

/**
 * Replace every `<pre><code class="language-x">` of a sanitized tree with shiki's highlighted
 * version, at build time, so pages need no script. Unknown languages stay plain text. Runs AFTER
 * sanitizing: shiki emits inline `style` colours that the sanitizer would strip, and it builds its
 * tree from the code's text only, so no markup from content gets through.
 *
 * @param tree A sanitized hast tree (mutated).
 * @returns Resolves when every block is highlighted.
 */
export async function highlightCode(tree: HastRoot | Element): Promise<void> {
  const blocks: { pre: Element; lang: string; code: string }[] = [];
  walk(tree.children as unknown as WalkNode[], (n) => {
    if (n.type !== 'element' || n['tagName'] !== 'pre') return;
    const node = n as unknown as Element;
    const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
    if (!code) return;
    const classes = code.properties['className'];
    const list = Array.isArray(classes) ? classes.map(String) : [];
    const cls = list.find((c) => c.startsWith('language-'));
    const lang = cls ? cls.slice('language-'.length).toLowerCase() : '';
    // mdast-util-to-hast ends code with a newline that is not part of the block.
    blocks.push({ pre: node, lang, code: hastToString(code).replace(/\n$/, '') });
  });
  const wanted = [...new Set(blocks.map((b) => b.lang).filter(isKnownLanguage))];
  if (wanted.length === 0) {
    for (const b of blocks) markPlain(b.pre);
    return;
  }
  const hl = await getHighlighter();
  const loaded = new Set(hl.getLoadedLanguages());
  const missing = wanted.filter((l) => !loaded.has(l));
  if (missing.length > 0) await hl.loadLanguage(...(missing as (keyof typeof bundledLanguages)[]));
  for (const b of blocks) {
    if (!isKnownLanguage(b.lang)) {
      markPlain(b.pre);
      continue;
    }
    const out = hl.codeToHast(b.code, {
      lang: b.lang,
      themes: { light: CODE_THEME, dark: CODE_THEME_DARK },
      defaultColor: 'light',
      tokenizeTimeLimit: 0,
    });
    const pre = out.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre');
    if (!pre) continue;
    b.pre.properties = { ...pre.properties, dataLanguage: b.lang };
    b.pre.children = pre.children as ElementContent[];
  }
}

/** Plain blocks still get the `shiki` look (and a tab stop, so keyboard users can scroll them). */
function markPlain(pre: Element): void {
  pre.properties = { ...pre.properties, className: ['code-plain'], tabIndex: 0 };
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const last = code?.children[code.children.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\n$/, '');
}
