import { LINE_BREAK, type CodeToken } from './code-tokens.js';

/**
 * Names an example declares (`function thisIsJavaScript`, `@layer my-reset, my-overrides`) are
 * the example's own words, and translators translate them (`function ceciEstDuJavaScript`).
 * A declared name renamed everywhere in the block is not a difference; a name renamed in one
 * place only, or a declaration that changed shape, still is.
 */

/** Words that declare the name after them; `@layer` declares a comma list up to `;`. */
const DECLARES = new Set(['function', 'class', 'const', 'let', 'var', 'interface', 'type', 'enum', 'def', 'fn']);

const nameOf = (text: string) => /^[A-Za-z_$][\w$-]*/.exec(text)?.[0];

/** The names a block declares, in order. */
function declared(tokens: readonly CodeToken[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    const word = tokens[i]!.text;
    if (DECLARES.has(word)) {
      const name = nameOf(tokens[i + 1]!.text);
      if (name) names.push(name);
    } else if (word === '@layer') {
      for (let j = i + 1; j < tokens.length && tokens[j]!.text !== LINE_BREAK; j++) {
        const name = nameOf(tokens[j]!.text);
        if (name) names.push(name);
        if (tokens[j]!.text.endsWith(';')) break;
      }
    }
  }
  return names;
}

/**
 * The translation's tokens with each consistently renamed declared name given back its source
 * name, so the comparison sees only what else changed.
 *
 * @param source The source block's tokens.
 * @param translation The translation block's tokens.
 * @returns `translation`, or a copy with renamed declarations undone.
 */
export function undoRenames(source: readonly CodeToken[], translation: readonly CodeToken[]): readonly CodeToken[] {
  const from = declared(source);
  const to = declared(translation);
  if (from.length === 0 || from.length !== to.length) return translation;
  const names = (tokens: readonly CodeToken[]) => new Set(tokens.map((token) => nameOf(token.text)));
  const inSource = names(source);
  const inTranslation = names(translation);
  const back = new Map<string, string>();
  from.forEach((name, i) => {
    const renamed = to[i]!;
    if (name !== renamed && !inSource.has(renamed) && !inTranslation.has(name)) back.set(renamed, name);
  });
  if (back.size === 0) return translation;
  return translation.map((token) => {
    const name = nameOf(token.text);
    const original = name === undefined ? undefined : back.get(name);
    return original === undefined ? token : { line: token.line, text: original + token.text.slice(name!.length) };
  });
}
