import type { GuideDoc, Place } from './types.js';

const lineStarts = new WeakMap<GuideDoc, number[]>();

/**
 * The offset in `doc.text` of a 1-based line and column, or `undefined` without text. Line
 * starts are indexed once per document.
 */
export function offsetAt(doc: GuideDoc, place: Place): number | undefined {
  const text = doc.text;
  if (text === undefined) return undefined;
  let starts = lineStarts.get(doc);
  if (!starts) {
    starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(doc, starts);
  }
  const start = starts[place.line - 1];
  return start === undefined ? undefined : start + place.column - 1;
}

/**
 * The 1-based line of the first front matter line `key:` in a file's text, if any. Used to
 * point front matter diagnostics at the field itself.
 */
export function frontmatterLine(text: string | undefined, key: string): Place | undefined {
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  if (lines[0]?.replace(/^\uFEFF/, '').trim() !== '---') return undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---') return undefined;
    if (line.startsWith(`${key}:`)) return { line: i + 1, column: 1 };
  }
  return undefined;
}
