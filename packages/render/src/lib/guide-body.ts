import type { Guide, Section } from '@guidekit/model';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { blocksToHast, shiftHeadings } from './content.js';
import type { ImageTransform } from './content.js';
import { uiStrings } from './strings.js';

/** Options of the guide body. */
export interface BodyOptions {
  /** Called for every content image (site: size + lazy; single: inline). */
  images?: ImageTransform;
  /** Show the table of steps (not in print). Default true. */
  toc?: boolean;
}

function isBreak(node: { type: string }): boolean {
  return node.type === 'thematicBreak';
}

/** Heading node of a section, when the parser kept it as the first block: the page makes its own. */
function contentBlocks(section: Section): Section['blocks'] {
  const blocks = section.blocks.filter((b) => !isBreak(b));
  const first = blocks[0];
  if (first && first.type === 'heading' && section.depth !== null && first['depth'] === section.depth && first.position?.start.line === section.position.start.line) {
    return blocks.slice(1);
  }
  return blocks;
}

/**
 * The `<article>` of a guide: title, description, date and author, a table of steps, then every
 * section in source order (nothing the parser kept is dropped). Section headings become `<h2>`
 * whatever level the author used; steps are `<section id="step-N">` so `#step-1` anchors work in
 * every locale.
 *
 * @param guide The guide.
 * @param options Image transform and toc switch.
 * @returns The article element.
 */
export async function renderGuideBody(guide: Guide, options: BodyOptions = {}): Promise<Element> {
  const t = uiStrings(guide.locale);
  const children: ElementContent[] = [h('h1', guide.title)];
  if (guide.description) children.push(h('p', { className: ['description'] }, guide.description));
  const meta: ElementContent[] = [];
  const date = guide.frontmatter.date;
  if (date) {
    const day = date.slice(0, 10);
    meta.push(h('time', { dateTime: date }, day));
  }
  if (guide.frontmatter.author) {
    if (meta.length > 0) meta.push({ type: 'text', value: ' · ' });
    meta.push(h('span', { className: ['author'] }, guide.frontmatter.author));
  }
  if (meta.length > 0) children.push(h('p', { className: ['meta'] }, meta));
  if (options.toc !== false && guide.steps.length > 0) {
    children.push(
      h(
        'nav',
        { className: ['toc'], ariaLabel: t.steps },
        h(
          'ol',
          guide.steps.map((s) => h('li', h('a', { href: `#${s.id}` }, `${t.step} ${s.label} — ${s.title}`))),
        ),
      ),
    );
  }
  const stepsById = new Map(guide.steps.map((s) => [s.id, s]));
  for (const section of guide.sections) {
    const blocks = await blocksToHast(shiftHeadings(contentBlocks(section), section.depth, 2), options.images);
    const step = section.stepId ? stepsById.get(section.stepId) : undefined;
    if (step) {
      const headingId = `${step.id}-title`;
      children.push(
        h('section', { id: step.id, className: ['step'], ariaLabelledBy: headingId }, [
          h('h2', { id: headingId }, [h('span', { className: ['step-number'] }, `${t.step} ${step.label}`), ' ', step.title]),
          ...blocks,
        ]),
      );
    } else if (section.kind === 'footer') {
      children.push(h('footer', { className: ['guide-footer'] }, blocks));
    } else {
      const head: ElementContent[] = section.heading !== null ? [h('h2', section.heading)] : [];
      children.push(h('section', { className: [`section-${section.kind}`] }, [...head, ...blocks]));
    }
  }
  return h('article', children);
}
