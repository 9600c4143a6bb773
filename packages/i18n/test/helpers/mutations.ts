import type { GuideDoc } from '../../src/index.js';
import { hasSourceLanguageMarks } from '../../src/lib/language.js';

/** A defect injected into a translation, and where it must be reported. */
export interface Mutated {
  text: string;
  /** 1-based line the new diagnostic must be on. */
  line: number;
  /** Where an old line went (undefined when it was deleted). */
  shift(line: number): number | undefined;
}

/** One kind of defect and the rule that must report it. */
export interface Mutation {
  name: string;
  rule: string;
  apply(translation: GuideDoc, source: GuideDoc): Mutated | undefined;
}

const same = (line: number) => line;

/** Lines of the file that are ordinary Markdown (not inside a code fence, not front matter). */
function proseLines(text: string): Set<number> {
  const lines = text.split('\n');
  const out = new Set<number>();
  let fence = false;
  let frontmatter = lines[0]?.trim() === '---';
  lines.forEach((line, i) => {
    if (frontmatter) {
      if (i > 0 && line.trim() === '---') frontmatter = false;
      return;
    }
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      return;
    }
    if (!fence) out.add(i + 1);
  });
  return out;
}

function stepLines(doc: GuideDoc): Set<number> {
  const out = new Set<number>();
  for (const section of doc.guide.sections) {
    if (section.kind !== 'step') continue;
    for (let line = section.position.start.line + 1; line <= section.position.end.line; line++) out.add(line);
  }
  return out;
}

function replaceLine(text: string, line: number, next: string): string {
  const lines = text.split('\n');
  lines[line - 1] = next;
  return lines.join('\n');
}

/** The defects of the acceptance criteria, one function each. */
export const mutations: Mutation[] = [
  {
    name: 'delete a step',
    rule: 'i18n/missing-step',
    apply(translation) {
      const sections = translation.guide.sections;
      // A step followed by another step: the diagnostic lands on that next step's heading.
      const index = sections.findIndex((section, i) => section.kind === 'step' && sections.slice(i + 1).some((next) => next.kind === 'step'));
      if (index === -1) return undefined;
      const start = sections[index]!.position.start.line;
      const end = sections[index + 1]!.position.start.line; // exclusive
      const lines = translation.text!.split('\n');
      lines.splice(start - 1, end - start);
      const count = end - start;
      return { text: lines.join('\n'), line: start, shift: (line) => (line < start ? line : line < end ? undefined : line - count) };
    },
  },
  {
    name: 'change an image URL',
    rule: 'i18n/image-mismatch',
    apply(translation) {
      const lines = translation.text!.split('\n');
      const prose = proseLines(translation.text!);
      const i = lines.findIndex((line, n) => prose.has(n + 1) && /!\[[^\]]*\]\([^)\s]+\)/.test(line));
      if (i === -1) return undefined;
      const next = lines[i]!.replace(/(!\[[^\]]*\]\([^)\s]+?)(\.\w+)?\)/, (_, url: string, ext = '') => `${url}-changed${ext})`);
      return { text: replaceLine(translation.text!, i + 1, next), line: i + 1, shift: same };
    },
  },
  {
    name: 'alter a code line',
    rule: 'i18n/code-mismatch',
    apply(translation) {
      for (const section of translation.guide.sections) {
        for (const block of section.blocks) {
          const code = block as { type: string; value?: string; position?: { start: { line: number } } };
          if (code.type !== 'code' || !code.value?.trim() || !code.position) continue;
          const line = code.position.start.line + 1;
          const lines = translation.text!.split('\n');
          return { text: replaceLine(translation.text!, line, `${lines[line - 1]} -Altered`), line, shift: same };
        }
      }
      return undefined;
    },
  },
  {
    name: 'change a number',
    rule: 'i18n/number-mismatch',
    apply(translation) {
      const lines = translation.text!.split('\n');
      const prose = proseLines(translation.text!);
      const steps = stepLines(translation);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (!prose.has(i + 1) || !steps.has(i + 1) || /[`[\]!<#|]|https?:|^\s*-/.test(line)) continue;
        const match = /(?<![\p{L}\p{N}_.,\-/:])\d+(?![\p{L}\p{N}_.,\-/:])/u.exec(line);
        if (!match) continue;
        const next = line.slice(0, match.index) + '4242' + line.slice(match.index + match[0].length);
        return { text: replaceLine(translation.text!, i + 1, next), line: i + 1, shift: same };
      }
      return undefined;
    },
  },
  {
    name: 'paste source prose',
    rule: 'i18n/untranslated',
    apply(translation, source) {
      const sourceLines = source.text!.split('\n');
      const prose = proseLines(source.text!);
      const steps = stepLines(source);
      // A plain one-line source paragraph: no markup, links or numbers that other rules compare.
      const para = source.guide.steps
        .flatMap((step) => step.blocks)
        .filter((block) => block.type === 'paragraph' && block.position && block.position.start.line === block.position.end.line)
        .map((block) => sourceLines[block.position!.start.line - 1]!)
        .find((line, _i) => line.length > 20 && !/[*_`[\]!<>#|\\\d]|https?:|www\./.test(line) && hasSourceLanguageMarks(line, source.guide.locale, translation.guide.locale));
      void prose;
      void steps;
      const step = translation.guide.steps[0];
      if (!para || !step) return undefined;
      const heading = step.position.start.line;
      const lines = translation.text!.split('\n');
      lines.splice(heading, 0, para, '');
      return { text: lines.join('\n'), line: heading + 1, shift: (line) => (line <= heading ? line : line + 2) };
    },
  },
  {
    name: 'drop a UI label',
    rule: 'i18n/ui-label-count',
    apply(translation) {
      const text = translation.text!;
      const lines = text.split('\n');
      const prose = proseLines(text);
      const steps = stepLines(translation);
      for (let i = 0; i < lines.length; i++) {
        if (!prose.has(i + 1) || !steps.has(i + 1)) continue;
        const match = /\*<u>([^<*]+)<\/u>\*/.exec(lines[i]!);
        // The plain text left behind must be findable: only once in the whole file.
        if (!match || text.split(match[1]!).length !== 2) continue;
        const next = lines[i]!.replace(match[0], match[1]!);
        return { text: replaceLine(text, i + 1, next), line: i + 1, shift: same };
      }
      return undefined;
    },
  },
  {
    name: 'break a link',
    rule: 'i18n/broken-markdown',
    apply(translation) {
      const lines = translation.text!.split('\n');
      const prose = proseLines(translation.text!);
      const sources = translation.guide.sections.find((section) => section.kind === 'sources');
      for (let i = 0; i < lines.length; i++) {
        const line = i + 1;
        if (!prose.has(line) || (sources && line >= sources.position.start.line && line <= sources.position.end.line)) continue;
        const match = /(?<!!)\[[^\]\n]+\]\((?:https?:\/\/|\/)[^)\s]*\)/.exec(lines[i]!);
        if (!match) continue;
        const next = lines[i]!.replace(match[0], match[0].replace('](', '] ('));
        return { text: replaceLine(translation.text!, line, next), line, shift: same };
      }
      return undefined;
    },
  },
];
