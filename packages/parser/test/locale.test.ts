import { GuideSchema } from '@guidekit/model';
import { describe, expect, test } from 'vitest';
import { parseGuide } from '../src/index.js';

const body = '## Step 1: Open the portal\nText.\n';
const where = (d: { line: number; column: number; severity: string; ruleId: string }) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`;

describe('parseGuide without a locale', () => {
  test.each([
    ['guides/enable-mfa.fr.md', 'fr', 'enable-mfa'],
    ['enable-mfa.en-US.mdx', 'en-US', 'enable-mfa'],
    ['enable-mfa.pt_BR.md', 'pt-BR', 'enable-mfa'],
    ['content/de/enable-mfa.md', 'de', 'enable-mfa'],
    ['content/en-gb/nested/enable-mfa.md', 'en-GB', 'enable-mfa'],
    ['C:\\site\\fr\\enable-mfa.md', 'fr', 'enable-mfa'],
    ['blog/french/enable-mfa.md', 'fr', 'enable-mfa'],
    ['blog/English/enable-mfa.md', 'en', 'enable-mfa'],
  ])('%s is read as %s', (path, locale, slug) => {
    const { guide, diagnostics } = parseGuide(body, { path });
    expect(diagnostics).toEqual([]);
    expect([guide.locale, guide.slug]).toEqual([locale, slug]);
  });

  test('the front matter locale wins over the path', () => {
    const { guide, diagnostics } = parseGuide(`---\nlocale: es\n---\n${body}`, { path: 'fr/x.md' });
    expect(diagnostics).toEqual([]);
    expect(guide.locale).toBe('es');
  });

  test('the option wins over everything', () => {
    expect(parseGuide(`---\nlocale: es\n---\n${body}`, { path: 'x.fr.md', locale: 'it' }).guide.locale).toBe('it');
  });

  test.each([['notes/enable-mfa.md'], ['src/doc/x.md'], ['']])('%j: `und` with a warning, never a TypeError', (path) => {
    const { guide, diagnostics } = parseGuide(body, { path });
    expect(guide.locale).toBe('und');
    expect(GuideSchema.safeParse(guide).success).toBe(true);
    expect(diagnostics.map(where)).toEqual(['1:1 warning parse/locale-unknown']);
    expect(diagnostics[0]?.message).toContain('expected a locale in its name (`x.fr.md`), its folder (`fr/x.md`)');
  });

  test('no options at all', () => {
    const { guide, diagnostics } = parseGuide(body);
    expect(guide.steps.map((s) => s.title)).toEqual(['Open the portal']);
    expect(diagnostics.map(where)).toEqual(['1:1 warning parse/locale-unknown']);
    expect(diagnostics[0]?.message).toBe(
      'Unexpected guide with no locale, expected a locale in its name (`x.fr.md`), its folder (`fr/x.md`), its front matter (`locale: fr`) or the `locale` option (read as `und`)',
    );
  });
});
