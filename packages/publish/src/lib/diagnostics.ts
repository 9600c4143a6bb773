import * as path from 'node:path';
import { settleDiagnostics } from '@guidekit/content';
import type { LoadedContent } from '@guidekit/content';
import { sortDiagnostics } from '@guidekit/model';
import type { Diagnostic } from '@guidekit/model';
import { readText } from './fs.js';

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
 * Whether the loader's one note covers a render diagnostic: with no static folder, render's
 * per-image "missing image" warnings say nothing the `content/no-static-dir` note does not.
 */
export function coveredByLoader(d: Diagnostic, staticDir: string | null): boolean {
  return staticDir === null && d.ruleId === 'render/asset-not-found';
}

/**
 * The diagnostics to report: content's, and render diagnostics of this build — those of units
 * that were up to date only with `verbose` (a no-op build does not repeat what it reported). With
 * no static folder the loader's one note covers every image: render's per-image "missing image"
 * warnings are dropped. Then configured levels, inline directives and absolute paths, once.
 */
export function settle(found: FoundDiagnostics, content: LoadedContent, verbose: boolean): Diagnostic[] {
  const render = [...found.rendered, ...(verbose ? found.replayed : [])];
  const shown = render.filter((d) => !coveredByLoader(d, content.staticDir));
  const config = content.config;
  const settled = settleDiagnostics([...found.content, ...shown], {
    root: content.root,
    settings: { rules: config.rules, overrides: config.overrides },
    // Read once per file and let go: the loader's `readSource` keeps every text it read.
    readSource: (file) => readText(path.resolve(content.root, file)),
  });
  return sortDiagnostics(settled);
}
