import type { Diagnostic } from '@guidekit/model';
import { configComponents } from './components.js';
import type { ComponentDefinitions } from './components.js';
import type { RenderContext } from './context.js';
import type { FormatContext } from './format.js';
import type { UiTextOverrides, UiTexts } from './strings.js';

/**
 * How a format's pages read, from the project's configuration (`components`, `site.strings`,
 * `site.codeWrap`, `site.authorType`, `site.authors` of `guidekit.config.json`) with the
 * format's options (`publish({ formatOptions })`, for code) over it.
 */
export type PageSettings = Pick<RenderContext, 'components' | 'strings' | 'codeWrap'> & {
  authorType?: 'Person' | 'Organization';
  authors?: Readonly<Record<string, 'Person' | 'Organization'>>;
};

/** The options a format takes for its pages (the html format's, also read by the single-file format). */
interface PageOptions {
  components?: ComponentDefinitions;
  strings?: UiTextOverrides;
  codeWrap?: boolean;
  authorType?: 'Person' | 'Organization';
  authors?: Readonly<Record<string, 'Person' | 'Organization'>>;
}

// One object per format context, so the component registry and the strings cache built from it
// are built once per build (both are cached by object identity).
const settings = new WeakMap<FormatContext, PageSettings>();

/** Per-language words of the configuration, then of the options, one language at a time. */
function mergeStrings(config: FormatContext['config'], own: UiTextOverrides | undefined): UiTextOverrides | undefined {
  const base = (config.site?.strings ?? {}) as Readonly<Record<string, Partial<UiTexts>>>;
  if (!own) return Object.keys(base).length > 0 ? base : undefined;
  const merged: Record<string, Partial<UiTexts>> = { ...base };
  for (const [lang, words] of Object.entries(own)) merged[lang] = { ...merged[lang], ...words };
  return merged;
}

/**
 * A format's page settings, merged once per build.
 *
 * @param ctx The format's context (its configuration and options).
 * @returns Components, chrome words, code wrapping and author types; absent fields are defaults.
 */
export function pageSettings(ctx: FormatContext): PageSettings {
  const known = settings.get(ctx);
  if (known) return known;
  const o = ctx.options as PageOptions;
  const site = ctx.config.site ?? {};
  const configured = ctx.config.components ? configComponents(ctx.config.components) : undefined;
  const components = configured && o.components ? { ...configured, ...o.components } : (o.components ?? configured);
  const strings = mergeStrings(ctx.config, o.strings);
  const authorType = o.authorType ?? site.authorType;
  const authors = site.authors || o.authors ? { ...site.authors, ...o.authors } : undefined;
  const result: PageSettings = {
    ...(components ? { components } : {}),
    ...(strings ? { strings } : {}),
    ...((o.codeWrap ?? site.codeWrap) ? { codeWrap: true } : {}),
    ...(authorType ? { authorType } : {}),
    ...(authors ? { authors } : {}),
  };
  settings.set(ctx, result);
  return result;
}

/** Rules reported once per build rather than at every guide or format that meets them. */
const ONCE_PER_BUILD = 'render/unknown-component';

/**
 * A diagnostics sink for one render of a build: an unknown component is reported once per
 * component name per build (at the first guide that uses it, whatever the format), and an
 * alt-text warning once per image however many formats render it; the rest passes.
 *
 * @param ctx The format's context (its `memo` is shared by every format of the build).
 * @param into Where the kept diagnostics go.
 * @returns The sink.
 */
export function buildReporter(ctx: FormatContext, into: Diagnostic[]): (d: Diagnostic) => void {
  let seen = ctx.memo.get('render/reported') as Set<string> | undefined;
  if (!seen) {
    seen = new Set();
    ctx.memo.set('render/reported', seen);
  }
  const reported = seen;
  return (d) => {
    const key =
      d.ruleId === ONCE_PER_BUILD
        ? `${d.ruleId}\0${String((d.data as { name?: unknown } | undefined)?.name)}`
        : d.ruleId === 'render/alt-text'
          ? `${d.ruleId}\0${d.file}\0${d.line}\0${d.column}`
          : undefined;
    if (key !== undefined) {
      if (reported.has(key)) return;
      reported.add(key);
    }
    into.push(d);
  };
}
