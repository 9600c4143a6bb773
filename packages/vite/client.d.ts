/*
 * Ambient types for apps using the guidekit Vite plugin without its `dts` option:
 * add `/// <reference types="@guidekit/vite/client" />` (or list it in `compilerOptions.types`).
 * With `dts`, the generated file declares the same modules with literal slug and locale unions.
 */

declare module '*.md?guide' {
  import type { Guide } from '@guidekit/model';
  /** The guide parsed from this file. */
  const guide: Guide;
  export default guide;
}

declare module '*.mdx?guide' {
  import type { Guide } from '@guidekit/model';
  /** The guide parsed from this file. */
  const guide: Guide;
  export default guide;
}

declare module 'virtual:guidekit' {
  import type { Guide } from '@guidekit/model';
  export type { Guide };
  /** Every slug (plain strings here; literal with the plugin's `dts` option). */
  export type GuideSlug = string;
  /** Every locale. */
  export type GuideLocale = string;
  /** The source version of a guide and its translations. */
  export interface GuideTranslations {
    readonly slug: string;
    readonly source: Guide | undefined;
    readonly translations: readonly Guide[];
  }
  /** A guide in the catalogue, without its body. */
  export interface GuideSummary {
    readonly slug: string;
    readonly locale: string;
    readonly title: string;
    readonly kind: Guide['kind'];
    readonly steps: number;
  }
  /** Every guide, sorted by slug then locale. */
  export const guides: readonly Guide[];
  /** Locale the guides are written in first. */
  export const sourceLocale: string | undefined;
  /** Every guide without its body. */
  export const catalog: readonly GuideSummary[];
  /** One guide by slug and locale; undefined when there is none. */
  export function getGuide(slug: string, locale: string): Guide | undefined;
  /** The source version of a guide and its translations. */
  export function translationsOf(slug: string): GuideTranslations;
  /** Load one guide on demand (its own chunk once bundled). */
  export function loadGuide(slug: string, locale: string): Promise<Guide | undefined>;
}

declare module 'virtual:guidekit/lazy' {
  export { catalog, loadGuide } from 'virtual:guidekit';
  export type { GuideSummary } from 'virtual:guidekit';
}
