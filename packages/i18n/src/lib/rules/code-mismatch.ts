import { diffArrays } from 'diff';
import type { Position } from '@guidekit/model';
import { defineRule } from '../rule.js';
import { paired, quote, unitName, unitStart } from '../compare.js';
import { codeTokens, LINE_BREAK, type CodeCompareOptions, type CodeToken } from '../code-tokens.js';
import { factsOf, type Located } from '../facts.js';
import type { PairContext, RuleReport, UnitRef } from '../types.js';

type Code = Located<{ lang: string | null; value: string; meta?: string | null }>;

// Trailing spaces are invisible and editors strip them: they are not a difference.
const raw = (code: Code) => `${code.value.lang ?? ''}\n${code.value.value.replace(/[ \t]+$/gm, '').trimEnd()}`;

function optionsOf(context: PairContext): CodeCompareOptions {
  const { comments, strings } = context.ruleOptions as CodeCompareOptions;
  return { comments, strings, locales: [context.source.guide.locale, context.translation.guide.locale] };
}

/** Significant tokens of a block, memoised per block. */
function tokensOf(code: Code, options: CodeCompareOptions, memo: Map<Code, CodeToken[]>): CodeToken[] {
  let tokens = memo.get(code);
  if (!tokens) {
    tokens = codeTokens(code.value.lang, code.value.value, options, code.value.meta);
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
  const b = tokens(found);
  const foundText = found.value.value.split('\n');
  const expectedText = expected.value.value.split('\n');
  let i = 0;
  let j = 0;
  const changes = diffArrays(a, b, { comparator: (x, y) => x.text === y.text });
  const reported = new Set<number>();
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
    if (!foundToken && !expectedToken) continue;
    const foundLine = foundToken?.line ?? b[j]?.line ?? b[j - 1]?.line ?? 0;
    const expectedLine = expectedToken?.line ?? a[i]?.line ?? a[i - 1]?.line ?? 0;
    // Two runs on one line (`config sip` for `sip config`) are one edit of that line.
    if (reported.has(foundLine)) continue;
    reported.add(foundLine);
    const text = foundText[foundLine]?.trim() ?? '';
    const wanted = expectedText[expectedLine]?.trim() ?? '';
    report({ at: lineAt(found, foundLine), related: lineAt(expected, expectedLine), message: `Unexpected code ${quote(text || '(nothing)')} in ${where}, expected ${quote(wanted || '(nothing)')} as in the source`, data: { found: text, expected: wanted } });
  }
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
  const inOrder = (removed: Code[], added: Code[]) => {
    const count = Math.min(removed.length, added.length);
    for (let k = 0; k < count; k++) compareBlocks(added[k]!, removed[k]!, where, lines, context.report);
    for (const found of added.slice(count)) {
      context.report({
        at: found.position,
        related: unitStart(source),
        message: `Unexpected code block ${quote(found.value.value)} in ${where}, expected no such block as in the source`,
      });
    }
    for (const expected of removed.slice(count)) {
      context.report({
        at: unitStart(translation),
        related: expected.position,
        message: `Missing code block ${quote(expected.value.value)} in ${where}, expected it as in the source`,
      });
    }
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
}

/** A code block differs from the source's. */
export const codeMismatch = defineRule({
  id: 'i18n/code-mismatch',
  meta: {
    description: 'Code blocks say the same code as the source’s, language included.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Code is compared as code: each block is tokenised with its language’s TextMate grammar (shiki’s) and its keywords, identifiers, operators, numbers and commands must equal the source’s, with the same fence language. Comments, quoted strings and JSX text are translated on purpose and are not compared (options `comments` and `strings`: `"compare"` turns each back on); Markdown and MDX examples compare by their structure (markers, tags, attribute names, imports). A changed run of lines is reported once, at its first line.',
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
