import type { Severity } from '@guidekit/model';
import type { ParseOptions } from './types.js';

/** A documented example: a file's text and the options it is parsed with. */
export interface ParserRuleExample {
  source: string;
  /** Options besides the defaults (`path: 'fr/guide.md'`, `locale: 'fr'`). */
  options?: Partial<ParseOptions>;
}

/** What a parser rule reports and why; its examples are run by the parser's tests. */
export interface ParserRule {
  id: string;
  meta: {
    description: string;
    defaultSeverity: Severity;
    /** Why it matters and what the parser does about it, in a few sentences. */
    docs: string;
    /** `ok` examples raise no diagnostic of this rule, `notOk` ones raise it. Empty for inputs a page cannot show (bytes, megabytes). */
    examples: { ok: ParserRuleExample[]; notOk: ParserRuleExample[] };
  };
}

const FM_OK = '---\ntitle: Activer la MFA\ndate: 2024-12-17\n---\n\n##### Étape 1 : Ouvrir le portail\nTexte.\n';

/**
 * Every diagnostic the parser reports, with its documentation: one list for the rule pages
 * (`docs/rules/<id>.md`) and for the tests that run the examples.
 */
export const parserRules: readonly ParserRule[] = [
  {
    id: 'parse/yaml-invalid',
    meta: {
      description: 'The front matter is valid YAML.',
      defaultSeverity: 'error',
      docs: 'A front matter that is not YAML cannot be read: it is ignored (the body is still parsed) and the error is placed at the fault itself — an unclosed quote or list where it opens, a duplicate key at its second occurrence, a tab used as indentation where it stands.',
      examples: { ok: [{ source: FM_OK }], notOk: [{ source: '---\ntitle: "Activer la MFA\ndate: 2024-12-17\n---\nTexte.\n' }] },
    },
  },
  {
    id: 'parse/frontmatter-type',
    meta: {
      description: 'Each front matter field has the type it is declared with; `date` is an ISO 8601 date.',
      defaultSeverity: 'error',
      docs: 'Built-in fields have fixed types (`title` a string, `tags` a list of strings, `draft` a boolean, `date` an ISO 8601 date or date-time checked against the calendar); fields a project declares in `guidekit.config.json` `frontmatter` are checked against their JSON Schema. A wrong value is reported at the value itself and kept in `frontmatter.extra`, never lost; a number or boolean `title` still titles the guide as written.',
      examples: {
        ok: [{ source: FM_OK }],
        notOk: [{ source: '---\ntitle: Activer la MFA\ndate: not-a-date\n---\nTexte.\n' }, { source: '---\ntitle: 2024\n---\nTexte.\n' }],
      },
    },
  },
  {
    id: 'frontmatter/unknown-key',
    meta: {
      description: 'Front matter fields are built-in or declared by the project.',
      defaultSeverity: 'warning',
      docs: 'A field guidekit does not know is most often a typo (`auteur` for `author`): the warning names the closest known field. The value is kept in `frontmatter.extra`. Declare a project\'s own fields under `frontmatter` in `guidekit.config.json`, or set the rule to `off` there.',
      examples: {
        ok: [
          { source: '---\ntitle: Activer la MFA\nauthor: Camille\n---\nTexte.\n' },
          { source: '---\ntitle: Activer la MFA\ndifficulty: easy\n---\nTexte.\n', options: { frontmatter: { properties: { difficulty: { type: 'string' } } } } },
        ],
        notOk: [{ source: '---\ntitle: Activer la MFA\nauteur: Camille\n---\nTexte.\n' }],
      },
    },
  },
  {
    id: 'frontmatter/missing-key',
    meta: {
      description: 'Every guide sets the fields the project declares required.',
      defaultSeverity: 'error',
      docs: 'A project lists required fields under `frontmatter.required` in `guidekit.config.json`; a guide without one of them is reported on its first line.',
      examples: {
        ok: [{ source: '---\ntitle: Activer la MFA\ndifficulty: easy\n---\nTexte.\n', options: { frontmatter: { properties: { difficulty: { type: 'string' } }, required: ['difficulty'] } } }],
        notOk: [{ source: '---\ntitle: Activer la MFA\n---\nTexte.\n', options: { frontmatter: { properties: { difficulty: { type: 'string' } }, required: ['difficulty'] } } }],
      },
    },
  },
  {
    id: 'parse/locale-unknown',
    meta: {
      description: 'A guide\'s locale is known.',
      defaultSeverity: 'warning',
      docs: 'When the caller gives no locale, the parser reads it from the front matter (`locale: fr`), the file name (`x.fr.md`) or the nearest locale folder (`fr/x.md`, `french/x.md`). When none says, the guide is read as `und` (undetermined) and this warning says how to name it.',
      examples: {
        ok: [{ source: 'Texte.\n', options: { path: 'guides/activer-mfa.fr.md', locale: '' } }],
        notOk: [{ source: 'Texte.\n', options: { path: 'guides/activer-mfa.md', locale: '' } }],
      },
    },
  },
  {
    id: 'parse/bom',
    meta: {
      description: 'A file starts without a byte order mark.',
      defaultSeverity: 'info',
      docs: 'A UTF-8 byte order mark is dropped so it never reaches a title or a hash; positions are unchanged.',
      examples: { ok: [{ source: 'Texte.\n' }], notOk: [{ source: '\uFEFFTexte.\n' }] },
    },
  },
  {
    id: 'parse/nul-character',
    meta: {
      description: 'A file holds no NUL character.',
      defaultSeverity: 'error',
      docs: 'NUL characters are a sign of a binary or corrupted file; they are reported at the first one (with their count in `data.count`).',
      examples: { ok: [], notOk: [] },
    },
  },
  {
    id: 'parse/invalid-utf8',
    meta: {
      description: 'A file is UTF-8.',
      defaultSeverity: 'error',
      docs: 'Bytes that are not UTF-8 are decoded leniently (as U+FFFD) and reported at the first bad byte, so a file saved in another encoding is found instead of published with broken characters.',
      examples: { ok: [], notOk: [] },
    },
  },
  {
    id: 'parse/empty-file',
    meta: {
      description: 'A guide has content.',
      defaultSeverity: 'warning',
      docs: 'A file with nothing but whitespace gives a guide with no section; it is most often a file created and never written.',
      examples: { ok: [{ source: 'Texte.\n' }], notOk: [{ source: '\n  \n' }] },
    },
  },
  {
    id: 'parse/too-large',
    meta: {
      description: 'A file is at most `maxBytes` long (256 KiB by default).',
      defaultSeverity: 'error',
      docs: 'Parsing time grows fast with size; a larger file is not parsed, its front matter is still read and its body kept as one raw block, never dropped.',
      examples: { ok: [{ source: 'Texte.\n', options: { maxBytes: 64 } }], notOk: [{ source: `${'Texte. '.repeat(10)}\n`, options: { maxBytes: 64 } }] },
    },
  },
  {
    id: 'parse/too-deep',
    meta: {
      description: 'Block nesting stays under `maxDepth` (200 by default).',
      defaultSeverity: 'error',
      docs: 'Deeply nested quotes, lists, MDX expressions or JSX tags make the Markdown parser slow or exhaust the stack; such a file is kept raw instead.',
      examples: { ok: [{ source: '> > citation\n', options: { maxDepth: 3 } }], notOk: [{ source: '> > > > citation\n', options: { maxDepth: 3 } }] },
    },
  },
  {
    id: 'parse/too-complex',
    meta: {
      description: 'A paragraph holds no pathological run of emphasis markers or unclosed links.',
      defaultSeverity: 'error',
      docs: 'The Markdown parser is quadratic in the number of `*`/`_` markers of one paragraph and in a run of unclosed `](`; thousands of them would take minutes, so the file is kept raw instead.',
      examples: { ok: [], notOk: [] },
    },
  },
  {
    id: 'parse/internal-error',
    meta: {
      description: 'The parser does not fail.',
      defaultSeverity: 'error',
      docs: 'A parser bug never crashes a build: the file is kept raw with this error. Please report it with the file.',
      examples: { ok: [], notOk: [] },
    },
  },
  {
    id: 'parse/mdx-fallback',
    meta: {
      description: 'An `.mdx` file is valid MDX.',
      defaultSeverity: 'warning',
      docs: 'Real `.mdx` posts hold HTML comments, a stray `<` or `{`, mis-nested tags that MDX refuses; the file is then read as plain Markdown, its JSX kept as HTML, and this warning points at the MDX error.',
      examples: {
        ok: [{ source: '<Note>Texte.</Note>\n', options: { path: 'fr/guide.mdx' } }],
        notOk: [{ source: '<Note>Texte.\n\n<!-- commentaire -->\n', options: { path: 'fr/guide.mdx' } }],
      },
    },
  },
  {
    id: 'parse/setext-heading',
    meta: {
      description: 'A thematic break `---` is not read as a heading underline.',
      defaultSeverity: 'warning',
      docs: 'Text directly above `---` makes a setext heading, not a section break; the content stays in its section, and a blank line above `---` says what was meant.',
      examples: {
        ok: [{ source: '##### Étape 1 : A\nTexte.\n\n---\n\n##### Étape 2 : B\nTexte.\n' }],
        notOk: [{ source: '##### Étape 1 : A\nTexte.\n---\n\n##### Étape 2 : B\nTexte.\n' }],
      },
    },
  },
  {
    id: 'parse/step-title-missing',
    meta: {
      description: 'A step heading has a title.',
      defaultSeverity: 'warning',
      docs: 'A step is found by its number (`Étape 3`); without a title after it, the table of contents and translations have nothing to show.',
      examples: { ok: [{ source: '##### Étape 1 : Ouvrir le portail\nTexte.\n' }], notOk: [{ source: '##### Étape 1\nTexte.\n' }] },
    },
  },
  {
    id: 'parse/step-skipped',
    meta: {
      description: 'Step numbers follow each other.',
      defaultSeverity: 'warning',
      docs: 'A skipped number (`1, 2, 4`) is most often a step lost in editing.',
      examples: {
        ok: [{ source: '##### Étape 1 : A\nTexte.\n\n##### Étape 2 : B\nTexte.\n' }],
        notOk: [{ source: '##### Étape 1 : A\nTexte.\n\n##### Étape 3 : C\nTexte.\n' }],
      },
    },
  },
  {
    id: 'parse/step-order',
    meta: {
      description: 'Step numbers go up, and `4b` follows step 4.',
      defaultSeverity: 'warning',
      docs: 'Steps numbered out of order read wrong and pair wrong with translations (a step id is `step-<number>`).',
      examples: {
        ok: [{ source: '##### Étape 1 : A\nTexte.\n\n##### Étape 2 : B\nTexte.\n' }],
        notOk: [{ source: '##### Étape 2 : B\nTexte.\n\n##### Étape 1 : A\nTexte.\n' }],
      },
    },
  },
  {
    id: 'parse/step-duplicate',
    meta: {
      description: 'Each step number appears once.',
      defaultSeverity: 'warning',
      docs: 'Two steps with the same number get the same id, so a translation cannot tell them apart; `related` points at the first. A warning: the guide still reads and publishes.',
      examples: {
        ok: [{ source: '##### Étape 1 : A\nTexte.\n\n##### Étape 2 : B\nTexte.\n' }],
        notOk: [{ source: '##### Étape 1 : A\nTexte.\n\n##### Étape 1 : B\nTexte.\n' }],
      },
    },
  },
];
