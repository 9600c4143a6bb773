/**
 * Markdown, MDX and Markdoc examples read by their structure: what a translator keeps (block
 * markers, tags and their attribute names, imports, front matter keys, the code of a fence
 * inside the example) and not the prose they translate.
 */

/** Reads the lines of a fence nested in an example with its own language's grammar. */
export type NestedCode = (lang: string | null, lines: readonly string[], meta: string) => string[];

/** JSX and Markdoc tags (`<Card title="…">`, `{% card title="…" %}`), over several lines too; an autolink (`<https://…>`) is no tag. */
const TAG =
  /(<\/?|\{%\s*\/?)([A-Za-z][\w.-]*(?::[A-Za-z][\w.-]*)?)(?=[\s/>%]|$)((?:\s+[\w:-]+(?:=(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\{[^}]*\}))?)*)\s*\/?(?:>|%\})?/g;
const VALUE = /=("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\{[^}]*\})/g;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)(.*)$/;

/**
 * The lines of a Markdown / MDX / Markdoc example, by their structure: block markers, tags
 * and their attribute names (a tag written over several lines counts on its first), `import`
 * lines whole, front matter keys (its `#` comments are prose), and the lines of a fence nested
 * in the example as code of its language (`nested`).
 *
 * @param lines The example's lines.
 * @param nested How a nested fence's lines are read.
 * @returns One key per line ('' when the line holds only prose).
 */
export function markdownKeys(lines: readonly string[], nested: NestedCode): string[] {
  const keys = lines.map(() => '');
  let frontmatter = lines[0]?.trim() === '---';
  const prose = lines.map(() => true);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (frontmatter && index > 0 && line.trim() === '---') frontmatter = false;
    keys[index] = markerKey(line.trim(), frontmatter && index > 0);
    const open = frontmatter ? null : FENCE.exec(line);
    if (!open) continue;
    const close = lines.findIndex((l, i) => i > index && l.trim().startsWith(open[2]!) && l.trim().replace(/[`~]/g, '') === '');
    if (close < 0) continue;
    // The fence's own indentation (a fence in a list item) is not the code's.
    const indent = open[1]!.length;
    const code = lines.slice(index + 1, close).map((l) => (l.slice(0, indent).trim() === '' ? l.slice(indent) : l));
    const inner = nested(open[3] || null, code, open[4]!);
    inner.forEach((key, i) => {
      keys[index + 1 + i] = key;
      prose[index + 1 + i] = false;
    });
    keys[close] = markerKey(lines[close]!.trim(), false);
    index = close;
  }
  tagKeys(lines, keys, prose);
  return keys;
}

/** Add each tag's name and attribute names to the key of the line it starts on (prose lines only). */
function tagKeys(lines: readonly string[], keys: string[], prose: readonly boolean[]): void {
  const text = lines.join('\n');
  const starts = [0];
  for (const line of lines) starts.push(starts.at(-1)! + line.length + 1);
  for (const tag of text.matchAll(TAG)) {
    const line = starts.findIndex((start) => start > tag.index) - 1;
    if (!prose[line] || /^(import|export)\s/.test(lines[line]!.trim())) continue;
    const names = tag[3]!.replace(VALUE, '').trim();
    keys[line] += ` ${tag[1]!.replace(/\s+/g, '')}${tag[2]}${names ? ` ${names.split(/\s+/).join(' ')}` : ''}`;
  }
}

/** A line's block marker, `import`/`export` line, or front matter key. */
function markerKey(trimmed: string, inFrontmatter: boolean): string {
  if (inFrontmatter) {
    const key = /^([\w-]+):(\s|$)/.exec(trimmed);
    return key ? `${key[1]}:` : trimmed.startsWith('- ') ? '-' : '';
  }
  if (/^import\s/.test(trimmed)) return trimmed.replace(/\s+/g, ' ');
  if (/^export\s/.test(trimmed)) return trimmed.replace(/(['"`]).*?\1/g, '$1$1').replace(/\s+/g, ' ');
  const marker = /^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?|:::\s*[\w-]*|```\S*|~~~\S*|---$|\|)/.exec(trimmed);
  return marker ? marker[1]!.trim() : '';
}
