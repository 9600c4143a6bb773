import type { Rule } from '../types.js';
import { brokenMarkdown } from './broken-markdown.js';
import { codeMismatch } from './code-mismatch.js';
import { extraSection } from './extra-section.js';
import { extraStep } from './extra-step.js';
import { frontmatterMismatch } from './frontmatter-mismatch.js';
import { imageMismatch } from './image-mismatch.js';
import { linkMismatch } from './link-mismatch.js';
import { missingSection } from './missing-section.js';
import { missingStep } from './missing-step.js';
import { missingTranslation } from './missing-translation.js';
import { numberMismatch } from './number-mismatch.js';
import { orphanTranslation } from './orphan-translation.js';
import { prerequisitesMismatch } from './prerequisites-mismatch.js';
import { sourcesMismatch } from './sources-mismatch.js';
import { staleStep } from './stale-step.js';
import { sectionOrder } from './section-order.js';
import { stepNumberMismatch } from './step-number-mismatch.js';
import { stepOrder } from './step-order.js';
import { uiLabelCount } from './ui-label-count.js';
import { untranslated } from './untranslated.js';

/** Every translation rule, in the order they run. Adding a rule: its file plus one line here. */
export const rules: readonly Rule[] = [
  missingTranslation,
  orphanTranslation,
  missingStep,
  extraStep,
  stepNumberMismatch,
  stepOrder,
  missingSection,
  extraSection,
  sectionOrder,
  imageMismatch,
  linkMismatch,
  codeMismatch,
  uiLabelCount,
  numberMismatch,
  untranslated,
  brokenMarkdown,
  frontmatterMismatch,
  prerequisitesMismatch,
  sourcesMismatch,
  staleStep,
];
