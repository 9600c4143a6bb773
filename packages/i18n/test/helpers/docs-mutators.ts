/** A defect written into a translation's text, and the line it must be reported at. */
export interface TextMutation {
  text: string;
  line: number;
}

type Kind = 'front' | 'fence' | 'prose';
const CODE_LANGS = new Set(['js', 'mjs', 'ts', 'jsx', 'tsx', 'javascript', 'typescript', 'sh', 'bash', 'shell']);

/** What each line of a Markdown/MDX text is, and the language of the fence it is in. */
function kinds(lines: string[]): { kind: Kind; lang: string }[] {
  let frontmatter = lines[0]?.trim() === '---';
  let fence: string | undefined;
  return lines.map((line, i) => {
    if (frontmatter) {
      if (i > 0 && line.trim() === '---') frontmatter = false;
      return { kind: 'front', lang: '' };
    }
    const open = /^\s*(```|~~~)(\w*)/.exec(line);
    if (open) {
      fence = fence === undefined ? open[2] : undefined;
      return { kind: 'fence', lang: '' };
    }
    return fence === undefined ? { kind: 'prose', lang: '' } : { kind: 'fence', lang: fence };
  });
}

const replaceLine = (lines: string[], i: number, line: string) => ({ text: [...lines.slice(0, i), line, ...lines.slice(i + 1)].join('\n'), line: i + 1 });

/** An identifier changed in a code line (no comment, no string) that the source has too. */
export function changeCodeToken(translation: string, source: string): TextMutation | undefined {
  const lines = translation.split('\n');
  const shared = new Set(source.split('\n').map((l) => l.trim()));
  const k = kinds(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!CODE_LANGS.has(k[i]!.lang) || !shared.has(line.trim()) || /['"`#]|\/\/|\/\*/.test(line)) continue;
    const word = /\b[A-Za-z_]\w{2,}\b/.exec(line);
    if (word) return replaceLine(lines, i, `${line.slice(0, word.index)}${word[0]}Zq${line.slice(word.index + word[0].length)}`);
  }
  return undefined;
}

/** The first absolute link of the prose pointed elsewhere on its site. */
export function changeAbsoluteLink(translation: string): TextMutation | undefined {
  const lines = translation.split('\n');
  const k = kinds(lines);
  const i = lines.findIndex((line, n) => k[n]!.kind === 'prose' && /\]\(https?:\/\/[^)\s]+\)/.test(line));
  if (i < 0) return undefined;
  return replaceLine(lines, i, lines[i]!.replace(/\]\((https?:\/\/[^)\s#?]+?)\/?([#?][^)\s]*)?\)/, (_, url: string, rest = '') => `](${url}/zq-elsewhere${rest})`));
}

/** The first image URL of the prose changed. */
export function changeImageUrl(translation: string): TextMutation | undefined {
  const lines = translation.split('\n');
  const k = kinds(lines);
  const i = lines.findIndex((line, n) => k[n]!.kind === 'prose' && /!\[[^\]]*\]\([^)\s]+\.\w+\)/.test(line));
  if (i < 0) return undefined;
  return replaceLine(lines, i, lines[i]!.replace(/(!\[[^\]]*\]\([^)\s]+)(\.\w+\))/, '$1-2$2'));
}

/** The first number of the prose (outside code, links and tags) increased by one. */
export function changeNumber(translation: string): TextMutation | undefined {
  const lines = translation.split('\n');
  const k = kinds(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (k[i]!.kind !== 'prose' || /^\s*(import|export|<|:::|\||#)/.test(line)) continue;
    const masked = line.replace(/`[^`]*`|\]\([^)]*\)|<[^>]*>|\{[^}]*\}|https?:\/\/\S+/g, (m) => ' '.repeat(m.length));
    const num = /(?<![\w.,/-])\d+(?![\w.,%/-])/.exec(masked);
    if (num) return replaceLine(lines, i, `${line.slice(0, num.index)}${Number(num[0]) + 1}${line.slice(num.index + num[0].length)}`);
  }
  return undefined;
}

/** Start lines (0-based) of the `##` headings of the prose. */
function h2(lines: string[]): number[] {
  const k = kinds(lines);
  return lines.flatMap((line, i) => (k[i]!.kind === 'prose' && /^## /.test(line) ? [i] : []));
}

/** The second `##` section deleted; reported where the next section now starts. */
export function deleteSection(translation: string): TextMutation | undefined {
  const lines = translation.split('\n');
  const [, start, next] = h2(lines);
  if (start === undefined || next === undefined) return undefined;
  return { text: [...lines.slice(0, start), ...lines.slice(next)].join('\n'), line: start + 1 };
}

/** A `##` section added before the second one; reported at its heading. */
export function addSection(translation: string): TextMutation | undefined {
  const lines = translation.split('\n');
  const [, start] = h2(lines);
  if (start === undefined) return undefined;
  const added = ['## Remarques en plus', '', ':::note', 'Une remarque ajoutée.', ':::', ''];
  return { text: [...lines.slice(0, start), ...added, ...lines.slice(start)].join('\n'), line: start + 1 };
}

/** The second and third `##` sections swapped; reported at the heading that moved down. */
export function swapSections(translation: string): TextMutation | undefined {
  const lines = translation.split('\n');
  const [, a, b, c] = h2(lines);
  if (a === undefined || b === undefined || c === undefined) return undefined;
  const text = [...lines.slice(0, a), ...lines.slice(b, c), ...lines.slice(a, b), ...lines.slice(c)].join('\n');
  return { text, line: a + (c - b) + 1 };
}
