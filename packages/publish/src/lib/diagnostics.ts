import { settleDiagnostics } from '@guidekit/content';
import type { LoadedContent } from '@guidekit/content';
import { sortDiagnostics } from '@guidekit/model';
import type { Diagnostic } from '@guidekit/model';

/** The diagnostics a publish found, by where they came from. */
export interface FoundDiagnostics {
  /** The content loader's (parser, configuration, pairing, images). */
  content: readonly Diagnostic[];
  /** Render diagnostics of units rendered by this build (and of its site steps). */
  rendered: readonly Diagnostic[];
  /** Render diagnostics stored with units that were up to date (already reported by an earlier build). */
  replayed: readonly Diagnostic[];
}

/**
 * The diagnostics to report: content's, and render diagnostics of this build — those of units
 * that were up to date only with `verbose` (a no-op build does not repeat what it reported). With
 * no static folder the loader's one note covers every image: render's per-image "missing image"
 * warnings are dropped. Then configured levels, inline directives and absolute paths, once.
 */
export function settle(found: FoundDiagnostics, content: LoadedContent, verbose: boolean): Diagnostic[] {
  const render = [...found.rendered, ...(verbose ? found.replayed : [])];
  const shown = content.staticDir === null ? render.filter((d) => d.ruleId !== 'render/asset-not-found') : render;
  const config = content.config;
  const settled = settleDiagnostics([...found.content, ...shown], {
    root: content.root,
    settings: { rules: config.rules, overrides: config.overrides },
    readSource: (file) => content.readSource(file),
  });
  return sortDiagnostics(settled);
}
