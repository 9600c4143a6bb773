import { defineRule } from '../rule.js';
import { diffLists, paired, quote, unitName, unitStart } from '../compare.js';
import { factsOf } from '../facts.js';

type Code = { lang: string | null; value: string };

// Trailing spaces are invisible and editors strip them: they are not a difference.
const key = (code: { value: Code }) => `${code.value.lang ?? ''}\n${code.value.value.replace(/[ \t]+$/gm, '').trimEnd()}`;

/**
 * Lines of `found` that differ from `expected`: each differing line when both have as many
 * lines (edits in place), else the first difference only (lines were added or removed, and
 * everything after it would be noise).
 */
function differentLines(found: Code, expected: Code): { line: number; text: string; wanted: string }[] {
  const a = found.value.split('\n');
  const b = expected.value.split('\n');
  const out: { line: number; text: string; wanted: string }[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? '').trimEnd() === (b[i] ?? '').trimEnd()) continue;
    out.push({ line: Math.min(i, a.length), text: a[i] ?? '', wanted: b[i] ?? '' });
    if (a.length !== b.length) break;
  }
  return out;
}

/** A code block differs from the source's. */
export const codeMismatch = defineRule({
  id: 'i18n/code-mismatch',
  meta: {
    description: 'Code blocks are identical to the source’s, language included.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Commands do not get translated: each fenced code block of a step or section must equal the source’s, with the same language tag (trailing spaces aside). A changed block is reported on each line edited in place, or on its first differing line when lines were added or removed.',
    examples: {
      ok: [{ source: '##### Étape 1 : A\n```powershell\nGet-Mailbox\n```', translation: '##### Step 1: A\n```powershell\nGet-Mailbox\n```' }],
      notOk: [
        { source: '##### Étape 1 : A\n```powershell\nGet-Mailbox\n```', translation: '##### Step 1: A\n```powershell\nGet-Mailbox -All\n```' },
        { source: '##### Étape 1 : A\n```powershell\nGet-Mailbox\n```', translation: '##### Step 1: A\n```\nGet-Mailbox\n```' },
      ],
    },
  },
  check(context) {
    for (const { source, translation } of paired(context.alignment.units)) {
      const diff = diffLists(factsOf(source).code, factsOf(translation).code, key);
      const where = unitName(translation);
      for (const [found, expected] of diff.changed) {
        if ((found.value.lang ?? '') !== (expected.value.lang ?? '')) {
          context.report({ at: found.position, related: expected.position, message: `Unexpected code language ${quote(found.value.lang ?? 'none')} in ${where}, expected ${quote(expected.value.lang ?? 'none')} as in the source`, data: { found: found.value.lang, expected: expected.value.lang } });
          continue;
        }
        for (const diffLine of differentLines(found.value, expected.value)) {
          const start = found.position?.start;
          // The fence is on the block's first line, so content line i is at start.line + 1 + i.
          const at = start ? { line: start.line + 1 + diffLine.line, column: 1 } : undefined;
          const relatedStart = expected.position?.start;
          const related = relatedStart ? { line: relatedStart.line + 1 + diffLine.line, column: 1 } : undefined;
          context.report({ at, related, message: `Unexpected code ${quote(diffLine.text || '(nothing)')} in ${where}, expected ${quote(diffLine.wanted || '(nothing)')} as in the source`, data: { found: diffLine.text, expected: diffLine.wanted } });
        }
      }
      for (const found of diff.extra) {
        context.report({ at: found.position, related: unitStart(source), message: `Unexpected code block ${quote(found.value.value)} in ${where}, expected no such block as in the source` });
      }
      for (const expected of diff.missing) {
        context.report({ at: unitStart(translation), related: expected.position, message: `Missing code block ${quote(expected.value.value)} in ${where}, expected it as in the source` });
      }
    }
  },
});
