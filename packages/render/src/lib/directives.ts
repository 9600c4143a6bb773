import type { Paragraph, PhrasingContent, RootContent } from 'mdast';

const OPEN = /^:::([A-Za-z][\w-]*)[ \t]*([^\n]*)(?:\n|$)/;
const CLOSE = /(?:^|\n)[ \t]*:::[ \t]*$/;

function firstText(p: Paragraph): string | undefined {
  const c = p.children[0];
  return c?.type === 'text' ? c.value : undefined;
}

function lastText(p: Paragraph): string | undefined {
  const c = p.children[p.children.length - 1];
  return c?.type === 'text' ? c.value : undefined;
}

type Container = { type: string; children?: RootContent[] };

/**
 * The last paragraph of a block, through lists and quotes: `- item` followed by `:::` puts the
 * marker in the item's paragraph (a lazy continuation line), so the container closes there.
 */
function lastParagraph(block: RootContent): Paragraph | undefined {
  if (block.type === 'paragraph') return block;
  const children = (block as Container).children;
  if (block.type !== 'list' && block.type !== 'listItem' && block.type !== 'blockquote') return undefined;
  const last = children?.[children.length - 1];
  return last ? lastParagraph(last) : undefined;
}

/** A copy of a block with its last paragraph replaced (or dropped when `p` is undefined). */
function replaceLastParagraph(block: RootContent, p: Paragraph | undefined): RootContent | undefined {
  if (block.type === 'paragraph') return p;
  const children = [...((block as Container).children ?? [])];
  const last = children.pop();
  const inner = last ? replaceLastParagraph(last, p) : undefined;
  if (inner) children.push(inner);
  return { ...block, children } as RootContent;
}

/** A copy of a paragraph with its first text's opening marker and/or its last text's closing marker cut; `undefined` when nothing is left. */
function trimMarkers(p: Paragraph, open: boolean, close: boolean): Paragraph | undefined {
  const children = [...p.children];
  const edit = (i: number, f: (v: string) => string): void => {
    const c = children[i];
    if (c?.type !== 'text') return;
    const value = f(c.value);
    if (value === '') children.splice(i, 1);
    else children[i] = { ...c, value };
  };
  if (close) edit(children.length - 1, (v) => v.replace(CLOSE, ''));
  if (open) edit(0, (v) => v.replace(OPEN, ''));
  const blank = children.every((c) => c.type === 'break' || (c.type === 'text' && c.value.trim() === ''));
  return blank ? undefined : { ...p, children: children as PhrasingContent[] };
}

/** Where the container opened at `i` closes: the index of the block whose last text ends with `:::`. */
function closingIndex(blocks: readonly RootContent[], i: number): number {
  const open = blocks[i] as Paragraph;
  const rest = (firstText(open) ?? '').replace(OPEN, '');
  if (open.children.length > 0 && CLOSE.test(lastText(open) ?? '') && (rest !== '' || open.children.length > 1)) return i;
  for (let j = i + 1; j < blocks.length; j++) {
    const p = lastParagraph(blocks[j] as RootContent);
    if (p && CLOSE.test(lastText(p) ?? '')) return j;
  }
  return -1;
}

/**
 * `:::name title` … `:::` containers (the Docusaurus / Starlight notation, which CommonMark reads
 * as plain paragraphs) → `guidekitDirective` nodes the component handler renders, so `:::tip`
 * becomes a notice like `<Notice type="tip">`. An opening marker with no closing one stays text.
 * The input is not changed.
 *
 * @param blocks Sibling mdast blocks.
 * @returns The same array when there is no container, else a new one.
 */
export function groupDirectives(blocks: readonly RootContent[]): RootContent[] {
  let out: RootContent[] | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as RootContent;
    const m = b.type === 'paragraph' ? OPEN.exec(firstText(b) ?? '') : null;
    const j = m ? closingIndex(blocks, i) : -1;
    if (!m || j < 0) {
      out?.push(b);
      continue;
    }
    out ??= blocks.slice(0, i);
    const inner: RootContent[] = [];
    const head = trimMarkers(b as Paragraph, true, j === i);
    if (head) inner.push(head);
    if (j > i) {
      inner.push(...blocks.slice(i + 1, j));
      const last = blocks[j] as RootContent;
      const tail = replaceLastParagraph(last, trimMarkers(lastParagraph(last) as Paragraph, false, true));
      if (tail) inner.push(tail);
    }
    const title = (m[2] ?? '').trim();
    const attributes = title ? [{ type: 'mdxJsxAttribute', name: 'title', value: title }] : [];
    out.push({
      type: 'guidekitDirective',
      name: m[1],
      attributes,
      children: groupDirectives(inner),
      position: b.position,
    } as unknown as RootContent);
    i = j;
  }
  return out ?? (blocks as RootContent[]);
}
