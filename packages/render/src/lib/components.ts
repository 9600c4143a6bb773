import type { Element, ElementContent } from 'hast';
import { NOTICE_TYPES } from './sanitize-schema.js';
import { uiStrings } from './strings.js';

/** What a component renderer gets: the attributes written as plain strings, and its rendered children. */
export interface ComponentProps {
  /** The name as written (`Notice`, `Youtube`, `tip` for `:::tip`). */
  name: string;
  /** String attributes only: expressions (`{...}`) are never evaluated, so they are absent. */
  attributes: Readonly<Record<string, string>>;
  /** The children, already converted to hast (they are sanitized with the result). */
  children: ElementContent[];
  /** Whether the component stands inside a paragraph (`<Notice>` on a line of text). */
  inline: boolean;
  /** The guide's locale, for words the component adds. */
  locale: string;
}

/**
 * A component renderer: props in, hast out. Its result goes through the page's sanitizer like
 * any content, so a renderer can never let a script, handler or `javascript:` URL through; a
 * block element it returns inside a paragraph is moved out of the paragraph.
 */
export type ComponentRenderer = (props: ComponentProps) => ElementContent[];

/**
 * A component defined in configuration (JSON has no functions): another component's renderer
 * with fixed attributes, e.g. `{ "Callout": { "as": "Notice", "attributes": { "type": "tip" } } }`.
 */
export interface ComponentAlias {
  as: string;
  attributes?: Readonly<Record<string, string>>;
}

/** Components a project adds or replaces, by name: renderers (from code) or aliases (from config). */
export type ComponentDefinitions = Readonly<Record<string, ComponentRenderer | ComponentAlias>>;

/** Name → renderer, the defaults merged with a project's definitions. */
export type ComponentRegistry = ReadonlyMap<string, ComponentRenderer>;

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

const BLOCK = /^(p|ul|ol|pre|div|blockquote|table|h[1-6]|aside|figure)$/;

/** A flow notice written on one line holds phrasing only: give it a paragraph. */
function wrapInline(children: ElementContent[]): ElementContent[] {
  const block = children.some((c) => c.type === 'element' && BLOCK.test(c.tagName));
  return block || children.length === 0 ? children : [el('p', {}, children)];
}

/** `<Notice type>` / `<Aside type>` / `:::tip` → `<aside class="notice notice-TYPE" role="note">`, out of any paragraph. */
export const notice: ComponentRenderer = ({ attributes, children }) => {
  const t = attributes['type'] ?? 'note';
  const type = (NOTICE_TYPES as readonly string[]).includes(t) ? t : t === 'caution' || t === 'danger' ? 'warning' : 'note';
  const content = wrapInline(children);
  const title = attributes['title'];
  if (title) content.unshift(el('p', { className: ['notice-title'] }, [{ type: 'text', value: title }]));
  return [el('aside', { className: ['notice', `notice-${type}`], role: 'note' }, content)];
};

/**
 * `<Youtube id title>` → a figure with the video's thumbnail and a link to the video on YouTube:
 * no frame and no third-party script, one image request when the reader scrolls to it. A bad id
 * gives the title alone (nothing to link to).
 */
export const youtube: ComponentRenderer = ({ attributes, locale }) => {
  const id = attributes['id'] ?? '';
  const t = uiStrings(locale);
  const title = attributes['title'] ?? t.video;
  if (!/^[\w-]{1,64}$/.test(id)) return [el('p', {}, [{ type: 'text', value: title }])];
  const href = `https://www.youtube.com/watch?v=${id}`;
  // The thumbnail is not itself a link: the single-file page turns a remote image into a link,
  // which must not end up inside another one.
  const thumb = el('img', { src: `https://i.ytimg.com/vi/${id}/hqdefault.jpg`, alt: title, width: 480, height: 360 }, []);
  return [
    el('figure', { className: ['video'] }, [thumb, el('figcaption', {}, [el('a', { href }, [{ type: 'text', value: `${title} — ${t.watchOnYoutube}` }])])]),
  ];
};

/** `children`: the component's content alone, as an unknown component gets, without the warning. */
export const childrenOnly: ComponentRenderer = ({ children }) => children;

/** The renderers a configuration file may name (JSON has no functions): `aside`, `youtube`, `children`. */
export const COMPONENT_KINDS: Readonly<Record<string, ComponentRenderer>> = { aside: notice, youtube, children: childrenOnly };

/** A component as `guidekit.config.json` writes it: a kind, or a kind with fixed attributes. */
export type ConfiguredComponent = string | { as: string; attributes?: Readonly<Record<string, string>> | undefined };

const configured = new WeakMap<object, ComponentDefinitions>();

/**
 * The components of a configuration (`components` in `guidekit.config.json`) as definitions:
 * each name renders with the kind it names (`aside`, `youtube`, `children`), the fixed attributes
 * under those the guide writes. A name whose kind render does not ship is left out (the
 * configuration's schema refuses it first). Cached per configuration object, so the registry
 * built from it is too.
 *
 * @param config Name → kind or `{ as, attributes }`.
 * @returns Name → renderer.
 */
export function configComponents(config: Readonly<Record<string, ConfiguredComponent>>): ComponentDefinitions {
  const cached = configured.get(config);
  if (cached) return cached;
  const defs: Record<string, ComponentRenderer> = {};
  for (const [name, value] of Object.entries(config)) {
    const kind = typeof value === 'string' ? value : value.as;
    const render = Object.hasOwn(COMPONENT_KINDS, kind) ? COMPONENT_KINDS[kind] : undefined;
    if (!render) continue;
    const fixed = typeof value === 'string' ? {} : (value.attributes ?? {});
    defs[name] = (props) => render({ ...props, attributes: { ...fixed, ...props.attributes } });
  }
  configured.set(config, defs);
  return defs;
}

const DEFAULTS: Readonly<Record<string, ComponentRenderer | ComponentAlias>> = {
  Notice: notice,
  Aside: notice,
  Callout: notice,
  Youtube: youtube,
  YouTube: youtube,
  // `:::name` containers (lowercase names are reachable from `:::` only: `<tip>` is an HTML element).
  note: { as: 'Notice', attributes: { type: 'note' } },
  info: { as: 'Notice', attributes: { type: 'info' } },
  tip: { as: 'Notice', attributes: { type: 'tip' } },
  warning: { as: 'Notice', attributes: { type: 'warning' } },
  caution: { as: 'Notice', attributes: { type: 'warning' } },
  danger: { as: 'Notice', attributes: { type: 'warning' } },
};

const registries = new WeakMap<object, ComponentRegistry>();

/**
 * The component registry: the defaults (`Notice`, `Aside`, `Callout`, `Youtube`, and the
 * `:::note|info|tip|warning|caution|danger` containers) with a project's definitions on top. An
 * alias to an unknown name is left out. Cached per definitions object.
 *
 * @param extra A project's components (renderers or aliases), by name.
 * @returns Name → renderer.
 */
export function componentRegistry(extra?: ComponentDefinitions): ComponentRegistry {
  const key = extra ?? DEFAULTS;
  const cached = registries.get(key);
  if (cached) return cached;
  const all = { ...DEFAULTS, ...extra };
  const map = new Map<string, ComponentRenderer>();
  const resolve = (name: string, depth: number): ComponentRenderer | undefined => {
    const def = Object.hasOwn(all, name) ? all[name] : undefined;
    if (typeof def === 'function' || def === undefined) return def;
    if (depth > 8 || typeof def !== 'object' || typeof def.as !== 'string') return undefined;
    const target = resolve(def.as, depth + 1);
    const fixed = def.attributes ?? {};
    return target && ((props) => target({ ...props, attributes: { ...fixed, ...props.attributes } }));
  };
  for (const name of Object.keys(all)) {
    const r = resolve(name, 0);
    if (r) map.set(name, r);
  }
  registries.set(key, map);
  return map;
}
