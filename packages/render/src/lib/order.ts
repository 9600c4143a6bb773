/**
 * Orders for lists the renderers print. Never the machine's locale (`localeCompare` without a
 * locale follows `LANG`): the same content must give the same bytes on every machine, or a build
 * elsewhere rewrites pages for nothing. Identifiers sort with `byCodeUnit` from `@guidekit/model`.
 */

const collators = new Map<string, Intl.Collator>();

/**
 * Text in the order a reader of `locale` expects (`É` next to `E` in French), through a collator
 * for that locale, not the machine's.
 *
 * @param locale The guide's locale (a BCP 47 tag; an unusable one falls back to the root collation).
 */
export function collate(locale: string, a: string, b: string): number {
  let collator = collators.get(locale);
  if (!collator) {
    try {
      collator = new Intl.Collator(locale);
    } catch {
      collator = new Intl.Collator('und');
    }
    collators.set(locale, collator);
  }
  return collator.compare(a, b);
}
