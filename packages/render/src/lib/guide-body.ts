import type { Guide, Section } from '@guidekit/model';
import type { Element, ElementContent } from 'hast';
import type { RootContent } from 'mdast';
import { walk } from './walk.js';
import type { WalkNode } from './walk.js';
import { h } from 'hastscript';
import { blocksToHast, shiftHeadings } from './content.js';
import type { ImageTransform } from './content.js';
import { uiStrings } from './strings.js';
import type { UiTextOverrides } from './strings.js';
import { fixAlt } from './alt-text.js';
import { componentRegistry } from './components.js';
import type { ComponentRegistry } from './components.js';
import { groupDirectives } from './directives.js';
import { isHtmlName } from './mdx.js';
import { createDiagnostic } from '@guidekit/model';
import type { Diagnostic } from '@guidekit/model';

/** Options of the guide body. */
export interface BodyOptions {
  /** Called for every content image (site: size + lazy; single: inline). */
  images?: ImageTransform;
  /** Show the table of steps (not in print). Default true. */
  toc?: boolean;
  /** MDX components and `:::` containers (default: `componentRegistry()`). */
  components?: ComponentRegistry;
  /** Receives `render/alt-text` and `render/unknown-component` warnings; absent, fixes are silent. */
  onDiagnostic?: (d: Diagnostic) => void;
  /** Words a project replaces (the step word of headings and the table of steps). */
  strings?: UiTextOverrides;
  /** Extra content at the top of a step's section (the stale-translation notice). */
  stepNotice?: (stepId: string) => ElementContent | undefined;
}

interface UnknownComponent {
  name: string;
  position: { line: number; column: number } | undefined;
}

interface CachedSection {
  children: ElementContent[];
  hasImages: boolean;
  registry: ComponentRegistry;
  unknown: UnknownComponent[];
}

// Sanitized, highlighted hast of the sections of the last few guides: the site page, the
// single-file page and the print page of one guide share it. Bounded (a build of thousands of
// guides must not keep every tree), keyed by the parsed guide object.
const CACHE_GUIDES = 16;
const sectionCache = new Map<Guide, Map<Section, CachedSection>>();

async function sectionHast(guide: Guide, section: Section, registry: ComponentRegistry): Promise<CachedSection> {
  let perGuide = sectionCache.get(guide);
  if (!perGuide) {
    perGuide = new Map();
    sectionCache.set(guide, perGuide);
    if (sectionCache.size > CACHE_GUIDES) sectionCache.delete(sectionCache.keys().next().value as Guide);
  }
  let cached = perGuide.get(section);
  if (!cached || cached.registry !== registry) {
    const blocks = contentBlocks(section) as unknown as RootContent[];
    const children = await blocksToHast(blocks, { components: registry, locale: guide.locale });
    shiftHeadings(children, section.depth, 2);
    const hasImages = !walk(children as unknown as WalkNode[], (n) => !(n.type === 'element' && n['tagName'] === 'img'));
    cached = { children, hasImages, registry, unknown: unknownComponents(blocks, registry) };
    perGuide.set(section, cached);
  }
  return cached;
}

/** MDX components and `:::` containers the registry does not know, in source order. */
function unknownComponents(blocks: readonly RootContent[], registry: ComponentRegistry): UnknownComponent[] {
  const found: UnknownComponent[] = [];
  walk(groupDirectives(blocks) as unknown as WalkNode[], (n) => {
    const isJsx = n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';
    if (!isJsx && n.type !== 'guidekitDirective') return;
    const name = typeof n['name'] === 'string' ? n['name'] : '';
    if (name === '' || (isJsx && isHtmlName(name)) || registry.has(name)) return;
    const pos = n['position'] as { start: { line: number; column: number } } | undefined;
    found.push({ name, position: pos?.start });
  });
  return found;
}

/** One `render/unknown-component` warning per component name of a guide, at its first use. */
function reportUnknown(guide: Guide, unknown: readonly UnknownComponent[], report: (d: Diagnostic) => void): void {
  const seen = new Set<string>();
  for (const u of unknown) {
    if (seen.has(u.name)) continue;
    seen.add(u.name);
    report(
      createDiagnostic({
        file: guide.path,
        ruleId: 'render/unknown-component',
        severity: 'warning',
        message: `Unexpected unknown component \`${u.name}\`, expected one of the registered components (its content is published without it)`,
        position: u.position,
        data: { name: u.name },
      }),
    );
  }
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
  if (
    first &&
    first.type === 'heading' &&
    section.depth !== null &&
    first['depth'] === section.depth &&
    first.position?.start.line === section.position.start.line
  ) {
    return blocks.slice(1);
  }
  return blocks;
}

/** Title, description, date and author, and the table of steps. */
function guideHead(guide: Guide, options: BodyOptions): ElementContent[] {
  const t = uiStrings(guide.locale, options.strings);
  const children: ElementContent[] = [h('h1', guide.title)];
  if (guide.description) children.push(h('p', { className: ['description'] }, guide.description));
  const meta: ElementContent[] = [];
  const date = guide.frontmatter.date;
  if (date) meta.push(h('time', { dateTime: date }, date.slice(0, 10)));
  if (guide.frontmatter.author) {
    if (meta.length > 0) meta.push({ type: 'text', value: ' · ' });
    meta.push(h('span', { className: ['author'] }, guide.frontmatter.author));
  }
  if (meta.length > 0) children.push(h('p', { className: ['meta'] }, meta));
  if (options.toc !== false && guide.steps.length > 0) {
    const items = guide.steps.map((s) => h('li', h('a', { href: `#${s.id}` }, `${t.step} ${s.label} — ${s.title}`)));
    children.push(h('nav', { className: ['toc'], ariaLabel: t.steps }, h('ol', items)));
  }
  return children;
}

/**
 * A section's blocks as published: the cached hast, with images copied and transformed (the
 * caller's transform, and the alt-text check with `fallback` as the published alt).
 */
function sectionBlocks(guide: Guide, cached: CachedSection, fallback: string, options: BodyOptions): ElementContent[] {
  if (!cached.hasImages) return cached.children;
  // Serializing never changes a tree, so sections without images are shared as they are; the
  // image transforms change nodes, so they work on a copy.
  return withImages(cached.children, (img, parent, index) => {
    fixAlt(img, guide, fallback, options.onDiagnostic);
    options.images?.(img, parent, index);
  });
}

/**
 * The `<article>` of a guide: title, description, date and author, a table of steps, then every
 * section in source order (nothing the parser kept is dropped). Section headings become `<h2>`
 * whatever level the author used; a step's heading is `<h2 id="step-N">` so `#step-1` anchors work in
 * every locale. Images with a meaningless alt text get the step's (or guide's) title.
 *
 * @param guide The guide.
 * @param options Image transform, toc switch, components, diagnostics, step notices.
 * @returns The article element.
 */
export async function renderGuideBody(guide: Guide, options: BodyOptions = {}): Promise<Element> {
  const t = uiStrings(guide.locale, options.strings);
  const registry = options.components ?? componentRegistry();
  const children = guideHead(guide, options);
  const stepsById = new Map(guide.steps.map((s) => [s.id, s]));
  const unknown: UnknownComponent[] = [];
  for (const section of guide.sections) {
    const cached = await sectionHast(guide, section, registry);
    unknown.push(...cached.unknown);
    const step = section.stepId ? stepsById.get(section.stepId) : undefined;
    const blocks = sectionBlocks(guide, cached, step?.title ?? section.heading ?? guide.title, options);
    if (step) {
      const notice = options.stepNotice?.(step.id);
      // The step's id is on its heading: search (Pagefind) makes a sub-result of each heading
      // with an id, so a result points at `#step-3` itself.
      children.push(
        h('section', { className: ['step'], ariaLabelledBy: step.id }, [
          h('h2', { id: step.id }, [h('span', { className: ['step-number'] }, `${t.step} ${step.label}`), ' ', step.title]),
          ...(notice ? [notice] : []),
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
  if (options.onDiagnostic) reportUnknown(guide, unknown, options.onDiagnostic);
  return h('article', children);
}
