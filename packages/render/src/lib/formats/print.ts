import type { Guide } from '@guidekit/model';
import { selfContained } from './single.js';
import type { SingleContext, SingleResult } from './single.js';

/**
 * The HTML the PDF engine prints: the self-contained page (images inlined, so `page.setContent`
 * needs no file access) without navigation, with `@page` size (`ctx.paper`, A4 by default) and
 * margins, no break inside code blocks, images or notices, and none right after a heading.
 *
 * @param guide The guide.
 * @param ctx Render context plus `assets` roots.
 * @returns The HTML and the diagnostics.
 */
export function renderPrintHtml(guide: Guide, ctx: SingleContext = {}): Promise<SingleResult> {
  return selfContained(guide, ctx, true);
}
