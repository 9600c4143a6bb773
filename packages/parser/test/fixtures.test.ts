import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GuideSchema } from '@guidekit/model';
import { describe, expect, test } from 'vitest';
import { parseGuide } from '../src/index.js';
import { coverageErrors } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function load(name: string, locale: string) {
  const dir = path.join(here, 'fixtures', name);
  const file = name.startsWith('mdx') ? 'input.mdx' : 'input.md';
  const source = readFileSync(path.join(dir, file), 'utf8');
  const result = parseGuide(source, { path: `${name}/${file}`, locale });
  // Every fixture: valid Guide, every body line in exactly one section.
  expect(GuideSchema.safeParse(result.guide).success).toBe(true);
  expect(coverageErrors(source, result.guide)).toEqual([]);
  return { source, ...result };
}

const summary = (diagnostics: { line: number; column: number; severity: string; ruleId: string }[]) =>
  diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`);

describe('a French tutorial in the seed guide shape', () => {
  const { guide, diagnostics } = load('tutorial-fr', 'fr');

  test('has no diagnostics and is a tutorial', () => {
    expect(diagnostics).toEqual([]);
    expect(guide.kind).toBe('tutorial');
    expect(guide.slug).toBe('input');
    expect(guide.title).toBe('Comment activer l\'archivage "en ligne" d\'une boîte partagée');
    expect(guide.description).toBe("Activer l'archive d'une boîte aux lettres partagée.");
  });

  test('front matter: known fields typed, the date kept as written', () => {
    expect(guide.frontmatter).toEqual({
      title: 'Comment activer l\'archivage "en ligne" d\'une boîte partagée',
      meta_title: '',
      description: "Activer l'archive d'une boîte aux lettres partagée.",
      date: '2025-09-02T08:30:00-04:00',
      image: '/images/blog/exchange/tuto/archive_thumbnail.png',
      categories: ['Exchange'],
      author: 'Jeanne Exemple',
      tags: ['Archive', 'Boîte partagée'],
      draft: false,
      extra: {},
    });
  });

  test('4 steps with ids, titles, UI labels, images, links and code', () => {
    expect(guide.steps.map((s) => [s.id, s.number, s.title, s.depth])).toEqual([
      ['step-1', 1, "Se connecter au centre d'administration", 5],
      ['step-2', 2, 'Ouvrir la boîte partagée', 5],
      ['step-3', 3, "Activer l'archive", 5],
      ['step-4', 4, 'Vérifier le résultat', 5],
    ]);
    const [s1, s2, s3, s4] = guide.steps;
    expect(s1?.links).toEqual([
      {
        url: 'https://admin.exchange.example.com',
        text: 'https://admin.exchange.example.com',
        position: { start: { line: 30, column: 29, offset: expect.any(Number) }, end: { line: 30, column: 63, offset: expect.any(Number) } },
      },
    ]);
    expect(s1?.images.map((i) => [i.url, i.alt, i.position?.start.line])).toEqual([
      ['/images/blog/exchange/tuto/archive_001.png', 'image', 32],
    ]);
    expect(s2?.uiLabels).toEqual(['Destinataires', 'Boîtes aux lettres']);
    expect(s3?.uiLabels).toEqual(['Autres', "Gérer l'archive"]);
    expect(s3?.code).toEqual([
      {
        lang: 'powershell',
        meta: null,
        value: 'Enable-Mailbox -Identity partage@example.com -Archive',
        position: expect.objectContaining({ start: expect.objectContaining({ line: 46 }), end: expect.objectContaining({ line: 48 }) }),
      },
    ]);
    expect(s4?.uiLabels).toEqual(['Archive']);
    expect(s4?.position.start.line).toBe(52);
    expect(s4?.position.end.line).toBe(57);
  });

  test('a uiLabel node replaces the emphasis in the blocks', () => {
    const para = guide.steps[1]?.blocks[0] as unknown as { children: { type: string; value?: string }[] };
    expect(para.children.map((c) => c.type)).toEqual(['text', 'uiLabel', 'text', 'uiLabel', 'text']);
    expect(para.children[1]).toMatchObject({
      type: 'uiLabel',
      value: 'Destinataires',
      children: [{ type: 'text', value: 'Destinataires' }],
      position: { start: { line: 37, column: 13 }, end: { line: 37, column: 35 } }, // `*<u>Destinataires</u>*` is 22 columns
    });
  });

  test('2 prerequisite groups, sources, footer', () => {
    expect(guide.prerequisites.map((p) => [p.label, p.items])).toEqual([
      ['Licences nécessaires', ["Exchange Online Plan 2 ou une licence d'archivage."]],
      ['Rôles', ['Administrateur Exchange.', "Accès au centre d'administration."]],
    ]);
    expect(guide.sources.map((s) => [s.label, s.url])).toEqual([
      ["Documentation - Activer l'archivage", 'https://learn.example.com/fr-ca/exchange/archive'],
      ['Documentation - Boîtes partagées', 'https://learn.example.com/fr-ca/exchange/shared'],
    ]);
    expect(guide.sections.map((s) => [s.kind, s.heading, s.position.start.line, s.position.end.line])).toEqual([
      ['other', null, 12, 12],
      ['introduction', 'Définition', 14, 17],
      ['prerequisites', 'Prérequis', 19, 27],
      ['step', "Étape 1 : Se connecter au centre d'administration", 29, 34],
      ['step', 'Étape 2 : Ouvrir la boîte partagée', 36, 41],
      ['step', "Étape 3 : Activer l'archive", 43, 50],
      ['step', 'Étape 4 : Vérifier le résultat', 52, 57],
      ['conclusion', 'Conclusion', 59, 62],
      ['sources', 'Sources', 64, 69],
      ['footer', null, 72, 74],
    ]);
    const footer = guide.sections.at(-1);
    expect(footer?.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('heading variants (English, mixed depths)', () => {
  const { guide, diagnostics } = load('tutorial-en', 'en');

  test('every separator, any depth, emphasis and HTML stripped from titles', () => {
    expect(diagnostics).toEqual([]);
    expect(guide.steps.map((s) => [s.id, s.title, s.depth])).toEqual([
      ['step-1', 'Sign in to the admin center', 2],
      ['step-2', 'Open the shared mailbox', 2],
      ['step-3', 'Enable the archive', 4],
      ['step-4', 'Check the result', 2],
    ]);
  });

  test('a deeper free heading stays inside its step; an h1 title does not swallow sections', () => {
    expect(guide.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['other', null],
      ['other', 'Online archiving'],
      ['introduction', 'Introduction'],
      ['prerequisites', 'Prerequisites'],
      ['step', 'Step 1: Sign in to the admin center'],
      ['step', 'Step 2 - Open the shared mailbox'],
      ['step', 'Step 3. Enable the archive'],
      ['step', 'Step 4 Check the result'],
      ['conclusion', 'Conclusion'],
      ['sources', 'References'],
    ]);
    expect(guide.steps[0]?.blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  test('mis-nested UI labels from real translations', () => {
    expect(guide.steps[1]?.uiLabels).toEqual(['Recipients', 'Mailboxes']);
    expect(guide.steps[2]?.uiLabels).toEqual(['Manage archive']);
    expect(guide.steps[3]?.uiLabels).toEqual(['Archive']);
  });

  test('sources: links, autolinks and bare URLs', () => {
    expect(guide.sources.map((s) => [s.label, s.url])).toEqual([
      ['Docs - Archiving', 'https://learn.example.com/en-us/exchange/archive'],
      ['https://learn.example.com/en-us/exchange/shared', 'https://learn.example.com/en-us/exchange/shared'],
      ['https://example.com/faq', 'https://example.com/faq'],
    ]);
    expect(guide.prerequisites).toEqual([
      expect.objectContaining({ label: 'Required licenses', items: ['Exchange Online Plan 2 or an archiving add-on.'] }),
    ]);
  });
});

describe('an article (no steps)', () => {
  const { guide, diagnostics } = load('article', 'fr');

  test('is an article, not an error, with free sections, footer and extra front matter', () => {
    // `series` is no built-in field and the fixture declares none: kept, with a warning.
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual(['7:1 warning frontmatter/unknown-key']);
    expect(guide.kind).toBe('article');
    expect(guide.steps).toEqual([]);
    expect(guide.frontmatter.date).toBe('2025-03-10');
    expect(guide.frontmatter.draft).toBe(true);
    expect(guide.frontmatter.extra).toEqual({ series: 'printemps' });
    expect(guide.sections.map((s) => s.kind)).toEqual([
      'other',
      'introduction',
      'other',
      'other',
      'conclusion',
      'sources',
      'footer',
    ]);
    // `###### Calendrier` is deeper than its `#####` section: it stays inside it.
    expect(guide.sections[2]?.blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'list', 'thematicBreak']);
    expect(guide.sources).toEqual([
      expect.objectContaining({ label: 'Annonce officielle', url: 'https://blog.example.com/listes-annonce' }),
    ]);
  });
});

describe('MDX', () => {
  test('JSX is kept as blocks; `<br/>` leaves the title', () => {
    const { guide, diagnostics } = load('mdx', 'fr');
    expect(diagnostics).toEqual([]);
    expect(guide.format).toBe('mdx');
    expect(guide.steps.map((s) => s.title)).toEqual(['Ouvrir la console', 'Vérifier']);
    expect(guide.steps[0]?.uiLabels).toEqual(['Setup', 'Restart']);
    expect(guide.steps[0]?.blocks.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'mdxJsxFlowElement',
      'thematicBreak',
    ]);
    expect(guide.steps[1]?.blocks[0]).toMatchObject({ type: 'mdxJsxFlowElement', name: 'Notice' });
    // ESTree data from the MDX parser is not content: it is dropped.
    expect(JSON.stringify(guide)).not.toContain('estree');
  });

  test('an .mdx file that is not valid MDX falls back to Markdown with a warning, nothing lost', () => {
    const { guide, diagnostics } = load('mdx-fallback', 'en');
    expect(summary(diagnostics)).toEqual(['5:2 warning parse/mdx-fallback']);
    expect(guide.sections[0]?.blocks).toEqual([
      expect.objectContaining({ type: 'html', value: '<!-- un commentaire HTML que MDX refuse -->' }),
    ]);
    expect(guide.steps[0]?.uiLabels).toEqual(['Settings']);
    expect(JSON.stringify(guide.steps[0]?.blocks)).toContain('{braces}');
    expect(JSON.stringify(guide.steps[0]?.blocks)).toContain('<Notice type=\\"info\\">');
  });
});

describe('in-between and faulty steps', () => {
  const { guide, diagnostics } = load('bis-steps', 'fr');

  test('`2 bis` / `2 ter` are steps of their own with stable ids', () => {
    expect(guide.steps.map((s) => [s.id, s.number, s.variant ?? null, s.label, s.title])).toEqual([
      ['step-1', 1, null, '1', 'Préparer'],
      ['step-2', 2, null, '2', 'Configurer'],
      ['step-2b', 2, 'b', '2 bis', 'Configurer encore'],
      ['step-2c', 2, 'c', '2 ter', 'Et encore'],
      ['step-3', 3, null, '3', ''],
      ['step-5', 5, null, '5', 'Sauter une étape'],
      ['step-5', 5, null, '5', 'Répéter'],
    ]);
  });

  test('missing title, skipped and duplicate numbers are positioned diagnostics', () => {
    expect(summary(diagnostics)).toEqual([
      '17:1 warning parse/step-title-missing',
      '20:1 warning parse/step-skipped',
      '23:1 warning parse/step-duplicate',
    ]);
    expect(diagnostics[2]?.related).toEqual({ file: 'bis-steps/input.md', line: 20, column: 1 });
  });

  test('`Step 4b` in English gives the same id as `Étape 4 bis`', () => {
    const en = parseGuide('## Step 4: A\n\n## Step 4b: B\n', { path: 'x.md', locale: 'en' }).guide;
    const fr = parseGuide('## Étape 4 : A\n\n## Étape 4 bis : B\n', { path: 'x.md', locale: 'fr' }).guide;
    expect(en.steps.map((s) => s.id)).toEqual(['step-4', 'step-4b']);
    expect(fr.steps.map((s) => s.id)).toEqual(en.steps.map((s) => s.id));
  });
});

describe('prerequisite groups', () => {
  test('a label with a sentence on its next line, an unlabelled list, a bold label with a colon', () => {
    const source = [
      '## Prerequisites',
      '- Unlabelled item',
      '',
      '**<u>Licenses</u>**',
      'No license is required.',
      '',
      '**Roles:**',
      '- Global reader',
      '- Helpdesk',
      '',
      'A closing remark that is not a group.',
    ].join('\n');
    const { guide, diagnostics } = parseGuide(source, { path: 'p.md', locale: 'en' });
    expect(diagnostics).toEqual([]);
    expect(guide.prerequisites.map((g) => [g.label, g.items, g.position?.start.line, g.position?.end.line])).toEqual([
      [null, ['Unlabelled item'], 2, 2],
      ['Licenses', ['No license is required.'], 4, 5],
      ['Roles', ['Global reader', 'Helpdesk'], 7, 9],
    ]);
  });
});

describe('keywords', () => {
  test.each([
    ['es', '## Introducción', '## Requisitos previos', '## Paso 1: Abrir', '## Conclusión', '## Fuentes'],
    ['de', '## Einleitung', '## Voraussetzungen', '## Schritt 1: Öffnen', '## Fazit', '## Quellen'],
    ['it', '## Introduzione', '## Prerequisiti', '## Passo 1: Aprire', '## Conclusione', '## Fonti'],
    ['pt', '## Introdução', '## Pré-requisitos', '## Etapa 1: Abrir', '## Conclusão', '## Fontes'],
    ['nl', '## Inleiding', '## Vereisten', '## Stap 1: Openen', '## Conclusie', '## Bronnen'],
  ])('%s sections and steps', (locale, ...headings) => {
    const source = headings.map((h) => `${h}\nTexte.\n`).join('\n');
    const { guide } = parseGuide(source, { path: `x.${locale}.md`, locale });
    expect(guide.slug).toBe('x');
    expect(guide.sections.map((s) => s.kind)).toEqual(['introduction', 'prerequisites', 'step', 'conclusion', 'sources']);
    expect(guide.steps[0]?.id).toBe('step-1');
  });

  test('a French heading in an English file is still recognised; extra words extend the defaults', () => {
    const source = '## Définition\nx\n\n## Étape 1 : Ouvrir\nx\n\n## Stage 2: Close\nx\n\n## Read more\n- [a](https://a.example)\n';
    const plain = parseGuide(source, { path: 'x.md', locale: 'en' }).guide;
    expect(plain.sections.map((s) => s.kind)).toEqual(['introduction', 'step', 'other', 'other']);
    const extended = parseGuide(source, {
      path: 'x.md',
      locale: 'en',
      keywords: { en: { step: ['Stage'], sources: ['Read more'] } },
    }).guide;
    expect(extended.sections.map((s) => s.kind)).toEqual(['introduction', 'step', 'step', 'sources']);
    expect(extended.steps.map((s) => [s.id, s.title])).toEqual([
      ['step-1', 'Ouvrir'],
      ['step-2', 'Close'],
    ]);
    expect(extended.sources.map((s) => s.url)).toEqual(['https://a.example']);
  });

  test('headings that only look like steps are not steps', () => {
    const { guide } = parseGuide('## Étapes suivantes\nx\n\n## Stepping 1 up\nx\n\n## Step by step\nx\n', { path: 'x.md', locale: 'en' });
    expect(guide.steps).toEqual([]);
    expect(guide.kind).toBe('article');
  });
});

describe('setext traps', () => {
  test('an image line directly above `---` is a setext heading: a warning, the content stays in its step', () => {
    const source = '## Step 1: A\nText.\n\n![image](/images/a.png)\n---\n\n## Step 2: B\nMore.\n';
    const { guide, diagnostics } = parseGuide(source, { path: 'x.md', locale: 'en' });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual(['5:1 warning parse/setext-heading']);
    expect(guide.steps.map((s) => [s.id, s.position.start.line, s.position.end.line])).toEqual([
      ['step-1', 1, 5],
      ['step-2', 7, 8],
    ]);
    expect(guide.steps[0]?.images.map((i) => i.url)).toEqual(['/images/a.png']);
    expect(coverageErrors(source, guide)).toEqual([]);
  });

  test('`--` under a sentence (not a rule) also stays in its step', () => {
    const source = '##### Étape 1 : A\nUne phrase.\n--\n\n##### Étape 2 : B\nSuite.\n';
    const { guide, diagnostics } = parseGuide(source, { path: 'x.md', locale: 'fr' });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['parse/setext-heading']);
    expect(guide.steps.map((s) => s.title)).toEqual(['A', 'B']);
    expect(guide.sections.map((s) => s.kind)).toEqual(['step', 'step']);
  });
});
