import type {
  Diagnostic,
  Frontmatter,
  FrontmatterFields,
  Guide,
  ParseResult,
  Position,
  PrerequisiteGroup,
  Section,
  SectionKind,
  SourceLink,
  Step,
} from '@guidekit/model';
import { createDiagnostic } from '@guidekit/model';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFileMessage } from 'vfile-message';
import { missingFields, readFrontmatter } from './frontmatter.js';
import { hashGuide, hashSection, normalizeForHash, sectionHashOf, stepHashOf } from './hash.js';
import type { Definitions, Node, Refs } from './inline.js';
import { processBlocks } from './inline.js';
import { decodeInput, guardInput, pointAt } from './input.js';
import type { KeywordMatcher, StepHeading } from './keywords.js';
import { keywordMatcher, matchStepHeading } from './keywords.js';
import { inferLocale, localeOfSegment } from './locale.js';
import { splitMatter } from './matter.js';
import { toPlainText } from './plain-text.js';
import type { ParseOptions } from './types.js';

/**
 * Default `maxBytes`: 256 KiB, 25 times the largest real guide, and a parse time of a second
 * or two even for dense content (link-heavy Markdown parses at ~100 KB/s on a small machine).
 */
export const DEFAULT_MAX_BYTES = 256 * 1024;
/** Default `maxDepth`: far beyond any real guide, far below what makes remark slow. */
export const DEFAULT_MAX_DEPTH = 200;

// Frozen once: building a processor per file would cost more than some parses.
const mdProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const mdxProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx).freeze();
// Without front matter support, for files that open with `---` but never close it: there
// micromark-extension-frontmatter's failed attempt makes a following `- item` list a paragraph.
const mdPlain = unified().use(remarkParse).freeze();
const mdxPlain = unified().use(remarkParse).use(remarkMdx).freeze();

interface Root {
  type: 'root';
  children: Node[];
}

/** A section being built: its heading (if any) and its top-level nodes. */
interface Draft {
  kind: SectionKind;
  heading: Node | null;
  headingText: string | null;
  depth: number | null;
  step?: StepHeading;
  nodes: Node[];
}

function defaultSlug(path: string, locale: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  let stem = base.replace(/\.(md|mdx|markdown)$/i, '');
  const dot = stem.lastIndexOf('.');
  const suffix = dot === -1 ? '' : stem.slice(dot + 1);
  // `x.fr.md`, and `x.pt_BR.md` for `pt-BR`: the suffix as written, the locale canonical.
  if (suffix && (suffix.toLowerCase() === locale.toLowerCase() || localeOfSegment(suffix) === locale)) stem = stem.slice(0, dot);
  return stem || 'untitled';
}

function formatOf(path: string): 'md' | 'mdx' {
  return /\.mdx$/i.test(path) ? 'mdx' : 'md';
}

function checkOptions(options: ParseOptions | undefined): void {
  // Only a programmer error throws: content problems (an unknown locale too) become diagnostics.
  if (options === undefined) return;
  if (!options || typeof options !== 'object') throw new TypeError('parseGuide: options must be an object such as { path, locale }');
  if (options.path !== undefined && typeof options.path !== 'string') throw new TypeError('parseGuide: options.path must be a string');
  if (options.locale !== undefined && typeof options.locale !== 'string') throw new TypeError('parseGuide: options.locale must be a string');
  if (options.format !== undefined && options.format !== 'md' && options.format !== 'mdx') {
    throw new TypeError("parseGuide: options.format must be 'md' or 'mdx'");
  }
}

function positionOf(first: Node | undefined, last: Node | undefined): Position {
  const start = first?.position?.start ?? { line: 1, column: 1, offset: 0 };
  const end = last?.position?.end ?? start;
  return { start, end };
}

function isSetextDash(node: Node, source: string): boolean {
  const pos = node.position;
  if (!pos || pos.end.line <= pos.start.line || pos.end.offset === undefined) return false;
  return source.charCodeAt(pos.end.offset - 1) === 45; // '-'
}

/**
 * Whether remark-frontmatter will find a front matter block: a closing `---` alone on its line.
 * Without one, the file is parsed without front matter support (see the processors above).
 */
function hasFence(text: string): boolean {
  const open = /^---[ \t]*(\r\n|\r|\n)/.exec(text);
  if (!open) return false;
  const close = /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  return m !== null;
}

interface Ctx {
  file: string;
  source: string;
  diagnostics: Diagnostic[];
  /** The project's declared front matter fields. */
  fields?: FrontmatterFields | undefined;
  /** A `title` of the wrong type, as written, when it still reads as a title (`title: 2024`). */
  titleText?: string | undefined;
}

function rawGuide(
  ctx: Ctx,
  base: Pick<Guide, 'slug' | 'locale' | 'path' | 'format'>,
  text: string,
  diagnostic: Diagnostic,
): Guide {
  ctx.diagnostics.push(diagnostic);
  let frontmatter: Frontmatter = { extra: {} };
  let bodyOffset = 0;
  const fm = splitMatter(text);
  if (fm) {
    const read = readFrontmatter(fm, ctx.file, { fields: ctx.fields });
    frontmatter = read.frontmatter;
    ctx.titleText = read.titleText;
    ctx.diagnostics.push(...read.diagnostics);
    bodyOffset = fm.bodyOffset;
  } else {
    ctx.diagnostics.push(...missingFields(new Set(), ctx.fields, ctx.file, 1));
  }
  const sections: Section[] = [];
  // No regex over the whole text here: this path exists for inputs too large for regexes.
  let startOffset = bodyOffset;
  while (startOffset < text.length && /\s/.test(text.charAt(startOffset))) startOffset++;
  const endOffset = text.trimEnd().length;
  if (endOffset > startOffset) {
    const position: Position = {
      start: { ...pointAt(text, startOffset), offset: startOffset },
      end: { ...pointAt(text, endOffset), offset: endOffset },
    };
    const blocks = [{ type: 'html', value: text.slice(startOffset, endOffset), position }];
    sections.push({ kind: 'other', heading: null, depth: null, blocks, hash: '', position });
    const s = sections[0] as Section;
    s.hash = hashSection(s);
  }
  const guide: Guide = {
    ...base,
    frontmatter,
    title: frontmatter.title ?? ctx.titleText ?? base.slug,
    kind: 'article',
    sections,
    prerequisites: [],
    steps: [],
    sources: [],
    hash: '',
  };
  if (frontmatter.description) guide.description = frontmatter.description;
  guide.hash = hashGuide(guide);
  return guide;
}

/** The front matter remark found: gray-matter splits it off and the yaml package reads it. */
function frontmatterOf(text: string, ctx: Ctx): ReturnType<typeof readFrontmatter> {
  const split = splitMatter(text);
  if (split) return readFrontmatter(split, ctx.file, { fields: ctx.fields });
  // remark accepts lone-CR line breaks, gray-matter only closes at a `\n`: say so, lose nothing silently.
  const diagnostic = createDiagnostic({
    file: ctx.file,
    ruleId: 'parse/yaml-invalid',
    severity: 'error',
    message: 'Unexpected front matter with CR-only line breaks, expected LF or CRLF line breaks (front matter ignored)',
    position: { line: 1, column: 1 },
  });
  return { frontmatter: { extra: {} }, diagnostics: [diagnostic] };
}

function parseTree(text: string, format: 'md' | 'mdx', ctx: Ctx): Root {
  const fenced = text.startsWith('---') ? hasFence(text) : true;
  if (format === 'mdx') {
    try {
      return (fenced ? mdxProcessor : mdxPlain).parse(text) as unknown as Root;
    } catch (error) {
      // Real `.mdx` posts hold HTML comments, stray `<` or `{`, mis-nested tags: MDX rejects
      // them, Markdown does not. Keep every line as Markdown (JSX stays as `html`) and say so.
      // remark-mdx reports syntax errors as a VFileMessage (line, column, reason).
      const e = error as Partial<Pick<VFileMessage, 'line' | 'column' | 'reason' | 'message'>>;
      ctx.diagnostics.push(
        createDiagnostic({
          file: ctx.file,
          ruleId: 'parse/mdx-fallback',
          severity: 'warning',
          message: `Unexpected MDX syntax (${(e.reason ?? e.message ?? 'parse error').split('\n')[0]}), expected valid MDX (read as plain Markdown; JSX kept as HTML)`,
          position: { line: e.line ?? 1, column: e.column ?? 1 },
        }),
      );
    }
  }
  return (fenced ? mdProcessor : mdPlain).parse(text) as unknown as Root;
}

/**
 * Parse one guide (Markdown or MDX, with YAML front matter) into a positioned `Guide` and
 * diagnostics. Pure and synchronous; it throws only on bad options, never on content.
 *
 * @param source The file's text, or its bytes (decoded as UTF-8; bad bytes are reported).
 * @param options `path` and `locale` (required), `slug`, `format`, `keywords`, `maxBytes`, `maxDepth`.
 * @returns `{ guide, diagnostics }`; the guide validates against `GuideSchema`.
 */
export function parseGuide(source: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  checkOptions(options);
  const file = options.path ?? '';
  const decoded = decodeInput(source, file);
  const text = decoded.text;
  const ctx: Ctx = { file, source: text, diagnostics: decoded.diagnostics, fields: options.frontmatter };
  let locale = options.locale;
  if (!locale) {
    const inferred = inferLocale(text, file);
    locale = inferred.locale;
    if (inferred.diagnostic) ctx.diagnostics.push(inferred.diagnostic);
  }
  const format = options.format ?? formatOf(file);
  const base = { slug: options.slug ?? defaultSlug(file, locale), locale, path: file, format };

  if (text.trim() === '') {
    ctx.diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'parse/empty-file',
        severity: 'warning',
        message: 'Unexpected empty file, expected front matter and sections',
        position: { line: 1, column: 1 },
      }),
    );
  }
  const guard = guardInput(text, file, options.maxBytes ?? DEFAULT_MAX_BYTES, options.maxDepth ?? DEFAULT_MAX_DEPTH, format === 'mdx');
  if (!guard.ok && guard.diagnostic) {
    return { guide: rawGuide(ctx, base, text, guard.diagnostic), diagnostics: ctx.diagnostics };
  }
  const before = ctx.diagnostics.length;
  try {
    const guide = build(text, format, base, options, ctx);
    return { guide, diagnostics: ctx.diagnostics };
  } catch (error) {
    // Content must never crash a build. Inline nesting the line scan cannot see can still
    // exhaust the stack (a RangeError); anything else is a parser bug, reported as such. Either
    // way the file is kept raw, with a diagnostic, instead of throwing.
    ctx.diagnostics.length = before;
    const deep = error instanceof RangeError;
    const diagnostic = createDiagnostic({
      file,
      ruleId: deep ? 'parse/too-deep' : 'parse/internal-error',
      severity: 'error',
      message: deep
        ? 'Unexpected nesting too deep to process, expected a reasonably nested document (kept as raw text, not parsed)'
        : `Unexpected internal error (${error instanceof Error ? error.message : String(error)}), expected none: please report it (kept as raw text)`,
      position: { line: 1, column: 1 },
    });
    return { guide: rawGuide(ctx, base, text, diagnostic), diagnostics: ctx.diagnostics };
  }
}

function build(
  text: string,
  format: 'md' | 'mdx',
  base: Pick<Guide, 'slug' | 'locale' | 'path' | 'format'>,
  options: Pick<ParseOptions, 'keywords' | 'slug'>,
  ctx: Ctx,
): Guide {
  const tree = parseTree(text, format, ctx);
  const matcher = keywordMatcher(base.locale, options.keywords);

  let frontmatter: Frontmatter = { extra: {} };
  let hasFrontmatter = false;
  const nodes: Node[] = [];
  const definitions: Definitions = new Map();
  for (const node of tree.children) {
    if (node.type === 'yaml' && nodes.length === 0 && node.position?.start.line === 1) {
      const read = frontmatterOf(text, ctx);
      frontmatter = read.frontmatter;
      ctx.titleText = read.titleText;
      hasFrontmatter = true;
      ctx.diagnostics.push(...read.diagnostics);
      continue;
    }
    if (node.type === 'definition' && node.identifier && !definitions.has(node.identifier)) {
      definitions.set(node.identifier, { url: node.url ?? '', title: node.title ?? null });
    }
    nodes.push(node);
  }
  if (!hasFrontmatter) ctx.diagnostics.push(...missingFields(new Set(), ctx.fields, ctx.file, 1));
  const slug = options.slug ?? frontmatter.translationKey ?? base.slug;

  const drafts = splitSections(nodes, matcher, ctx);
  const sections: Section[] = [];
  const steps: Step[] = [];
  const prerequisites: PrerequisiteGroup[] = [];
  const sources: SourceLink[] = [];
  const inline = { source: text, definitions };

  for (const draft of drafts) {
    const blocks = draft.heading ? draft.nodes.slice(1) : draft.nodes;
    const refs = processBlocks(blocks, inline);
    const position = positionOf(draft.nodes[0], draft.nodes[draft.nodes.length - 1]);
    const section: Section = {
      kind: draft.kind,
      heading: draft.headingText,
      depth: draft.depth,
      blocks,
      hash: '',
      position,
    };
    if (draft.step) section.stepId = draft.step.id;
    // Normalise once: the section hash and the step hash share it.
    const normalized = normalizeForHash(blocks);
    section.hash = sectionHashOf(section.kind, section.heading, normalized);
    sections.push(section);
    if (draft.step && draft.depth !== null) {
      steps.push(makeStep(draft.step, draft.depth, blocks, refs, position, normalized));
    }
    if (draft.kind === 'prerequisites') prerequisites.push(...prerequisiteGroups(blocks));
    if (draft.kind === 'sources') sources.push(...sourceLinks(refs));
  }
  checkSteps(steps, ctx);

  const firstH1 = drafts.find((d) => d.depth === 1 && d.headingText)?.headingText;
  const guide: Guide = {
    ...base,
    slug,
    frontmatter,
    title: frontmatter.title ?? ctx.titleText ?? firstH1 ?? drafts.find((d) => d.headingText)?.headingText ?? slug,
    kind: steps.length > 0 ? 'tutorial' : 'article',
    sections,
    prerequisites,
    steps,
    sources,
    hash: '',
  };
  if (frontmatter.description) guide.description = frontmatter.description;
  guide.hash = hashGuide(guide);
  return guide;
}

/**
 * Cut the top-level nodes into sections. A heading opens a section when it is a step heading,
 * names a known section, or ranks the same or higher than the open section's heading; a deeper
 * free heading stays inside the open section. Everything after the last thematic break, when it
 * holds no heading, is the footer. Thematic breaks stay with the section they close.
 */
function splitSections(nodes: Node[], matcher: KeywordMatcher, ctx: Ctx): Draft[] {
  let footerStart = -1;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const type = (nodes[i] as Node).type;
    if (type === 'heading') break;
    if (type === 'thematicBreak') {
      if (i < nodes.length - 1) footerStart = i + 1;
      break;
    }
  }
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  const end = footerStart === -1 ? nodes.length : footerStart;
  for (let i = 0; i < end; i++) {
    const node = nodes[i] as Node;
    if (node.type === 'heading') {
      const plain = toPlainText(node.children ?? []);
      const depth = typeof node.depth === 'number' ? node.depth : 1;
      const step = matchStepHeading(plain, matcher);
      const kind: SectionKind = step ? 'step' : (matcher.sectionKind(plain) ?? 'other');
      const setext = kind === 'other' && isSetextDash(node, ctx.source);
      if (setext) {
        ctx.diagnostics.push(
          createDiagnostic({
            file: ctx.file,
            ruleId: 'parse/setext-heading',
            severity: 'warning',
            message:
              'Unexpected text underlined with `---` (a setext heading), expected a thematic break: add a blank line before `---`',
            position: { line: node.position?.end.line ?? 1, column: 1 },
          }),
        );
      }
      const opens =
        !current ||
        current.heading === null ||
        kind !== 'other' ||
        (!setext && (depth <= (current.depth ?? 7) || (current.depth === 1 && current.kind === 'other')));
      if (opens) {
        current = { kind, heading: node, headingText: plain, depth, nodes: [node] };
        if (step) {
          current.step = step;
          if (!step.title) {
            ctx.diagnostics.push(
              createDiagnostic({
                file: ctx.file,
                ruleId: 'parse/step-title-missing',
                severity: 'warning',
                message: `Unexpected step heading \`${plain}\` with no title, expected \`${plain} : <title>\``,
                position: node.position,
              }),
            );
          }
        }
        drafts.push(current);
        continue;
      }
    }
    if (!current) {
      current = { kind: 'other', heading: null, headingText: null, depth: null, nodes: [] };
      drafts.push(current);
    }
    current.nodes.push(node);
  }
  if (footerStart !== -1) {
    drafts.push({ kind: 'footer', heading: null, headingText: null, depth: null, nodes: nodes.slice(footerStart) });
  }
  return drafts;
}

function makeStep(h: StepHeading, depth: number, blocks: Node[], refs: Refs, position: Position, normalized: string): Step {
  const step: Step = {
    number: h.number,
    label: h.label,
    id: h.id,
    title: h.title,
    depth,
    blocks,
    images: refs.images,
    links: refs.links,
    code: refs.code,
    uiLabels: refs.uiLabels,
    hash: '',
    position,
  };
  if (h.variant) step.variant = h.variant;
  step.hash = stepHashOf(step.title, normalized);
  return step;
}

function checkSteps(steps: Step[], ctx: Ctx): void {
  const seen = new Map<string, Step>();
  let prev: Step | undefined;
  for (const step of steps) {
    const first = seen.get(step.id);
    const at = step.position;
    if (first) {
      ctx.diagnostics.push(
        createDiagnostic({
          file: ctx.file,
          ruleId: 'parse/step-duplicate',
          // A warning: the guide still reads and publishes; only alignment by id suffers.
          severity: 'warning',
          message: `Unexpected second step ${step.label}, expected each step number once (first at line ${first.position.start.line})`,
          position: { start: at.start, end: at.start },
          related: { file: ctx.file, line: first.position.start.line, column: first.position.start.column },
          data: { id: step.id },
        }),
      );
    } else {
      seen.set(step.id, step);
      if (!step.variant) {
        const expected = prev ? prev.number + 1 : undefined;
        if (expected === undefined ? step.number > 1 : step.number > expected) {
          const from = expected ?? 1;
          ctx.diagnostics.push(
            createDiagnostic({
              file: ctx.file,
              ruleId: 'parse/step-skipped',
              severity: 'warning',
              message: `Unexpected step ${step.number}, expected step ${from}${step.number - from > 1 ? ` (steps ${from} to ${step.number - 1} are missing)` : ''}`,
              position: { start: at.start, end: at.start },
              data: { expected: from, actual: step.number },
            }),
          );
        } else if (expected !== undefined && step.number < expected) {
          ctx.diagnostics.push(
            createDiagnostic({
              file: ctx.file,
              ruleId: 'parse/step-order',
              severity: 'warning',
              message: `Unexpected step ${step.number} after step ${prev?.label}, expected step ${expected}`,
              position: { start: at.start, end: at.start },
              data: { expected, actual: step.number },
            }),
          );
        }
      } else if (!prev || prev.number !== step.number) {
        ctx.diagnostics.push(
          createDiagnostic({
            file: ctx.file,
            ruleId: 'parse/step-order',
            severity: 'warning',
            message: `Unexpected step ${step.label} after ${prev ? `step ${prev.label}` : 'the start'}, expected it right after step ${step.number}`,
            position: { start: at.start, end: at.start },
            data: { actual: step.label },
          }),
        );
      }
    }
    prev = step;
  }
}

/** A prerequisite group label: a paragraph that is one strong span, or opens with one and a line break. */
function groupLabel(node: Node): { label: string; rest: string } | undefined {
  if (node.type !== 'paragraph') return undefined;
  const kids = node.children ?? [];
  let i = 0;
  while (i < kids.length && kids[i]?.type === 'text' && !(kids[i]?.value ?? '').trim()) i++;
  const first = kids[i];
  // `**<u>Label</u>**` (or `**Label**`): one strong child, in Markdown and in MDX alike.
  if (!first || first.type !== 'strong') return undefined;
  const label = toPlainText(first.children ?? []).replace(/\s*:$/, '');
  if (!label) return undefined;
  const after = kids.slice(i + 1);
  const rest = toPlainText(after);
  if (!rest) return { label, rest: '' };
  // `**<u>Label</u>**` then, on the next line, a sentence: the sentence is the group's item.
  const next = after[0];
  const opensLine = next?.type === 'break' || (next?.type === 'text' && /^[ \t]*(\r\n|\r|\n)/.test(next.value ?? ''));
  return opensLine ? { label, rest } : undefined;
}

function prerequisiteGroups(blocks: Node[]): PrerequisiteGroup[] {
  const groups: PrerequisiteGroup[] = [];
  let open: { group: PrerequisiteGroup; first: Node; last: Node } | undefined;
  const close = () => {
    if (!open) return;
    open.group.position = positionOf(open.first, open.last);
    groups.push(open.group);
    open = undefined;
  };
  for (const block of blocks) {
    const found = groupLabel(block);
    if (found !== undefined) {
      close();
      open = { group: { label: found.label, items: found.rest ? [found.rest] : [] }, first: block, last: block };
      continue;
    }
    if (block.type === 'list') {
      if (!open) open = { group: { label: null, items: [] }, first: block, last: block };
      for (const item of block.children ?? []) {
        const t = toPlainText(item.children ?? []);
        if (t) open.group.items.push(t);
      }
      open.last = block;
    }
  }
  close();
  return groups;
}

function sourceLinks(refs: Refs): SourceLink[] {
  return refs.links.map((l) => {
    const s: SourceLink = { label: refs.bareLabels.get(l) ?? (l.text || l.url), url: l.url };
    if (l.position) s.position = l.position;
    return s;
  });
}
