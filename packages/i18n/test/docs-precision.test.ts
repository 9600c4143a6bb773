import { describe, expect, it } from 'vitest';
import { lintPair } from '../src/index.js';
import { doc } from './helpers/docs.js';

// Docs-shaped pairs written for these tests (English source, French or German translation):
// what translators change on purpose must stay quiet, what breaks the page must be reported
// at its own line.
const run = (en: string, translation: string, locale = 'fr') =>
  lintPair({ source: doc(en, 'en', 'guides/lamps.mdx', 'lamps'), translation: doc(translation, locale, `${locale}/guides/lamps.mdx`, 'lamps') }).map((d) => [
    d.ruleId,
    d.line,
    d.column,
    d.message,
  ]);

const fence = (lang: string, body: string, ticks = '```') => `${ticks}${lang}\n${body}\n${ticks}`;

describe('anchors resolved through the alignment', () => {
  const en =
    '## Lamps\n\nSet the [beam](#beam) first, then the [colour](#colour-options).\n\n## Beam\n\nWide or narrow.\n\n## Colour options\n\nWarm or cold.\n';
  const fr = (beam: string, colour: string) =>
    `## Lampes\n\nRéglez d'abord le [faisceau](${beam}), puis la [couleur](${colour}).\n\n## Faisceau\n\nLarge ou étroit.\n\n## Options de couleur\n\nChaude ou froide.\n`;

  it('accepts a translated anchor that points at the heading aligned with the source’s', () => {
    expect(run(en, fr('#faisceau', '#options-de-couleur'))).toEqual([]);
  });

  it('reports an anchor pointing at another heading, at the link, with the aligned id', () => {
    expect(run(en, fr('#options-de-couleur', '#options-de-couleur'))).toEqual([
      [
        'i18n/link-mismatch',
        3,
        19,
        "Unexpected anchor `#options-de-couleur` in section “Lampes”, expected `#faisceau`, the heading aligned with the source's `#beam`",
      ],
    ]);
  });

  it('reports an anchor of the source’s language that no heading of the translation has', () => {
    const found = run(en, fr('#faisceau', '#colour-options'));
    expect(found.map(([rule, line]) => [rule, line])).toEqual([['i18n/link-mismatch', 3]]);
    expect(found[0]![3]).toContain('expected `#options-de-couleur`');
  });

  it('reports a fragment link of the translation alone that points at no heading', () => {
    const extra = fr('#faisceau', '#options-de-couleur').replace('Large ou étroit.', 'Large ou étroit (voir [plus bas](#nulle-part)).');
    const found = run(en, extra);
    expect(found.map(([rule, line]) => [rule, line])).toContainEqual(['i18n/link-mismatch', 7]);
    expect(found.find(([, line]) => line === 7)![3]).toContain('Unexpected anchor `#nulle-part`');
  });
});

describe('links to a localised site', () => {
  it('takes a page the localised site files elsewhere under the same name as the same page', () => {
    const en = '## Attributes\n\nAny [global attribute](https://developer.mozilla.org/en-US/docs/Web/HTML/Global_attributes) works.\n';
    const fr = '## Attributs\n\nTout [attribut universel](https://developer.mozilla.org/fr/docs/Web/HTML/Reference/Global_attributes) convient.\n';
    expect(run(en, fr)).toEqual([]);
    expect(run(en, fr.replace('Global_attributes', 'Element')).map(([rule, line]) => [rule, line])).toEqual([['i18n/link-mismatch', 3]]);
  });
});

describe('code examples adapted on purpose', () => {
  it('ignores translated log output in a shell block, and keeps comparing commands', () => {
    const en = `## Run\n\n${fence('sh', 'npm run lamps\n[lamp-plugin] Starting the lamps…')}\n`;
    const fr = `## Lancer\n\n${fence('sh', 'npm run lamps\n[plugin-lampes] Démarrage des lampes…')}\n`;
    expect(run(en, fr)).toEqual([]);
    expect(run(en, fr.replace('npm run lamps', 'npm start lamps')).map(([rule, line]) => [rule, line])).toEqual([['i18n/code-mismatch', 4]]);
  });

  it('takes an example locale key changed for the reader’s as the same code', () => {
    const en = `## Labels\n\n${fence('js', "const labels = {\n  'pt-BR': 'Comece aqui',\n};")}\n`;
    const de = `## Beschriftungen\n\n${fence('js', "const labels = {\n  fr: 'Commencez ici',\n};")}\n`;
    expect(run(en, de, 'de')).toEqual([]);
    expect(run(en, de.replace('fr:', 'title:'), 'de').map(([rule, line]) => [rule, line])).toEqual([['i18n/code-mismatch', 5]]);
  });

  it('reads a fence nested in a Markdown example as code: its command is compared, its comments are not', () => {
    const en = `## Example\n\n${fence('md', ':::note\nInstall it:\n\n```sh\n# the installer\nnpm create lamps@latest -- --template beam\n```\n:::', '````')}\n`;
    const fr = `## Exemple\n\n${fence('md', ":::note\nInstallez-le :\n\n```sh\n# l'installateur\nnpm create lamps@latest -- --template beam\n```\n:::", '````')}\n`;
    expect(run(en, fr)).toEqual([]);
    expect(run(en, fr.replace('npm create lamps@latest --', 'npm run create lamps@latest')).map(([rule, line]) => [rule, line])).toEqual([
      ['i18n/code-mismatch', 9],
    ]);
  });

  it('keeps YAML comments of an example’s front matter as prose, and a Markdoc tag with escaped quotes whole', () => {
    const en = `## Front matter\n\n${fence('md', '---\ntitle: My page\n# Lower numbers come first\norder: 2\n---')}\n\n${fence('markdoc', '{% code\n  code="console.log(\\"Hello!\\");"\n  lang="js" /%}')}\n`;
    const fr = `## Front matter\n\n${fence('md', '---\ntitle: Ma page\n# Définit un ordre\n# (les plus petits en premier)\norder: 2\n---')}\n\n${fence('markdoc', '{% code\n  code="console.log(\\"Bonjour !\\");"\n  lang="js" /%}')}\n`;
    expect(run(en, fr)).toEqual([]);
  });

  it('takes code laid out over more lines, a trailing comma and a name the example declares, translated everywhere, as the same code', () => {
    const en = `## Layers\n\n${fence('css', '@layer my-reset, my-theme;')}\n\n${fence('js', "function showLamp() {\n  return { label: 'Lamp', link: '/lamp/' };\n}\nshowLamp();")}\n`;
    const fr = `## Couches\n\n${fence('css', '@layer ma-base, mon-theme;')}\n\n${fence('js', "function afficherLampe() {\n  return {\n    label: 'Lampe',\n    link: '/lamp/',\n  };\n}\nafficherLampe();")}\n`;
    expect(run(en, fr)).toEqual([]);
    // Renamed in one place only: a real difference.
    expect(run(en, fr.replace('afficherLampe();', 'showLamp();')).map(([rule]) => rule)).toEqual(['i18n/code-mismatch']);
  });

  it('reports many changed lines of one block once, with their count', () => {
    const en = `## Config\n\n${fence('js', 'a(1);\nb(2);\nc(3);\nd(4);')}\n`;
    const fr = `## Config\n\n${fence('js', 'a(5);\nb(6);\nc(7);\nd(8);')}\n`;
    const found = run(en, fr);
    expect(found.map(([rule, line]) => [rule, line])).toEqual([['i18n/code-mismatch', 4]]);
    expect(found[0]![3]).toContain('(and 3 more changed lines in this block)');
  });
});

describe('one report per cause', () => {
  it('reports numbers of a table the source no longer has once, with their count', () => {
    const en = '## Figures\n\nSee the live figures on the site.\n';
    const fr = '## Chiffres\n\n| Lampe | Puissance en watts |\n| --- | --- |\n| Phare | 12 |\n| Bouée | 15 |\n| Quai | 40 |\n| Port | 60 |\n';
    const found = run(en, fr);
    expect(found.map(([rule, line]) => [rule, line])).toEqual([['i18n/number-mismatch', 5]]);
    expect(found[0]![3]).toContain("(4 numbers the source's section does not have)");
  });
});

describe('a link broken by a space', () => {
  it('is found when its text holds code, and reported once, as broken Markdown, where it breaks', () => {
    const en = '## Sitemap\n\nLearn how to [add a link to `robots.txt`](https://example.org/en/sitemap/).\n';
    const de = '## Sitemap\n\nErfahre, wie du [einen Link zur `robots.txt` hinzufügst] (https://example.org/de/sitemap/).\n';
    expect(run(en, de, 'de').map(([rule, line, column]) => [rule, line, column])).toEqual([['i18n/broken-markdown', 3, 56]]);
  });
});
