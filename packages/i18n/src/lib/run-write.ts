import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDiagnostic, type Diagnostic, type Guide } from '@guidekit/model';
import { parseGuide, type KeywordsOption } from '@guidekit/parser';
import { loadConfig, type LoadedContent } from '@guidekit/content';
import writeFileAtomic from 'write-file-atomic';
import { historyBaseline } from './content.js';
import { gitHistory } from './git.js';
import { localeMatches } from './locale-match.js';
import { loadRun, type RunOptions, type RunResult } from './run-lint.js';
import { acknowledgeText, scaffoldText, stampText, type ScaffoldOptions } from './scaffold.js';
import type { GuideDoc } from './types.js';

/** Options of the run functions that rewrite files. */
export interface WriteOptions extends RunOptions {
  /** `true`: compute the new texts but write nothing. */
  dryRun?: boolean | undefined;
}

/** One file a run wrote (or would write). */
export interface Written {
  /** Absolute path. */
  file: string;
  text: string;
}

const RULE_ID = 'i18n/run';

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** A file argument (absolute, or relative to `cwd`) as a path relative to the content root. */
function treePath(content: LoadedContent, cwd: string, file: string): string {
  return toPosix(path.relative(content.root, path.resolve(cwd, file)));
}

function problem(file: string, message: string): Diagnostic {
  return createDiagnostic({ file, ruleId: RULE_ID, message });
}

interface Target {
  translation: Guide;
  source: Guide | undefined;
}

/** The translations named by `files` (every translation when none), or a diagnostic per bad name. */
function targets(content: LoadedContent, base: RunResult, files: readonly string[], cwd: string): { found: Target[]; problems: Diagnostic[] } {
  const sourceOf = new Map(content.translations.map((group) => [group.slug, group.source]));
  const isSource = (guide: Guide) => localeMatches(guide.locale, base.sourceLocale);
  if (files.length === 0) {
    const found = content.guides.filter((guide) => !isSource(guide)).map((translation) => ({ translation, source: sourceOf.get(translation.slug) }));
    return { found, problems: [] };
  }
  const found: Target[] = [];
  const problems: Diagnostic[] = [];
  for (const file of files) {
    const relative = treePath(content, cwd, file);
    const guide = content.guides.find((candidate) => candidate.path === relative);
    const absolute = path.resolve(cwd, file);
    if (!guide) problems.push(problem(absolute, `Unexpected file \`${file}\`, expected a guide inside the content root \`${content.root}\``));
    else if (isSource(guide)) problems.push(problem(absolute, `Unexpected source guide \`${file}\` (${guide.locale}), expected a translation`));
    else found.push({ translation: guide, source: sourceOf.get(guide.slug) });
  }
  return { found, problems };
}

function write(list: readonly Written[], dryRun: boolean | undefined): void {
  if (dryRun) return;
  for (const { file, text } of list) {
    // `scaffold --out` may name a folder that does not exist yet (a new locale).
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic.sync(file, text);
  }
}

/**
 * Stamp translations: record in each one's front matter the per-step hashes of its source as it
 * is now (`translationOf`), changing no other byte. Files may be absolute or relative to `cwd`,
 * from any folder.
 *
 * @param root The content root.
 * @param options `files` (default: every translation), locales, `dryRun`.
 * @returns A diagnostic per file that cannot be stamped; the files written and those unchanged.
 */
export async function stamp(
  root: string,
  options: WriteOptions & { files?: readonly string[] | undefined } = {},
): Promise<{ diagnostics: Diagnostic[]; result: RunResult & { written: Written[]; unchanged: string[] } }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { content, base, configErrors } = await loadRun(root, options);
  if (base.configInvalid) return { diagnostics: configErrors, result: { ...base, written: [], unchanged: [] } };
  const { found, problems } = targets(content, base, options.files ?? [], cwd);
  const written: Written[] = [];
  const unchanged: string[] = [];
  for (const { translation, source } of found) {
    const file = path.resolve(content.root, translation.path);
    if (!source) {
      problems.push(problem(file, `Unexpected translation \`${translation.slug}\` without a ${base.sourceLocale} source, expected a source to stamp from`));
      continue;
    }
    const text = content.readSource(translation) ?? '';
    const next = stampText(text, source);
    if (next === text) unchanged.push(file);
    else written.push({ file, text: next });
  }
  write(written, options.dryRun);
  return { diagnostics: problems, result: { ...base, written, unchanged } };
}

/** A diagnostic per `step-N` the source does not have (a typo would otherwise acknowledge nothing, silently). */
function unknownSteps(steps: readonly string[], source: Guide, file: string): Diagnostic[] {
  const known = new Set(source.steps.map((step) => step.id));
  const expected = [...known].join(', ') || 'none';
  return steps
    .filter((step) => step.startsWith('step-') && !known.has(step))
    .map((step) => problem(file, `Unexpected step \`${step}\`, expected one of the source's steps: ${expected}`));
}

/**
 * Acknowledge source changes in one translation as needing no re-translation (`steps`, default
 * every stale step), under `translationOf.acknowledged`.
 *
 * @param root The content root.
 * @param options `file` (absolute or relative to `cwd`), `steps` (`step-3` or `3`), `dryRun`.
 * @returns A diagnostic (`i18n/run`) when the file is no translation of the tree, or per step
 *   the source does not have (then nothing is written); the steps acknowledged.
 */
export async function ack(
  root: string,
  options: WriteOptions & { file: string; steps?: readonly string[] | undefined },
): Promise<{ diagnostics: Diagnostic[]; result: RunResult & { written: Written[]; acknowledged: string[] } }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { content, base, configErrors } = await loadRun(root, options);
  const none = { ...base, written: [], acknowledged: [] };
  if (base.configInvalid) return { diagnostics: configErrors, result: none };
  const { found, problems } = targets(content, base, [options.file], cwd);
  const target = found[0];
  if (!target?.source) {
    const file = path.resolve(cwd, options.file);
    return {
      diagnostics: target
        ? [problem(file, `Unexpected orphan translation \`${options.file}\`, expected a translation whose ${base.sourceLocale} source exists`)]
        : problems,
      result: none,
    };
  }
  const { translation, source } = target;
  const steps = (options.steps ?? []).map((step) => (/^\d+[a-z]?$/.test(step) ? `step-${step}` : step));
  const unknown = unknownSteps(steps, source, path.resolve(cwd, options.file));
  if (unknown.length > 0) return { diagnostics: unknown, result: none };
  const history = translation.frontmatter.translationOf || options.history === false ? undefined : (options.history ?? gitHistory(content.root));
  const baseline = history ? historyBaseline(content, history, source, translation) : undefined;
  const text = content.readSource(translation) ?? '';
  const next = acknowledgeText(text, translation, source, { steps, baseline });
  const written = next.text === text ? [] : [{ file: path.resolve(content.root, translation.path), text: next.text }];
  write(written, options.dryRun);
  return { diagnostics: [], result: { ...base, written, acknowledged: next.acknowledged } };
}

/** The tree a scaffold reads; none when `root` is no folder (the guide is then read on its own). */
async function scaffoldTree(
  root: string,
  options: ScaffoldRunOptions,
  cwd: string,
): Promise<{ content?: LoadedContent; base: RunResult; configErrors: Diagnostic[] }> {
  const absolute = path.resolve(cwd, root);
  if (isDirectory(absolute)) return loadRun(root, options);
  // A guide outside any content tree: its own text, the configuration named (else the defaults).
  const configFile = options.config === undefined ? undefined : path.resolve(cwd, options.config);
  const { config, diagnostics } = await loadConfig(absolute, { cwd, configFile, relativeTo: cwd });
  const configErrors = diagnostics.map((d) => ({ ...d, file: path.resolve(cwd, d.file) }));
  const sourceLocale = options.sourceLocale ?? config.sourceLocale;
  const locales = [...new Set([sourceLocale, ...(config.locales ?? [])])].sort();
  const base: RunResult = {
    root: absolute,
    config,
    configInvalid: configErrors.length > 0,
    sourceLocale,
    targetLocales: [],
    locales,
    readSource: () => undefined,
  };
  return { base, configErrors };
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Scaffold a translation of one source guide: structure, step numbers, images, links, code and
 * UI-label markers kept, headings in the target language, prose left to translate, stamped.
 * Written to `out` (never over an existing file unless `force`), else returned.
 *
 * @param root The content root (its configuration gives keywords and the source locale). When it
 *   is no folder (a CLI found no tree above the file), the guide is scaffolded from its own text,
 *   in `sourceLocale` (default: the configuration's), with the parser's keywords.
 * @param options `file` (the source, absolute or relative to `cwd`), `to`, `out`, `force`, `dryRun`.
 * @returns A diagnostic (`i18n/run`) for a missing source or an existing `out`; the skeleton.
 */
export async function scaffoldRun(
  root: string,
  options: ScaffoldRunOptions,
): Promise<{ diagnostics: Diagnostic[]; result: RunResult & { text: string; written: Written[] } }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { content, base, configErrors } = await scaffoldTree(root, options, cwd);
  const file = path.resolve(cwd, options.file);
  if (base.configInvalid || !existsSync(file)) {
    return {
      diagnostics: base.configInvalid ? configErrors : [problem(file, `No file \`${options.file}\`: expected the source guide to scaffold, a Markdown file`)],
      result: { ...base, text: '', written: [] },
    };
  }
  const inTree = content?.guides.find((guide) => guide.path === treePath(content, cwd, file));
  const text = (inTree && content?.readSource(inTree)) ?? readFileSync(file, 'utf8');
  const keywords = (base.config.keywords ?? {}) as KeywordsOption;
  const shown = toPosix(path.relative(content ? content.root : cwd, file));
  const guide = inTree ?? parseGuide(text, { path: shown, locale: base.sourceLocale, keywords }).guide;
  const skeleton = scaffoldText({ guide, text }, { to: options.to, keywords });
  const out = options.out === undefined ? undefined : path.resolve(cwd, options.out);
  if (out && existsSync(out) && !options.force) {
    return {
      diagnostics: [problem(out, `Unexpected existing file \`${options.out}\`, expected a new file (or force)`)],
      result: { ...base, text: skeleton, written: [] },
    };
  }
  const written = out ? [{ file: out, text: skeleton }] : [];
  write(written, options.dryRun);
  return { diagnostics: [], result: { ...base, text: skeleton, written } };
}

/** Options of the `scaffold` run function. */
export type ScaffoldRunOptions = WriteOptions & { file: string; to: string; out?: string | undefined; force?: boolean | undefined };

/**
 * `scaffold(root, { file, to, out })` is the run function (see {@link scaffoldRun});
 * `scaffold({ guide, text }, { to })` the skeleton of a parsed guide (as {@link scaffoldText},
 * kept for existing callers).
 */
export function scaffold(source: GuideDoc, options: ScaffoldOptions): string;
export function scaffold(root: string, options: ScaffoldRunOptions): ReturnType<typeof scaffoldRun>;
export function scaffold(first: GuideDoc | string, options: ScaffoldOptions | ScaffoldRunOptions): string | ReturnType<typeof scaffoldRun> {
  return typeof first === 'string' ? scaffoldRun(first, options as ScaffoldRunOptions) : scaffoldText(first, options as ScaffoldOptions);
}
