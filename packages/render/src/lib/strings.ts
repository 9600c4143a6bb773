/**
 * Words of the page chrome that a project may replace or add per locale in its configuration
 * (plain strings; `{steps}` stands for a list of step numbers, `{title}` for a guide's title).
 */
export interface UiTexts {
  skip: string;
  step: string;
  steps: string;
  languages: string;
  home: string;
  guides: string;
  allLanguages: string;
  article: string;
  video: string;
  watchOnYoutube: string;
  search: string;
  searchPlaceholder: string;
  theme: string;
  copy: string;
  copied: string;
  previous: string;
  next: string;
  breadcrumb: string;
  sidebar: string;
  otherGuides: string;
  moreInCategory: string;
  staleGuide: string;
  staleGuideOne: string;
  staleGuideMany: string;
  staleStep: string;
  sourceStep: string;
  notTranslated: string;
}

/** Chrome words, with the counted phrase. */
export interface UiStrings extends UiTexts {
  stepsCount: (n: number) => string;
}

type Texts = Record<string, UiTexts>;

const TEXTS: Texts = {
  en: {
    staleGuide: 'This translation may be out of date — the source changed since it was translated.',
    step: 'Step',
    skip: 'Skip to content',
    steps: 'Steps',
    languages: 'Languages',
    home: 'Home',
    guides: 'Guides',
    allLanguages: 'All languages',
    article: 'article',
    video: 'Video',
    watchOnYoutube: 'watch on YouTube',
    search: 'Search',
    searchPlaceholder: 'Search the guides',
    theme: 'Dark theme',
    copy: 'Copy',
    copied: 'Copied',
    previous: 'Previous',
    next: 'Next',
    breadcrumb: 'Breadcrumb',
    sidebar: 'Guides of this site',
    otherGuides: 'Other guides',
    moreInCategory: 'All guides of this category',
    staleGuideOne: 'This translation may be out of date — the source changed in step {steps}.',
    staleGuideMany: 'This translation may be out of date — the source changed in steps {steps}.',
    staleStep: 'This step may be out of date.',
    sourceStep: 'Read the source step',
    notTranslated: 'not translated yet',
  },
  fr: {
    staleGuide: 'Cette traduction n’est peut-être plus à jour — la source a changé depuis.',
    step: 'Étape',
    skip: 'Aller au contenu',
    steps: 'Étapes',
    languages: 'Langues',
    home: 'Accueil',
    guides: 'Guides',
    allLanguages: 'Toutes les langues',
    article: 'article',
    video: 'Vidéo',
    watchOnYoutube: 'voir sur YouTube',
    search: 'Rechercher',
    searchPlaceholder: 'Rechercher dans les guides',
    theme: 'Thème sombre',
    copy: 'Copier',
    copied: 'Copié',
    previous: 'Précédent',
    next: 'Suivant',
    breadcrumb: 'Fil d’Ariane',
    sidebar: 'Guides du site',
    otherGuides: 'Autres guides',
    moreInCategory: 'Tous les guides de cette catégorie',
    staleGuideOne: 'Cette traduction n’est peut-être plus à jour — la source a changé à l’étape {steps}.',
    staleGuideMany: 'Cette traduction n’est peut-être plus à jour — la source a changé aux étapes {steps}.',
    staleStep: 'Cette étape n’est peut-être plus à jour.',
    sourceStep: 'Lire l’étape source',
    notTranslated: 'pas encore traduit',
  },
  es: {
    staleGuide: 'Esta traducción puede estar desactualizada: el original cambió desde entonces.',
    step: 'Paso',
    skip: 'Ir al contenido',
    steps: 'Pasos',
    languages: 'Idiomas',
    home: 'Inicio',
    guides: 'Guías',
    allLanguages: 'Todos los idiomas',
    article: 'artículo',
    video: 'Vídeo',
    watchOnYoutube: 'ver en YouTube',
    search: 'Buscar',
    searchPlaceholder: 'Buscar en las guías',
    theme: 'Tema oscuro',
    copy: 'Copiar',
    copied: 'Copiado',
    previous: 'Anterior',
    next: 'Siguiente',
    breadcrumb: 'Ruta de navegación',
    sidebar: 'Guías del sitio',
    otherGuides: 'Otras guías',
    moreInCategory: 'Todas las guías de esta categoría',
    staleGuideOne: 'Esta traducción puede estar desactualizada: el original cambió en el paso {steps}.',
    staleGuideMany: 'Esta traducción puede estar desactualizada: el original cambió en los pasos {steps}.',
    staleStep: 'Este paso puede estar desactualizado.',
    sourceStep: 'Leer el paso original',
    notTranslated: 'aún no traducido',
  },
  de: {
    staleGuide: 'Diese Übersetzung ist möglicherweise veraltet – das Original wurde seitdem geändert.',
    step: 'Schritt',
    skip: 'Zum Inhalt',
    steps: 'Schritte',
    languages: 'Sprachen',
    home: 'Startseite',
    guides: 'Anleitungen',
    allLanguages: 'Alle Sprachen',
    article: 'Artikel',
    video: 'Video',
    watchOnYoutube: 'auf YouTube ansehen',
    search: 'Suchen',
    searchPlaceholder: 'Anleitungen durchsuchen',
    theme: 'Dunkles Design',
    copy: 'Kopieren',
    copied: 'Kopiert',
    previous: 'Zurück',
    next: 'Weiter',
    breadcrumb: 'Brotkrümelnavigation',
    sidebar: 'Anleitungen dieser Website',
    otherGuides: 'Weitere Anleitungen',
    moreInCategory: 'Alle Anleitungen dieser Kategorie',
    staleGuideOne: 'Diese Übersetzung ist möglicherweise veraltet – das Original wurde in Schritt {steps} geändert.',
    staleGuideMany: 'Diese Übersetzung ist möglicherweise veraltet – das Original wurde in den Schritten {steps} geändert.',
    staleStep: 'Dieser Schritt ist möglicherweise veraltet.',
    sourceStep: 'Originalschritt lesen',
    notTranslated: 'noch nicht übersetzt',
  },
  it: {
    staleGuide: 'Questa traduzione potrebbe non essere aggiornata: l’originale è cambiato da allora.',
    step: 'Passaggio',
    skip: 'Vai al contenuto',
    steps: 'Passaggi',
    languages: 'Lingue',
    home: 'Home',
    guides: 'Guide',
    allLanguages: 'Tutte le lingue',
    article: 'articolo',
    video: 'Video',
    watchOnYoutube: 'guarda su YouTube',
    search: 'Cerca',
    searchPlaceholder: 'Cerca nelle guide',
    theme: 'Tema scuro',
    copy: 'Copia',
    copied: 'Copiato',
    previous: 'Precedente',
    next: 'Successivo',
    breadcrumb: 'Percorso',
    sidebar: 'Guide del sito',
    otherGuides: 'Altre guide',
    moreInCategory: 'Tutte le guide di questa categoria',
    staleGuideOne: 'Questa traduzione potrebbe non essere aggiornata: l’originale è cambiato al passaggio {steps}.',
    staleGuideMany: 'Questa traduzione potrebbe non essere aggiornata: l’originale è cambiato ai passaggi {steps}.',
    staleStep: 'Questo passaggio potrebbe non essere aggiornato.',
    sourceStep: 'Leggi il passaggio originale',
    notTranslated: 'non ancora tradotto',
  },
  pt: {
    staleGuide: 'Esta tradução pode estar desatualizada: o original mudou desde então.',
    step: 'Etapa',
    skip: 'Ir para o conteúdo',
    steps: 'Etapas',
    languages: 'Idiomas',
    home: 'Início',
    guides: 'Guias',
    allLanguages: 'Todos os idiomas',
    article: 'artigo',
    video: 'Vídeo',
    watchOnYoutube: 'ver no YouTube',
    search: 'Pesquisar',
    searchPlaceholder: 'Pesquisar nos guias',
    theme: 'Tema escuro',
    copy: 'Copiar',
    copied: 'Copiado',
    previous: 'Anterior',
    next: 'Seguinte',
    breadcrumb: 'Trilha de navegação',
    sidebar: 'Guias do site',
    otherGuides: 'Outros guias',
    moreInCategory: 'Todos os guias desta categoria',
    staleGuideOne: 'Esta tradução pode estar desatualizada: o original mudou na etapa {steps}.',
    staleGuideMany: 'Esta tradução pode estar desatualizada: o original mudou nas etapas {steps}.',
    staleStep: 'Esta etapa pode estar desatualizada.',
    sourceStep: 'Ler a etapa original',
    notTranslated: 'ainda não traduzido',
  },
  nl: {
    staleGuide: 'Deze vertaling is mogelijk verouderd: de bron is sindsdien gewijzigd.',
    step: 'Stap',
    skip: 'Naar de inhoud',
    steps: 'Stappen',
    languages: 'Talen',
    home: 'Home',
    guides: 'Handleidingen',
    allLanguages: 'Alle talen',
    article: 'artikel',
    video: 'Video',
    watchOnYoutube: 'bekijken op YouTube',
    search: 'Zoeken',
    searchPlaceholder: 'Zoeken in de handleidingen',
    theme: 'Donker thema',
    copy: 'Kopiëren',
    copied: 'Gekopieerd',
    previous: 'Vorige',
    next: 'Volgende',
    breadcrumb: 'Kruimelpad',
    sidebar: 'Handleidingen van deze site',
    otherGuides: 'Andere handleidingen',
    moreInCategory: 'Alle handleidingen van deze categorie',
    staleGuideOne: 'Deze vertaling is mogelijk verouderd: de bron is gewijzigd in stap {steps}.',
    staleGuideMany: 'Deze vertaling is mogelijk verouderd: de bron is gewijzigd in de stappen {steps}.',
    staleStep: 'Deze stap is mogelijk verouderd.',
    sourceStep: 'Lees de bronstap',
    notTranslated: 'nog niet vertaald',
  },
};

const COUNTS: Record<string, (n: number) => string> = {
  en: (n) => `${n} step${n === 1 ? '' : 's'}`,
  fr: (n) => `${n} étape${n > 1 ? 's' : ''}`,
  es: (n) => `${n} paso${n === 1 ? '' : 's'}`,
  de: (n) => `${n} Schritt${n === 1 ? '' : 'e'}`,
  it: (n) => (n === 1 ? '1 passaggio' : `${n} passaggi`),
  pt: (n) => `${n} etapa${n === 1 ? '' : 's'}`,
  nl: (n) => `${n} stap${n === 1 ? '' : 'pen'}`,
};

/** Chrome words a project adds or replaces, by language (`{ "fr": { "notTranslated": "…" } }`). */
export type UiTextOverrides = Readonly<Record<string, Partial<UiTexts>>>;

const STRINGS = new Map<string, UiStrings>();
const overridden = new WeakMap<UiTextOverrides, Map<string, UiStrings>>();

/**
 * Chrome words for a BCP 47 tag (`fr-CA` uses `fr`; other languages use English), with a
 * project's own words on top.
 *
 * @param locale A BCP 47 tag.
 * @param overrides A project's words by language.
 */
export function uiStrings(locale: string, overrides?: UiTextOverrides): UiStrings {
  const lang = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  const cache = overrides ? (overridden.get(overrides) ?? new Map<string, UiStrings>()) : STRINGS;
  if (overrides && !overridden.has(overrides)) overridden.set(overrides, cache);
  let s = cache.get(lang);
  if (!s) {
    const own = overrides && Object.hasOwn(overrides, lang) ? overrides[lang] : undefined;
    const base = TEXTS[lang] ?? (TEXTS['en'] as UiTexts);
    s = { ...base, ...own, stepsCount: COUNTS[lang] ?? (COUNTS['en'] as (n: number) => string) };
    cache.set(lang, s);
  }
  return s;
}

/**
 * A list of step numbers in a language (`3 and 5`, `3 et 5`), through `Intl.ListFormat`.
 *
 * @param locale A BCP 47 tag.
 * @param labels Step labels.
 */
export function stepList(locale: string, labels: readonly string[]): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(labels);
  } catch {
    return labels.join(', ');
  }
}

/**
 * The name of a language in that language (`fr` → `français`), for the language switcher.
 *
 * @param locale A BCP 47 tag.
 */
export function languageName(locale: string): string {
  let name = languageNames.get(locale);
  if (name === undefined) {
    name = computeLanguageName(locale);
    languageNames.set(locale, name);
  }
  return name;
}

// Intl.DisplayNames is slow to build: one name per locale per process.
const languageNames = new Map<string, string>();

function computeLanguageName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    if (!name) return locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

/** Text direction of a language (right-to-left scripts get `rtl`). */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  const lang = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return ['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb'].includes(lang) ? 'rtl' : 'ltr';
}

/** A BCP 47 tag the browser accepts in `lang`, or `und` for anything malformed. */
export function safeLang(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'und';
  } catch {
    return 'und';
  }
}
