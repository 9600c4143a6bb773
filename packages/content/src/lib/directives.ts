import type { Diagnostic } from '@guidekit/model';
import { ruleIdMatches } from './rule-settings.js';

/** What a directive comment does. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

/** One `<!-- guidekit-… -->` (or MDX `{/* guidekit-… *\/}`) comment found in a source. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids as written; empty means every rule. */
  rules: string[];
  /** Start of the comment (1-based line and column). */
  line: number;
  column: number;
  /** Line the comment ends on: `disable-next-line` applies to the line after it. */
  endLine: number;
}

// HTML comments in Markdown, `{/* */}` expressions in MDX (where `<!--` is a syntax error).
// The longer keyword is tried first so `disable-next-line` is not read as `disable`.
const DIRECTIVE = /(?:<!--|\{\/\*)[ \t\r\n]*guidekit-(disable-next-line|disable|enable)(?=[ \t\r\n]|-->|\*\/)([^]*?)(?:-->|\*\/[ \t\r\n]*\})/g;

/**
 * Find the directive comments of a source, leaving out those inside fenced code blocks (a guide
 * that documents guidekit shows them without meaning them). Rule ids are separated by spaces or
 * commas; anything after ` -- ` is a free-text reason.
 *
 * @param source Markdown or MDX text.
 * @returns Directives in source order.
 */
export function parseDirectives(source: string): Directive[] {
  if (!source.includes('guidekit-')) return [];
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const fenced = fencedRanges(source, lineStarts);
  const out: Directive[] = [];
  for (const match of source.matchAll(DIRECTIVE)) {
    const start = match.index;
    if (fenced.some(([from, to]) => start >= from && start < to)) continue;
    const [before = ''] = (match[2] ?? '').split(/\s--(?:\s|$)/);
    const rules = before.split(/[\s,]+/).filter((id) => id !== '');
    const { line, column } = pointAt(lineStarts, start);
    const endLine = pointAt(lineStarts, start + match[0].length - 1).line;
    out.push({ kind: match[1] as DirectiveKind, rules, line, column, endLine });
  }
  return out;
}

/**
 * Drop the diagnostics that directive comments in their own file silence:
 * `<!-- guidekit-disable a b -->` … `<!-- guidekit-enable a -->` (a range; without ids, every
 * rule), and `<!-- guidekit-disable-next-line a -->` (the line after the comment). A rule id
 * matches exactly or without its package prefix (`missing-step` silences
 * `i18n/missing-step`). A directive applies from where the comment starts; for i18n rules it
 * goes in the translation, where the diagnostic is reported.
 *
 * @param diagnostics Diagnostics to filter (not mutated).
 * @param readSource Returns a file's text (called once per file that has diagnostics), or
 *   `undefined` when it cannot be read: then that file's diagnostics are all kept.
 * @returns The kept diagnostics, in the same order.
 */
export function applyInlineDirectives(diagnostics: readonly Diagnostic[], readSource: (file: string) => string | undefined): Diagnostic[] {
  const byFile = new Map<string, Directive[]>();
  return diagnostics.filter((d) => {
    let directives = byFile.get(d.file);
    if (!directives) {
      const source = readSource(d.file);
      directives = source === undefined ? [] : parseDirectives(source);
      byFile.set(d.file, directives);
    }
    return !silenced(d, directives);
  });
}

/** Replay the directives before the diagnostic's place, for its rule only. */
function silenced(d: Diagnostic, directives: readonly Directive[]): boolean {
  let off = false;
  for (const directive of directives) {
    const names = directive.rules.length === 0 || directive.rules.some((id) => ruleIdMatches(id, d.ruleId));
    if (!names) continue;
    if (directive.kind === 'disable-next-line') {
      if (d.line === directive.endLine + 1) return true;
      continue;
    }
    const before = directive.line < d.line || (directive.line === d.line && directive.column <= d.column);
    if (before) off = directive.kind === 'disable';
  }
  return off;
}

function pointAt(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  // Binary search: the last line start at or before the offset.
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
}

/** Offsets [from, to) of fenced code blocks (``` or ~~~, CommonMark's opening and closing rules). */
function fencedRanges(source: string, lineStarts: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open: { char: string; size: number; from: number } | undefined;
  for (let i = 0; i < lineStarts.length; i++) {
    const from = lineStarts[i] ?? 0;
    const to = lineStarts[i + 1] ?? source.length;
    const text = source.slice(from, to).replace(/\r?\n$/, '');
    if (!open) {
      const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(text);
      // A backtick fence's info string may not contain a backtick (it would be inline code).
      if (m?.[1] && !(m[1][0] === '`' && (m[2] ?? '').includes('`'))) {
        open = { char: m[1][0] ?? '`', size: m[1].length, from };
      }
    } else {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (m?.[1] && m[1][0] === open.char && m[1].length >= open.size) {
        ranges.push([open.from, to]);
        open = undefined;
      }
    }
  }
  // An unclosed fence runs to the end of the document, as in CommonMark.
  if (open) ranges.push([open.from, source.length]);
  return ranges;
}
