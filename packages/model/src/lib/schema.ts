import { z } from 'zod';

/** A point in a source file: 1-based line and column, 0-based offset. */
export const PointSchema = z
  .object({
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    offset: z.number().int().min(0).optional(),
  })
  .meta({ id: 'Point', description: 'A place in a source file (1-based line and column).' });

/** A range in a source file. */
export const PositionSchema = z
  .object({ start: PointSchema, end: PointSchema })
  .meta({ id: 'Position', description: 'Start and end of a node in its source file.' });

/** Severity of a diagnostic. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);

/** Where a diagnostic's related place is (for i18n: the source guide). */
export const RelatedLocationSchema = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1).optional(),
  endColumn: z.number().int().min(1).optional(),
  message: z.string().optional(),
});

/**
 * One problem found in content. The same shape serves `check` and `lint` and is what
 * the `json` reporter prints.
 */
export const DiagnosticSchema = z
  .object({
    file: z.string(),
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    endLine: z.number().int().min(1).optional(),
    endColumn: z.number().int().min(1).optional(),
    severity: SeveritySchema,
    ruleId: z.string().min(1),
    message: z.string().min(1),
    related: RelatedLocationSchema.optional(),
    /** Machine-readable details (expected / actual values...). */
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Diagnostic', description: 'A positioned problem with a rule id and a plain sentence.' });

/** Per-step hashes of the source a translation was made from (written by `guidekit-i18n stamp`). */
export const TranslationStampSchema = z
  .object({
    locale: z.string(),
    hash: z.string(),
    steps: z.record(z.string(), z.string()),
    /** Hashes of non-step sections, keyed by `<kind>-<n>`. */
    sections: z.record(z.string(), z.string()).optional(),
    /** Source steps whose change was acknowledged as needing no re-translation. */
    acknowledged: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'TranslationStamp' });

/**
 * A front matter date: an ISO 8601 calendar date (`2024-12-17`) or date-time, with or without an
 * offset (`2024-12-17T10:00:00-05:00`), kept as written. Days are checked against the calendar, so
 * `2024-02-30` is refused.
 */
export const FrontmatterDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]);

/**
 * Front matter: the known fields are validated; everything else is kept in `extra`,
 * so nothing the author wrote is lost.
 */
export const FrontmatterSchema = z
  .object({
    title: z.string().optional(),
    meta_title: z.string().optional(),
    description: z.string().optional(),
    /** ISO 8601 date as written (`2024-12-17`, or a date-time with its offset kept). */
    date: FrontmatterDateSchema.optional(),
    image: z.string().optional(),
    categories: z.array(z.string()).optional(),
    author: z.string().optional(),
    tags: z.array(z.string()).optional(),
    draft: z.boolean().optional(),
    locale: z.string().optional(),
    translationKey: z.string().optional(),
    translationOf: TranslationStampSchema.optional(),
    extra: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Frontmatter' });

/** Known front matter keys (everything else goes to `extra`). */
export const KNOWN_FRONTMATTER_KEYS = [
  'title',
  'meta_title',
  'description',
  'date',
  'image',
  'categories',
  'author',
  'tags',
  'draft',
  'locale',
  'translationKey',
  'translationOf',
] as const;

/**
 * A block of content: an mdast node (paragraph, list, code, html, mdxJsxFlowElement...)
 * with its position. Phrasing content may hold `uiLabel` nodes for `*<u>Label</u>*`.
 */
export const BlockSchema = z
  .looseObject({
    type: z.string(),
    position: PositionSchema.optional(),
  })
  .meta({ id: 'Block', description: 'An mdast node; `uiLabel` nodes mark UI labels.' });

export const ImageRefSchema = z
  .object({ url: z.string(), alt: z.string(), title: z.string().optional(), position: PositionSchema.optional() })
  .meta({ id: 'ImageRef' });

export const LinkRefSchema = z
  .object({ url: z.string(), text: z.string(), position: PositionSchema.optional() })
  .meta({ id: 'LinkRef' });

export const CodeRefSchema = z
  .object({
    lang: z.string().nullable(),
    meta: z.string().nullable().optional(),
    value: z.string(),
    position: PositionSchema.optional(),
  })
  .meta({ id: 'CodeRef' });

export const UiLabelRefSchema = z
  .object({ text: z.string(), position: PositionSchema.optional() })
  .meta({ id: 'UiLabelRef' });

/** A numbered step: `Étape 4 bis : Title` / `Step 4b: Title`. */
export const StepSchema = z
  .object({
    /** Integer part as written (`4` for `4 bis`). */
    number: z.number().int().min(0),
    /** In-between marker normalised across languages: `bis`/`b` → `b`, `ter`/`c` → `c`. */
    variant: z.string().optional(),
    /** The number as written in the heading (`4 bis`, `4b`). */
    label: z.string(),
    /** Stable across locales: `step-4`, `step-4b`. */
    id: z.string().regex(/^step-\d+[a-z]?$/),
    /** Plain text of the title (emphasis and HTML stripped). */
    title: z.string(),
    /** Depth of the step heading (1-6). */
    depth: z.number().int().min(1).max(6),
    /** Content after the heading (mdast nodes). */
    blocks: z.array(BlockSchema),
    images: z.array(ImageRefSchema),
    links: z.array(LinkRefSchema),
    code: z.array(CodeRefSchema),
    uiLabels: z.array(z.string()),
    /** Hash of the step's normalised content (title + blocks). */
    hash: z.string(),
    position: PositionSchema,
  })
  .meta({ id: 'Step' });

export const SectionKindSchema = z.enum([
  'introduction',
  'prerequisites',
  'step',
  'conclusion',
  'sources',
  'footer',
  'other',
]);

/** A section of the guide: a heading and what follows, up to the next section heading. */
export const SectionSchema = z
  .object({
    kind: SectionKindSchema,
    /** Plain text of the heading; null for content with no heading (preamble, footer). */
    heading: z.string().nullable(),
    depth: z.number().int().min(1).max(6).nullable(),
    /** For `step` sections, the step id. */
    stepId: z.string().optional(),
    blocks: z.array(BlockSchema),
    hash: z.string(),
    position: PositionSchema,
  })
  .meta({ id: 'Section' });

export const PrerequisiteGroupSchema = z
  .object({
    /** The `**<u>Label</u>**` text; null for items with no group label. */
    label: z.string().nullable(),
    items: z.array(z.string()),
    position: PositionSchema.optional(),
  })
  .meta({ id: 'PrerequisiteGroup' });

export const SourceLinkSchema = z
  .object({ label: z.string(), url: z.string(), position: PositionSchema.optional() })
  .meta({ id: 'SourceLink' });

/** A parsed, validated guide. */
export const GuideSchema = z
  .object({
    /** Pairing key across locales (file stem or `translationKey`). */
    slug: z.string().min(1),
    /** BCP 47 language tag. */
    locale: z.string().min(1),
    /** Source path relative to the content root (POSIX separators). */
    path: z.string(),
    format: z.enum(['md', 'mdx']),
    frontmatter: FrontmatterSchema,
    title: z.string(),
    description: z.string().optional(),
    /** `tutorial` when the guide has numbered steps, else `article`. */
    kind: z.enum(['tutorial', 'article']),
    sections: z.array(SectionSchema),
    prerequisites: z.array(PrerequisiteGroupSchema),
    steps: z.array(StepSchema),
    sources: z.array(SourceLinkSchema),
    /** Hash of the normalised guide (front matter + all sections). */
    hash: z.string(),
  })
  .meta({ id: 'Guide', title: 'Guide', description: 'A step-by-step guide parsed by guidekit.' });
