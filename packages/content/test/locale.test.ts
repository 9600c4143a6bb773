import { describe, expect, it } from 'vitest';
import { canonicalLocale, isSourceLocale, localeFromFolder, mergeLocaleAliases, splitLocaleSuffix } from '../src/lib/locale.js';

describe('locale detection', () => {
  const aliases = mergeLocaleAliases({ anglais: 'en', Klingon: 'tlh' });

  it('reads BCP 47 folders and canonicalises their case', () => {
    expect(localeFromFolder('fr', aliases)).toBe('fr');
    expect(localeFromFolder('en-us', aliases)).toBe('en-US');
    expect(localeFromFolder('pt-BR', aliases)).toBe('pt-BR');
  });

  it('reads language-name folders in English and in the language itself', () => {
    expect(['french', 'Français', 'english', 'deutsch', 'español', 'italiano', 'português', 'nederlands'].map((n) => localeFromFolder(n, aliases))).toEqual([
      'fr',
      'fr',
      'en',
      'de',
      'es',
      'it',
      'pt',
      'nl',
    ]);
  });

  it('takes configured aliases, case-insensitively', () => {
    expect(localeFromFolder('ANGLAIS', aliases)).toBe('en');
    expect(localeFromFolder('klingon', aliases)).toBe('tlh');
  });

  it('does not mistake ordinary folders for locales', () => {
    for (const name of ['blog', 'images', 'api', 'img', 'docs', 'ui', 'static', '2024']) {
      expect(localeFromFolder(name, aliases), name).toBeUndefined();
    }
  });

  it('splits only real locale suffixes off file stems', () => {
    expect(splitLocaleSuffix('enable-mfa.fr')).toEqual({ stem: 'enable-mfa', locale: 'fr' });
    expect(splitLocaleSuffix('enable-mfa.en-gb')).toEqual({ stem: 'enable-mfa', locale: 'en-GB' });
    expect(splitLocaleSuffix('release.v2')).toEqual({ stem: 'release.v2' });
    expect(splitLocaleSuffix('setup.guide')).toEqual({ stem: 'setup.guide' });
    expect(splitLocaleSuffix('.fr')).toEqual({ stem: '.fr' });
  });

  it('canonicalises or rejects tags', () => {
    expect(canonicalLocale('EN')).toBe('en');
    expect(canonicalLocale('zz')).toBeUndefined();
    expect(canonicalLocale('not a tag')).toBeUndefined();
  });

  it('counts regional variants of a region-less source locale as the source', () => {
    expect(isSourceLocale('fr-CA', 'fr')).toBe(true);
    expect(isSourceLocale('fr', 'fr-CA')).toBe(false);
    expect(isSourceLocale('en', 'fr')).toBe(false);
  });
});
