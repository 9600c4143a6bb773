import { createRequire } from 'node:module';
import type { HighlighterCore, LanguageRegistration } from 'shiki/core';
import { createHighlighterCoreSync } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { bundledLanguagesInfo } from 'shiki/langs';
import { canonicalLocale } from '@guidekit/content';
import { markdownKeys } from './markdown-keys.js';

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
  if (id === 'markdown' || id === 'mdx' || lang?.toLowerCase() === 'markdoc') return markdownKeys(lines, (inner, code, meta) => blockKeys(inner, code, options, meta));
  const grammar = id ? grammarOf(id) : undefined;
  if (!grammar) return lines.map((line) => line);
  const output = id === 'shellscript' || id === 'shellsession' ? outputLines(lines) : undefined;
  let stack = null as Parameters<typeof grammar.tokenizeLine>[1];
  return lines.map((line, index) => {
    if (output?.[index]) return '';
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
 * Each line's key, a `diff` block with `lang="js"` in its meta (as expressive-code writes it)
 * read as that language behind its `+`/`-` markers (the marker leads the line's key).
 */
function blockKeys(lang: string | null | undefined, lines: readonly string[], options: CodeCompareOptions, meta?: string | null): string[] {
  const inner = grammarId(lang) === 'diff' ? /\blang=["']?([\w+-]+)/.exec(meta ?? '')?.[1] : undefined;
  if (!inner) return lineKeys(lang, lines, options);
  const keys = lineKeys(
    inner,
    lines.map((line) => (/^[+\- ]/.test(line) ? line.slice(1) : line)),
    options,
  );
  return keys.map((key, index) => {
    const marker = /^[+-]/.exec(lines[index]!)?.[0];
    return marker && key.trim() !== '' ? `${marker} ${key}` : key;
  });
}

/**
 * Which lines of a shell block are a program's output, not commands: prose a translator
 * translates (`[my-plugin] Starting…`). A line led by a bracketed tag is output; in a block with
 * prompts (`$ npm run build`), every line without one is.
 */
function outputLines(lines: readonly string[]): boolean[] {
  const prompted = lines.some((line) => /^\s*\$\s/.test(line));
  return lines.map((line) => /^\s*\[[^\]\s][^\]]*\]\s/.test(line) || (prompted && line.trim() !== '' && !/^\s*\$\s/.test(line)));
}

/**
 * A word that names a locale where an example adapts to its reader: a language of the pair
 * (`en`), or any language tag written as an object key (`fr:` for `'pt-BR':`, the example's
 * locale chosen for the translation's reader).
 */
function localeWord(word: string, locales: ReadonlySet<string>): string {
  const bare = /^([A-Za-z]{2,3})(\W*)$/.exec(word);
  if (bare && locales.has(bare[1]!.toLowerCase())) return `{locale}${bare[2]}`;
  const key = /^(['"]?)([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\1:$/.exec(word);
  return key && canonicalLocale(key[2]!) ? '{locale}:' : word;
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
  return tokensOfKeys(codeKeys(lang, code, options, meta), options);
}

/**
 * Each line's significant text, per its language's grammar: the slow part of {@link codeTokens}
 * (tokenising), which depends on the block and on the `comments` / `strings` options only.
 *
 * @returns One key per line of the block.
 */
export function codeKeys(lang: string | null | undefined, code: string, options: CodeCompareOptions = {}, meta?: string | null): string[] {
  return blockKeys(lang, code.split('\n'), options, meta);
}

/**
 * The tokens of a block from its line keys ({@link codeKeys}), locale words of the pair
 * (`options.locales`) made alike.
 */
export function tokensOfKeys(keys: readonly string[], options: CodeCompareOptions = {}): CodeToken[] {
  const locales = new Set((options.locales ?? []).map((locale) => locale.toLowerCase().split('-')[0]!));
  const out: CodeToken[] = [];
  keys.forEach((key, line) => {
    const words = key.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return;
    if (out.length > 0) out.push({ line, text: LINE_BREAK });
    for (const text of words) out.push({ line, text: localeWord(text, locales) });
  });
  return out;
}
