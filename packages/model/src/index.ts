export {
  BlockSchema,
  CodeRefSchema,
  DiagnosticSchema,
  FrontmatterDateSchema,
  FrontmatterSchema,
  GuideSchema,
  ImageRefSchema,
  KNOWN_FRONTMATTER_KEYS,
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
} from './lib/schema.js';
export type {
  Block,
  CodeRef,
  Diagnostic,
  Frontmatter,
  Guide,
  ImageRef,
  LinkRef,
  ParseResult,
  Point,
  Position,
  PrerequisiteGroup,
  RelatedLocation,
  Section,
  SectionKind,
  Severity,
  SourceLink,
  Step,
  TranslationStamp,
  UiLabelRef,
} from './lib/types.js';
export { guideJsonSchema } from './lib/json-schema.js';
export type { GuideJsonSchemaOptions } from './lib/json-schema.js';
export { FrontmatterFieldsSchema, frontmatterFieldValidators } from './lib/frontmatter-fields.js';
export type { FrontmatterFields } from './lib/frontmatter-fields.js';
export { createDiagnostic, sortDiagnostics } from './lib/diagnostic.js';
export { byCodeUnit } from './lib/order.js';
export type { DiagnosticInit } from './lib/diagnostic.js';
export { ruleDocsPath, ruleDocsUrl } from './lib/rule-docs.js';
export { frontmatterFieldsType } from './lib/frontmatter-types.js';
