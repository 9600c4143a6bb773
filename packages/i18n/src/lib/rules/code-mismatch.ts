import { diffArrays } from 'diff';
import type { Position } from '@guidekit/model';
import { defineRule } from '../rule.js';
import { paired, quote, unitName, unitStart } from '../compare.js';
import { codeKeys, LINE_BREAK, tokensOfKeys, type CodeCompareOptions, type CodeToken } from '../code-tokens.js';
import { factsOf, type Located } from '../facts.js';
import { undoRenames } from '../renames.js';
import type { PairContext, RuleReport, UnitRef } from '../types.js';

type Code = Located<{ lang: string | null; value: string; meta?: string | null }>;

// Trailing spaces are invisible and editors strip them: they are not a difference.
const raw = (code: Code) => `${code.value.lang ?? ''}\n${code.value.value.replace(/[ \t]+$/gm, '').trimEnd()}`;

function optionsOf(context: PairContext): CodeCompareOptions {
  const { comments, strings } = context.ruleOptions as CodeCompareOptions;
  return { comments, strings, locales: [context.source.guide.locale, context.translation.guide.locale] };
}

// A source page is compared with each of its translations: its blocks (the facts of a section
// are computed once per section object) are tokenised once, not once per locale.
const keysOfBlock = new WeakMap<Code, Map<string, string[]>>();

/** Significant tokens of a block, memoised per block (and its line keys per block and options). */
function tokensOf(code: Code, options: CodeCompareOptions, memo: Map<Code, CodeToken[]>): CodeToken[] {
  let tokens = memo.get(code);
  if (!tokens) {
    const settings = `${options.comments ?? ''}/${options.strings ?? ''}`;
    let byOptions = keysOfBlock.get(code);
    if (!byOptions) keysOfBlock.set(code, (byOptions = new Map()));
    let keys = byOptions.get(settings);
    if (!keys) byOptions.set(settings, (keys = codeKeys(code.value.lang, code.value.value, options, code.value.meta)));
    tokens = tokensOfKeys(keys, options);
    memo.set(code, tokens);
  }
  return tokens;
}

/** The place of content line `index` of a block (the fence is the block's first line). */
function lineAt(code: Code, index: number): Position['start'] | undefined {
  const start = code.position?.start;
  return start ? { line: start.line + 1 + index, column: 1 } : undefined;
}

/**
 * Compare two blocks paired by order: the language first, then their significant tokens with a
 * diff; each changed run is reported once, at its first line in the translation. A run that
 * only moves line breaks is the same code wrapped otherwise.
 */
function compareBlocks(found: Code, expected: Code, where: string, tokens: (code: Code) => CodeToken[], report: (r: RuleReport) => void): void {
  if ((found.value.lang ?? '') !== (expected.value.lang ?? '')) {
    report({ at: found.position, related: expected.position, message: `Unexpected code language ${quote(found.value.lang ?? 'none')} in ${where}, expected ${quote(expected.value.lang ?? 'none')} as in the source`, data: { found: found.value.lang, expected: expected.value.lang } });
    return;
  }
  const a = tokens(expected);
  const b = [...undoRenames(a, tokens(found))];
  const foundText = found.value.value.split('\n');
  const expectedText = expected.value.value.split('\n');
  let i = 0;
  let j = 0;
  const changes = diffArrays(a, b, { comparator: (x, y) => x.text === y.text });
  const reported = new Set<number>();
  const runs: RuleReport[] = [];
  for (let c = 0; c < changes.length; c++) {
    const change = changes[c]!;
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      i += count;
      j += count;
      continue;
    }
    // A removal followed by an addition is one edit: report it once.
    const removed = change.removed ? a.slice(i, (i += count)) : [];
    const next = change.removed && changes[c + 1]?.added ? changes[++c]! : undefined;
    const added = change.added ? b.slice(j, (j += count)) : next ? b.slice(j, (j += next.count ?? next.value.length)) : [];
    const foundToken = added.find((token) => token.text !== LINE_BREAK);
    const expectedToken = removed.find((token) => token.text !== LINE_BREAK);
    if ((!foundToken && !expectedToken) || sameCodeReflowed(removed, added)) continue;
    const foundLine = foundToken?.line ?? b[j]?.line ?? b[j - 1]?.line ?? 0;
    const expectedLine = expectedToken?.line ?? a[i]?.line ?? a[i - 1]?.line ?? 0;
    // Two runs on one line (`config sip` for `sip config`) are one edit of that line.
    if (reported.has(foundLine)) continue;
    reported.add(foundLine);
    const text = foundText[foundLine]?.trim() ?? '';
    const wanted = expectedText[expectedLine]?.trim() ?? '';
    runs.push({ at: lineAt(found, foundLine), related: lineAt(expected, expectedLine), message: `Unexpected code ${quote(text || '(nothing)')} in ${where}, expected ${quote(wanted || '(nothing)')} as in the source`, data: { found: text, expected: wanted } });
  }
  reportRuns(runs, report);
}

/**
 * Report a block's changed runs: each apart when there are one or two, else once at the
 * first with their count — many changed lines in one block are one cause (a block the source
 * rewrote, an example adapted as a whole), not many.
 */
function reportRuns(runs: readonly RuleReport[], report: (r: RuleReport) => void): void {
  if (runs.length < 3) {
    for (const run of runs) report(run);
    return;
  }
  const [first] = runs;
  report({ ...first!, message: `${first!.message} (and ${runs.length - 1} more changed lines in this block)`, data: { ...(first!.data as object), lines: runs.length } });
}

/**
 * The same code, laid out otherwise: a change that only moves line breaks (`</a>` written
 * `</a` + `>`, an object split over lines) or adds, drops or swaps a trailing `,` / `;`.
 * `Import-Module -Name` for `Import-Module-Name` is not: on one line, spacing counts.
 */
function sameCodeReflowed(removed: readonly CodeToken[], added: readonly CodeToken[]): boolean {
  const text = (tokens: readonly CodeToken[], joint: string) =>
    tokens
      .filter((token) => token.text !== LINE_BREAK)
      .map((token) => token.text)
      .join(joint)
      .replace(/[,;]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const wrapped = removed.some((token) => token.text === LINE_BREAK) || added.some((token) => token.text === LINE_BREAK);
  return text(removed, ' ') === text(added, ' ') || (wrapped && text(removed, '') === text(added, ''));
}

/** Walk a diff of two lists: `equal` for each kept pair, `hunk` for each run of removed/added items. */
function walkDiff<T>(a: readonly T[], b: readonly T[], equalItems: (x: T, y: T) => boolean, hunk: (removed: T[], added: T[]) => void): void {
  let i = 0;
  let j = 0;
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    if (removed.length > 0 || added.length > 0) hunk(removed, added);
    removed = [];
    added = [];
  };
  for (const change of diffArrays([...a], [...b], { comparator: equalItems })) {
    const count = change.count ?? change.value.length;
    if (change.removed) removed.push(...a.slice(i, (i += count)));
    else if (change.added) added.push(...b.slice(j, (j += count)));
    else {
      flush();
      i += count;
      j += count;
    }
  }
  flush();
}

function checkUnit(context: PairContext, source: UnitRef, translation: UnitRef, memo: Map<Code, CodeToken[]>): void {
  const options = optionsOf(context);
  const lines = (code: Code) => tokensOf(code, options, memo);
  const where = unitName(translation);
  const keyOf = (code: Code) => `${code.value.lang ?? ''}\n${lines(code).map((token) => token.text).join(' ')}`;
  const extra: Code[] = [];
  const missing: Code[] = [];
  const inOrder = (removed: Code[], added: Code[]) => {
    const count = Math.min(removed.length, added.length);
    for (let k = 0; k < count; k++) compareBlocks(added[k]!, removed[k]!, where, lines, context.report);
    extra.push(...added.slice(count));
    missing.push(...removed.slice(count));
  };
  // Blocks pair by order: identical text first (most blocks, no tokenising); between two
  // identical blocks, as many blocks on both sides pair in order, else equal code pairs first.
  walkDiff(
    factsOf(source).code,
    factsOf(translation).code,
    (x, y) => raw(x) === raw(y),
    (removed, added) => {
      if (removed.length === added.length) inOrder(removed, added);
      else walkDiff(removed, added, (x, y) => keyOf(x) === keyOf(y), inOrder);
    },
  );
  reportBlocks(context, { extra, missing, where, source, translation });
}

/**
 * Blocks one side has and the other has not; three or more in a section are one cause (a
 * section rewritten since the translation), reported once with their count.
 */
function reportBlocks(context: PairContext, blocks: { extra: Code[]; missing: Code[]; where: string; source: UnitRef; translation: UnitRef }): void {
  const { extra, missing, where, source, translation } = blocks;
  const count = (list: Code[], what: string) => (list.length > 1 ? ` (and ${list.length - 1} more ${what})` : '');
  const extras = extra.length >= 3 ? [extra[0]!] : extra;
  for (const found of extras) {
    context.report({
      at: found.position,
      related: unitStart(source),
      message: `Unexpected code block ${quote(found.value.value)} in ${where}, expected no such block as in the source${extra.length >= 3 ? count(extra, 'blocks the source’s section does not have') : ''}`,
      data: { blocks: extra.length },
    });
  }
  const missed = missing.length >= 3 ? [missing[0]!] : missing;
  for (const expected of missed) {
    context.report({
      at: unitStart(translation),
      related: expected.position,
      message: `Missing code block ${quote(expected.value.value)} in ${where}, expected it as in the source${missing.length >= 3 ? count(missing, 'blocks of the source’s section missing') : ''}`,
      data: { blocks: missing.length },
    });
  }
}

/** A code block differs from the source's. */
export const codeMismatch = defineRule({
  id: 'i18n/code-mismatch',
  meta: {
    description: 'Code blocks say the same code as the source’s, language included.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Code is compared as code: each block is tokenised with its language’s TextMate grammar (shiki’s) and its keywords, identifiers, operators, numbers and commands must equal the source’s, with the same fence language. Comments, quoted strings and JSX text are translated on purpose and are not compared (options `comments` and `strings`: `"compare"` turns each back on); Markdown and MDX examples compare by their structure (markers, tags, attribute names, imports, and the code of a fence nested in them). Adapted on purpose and not a difference: a locale code as an example’s key (`fr:` for `\'pt-BR\':`), a program’s output lines in a shell block (`[plugin] message`, lines after a `$` prompt), a name the example declares renamed everywhere (`function afficher…`), the same code laid out over more lines or with another trailing `,`/`;`. A changed run of lines is reported once, at its first line; three or more in one block, or three or more blocks missing or added in a section, are one report with their count.',
    examples: {
      ok: [
        {
          source: '##### Étape 1 : A\n```powershell\nGet-Mailbox\n```',
          translation: '##### Step 1: A\n```powershell\nGet-Mailbox\n```',
        },
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          format: 'mdx',
          source: "## Setup\n\n```js\n// Component script\nconst label = 'Start here';\nexport default { label, order: 1 };\n```\n",
          translation: "## Installation\n\n```js\n// Script du composant\nconst label = 'Commencer ici';\nexport default { label, order: 1 };\n```\n",
        },
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          format: 'mdx',
          source: '## Tabs\n\n```mdx\nimport { Tabs } from \'@astrojs/starlight/components\';\n\n<Tabs>\n  <TabItem label="Stars">Sirius</TabItem>\n</Tabs>\n```\n',
          translation: '## Onglets\n\n```mdx\nimport { Tabs } from \'@astrojs/starlight/components\';\n\n<Tabs>\n  <TabItem label="Étoiles">Sirius</TabItem>\n</Tabs>\n```\n',
        },
        {
          sourceLocale: 'en',
          targetLocale: 'de',
          source: "## Plugins\n\n```js\nexport default { 'pt-BR': 'Comece aqui' };\n```\n\n```sh\nnpm run build\n[my-plugin] Starting long process…\n```\n",
          translation: "## Plugins\n\n```js\nexport default { fr: 'Commencez ici' };\n```\n\n```sh\nnpm run build\n[my-plugin] Beginn eines langen Prozesses…\n```\n",
        },
      ],
      notOk: [
        {
          source: '##### Étape 1 : A\n```powershell\nGet-Mailbox\n```',
          translation: '##### Step 1: A\n```powershell\nGet-Mailbox -All\n```',
        },
        {
          source: '##### Étape 1 : A\n```powershell\nGet-Mailbox\n```',
          translation: '##### Step 1: A\n```\nGet-Mailbox\n```',
        },
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          source: '## Setup\n\n```sh\nnpm create astro@latest -- --template starlight\n```\n',
          translation: '## Installation\n\n```sh\nnpm run create astro@latest --template starlight\n```\n',
        },
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          source: "## Setup\n\n```js\n// Load the schema\nimport { docsSchema } from '@astrojs/starlight/schema';\n```\n",
          translation: "## Installation\n\n```js\n// Charger le schéma\nimport { defineCollection, z } from '@astrojs/starlight/schema';\n```\n",
        },
      ],
    },
  },
  check(context) {
    const memo = new Map<Code, CodeToken[]>();
    for (const { source, translation } of paired(context.alignment.units)) checkUnit(context, source, translation, memo);
  },
});
