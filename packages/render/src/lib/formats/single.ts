import type { Diagnostic, Guide } from '@guidekit/model';
import { createDiagnostic } from '@guidekit/model';
import type { Element } from 'hast';
import { h } from 'hastscript';
import { createAssetReader, imageDataUri, imageInfoFromBytes } from '../assets.js';
import type { AssetRoots } from '../assets.js';
import type { ImageTransform } from '../content.js';
import { imagePosition } from '../content.js';
import type { RenderContext } from '../context.js';
import { componentRegistry } from '../components.js';
import { printCss } from '../css.js';
import { renderGuideBody } from '../guide-body.js';
import { guideHeader, renderPage } from '../page.js';
import { jsonLdScript } from './html.js';

/** Context of the self-contained outputs: `assets` lets render read images itself, safely. */
export interface SingleContext extends RenderContext {
  /** Folders images may be read from, when no `readAsset` is given (uses `createAssetReader`). */
  assets?: AssetRoots;
}

/** What a self-contained render returns: the page and what could not be inlined. */
export interface SingleResult {
  html: string;
  diagnostics: Diagnostic[];
}

/**
 * Images become `data:` URIs (typed from their bytes); an image that cannot be read — outside the
 * allowed folders, missing, remote, not an image — is left as a link to its URL, with a diagnostic.
 */
function inlineImages(guide: Guide, read: ((url: string, guide: Guide) => Uint8Array | undefined) | undefined, report: (d: Diagnostic) => void, counter: { n: number }): ImageTransform {
  return (img, parent, index) => {
    const src = typeof img.properties['src'] === 'string' ? img.properties['src'] : '';
    const alt = typeof img.properties['alt'] === 'string' ? img.properties['alt'] : '';
    const before = counter.n;
    const bytes = src ? read?.(src, guide) : undefined;
    const uri = bytes ? imageDataUri(bytes) : undefined;
    if (bytes && uri) {
      const info = imageInfoFromBytes(bytes);
      img.properties = { ...img.properties, src: uri, alt, decoding: 'async', ...(info ? { width: info.width, height: info.height } : {}) };
      return;
    }
    if (counter.n === before) {
      report(
        createDiagnostic({
          file: guide.path,
          ruleId: 'render/image-not-inlined',
          severity: 'warning',
          message: bytes
            ? `Unexpected file at image \`${src}\` that is not a known image type, expected PNG, JPEG, GIF, SVG, WebP or AVIF`
            : `Unexpected image \`${src}\` that could not be read, expected a readable file (left as a link)`,
          position: imagePosition(guide, src),
          data: { url: src },
        }),
      );
    }
    const link: Element = h('a', { href: src || undefined, className: ['image-link'] }, alt || src || 'image');
    (parent as Element).children[index] = link;
  };
}

/** Long code lines wrap (`codeWrap`) instead of scrolling; the site's stylesheet has the same rule. */
const WRAP_CSS = '.code-wrap pre{white-space:pre-wrap;overflow-wrap:anywhere}';

/** Shared by the single-file and print outputs (print: no navigation, `@page` rules). */
export async function selfContained(guide: Guide, ctx: SingleContext, print: boolean): Promise<SingleResult> {
  const diagnostics: Diagnostic[] = [];
  const counter = { n: 0 };
  const report = (d: Diagnostic): void => {
    counter.n += 1;
    diagnostics.push(d);
    ctx.onDiagnostic?.(d);
  };
  const read = ctx.readAsset ?? (ctx.assets ? createAssetReader(ctx.assets, report) : undefined);
  const article = await renderGuideBody(guide, {
    images: inlineImages(guide, read, report, counter),
    toc: !print,
    components: componentRegistry(ctx.components),
    ...(ctx.strings ? { strings: ctx.strings } : {}),
    // The print page is the PDF of the same guide: its content warnings are the other pages'.
    ...(print ? {} : { onDiagnostic: report }),
  });
  const html = renderPage({
    lang: guide.locale,
    title: guide.title,
    description: guide.description,
    head: [jsonLdScript(guide, ctx)],
    header: print ? undefined : guideHeader(guide, ctx, 'single', undefined),
    main: [article],
    ...(print ? { extraCss: printCss(ctx.paper ?? 'A4') } : {}),
    ...(ctx.codeWrap && !print ? { bodyProperties: { className: ['code-wrap'] }, extraCss: WRAP_CSS } : {}),
  });
  return { html, diagnostics };
}

/**
 * One self-contained page per guide (`single/<locale>/<slug>.html`): CSS inline, images inlined
 * as `data:` URIs, no link to other pages needed. Image paths are read only through the caller's
 * `readAsset`, or through `createAssetReader(ctx.assets)`, which refuses paths leading outside the
 * content root or static folder (`../../etc/passwd`, absolute paths, symlinks out): those images
 * are left as links and reported.
 *
 * @param guide The guide.
 * @param ctx Render context plus `assets` roots.
 * @returns The HTML and the diagnostics (`render/*`).
 */
export function renderSingleHtml(guide: Guide, ctx: SingleContext = {}): Promise<SingleResult> {
  return selfContained(guide, ctx, false);
}
