import { describe, expect, it } from 'vitest';
import { configJsonSchema, loadConfig } from '../src/lib/config.js';
import { makeTree } from './helpers.js';

/** Load a configuration written as text (positions are checked against it). */
async function load(text: string) {
  const root = makeTree({ 'guidekit.config.json': text });
  return loadConfig(root, { cwd: root });
}

describe('the reader site keys of guidekit.config.json', () => {
  it('reads components, author types, chrome words and code wrapping', async () => {
    const config = {
      components: { Callout: 'aside', Video: 'youtube', Badge: 'children', Warn: { as: 'aside', attributes: { type: 'warning' } }, 'x.Tip': 'aside' },
      site: {
        authorType: 'Organization',
        authors: { 'Jeanne Martin': 'Person' },
        codeWrap: true,
        strings: { fr: { staleStep: 'Étape à revoir.', staleGuideMany: 'À revoir : étapes {steps}.' }, pt: { notTranslated: 'por traduzir' } },
      },
    };
    const { config: read, diagnostics } = await load(JSON.stringify(config));
    expect(diagnostics).toEqual([]);
    expect(read.components).toEqual(config.components);
    expect(read.site).toEqual(config.site);
  });

  it('places each bad value at its key with a plain sentence', async () => {
    const text = [
      '{',
      '  "components": { "Callout": "iframe", "Warn": { "as": "aside", "attributes": { "on click": "x" } }, "1x": "aside" },',
      '  "site": {',
      '    "authorType": "Team",',
      '    "strings": { "fr": { "staleGuideOne": "Traduction à revoir.", "stale": "x" }, "fr-CA": { "copy": "Copier" } }',
      '  }',
      '}',
    ].join('\n');
    const { diagnostics } = await load(text);
    const found = diagnostics.map((d) => [d.line, d.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        [2, expect.stringMatching(/^Unexpected text `iframe` at `components\.Callout`, expected `aside` \(a notice\), `youtube`/)],
        [2, expect.stringMatching(/^Unexpected object at `components\.Warn`, at `attributes\.on click`: expected an attribute name/)],
        [2, expect.stringMatching(/^Unexpected text `aside` at `components\.1x`, expected a component name/)],
        [4, expect.stringMatching(/^Unexpected text `Team` at `site\.authorType`, expected one of `Person`, `Organization`$/)],
        [5, expect.stringMatching(/^Unexpected text `Traduction à revoir\.` at `site\.strings\.fr\.staleGuideOne`, expected the `\{steps\}` placeholder/)],
        [5, expect.stringMatching(/^Unexpected key `site\.strings\.fr\.stale`, expected one of `skip`, /)],
        [5, expect.stringMatching(/^Unexpected object at `site\.strings\.fr-CA`, expected a language code/)],
      ]),
    );
    expect(diagnostics.every((d) => d.ruleId === 'config/invalid')).toBe(true);
  });

  it('tells editors the same through the JSON Schema', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const validate = new Ajv2020({ strict: false }).compile(configJsonSchema());
    expect(
      validate({
        components: { Callout: 'aside', Warn: { as: 'youtube', attributes: { id: 'x' } } },
        site: { authorType: 'Organization', strings: { fr: { staleGuideOne: 'Étape {steps}' } } },
      }),
    ).toBe(true);
    expect(validate({ components: { Callout: 'iframe' } })).toBe(false);
    expect(validate({ components: { Callout: { as: 'aside', script: 'x' } } })).toBe(false);
    expect(validate({ site: { strings: { fr: { staleGuideOne: 'no placeholder' } } } })).toBe(false);
    expect(validate({ site: { strings: { fr: { unknownWord: 'x' } } } })).toBe(false);
    expect(validate({ site: { authors: { Team: 'Group' } } })).toBe(false);
  });
});

describe('an invalid configuration', () => {
  it('reports every wrong key and value, and keeps the rest of the file', async () => {
    const text = ['{', '  "sourceLocale": "en",', '  "locales": "fr",', '  "site": { "title": "Docs", "authorType": "Team" },', '  "colour": "blue"', '}'].join(
      '\n',
    );
    const { config, diagnostics } = await load(text);
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual(
      expect.arrayContaining([
        [3, 14, 'Unexpected text `fr` at `locales`, expected a list'],
        [4, 44, 'Unexpected text `Team` at `site.authorType`, expected one of `Person`, `Organization`'],
        [5, 3, expect.stringMatching(/^Unexpected key `colour`, expected one of /)],
      ]),
    );
    expect(diagnostics).toHaveLength(3);
    // What was right still applies: the source locale and the site's title.
    expect(config.sourceLocale).toBe('en');
    expect(config.site?.title).toBe('Docs');
    expect(config.site?.authorType).toBeUndefined();
  });
});
