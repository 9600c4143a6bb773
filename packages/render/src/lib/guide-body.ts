import type { Guide, Section } from '@guidekit/model';
import type { Element, ElementContent } from 'hast';
import type { RootContent } from 'mdast';
import { walk } from './walk.js';
import type { WalkNode } from './walk.js';
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

interface CachedSection {
  children: ElementContent[];
  hasImages: boolean;
}

// Sanitized, highlighted hast of the sections of the last few guides: the site page, the
// single-file page and the print page of one guide share it. Bounded (a build of thousands of
// guides must not keep every tree), keyed by the parsed guide object.
const CACHE_GUIDES = 16;
const sectionCache = new Map<Guide, Map<Section, CachedSection>>();

async function sectionHast(guide: Guide, section: Section): Promise<CachedSection> {
  let perGuide = sectionCache.get(guide);
  if (!perGuide) {
    perGuide = new Map();
    sectionCache.set(guide, perGuide);
    if (sectionCache.size > CACHE_GUIDES) sectionCache.delete(sectionCache.keys().next().value as Guide);
  }
  let cached = perGuide.get(section);
  if (!cached) {
    const children = await blocksToHast(contentBlocks(section) as unknown as RootContent[]);
    shiftHeadings(children, section.depth, 2);
    const hasImages = !walk(children as unknown as WalkNode[], (n) => !(n.type === 'element' && n['tagName'] === 'img'));
    cached = { children, hasImages };
    perGuide.set(section, cached);
  }
  return cached;
}

/**
 * The cached children with `images` applied to copies of their `<img>` elements: only the
 * images and the elements above them are copied (the cached tree is shared by the site page,
 * the single-file page and the print page of a guide, and must stay as it is). Cloning whole
 * sections instead costs more than rendering them.
 */
function withImages(children: ElementContent[], images: ImageTransform): ElementContent[] {
  const copy = <P extends { children: ElementContent[] }>(parent: P): P | undefined => {
    let out: P | undefined;
    parent.children.forEach((node, index) => {
      if (node.type !== 'element') return;
      if (node.tagName === 'img') {
        out ??= { ...parent, children: [...parent.children] };
        const img: Element = { ...node, properties: { ...node.properties } };
        out.children[index] = img;
        images(img, out as unknown as Element, index);
        return;
      }
      const inner = copy(node);
      if (inner) {
        out ??= { ...parent, children: [...parent.children] };
        out.children[index] = inner;
      }
    });
    return out;
  };
  return copy({ children })?.children ?? children;
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
    const cached = await sectionHast(guide, section);
    // Serializing never changes a tree, so sections without images are shared as they are; the
    // image transform changes nodes, so it works on a copy.
    const blocks = cached.hasImages && options.images ? withImages(cached.children, options.images) : cached.children;
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
