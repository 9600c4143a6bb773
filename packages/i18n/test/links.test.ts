import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../src/index.js';

const key = (url: string, patterns?: string[]) => normaliseUrl(url, { locales: ['fr', 'en'], patterns });

describe('normaliseUrl', () => {
  it('ignores locale path segments, sub-domains, parameters and fragments', () => {
    expect(key('https://learn.microsoft.com/fr-ca/azure/x')).toBe(key('https://learn.microsoft.com/en-us/azure/x'));
    expect(key('https://learn.microsoft.com/fr-fr/azure/x/')).toBe(key('https://learn.microsoft.com/azure/x'));
    expect(key('https://example.com/fr/blog/post')).toBe(key('https://example.com/en/blog/post'));
    expect(key('https://fr.wikipedia.org/wiki/X')).toBe(key('https://en.wikipedia.org/wiki/X'));
    expect(key('https://support.google.com/a?hl=fr&topic=1')).toBe(key('https://support.google.com/a?topic=1&hl=en'));
    expect(key('https://example.com/a?lang=fr')).toBe(key('https://example.com/a?lang=en'));
    expect(key('https://example.com/doc#etape-1')).toBe(key('https://example.com/doc#step-1'));
    expect(key('https://VOTRE_TENANT.sharepoint.com/x')).toBe(key('https://YOUR_TENANT.sharepoint.com/x'));
  });

  it('keeps real differences', () => {
    expect(key('https://learn.microsoft.com/fr-ca/azure/x')).not.toBe(key('https://learn.microsoft.com/en-us/azure/y'));
    expect(key('/images/a.png')).not.toBe(key('/images/b.png'));
    expect(key('https://example.com/a?topic=1')).not.toBe(key('https://example.com/a?topic=2'));
    // Only the two languages of the pair are locale markers: `/de/` is a real path segment here.
    expect(key('https://example.com/de/x')).not.toBe(key('https://example.com/x'));
  });

  it('applies configured patterns (i18n.linkLocalePatterns)', () => {
    expect(key('https://example.com/francais/item')).not.toBe(key('https://example.com/english/item'));
    const patterns = ['/(?:francais|english)(?=/)'];
    expect(key('https://example.com/francais/item', patterns)).toBe(key('https://example.com/english/item', patterns));
    expect(key('https://example.com/francais/item', patterns)).not.toBe(key('https://example.com/english/other', patterns));
  });
});
