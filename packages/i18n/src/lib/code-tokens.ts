import { createRequire } from 'node:module';
import type { HighlighterCore, LanguageRegistration } from 'shiki/core';
import { createHighlighterCoreSync } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { bundledLanguagesInfo } from 'shiki/langs';

/**
 * Code read as code: each line of a block reduced to what a reader cannot translate — keywords,
 * identifiers, operators, numbers, punctuation, commands — with the TextMate grammars shiki
 * ships (the ones the HTML pages are highlighted with). Comments and quoted strings are what
 * translators translate on purpose (`// Script du composant`, `label: 'Commencer ici'`), and JSX
 * text (`<TabItem>Étoiles</TabItem>`) too: they are left out unless a project asks for them.
 */

/** What to compare besides the code itself. */
export interface CodeCompareOptions {
  /** `ignore` (default) or `compare` comments. */
  comments?: 'ignore' | 'compare' | undefined;
  /** `ignore` (default) or `compare` quoted string literals and JSX/HTML text. */
  strings?: 'ignore' | 'compare' | undefined;
  /**
   * The two languages compared (`en`, `fr`): an identifier that names one of them (`en: 'New'`
   * for `fr: 'Nouveau'`) is the example adapted to the reader's locale, not a difference.
   */
  locales?: readonly string[] | undefined;
}

/** A significant word of a block, or `\n` between two lines that have some. */
export interface CodeToken {
  /** 0-based line in the block. */
  line: number;
  text: string;
}

/** The line break token: a hunk made only of these is the same code wrapped otherwise. */
export const LINE_BREAK = '\n';

const require = createRequire(import.meta.url);
const byAlias = new Map<string, string>();
for (const info of bundledLanguagesInfo) {
  byAlias.set(info.id, info.id);
  for (const alias of info.aliases ?? []) byAlias.set(alias, info.id);
}

let highlighter: HighlighterCore | undefined;
let fast: Promise<void> | undefined;

function core(): HighlighterCore {
  // The JavaScript regex engine is synchronous, so linting stays a plain function call;
  // `preferFastTokenizer()` swaps in shiki's Oniguruma build (WebAssembly, loaded asynchronously).
  highlighter ??= createHighlighterCoreSync({
    themes: [],
    langs: [],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  });
  return highlighter;
}

/**
 * Load shiki's Oniguruma engine (WebAssembly) for the grammars: the same tokens as the default
 * JavaScript engine, several times faster on long runs. The run functions call it once.
 */
export function preferFastTokenizer(): Promise<void> {
  fast ??= createOnigurumaEngine(import('shiki/wasm')).then((engine) => {
    highlighter = createHighlighterCoreSync({ themes: [], langs: [], engine });
  });
  return fast;
}

/** The shiki language id of a fence language (`sh` → `shellscript`), or `undefined`. */
export function grammarId(lang: string | null | undefined): string | undefined {
  return lang ? byAlias.get(lang.toLowerCase()) : undefined;
}

function grammarOf(id: string) {
  const shiki = core();
  if (!shiki.getLoadedLanguages().includes(id)) {
    // Node 20.19+ loads these ES modules synchronously (no top-level await in them).
    const module = require(`shiki/langs/${id}.mjs`) as { default: LanguageRegistration[] };
    shiki.loadLanguageSync(module.default);
  }
  return shiki.getLanguage(id);
}

/** Scopes whose text is kept even inside a string (object keys, tag names). */
const KEPT = /^(support\.type\.property-name|entity\.name\.tag|meta\.object-literal\.key|entity\.other\.attribute-name)/;

function significant(scopes: readonly string[], options: CodeCompareOptions): boolean {
  if (scopes.some((scope) => KEPT.test(scope))) return true;
  if (options.comments !== 'compare' && scopes.some((scope) => scope.startsWith('comment') || scope.startsWith('punctuation.definition.comment'))) return false;
  if (options.strings === 'compare') return true;
  // Quoted strings and template text; `string.unquoted` (a shell command's arguments) is code.
  if (scopes.some((scope) => /^string\.(quoted|template|interpolated)|^punctuation\.definition\.string/.test(scope))) return false;
  // Text between JSX, HTML or Astro tags: prose (the innermost scope is the text or its tag).
  if (scopes.some((scope) => scope.startsWith('meta.jsx.children'))) return false;
  return !/^(text\.|meta\.scope\.(tag|between-tag-pair))/.test(scopes.at(-1) ?? '');
}


/** Each line's significant text, per its language's grammar (lines without one keep their text). */
function lineKeys(lang: string | null | undefined, lines: readonly string[], options: CodeCompareOptions): string[] {
  const id = grammarId(lang);
  if (id === 'markdown' || id === 'mdx' || lang?.toLowerCase() === 'markdoc') return markdownKeys(lines);
  const grammar = id ? grammarOf(id) : undefined;
  if (!grammar) return lines.map((line) => line);
  let stack = null as Parameters<typeof grammar.tokenizeLine>[1];
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    // Dropped tokens become a space, kept ones keep their spacing: `Import-Module -Name` and
    // `Import-Module-Name` stay apart.
    let kept = '';
    for (const token of result.tokens) {
      kept += significant(token.scopes, options) ? line.slice(token.startIndex, token.endIndex) : ' ';
    }
    return kept;
  });
}

/**
 * The significant words of a block, in order, with a line-break token between lines that have
 * some, per its language's grammar. A `diff` block with `lang="js"` in its meta (as
 * expressive-code writes it) is read as that language behind its `+`/`-` markers.
 *
 * @param lang The fence language (`js`, `sh`, `mdx`...), or none.
 * @param code The block's text.
 * @param options Whether comments and strings count.
 * @param meta The fence's meta string (`title="x" lang="js"`), if any.
 * @returns The tokens; compare two blocks' texts in order.
 */
export function codeTokens(lang: string | null | undefined, code: string, options: CodeCompareOptions = {}, meta?: string | null): CodeToken[] {
  let lines = code.split('\n');
  let markers: string[] | undefined;
  const inner = grammarId(lang) === 'diff' ? /\blang=["']?([\w+-]+)/.exec(meta ?? '')?.[1] : undefined;
  if (inner) {
    markers = lines.map((line) => (/^[+-]/.test(line) ? line[0]! : ''));
    lines = lines.map((line) => (/^[+\- ]/.test(line) ? line.slice(1) : line));
  }
  const keys = lineKeys(inner ?? lang, lines, options);
  const locales = new Set((options.locales ?? []).map((locale) => locale.toLowerCase().split('-')[0]!));
  const localeWord = (word: string) => {
    const match = /^([A-Za-z]{2,3})(\W*)$/.exec(word);
    return match && locales.has(match[1]!.toLowerCase()) ? `{locale}${match[2]}` : word;
  };
  const out: CodeToken[] = [];
  keys.forEach((key, line) => {
    const words = key.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return;
    if (out.length > 0) out.push({ line, text: LINE_BREAK });
    if (markers?.[line]) out.push({ line, text: markers[line]! });
    for (const text of words) out.push({ line, text: localeWord(text) });
  });
  return out;
}

/** JSX and Markdoc tags (`<Card title="…">`, `{% card title="…" %}`), over several lines too. */
const TAG = /(<\/?|\{%\s*\/?)([A-Za-z][\w.:-]*)((?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|\{[^}]*\}))?)*)\s*\/?(?:>|%\})?/g;

/**
 * The lines of a Markdown / MDX / Markdoc example, by their structure: block markers, tags
 * and their attribute names (a tag written over several lines counts on its first), `import`
 * lines whole, front matter keys; prose is what translators change.
 */
function markdownKeys(lines: readonly string[]): string[] {
  const keys = lines.map(() => '');
  let frontmatter = lines[0]?.trim() === '---';
  lines.forEach((line, index) => {
    if (frontmatter && index > 0 && line.trim() === '---') frontmatter = false;
    keys[index] = markerKey(line.trim(), frontmatter && index > 0);
  });
  const text = lines.join('\n');
  const starts = [0];
  for (const line of lines) starts.push(starts.at(-1)! + line.length + 1);
  for (const tag of text.matchAll(TAG)) {
    const line = starts.findIndex((start) => start > tag.index) - 1;
    if (/^(import|export)\s/.test(lines[line]!.trim())) continue;
    const names = tag[3]!.replace(/=("[^"]*"|'[^']*'|\{[^}]*\})/g, '').trim();
    keys[line] += ` ${tag[1]!.replace(/\s+/g, '')}${tag[2]}${names ? ` ${names.split(/\s+/).join(' ')}` : ''}`;
  }
  return keys;
}

/** A line's block marker, `import`/`export` line, or front matter key. */
function markerKey(trimmed: string, inFrontmatter: boolean): string {
  if (/^import\s/.test(trimmed)) return trimmed.replace(/\s+/g, ' ');
  if (/^export\s/.test(trimmed)) return trimmed.replace(/(['"`]).*?\1/g, '$1$1').replace(/\s+/g, ' ');
  const marker = /^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?|:::\s*[\w-]*|```\S*|~~~\S*|---$|\|)/.exec(trimmed);
  if (marker) return marker[1]!.trim();
  const key = /^([\w-]+):(\s|$)/.exec(trimmed);
  return key && inFrontmatter ? `${key[1]}:` : '';
}
