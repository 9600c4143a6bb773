/** Words of the page chrome, per language; other languages fall back to English. */
export interface UiStrings {
  skip: string;
  step: string;
  steps: string;
  languages: string;
  home: string;
  guides: string;
  allLanguages: string;
  stepsCount: (n: number) => string;
  article: string;
}

const STRINGS: Record<string, UiStrings> = {
  en: { step: 'Step', skip: 'Skip to content', steps: 'Steps', languages: 'Languages', home: 'Home', guides: 'Guides', allLanguages: 'All languages', stepsCount: (n) => `${n} step${n === 1 ? '' : 's'}`, article: 'article' },
  fr: { step: 'Étape', skip: 'Aller au contenu', steps: 'Étapes', languages: 'Langues', home: 'Accueil', guides: 'Guides', allLanguages: 'Toutes les langues', stepsCount: (n) => `${n} étape${n > 1 ? 's' : ''}`, article: 'article' },
  es: { step: 'Paso', skip: 'Ir al contenido', steps: 'Pasos', languages: 'Idiomas', home: 'Inicio', guides: 'Guías', allLanguages: 'Todos los idiomas', stepsCount: (n) => `${n} paso${n === 1 ? '' : 's'}`, article: 'artículo' },
  de: { step: 'Schritt', skip: 'Zum Inhalt', steps: 'Schritte', languages: 'Sprachen', home: 'Startseite', guides: 'Anleitungen', allLanguages: 'Alle Sprachen', stepsCount: (n) => `${n} Schritt${n === 1 ? '' : 'e'}`, article: 'Artikel' },
  it: { step: 'Passaggio', skip: 'Vai al contenuto', steps: 'Passaggi', languages: 'Lingue', home: 'Home', guides: 'Guide', allLanguages: 'Tutte le lingue', stepsCount: (n) => (n === 1 ? '1 passaggio' : `${n} passaggi`), article: 'articolo' },
  pt: { step: 'Etapa', skip: 'Ir para o conteúdo', steps: 'Etapas', languages: 'Idiomas', home: 'Início', guides: 'Guias', allLanguages: 'Todos os idiomas', stepsCount: (n) => `${n} etapa${n === 1 ? '' : 's'}`, article: 'artigo' },
  nl: { step: 'Stap', skip: 'Naar de inhoud', steps: 'Stappen', languages: 'Talen', home: 'Home', guides: 'Handleidingen', allLanguages: 'Alle talen', stepsCount: (n) => `${n} stap${n === 1 ? '' : 'pen'}`, article: 'artikel' },
};

/**
 * Chrome words for a BCP 47 tag (`fr-CA` uses `fr`).
 *
 * @param locale A BCP 47 tag.
 */
export function uiStrings(locale: string): UiStrings {
  const lang = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return STRINGS[lang] ?? (STRINGS['en'] as UiStrings);
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
