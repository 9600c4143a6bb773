import type { z } from 'zod';
import type {
  BlockSchema,
  CodeRefSchema,
  DiagnosticSchema,
  FrontmatterSchema,
  GuideSchema,
  ImageRefSchema,
  LinkRefSchema,
  PointSchema,
  PositionSchema,
  PrerequisiteGroupSchema,
  RelatedLocationSchema,
  SectionKindSchema,
  SectionSchema,
  SeveritySchema,
  SourceLinkSchema,
  StepSchema,
  TranslationStampSchema,
  UiLabelRefSchema,
} from './schema.js';

/** A 1-based line/column point. */
export type Point = z.infer<typeof PointSchema>;
/** A start/end range. */
export type Position = z.infer<typeof PositionSchema>;
/** `error`, `warning` or `info`. */
export type Severity = z.infer<typeof SeveritySchema>;
/** The related place of a diagnostic. */
export type RelatedLocation = z.infer<typeof RelatedLocationSchema>;
/** A positioned content problem. */
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
/** Stamp recorded in a translation's front matter. */
export type TranslationStamp = z.infer<typeof TranslationStampSchema>;
/** Validated front matter with unknown keys in `extra`. */
export type Frontmatter = z.infer<typeof FrontmatterSchema>;
/** An mdast node inside a section or step. */
export type Block = z.infer<typeof BlockSchema>;
/** An image reference. */
export type ImageRef = z.infer<typeof ImageRefSchema>;
/** A link reference. */
export type LinkRef = z.infer<typeof LinkRefSchema>;
/** A code block reference. */
export type CodeRef = z.infer<typeof CodeRefSchema>;
/** A UI label reference. */
export type UiLabelRef = z.infer<typeof UiLabelRefSchema>;
/** A numbered step. */
export type Step = z.infer<typeof StepSchema>;
/** The kind of a section. */
export type SectionKind = z.infer<typeof SectionKindSchema>;
/** A section of a guide. */
export type Section = z.infer<typeof SectionSchema>;
/** A labelled group of prerequisites. */
export type PrerequisiteGroup = z.infer<typeof PrerequisiteGroupSchema>;
/** A source link. */
export type SourceLink = z.infer<typeof SourceLinkSchema>;
/** A parsed guide. */
export type Guide = z.infer<typeof GuideSchema>;

/** What `parseGuide` returns. */
export interface ParseResult {
  guide: Guide;
  diagnostics: Diagnostic[];
}
