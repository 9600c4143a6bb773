import type { Guide } from '@guidekit/model';
import { getGuide, guides, sourceLocale, translationsOf } from 'virtual:guidekit';
import { renderGuide } from './render.js';

/** Every locale of the set, the source locale first. */
const locales = [...new Set(guides.map((g) => g.locale))].sort((a, b) =>
  a === sourceLocale ? -1 : b === sourceLocale ? 1 : a.localeCompare(b),
);

/** What the hash says: `#/<locale>` (home) or `#/<locale>/<slug>` (a guide). */
function route(): { locale: string; slug?: string } {
  const [locale, ...rest] = decodeURIComponent(location.hash.replace(/^#\/?/, '')).split('/');
  const known = locale && locales.includes(locale) ? locale : (locales[0] ?? 'en');
  return rest.length ? { locale: known, slug: rest.join('/') } : { locale: known };
}

const hrefOf = (locale: string, slug?: string): string =>
  `#/${encodeURIComponent(locale)}${slug === undefined ? '' : `/${slug.split('/').map(encodeURIComponent).join('/')}`}`;

/** The language switch: on a guide, only the locales it exists in. */
function renderLanguages(current: string, available: readonly string[], slug?: string): void {
  const nav = document.querySelector<HTMLElement>('#languages')!;
  nav.textContent = '';
  for (const locale of available) {
    const a = document.createElement('a');
    a.href = hrefOf(locale, slug);
    a.textContent = locale.toUpperCase();
    a.lang = locale;
    a.dataset.locale = locale;
    if (locale === current) a.setAttribute('aria-current', 'true');
    nav.append(a);
  }
}

/** Home: one row per guide, titled in the chosen locale, with a link to every version. */
function renderHome(locale: string): HTMLElement {
  const main = document.createElement('section');
  const h1 = document.createElement('h1');
  h1.textContent = `Guides (${guides.length})`;
  const ul = document.createElement('ul');
  ul.id = 'guides';
  const slugs = [...new Set(guides.map((g) => g.slug))];
  for (const slug of slugs) {
    const group = translationsOf(slug);
    const versions = [group.source, ...group.translations].filter((g): g is Guide => g !== undefined);
    const shown = versions.find((g) => g.locale === locale) ?? versions[0]!;
    const li = document.createElement('li');
    li.dataset.slug = slug;
    const title = document.createElement('a');
    title.href = hrefOf(shown.locale, slug);
    title.textContent = shown.title;
    title.className = 'title';
    title.lang = shown.locale;
    li.append(title, ' ');
    for (const version of versions) {
      const a = document.createElement('a');
      a.href = hrefOf(version.locale, slug);
      a.textContent = version.locale;
      a.className = 'version';
      a.dataset.guide = `${version.locale}/${slug}`;
      a.title = version.title;
      li.append(' ', a);
    }
    ul.append(li);
  }
  main.append(h1, ul);
  return main;
}

function render(): void {
  const app = document.querySelector<HTMLElement>('#app')!;
  const { locale, slug } = route();
  app.textContent = '';
  const guide = slug === undefined ? undefined : getGuide(slug, locale);
  if (slug !== undefined && guide) {
    const group = translationsOf(slug);
    const available = [group.source, ...group.translations].filter((g): g is Guide => g !== undefined).map((g) => g.locale);
    renderLanguages(locale, available, slug);
    document.documentElement.lang = locale;
    document.title = guide.title;
    app.append(renderGuide(guide));
    return;
  }
  renderLanguages(locale, locales);
  document.documentElement.lang = locale;
  document.title = 'guidekit example';
  app.append(renderHome(locale));
}

window.addEventListener('hashchange', render);
render();

if (import.meta.hot) {
  // Editing a guide re-renders in place instead of reloading the page.
  import.meta.hot.accept('virtual:guidekit', () => location.reload());
}
