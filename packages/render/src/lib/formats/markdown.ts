import type { Frontmatter, Guide } from '@guidekit/model';
import { KNOWN_FRONTMATTER_KEYS } from '@guidekit/model';
import type { Heading, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Handle, Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { stringify as stringifyYaml } from 'yaml';

/**
 * `uiLabel` → `*<u>Label</u>*`, the form the parser reads back as a UI label (mis-nested variants
 * of the source come out normalised).
 */
const uiLabel: Handle = (node: { children?: PhrasingContent[]; value?: string }, _parent, state, info) => {
  const exit = state.enter('emphasis');
  const tracker = state.createTracker(info);
  let value = tracker.move('*<u>');
  value += node.children
    ? tracker.move(state.containerPhrasing(node as never, { before: '>', after: '<', ...tracker.current() }))
    : tracker.move(state.safe(node.value ?? '', { before: '>', after: '<', ...tracker.current() }));
  value += tracker.move('</u>*');
  exit();
  return value;
};

// Markers as the corpus writes them: `-` bullets, `*` emphasis, `**` strong, `---` rules, fenced code.
const baseOptions: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  resourceLink: true,
  handlers: { uiLabel } as never,
};

const mdxOptions: ToMarkdownOptions = { ...baseOptions, extensions: [mdxToMarkdown()] };

/** Front matter back to a plain object: known keys in their usual order, then `extra`. */
function frontmatterObject(fm: Frontmatter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of KNOWN_FRONTMATTER_KEYS) {
    const v = fm[key];
    if (v !== undefined) out[key] = v;
  }
  for (const [k, v] of Object.entries(fm.extra)) if (!(k in out)) out[k] = v;
  return out;
}

/**
 * YAML that gray-matter (YAML 1.1 timestamps!) reads back to the same values: every string is
 * double-quoted, so a date stays the string it was written as and `yes` stays a word.
 */
function yamlBlock(fm: Frontmatter): string {
  const data = frontmatterObject(fm);
  if (Object.keys(data).length === 0) return '';
  const yaml = stringifyYaml(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---\n${yaml}---\n\n`;
}

/**
 * A guide as normalised Markdown (`md/<locale>/<slug>.md`): YAML front matter, then every section
 * (its heading, then its blocks) in source order, with one style of markers. Parsing it again
 * with `@guidekit/parser` gives the same steps, blocks and hashes: the round-trip test over the
 * corpus holds it to that. `.mdx` guides keep their JSX and ESM.
 *
 * @param guide The guide.
 * @returns Markdown text ending in a newline.
 */
export function renderMarkdown(guide: Guide): string {
  const children: RootContent[] = [];
  for (const section of guide.sections) {
    if (section.heading !== null) {
      const first = section.blocks[0];
      const keptHeading = first?.type === 'heading' && first.position?.start.line === section.position.start.line;
      if (!keptHeading) {
        const heading: Heading = {
          type: 'heading',
          depth: (section.depth ?? 2) as Heading['depth'],
          children: section.heading === '' ? [] : [{ type: 'text', value: section.heading }],
        };
        children.push(heading);
      }
    }
    children.push(...(section.blocks as unknown as RootContent[]));
  }
  const root: MdastRoot = { type: 'root', children };
  const body = toMarkdown(root, guide.format === 'mdx' ? mdxOptions : baseOptions);
  return `${yamlBlock(guide.frontmatter)}${body}`;
}
