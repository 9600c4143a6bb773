import { promises as fsp } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { createDiagnostic, sortDiagnostics } from '@guidekit/model';
import type { Diagnostic, Guide } from '@guidekit/model';
import { ContentRootError, loadContent, resolveConfigPath } from '@guidekit/content';
import type { LoadedContent } from '@guidekit/content';
import { BuildUsageError, FormatUnavailableError } from './format.js';
import type { Format, FormatContext, GuideInput, OutputFile, RenderOutput, SiteInput } from './format.js';
import { AtomicWriter, STAGING_DIR, STATE_DIR, TEMP_PREFIX, listFiles, removeOutput } from './fs.js';
import { hashContent, hashValue, stableStringify } from './hash.js';
import {
  readJournal,
  readManifest,
  removeJournal,
  writeJournal,
  writeManifest,
} from './manifest.js';
import type { Manifest, ManifestFile, ManifestUnit } from './manifest.js';
import { runPool } from './pool.js';
import { PARALLEL_FORMATS, RenderWorkers, workerScript } from './workers.js';
import { formats as registry } from './registry.js';
import { BUILD_VERSION, rendererFingerprint } from './version.js';

/** Progress of a build, reported after each unit it had to render (rendered or failed). */
export interface BuildProgress {
  /** Units processed so far (up-to-date units are not counted: they cost nothing). */
  done: number;
  /** Units to render in this build. */
  total: number;
  /** Format of the unit just rendered. */
  format: string;
  /** The unit just rendered (`html:fr/enable-mfa`, `json:index`). */
  unit: string;
}

/** Options of `build`. */
export interface BuildOptions {
  /** Content root (a folder of guides, with an optional `guidekit.config.json`). */
  root: string;
  /** Output folder, relative to the current directory. Default: the configuration's `out`, else `dist`. */
  out?: string;
  /** Format names to build. Default: the configuration's `formats`, else html, single, json, md, jsonld. */
  formats?: readonly string[];
  /** Path of a configuration file, passed to the content loader. */
  config?: string;
  /** Use the content loader's parse cache (default true). `false` parses every guide again. */
  cache?: boolean;
  /** Options per format (`{ pdf: { paper: 'Letter' } }`): part of every input key of that format. */
  formatOptions?: Record<string, Record<string, unknown>>;
  /** The formats to choose from. Default: the built-in registry. */
  registry?: readonly Format<any>[];
  /**
   * Render threads for the CPU-heavy formats (HTML, single-file, Markdown). Default: the
   * available cores when more than 64 such units must be rendered, else none (a thread costs
   * a few hundred milliseconds to start). Threads are used only from the built package.
   */
  workers?: number;
  /** Called after each rendered unit. */
  onProgress?: (progress: BuildProgress) => void;
  /** Called as guides are parsed (or read from the cache) before rendering starts. */
  onLoadProgress?: (progress: { done: number; total: number }) => void;
  /** Stops the build between units; the previous output and manifest stay as they were. */
  signal?: AbortSignal;
}

/** A format that was asked for but could not run here (PDF without Chromium). */
export interface UnavailableFormat {
  format: string;
  message: string;
}

/** What a build did. */
export interface BuildResult {
  /** Absolute content root. */
  root: string;
  /** Absolute output folder. */
  out: string;
  /** Formats built (in registry order). */
  formats: string[];
  /** Number of guides loaded. */
  guides: number;
  /** Files written by this build (POSIX, relative to `out`), in write order. */
  written: string[];
  /** Files of the output that were already up to date. */
  unchanged: number;
  /** Files removed (outputs of deleted guides). */
  removed: string[];
  /** Units rendered / skipped as up to date. */
  units: { rendered: number; skipped: number };
  /** Content, render and build diagnostics, sorted. */
  diagnostics: Diagnostic[];
  /** Formats that could not run; the others were built. */
  unavailable: UnavailableFormat[];
  /** The resolved configuration the content loader used (its `rules` set severities). */
  config: FormatContext['config'];
  /** Raw text of a guide file by its path relative to the root (for inline directives). */
  readSource: (file: string) => string | undefined;
  /**
   * Where the time went, in milliseconds: loading the content (parse or cache), planning (keys,
   * manifest, listing `out`), rendering and writing, finishing (manifest, removals).
   */
  timings: { loadMs: number; planMs: number; renderMs: number; finishMs: number };
  /** Wall time in milliseconds. */
  durationMs: number;
}

/** The format names the registry knows, in order. */
export function availableFormats(list: readonly Format<any>[] = registry): string[] {
  return list.map((f) => f.name);
}

/** Formats built when none are named: all but those that need a browser. */
export const DEFAULT_FORMATS: readonly string[] = ['html', 'single', 'json', 'md', 'jsonld', 'data'];

interface Unit {
  id: string;
  format: Format<any>;
  stage: 'guide' | 'index';
  input: GuideInput | SiteInput;
  key: string;
}

/** Translations of a guide: the rest of its slug group, sorted by locale. */
function translationsOf(guide: Guide, groups: Map<string, Guide[]>): Guide[] {
  return (groups.get(guide.slug) ?? []).filter((g) => g !== guide);
}

/**
 * What a page may know of a translation: exactly what the `group` key holds (path, slug,
 * locale, title). Giving renderers no more keeps the key honest: a page cannot show a
 * translation's description without the build noticing, because it is not there.
 */
function translationStub(t: Guide): Guide {
  return {
    slug: t.slug,
    locale: t.locale,
    path: t.path,
    format: t.format,
    title: t.title,
    kind: t.kind,
    frontmatter: { extra: {} },
    sections: [],
    prerequisites: [],
    steps: [],
    sources: [],
    hash: '',
  };
}

/**
 * Build a content tree into `out`, format by format, incrementally and atomically.
 *
 * Every unit (a guide in a format, or a format's site-wide index) has a key: the hash of all it
 * depends on. A unit whose key is in the manifest of the previous build, and whose files are all
 * there, is skipped; a rendered file whose bytes did not change is not written. Files are
 * written aside and renamed into place; per-guide pages before the indexes that link to them;
 * the manifest last; outputs of deleted guides are removed only after the manifest that no
 * longer lists them is in place. Killing the build at any moment leaves every file listed in
 * the manifest present and complete.
 *
 * @param options Root, output folder, formats and hooks.
 * @returns What was written, skipped, removed, and the diagnostics.
 * @throws BuildUsageError for an unknown format name.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const list = options.registry ?? registry;
  const checkNames = (names: readonly string[]): void => {
    const unknown = names.filter((name) => !list.some((f) => f.name === name));
    if (unknown.length > 0) {
      throw new BuildUsageError(
        `Unexpected format ${unknown.map((n) => `\`${n}\``).join(', ')}, expected one of ${availableFormats(list).join(', ')}`,
      );
    }
  };
  if (options.formats) checkNames(options.formats);
  const root = path.resolve(options.root);

  let content: LoadedContent;
  try {
    content = await loadContent(root, {
      ...(options.cache !== undefined ? { cache: options.cache } : {}),
      ...(options.config !== undefined ? { config: options.config } : {}),
      ...(options.onLoadProgress ? { onProgress: options.onLoadProgress } : {}),
    });
  } catch (error) {
    if (error instanceof ContentRootError) throw new BuildUsageError(error.message);
    throw error;
  }
  // Formats and output folder: the options, else the configuration, else the defaults.
  const requested = options.formats ?? content.config.formats ?? DEFAULT_FORMATS;
  checkNames(requested);
  const selected = list.filter((f) => requested.includes(f.name));
  const out = path.resolve(options.out ?? (content.config.out ? resolveConfigPath(content.config, content.config.out) : 'dist'));
  if (out === root || root.startsWith(out + path.sep)) {
    throw new BuildUsageError(`Unexpected output folder ${out}: it holds the content root ${root}, expected a separate folder`);
  }
  // An output folder inside the root would be read back as guides (dist/md/fr/x.md) by the next
  // build, unless it is the configured `out`, which the loader skips.
  const configuredOut = content.config.out ? resolveConfigPath(content.config, content.config.out) : undefined;
  if (out.startsWith(content.root + path.sep) && out !== configuredOut) {
    throw new BuildUsageError(
      `Unexpected output folder ${out} inside the content root ${content.root}, expected a folder outside it (or set \`out\` in guidekit.config.json, which the loader skips)`,
    );
  }
  const diagnostics: Diagnostic[] = [...content.diagnostics];
  const guides = [...content.guides];
  const groups = new Map<string, Guide[]>();
  for (const guide of guides) {
    const group = groups.get(guide.slug);
    if (group) group.push(guide);
    else groups.set(guide.slug, [guide]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.locale.localeCompare(b.locale));
  const config = content.config;
  const configHash = hashValue(config);
  const locales = [...new Set(guides.map((g) => g.locale))].sort();

  const contexts = new Map<Format<any>, FormatContext>();
  const memo = new Map<string, unknown>();
  for (const format of selected) {
    contexts.set(format, {
      root: content.root,
      out,
      config,
      staticDir: content.staticDir,
      options: options.formatOptions?.[format.name] ?? {},
      guides,
      locales,
      formats: selected.map((f) => f.name),
      groups,
      memo,
    });
  }

  const loadedAt = performance.now();
  // ---- plan: every unit and its key ----
  const site: SiteInput = { kind: 'site', guides, groups };
  const siteSummary = guides.map((g) => [g.path, g.slug, g.locale, g.hash]);
  const units: Unit[] = [];
  for (const format of selected) {
    const ctx = contexts.get(format) as FormatContext;
    // Everything a format's units share, hashed once; per unit only plain arrays of strings
    // remain, which JSON.stringify serialises deterministically (and fast) without key sorting.
    const base = hashValue([BUILD_VERSION, rendererFingerprint(), format.name, format.version, configHash, ctx.options, locales]);
    const keyOf = (parts: unknown[], extra: unknown): string => hashContent(`${base}\n${JSON.stringify(parts)}\n${extra === undefined ? '' : stableStringify(extra)}`);
    if (format.dependsOn === 'site') {
      units.push({ id: `${format.name}:site`, format, stage: 'index', input: site, key: keyOf(siteSummary, format.inputs?.(site, ctx)) });
      continue;
    }
    for (const guide of guides) {
      const translations = translationsOf(guide, groups).map(translationStub);
      const input: GuideInput = { kind: 'guide', guide, translations };
      const group = format.dependsOn === 'group' ? translations.map((t) => [t.path, t.slug, t.locale, t.title]) : null;
      units.push({
        id: `${format.name}:${guide.locale}/${guide.slug}`,
        format,
        stage: 'guide',
        input,
        key: keyOf([guide.path, guide.slug, guide.locale, guide.hash, group], format.inputs?.(input, ctx)),
      });
    }
    if (format.renderIndex) {
      units.push({ id: `${format.name}:index`, format, stage: 'index', input: site, key: keyOf(siteSummary, format.inputs?.(site, ctx)) });
    }
  }
  // Pages first, indexes after: an index never links to a page that is not written yet.
  units.sort((a, b) => (a.stage === b.stage ? 0 : a.stage === 'guide' ? -1 : 1));

  const previous = await readManifest(out, BUILD_VERSION);
  const journal = await readJournal(out);
  const existing = new Set(listFiles(out).filter((f) => !f.startsWith(`${STATE_DIR}/`)));
  const dirty = units.filter((unit) => {
    const before = previous.units[unit.id];
    return !before || before.key !== unit.key || journal.has(unit.id) || !before.files.every((f) => existing.has(f));
  });
  const dirtyIds = new Set(dirty.map((u) => u.id));
  const plannedAt = performance.now();

  const next: Manifest = { version: previous.version, generator: BUILD_VERSION, units: {}, files: {}, garbage: [] };
  const writer = new AtomicWriter(out);
  const claimed = new Map<string, string>();
  let rendered = 0;
  let skipped = 0;

  // Clean units keep their record; their stored diagnostics are replayed.
  for (const unit of units) {
    if (dirtyIds.has(unit.id)) continue;
    const before = previous.units[unit.id] as ManifestUnit;
    next.units[unit.id] = before;
    for (const file of before.files) {
      next.files[file] = previous.files[file] as ManifestFile;
      claimed.set(file, unit.id);
    }
    if (before.diagnostics) diagnostics.push(...before.diagnostics);
    skipped++;
  }

  // Formats not asked for this time keep their outputs and records as they are: `--format pdf`
  // must not delete the HTML site. (Their stale outputs go when that format is built again.)
  const selectedNames = new Set(selected.map((f) => f.name));
  for (const [id, before] of Object.entries(previous.units)) {
    if (selectedNames.has(id.slice(0, id.indexOf(':')))) continue;
    const files = before.files.filter((f) => existing.has(f) && !claimed.has(f));
    // A unit a killed build had started to rewrite keeps no key: the journal goes away below.
    next.units[id] = { ...before, files, ...(journal.has(id) ? { key: '' } : {}) };
    for (const file of files) {
      next.files[file] = distrust(previous.files[file] as ManifestFile, journal.has(id));
      claimed.set(file, id);
    }
  }

  // Leftovers of a killed build: staging files and temporary files beside their targets.
  await fsp.rm(path.join(out, STAGING_DIR), { recursive: true, force: true });
  for (const file of existing) {
    if (path.posix.basename(file).startsWith(TEMP_PREFIX)) await fsp.rm(path.join(out, file), { force: true });
  }

  // Render threads for the heavy per-guide formats, when there is enough work to pay for them.
  const isParallel = (format: Format<any>): boolean => PARALLEL_FORMATS.includes(format.name) && registry.includes(format);
  const parallelUnits = dirty.filter((u) => u.stage === 'guide' && isParallel(u.format)).length;
  const threads = options.workers ?? (parallelUnits > 64 ? availableParallelism() : 0);
  const script = threads > 0 && parallelUnits > 0 ? workerScript() : undefined;
  const pool = script
    ? new RenderWorkers(script, Math.min(threads, parallelUnits), {
        root: content.root,
        out,
        config,
        staticDir: content.staticDir,
        locales,
        formats: selected.map((f) => f.name),
        options: options.formatOptions ?? {},
      })
    : undefined;

  let laneTail: Promise<unknown> = Promise.resolve();
  const lane = <T>(task: () => T | Promise<T>): Promise<T> => {
    const run = laneTail.then(task, task);
    laneTail = run.catch(() => undefined);
    return run;
  };

  const unavailable: UnavailableFormat[] = [];
  const sessions = new Map<Format<any>, { session: unknown } | { failed: true }>();
  let journalWritten = false;

  /** Keep a failed unit's previous record, so its old files stay listed (they are still whole). */
  const keepPrevious = (unit: Unit): void => {
    const before = previous.units[unit.id];
    if (!before) return;
    const files = before.files.filter((f) => existing.has(f) && !claimed.has(f));
    // The unit is tried again next time (its key is the old one, or none if a killed build had
    // started to rewrite it, since the journal goes away below).
    next.units[unit.id] = { ...before, files, ...(journal.has(unit.id) ? { key: '' } : {}) };
    for (const file of files) {
      next.files[file] = distrust(previous.files[file] as ManifestFile, journal.has(unit.id));
      claimed.set(file, unit.id);
    }
  };

  const open = async (format: Format<any>): Promise<{ session: unknown } | { failed: true }> => {
    let state = sessions.get(format);
    if (state) return state;
    try {
      state = { session: format.open ? await format.open(contexts.get(format) as FormatContext) : undefined };
    } catch (error) {
      if (!(error instanceof FormatUnavailableError)) throw error;
      unavailable.push({ format: format.name, message: error.message });
      state = { failed: true };
    }
    sessions.set(format, state);
    return state;
  };

  let processed = 0;
  const renderUnit = async (unit: Unit): Promise<void> => {
    options.signal?.throwIfAborted();
    await renderOne(unit);
    processed++;
    options.onProgress?.({ done: processed, total: dirty.length, format: unit.format.name, unit: unit.id });
  };

  const renderOne = async (unit: Unit): Promise<void> => {
    const state = await open(unit.format);
    if ('failed' in state) {
      keepPrevious(unit);
      return;
    }
    const ctx = contexts.get(unit.format) as FormatContext;
    let output: RenderOutput;
    try {
      if (pool && unit.stage === 'guide' && unit.input.kind === 'guide' && isParallel(unit.format)) {
        const reply = await pool.run(unit.format.name, unit.input.guide, unit.input.translations);
        if (!reply.ok) throw reply.unavailable ? new FormatUnavailableError(reply.message) : new Error(reply.message);
        output = { files: reply.files, diagnostics: reply.diagnostics };
      } else {
        const call = (): RenderOutput | Promise<RenderOutput> =>
          unit.stage === 'index' && unit.format.dependsOn !== 'site'
            ? (unit.format.renderIndex as NonNullable<Format['renderIndex']>)(unit.input as SiteInput, ctx, state.session)
            : unit.format.render(unit.input, ctx, state.session);
        // The CPU-bound formats share one lane on this thread, as on a render thread: no
        // second page starts while a first awaits a lazily loaded grammar.
        output = isParallel(unit.format) ? await lane(call) : await call();
      }
    } catch (error) {
      if (error instanceof FormatUnavailableError) {
        if (!unavailable.some((u) => u.format === unit.format.name)) unavailable.push({ format: unit.format.name, message: error.message });
        sessions.set(unit.format, { failed: true });
        keepPrevious(unit);
        return;
      }
      const file = unit.input.kind === 'guide' ? unit.input.guide.path : '.';
      diagnostics.push(
        createDiagnostic({
          file,
          ruleId: 'build/render-failed',
          message: `Unexpected failure rendering ${unit.id}: ${(error as Error).message ?? String(error)}`,
          data: { unit: unit.id },
        }),
      );
      keepPrevious(unit);
      return;
    }
    const files: OutputFile[] = Array.isArray(output) ? output : output.files;
    const unitDiagnostics = Array.isArray(output) ? [] : [...(output.diagnostics ?? [])];
    const record: ManifestUnit = { key: unit.key, files: [] };
    for (const file of files) {
      const rel = checkPath(file.path, unit.format.name);
      const owner = claimed.get(rel);
      if (owner !== undefined && owner !== unit.id) {
        unitDiagnostics.push(
          createDiagnostic({
            file: unit.input.kind === 'guide' ? unit.input.guide.path : '.',
            severity: 'warning',
            ruleId: 'build/duplicate-output',
            message: `Unexpected second output \`${rel}\` from ${unit.id}, expected one file per path (already written by ${owner})`,
          }),
        );
        continue;
      }
      claimed.set(rel, unit.id);
      let sha: string;
      if ('data' in file) sha = hashContent(file.data);
      else {
        const stat = await fsp.stat(file.copyFrom);
        sha = `copy:${stat.size}:${Math.trunc(stat.mtimeMs)}`;
      }
      const before = previous.files[rel];
      const upToDate = before !== undefined && before.sha === sha && existing.has(rel) && !journal.has(before.unit);
      if (!upToDate) {
        if (!journalWritten) {
          // Before the first byte lands: name the units being rewritten, so a kill after this
          // point makes the next build distrust their files whatever their key says.
          await writeJournal(out, new Set([...journal, ...dirtyIds]));
          journalWritten = true;
        }
        if ('data' in file) await writer.write(rel, file.data);
        else await writer.copy(rel, file.copyFrom);
      }
      next.files[rel] = { unit: unit.id, key: unit.key, sha };
      record.files.push(rel);
    }
    if (unitDiagnostics.length > 0) record.diagnostics = unitDiagnostics;
    diagnostics.push(...unitDiagnostics);
    next.units[unit.id] = record;
    rendered++;
  };

  try {
    // Stage by stage (every page, then the indexes), the formats side by side: the main thread
    // renders JSON while the threads render HTML and the browser prints.
    for (const stage of ['guide', 'index'] as const) {
      // allSettled: when one format stops (abort), the others finish their unit before we leave.
      const settled = await Promise.allSettled(
        selected.map((format) => {
          const batch = dirty.filter((u) => u.stage === stage && u.format === format);
          const limit = pool && stage === 'guide' && isParallel(format) ? threads * 2 : Math.max(1, format.concurrency ?? 1);
          return runPool(batch, limit, renderUnit);
        }),
      );
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
  } finally {
    await pool?.close();
    for (const [format, state] of sessions) {
      if ('session' in state && format.close) await format.close(state.session);
    }
  }

  const renderedAt = performance.now();
  // Garbage: files the previous build listed (or meant to delete) that this build does not make.
  const garbage = new Set<string>();
  for (const file of [...Object.keys(previous.files), ...previous.garbage]) {
    if (!(file in next.files) && existing.has(file)) garbage.add(file);
  }
  next.garbage = [...garbage].sort();

  const changed =
    journalWritten ||
    garbage.size > 0 ||
    !sameRecords(next, previous);
  if (changed) await writeManifest(out, next);
  const removed: string[] = [];
  for (const file of next.garbage) {
    await removeOutput(out, file);
    removed.push(file);
  }
  if (journalWritten || journal.size > 0) await removeJournal(out);
  await fsp.rm(path.join(out, STAGING_DIR), { recursive: true, force: true });

  const total = Object.keys(next.files).length;
  return {
    root: content.root,
    out,
    formats: selected.map((f) => f.name),
    guides: guides.length,
    written: writer.written,
    unchanged: total - new Set(writer.written).size,
    removed,
    units: { rendered, skipped },
    diagnostics: sortDiagnostics(diagnostics),
    unavailable,
    config,
    readSource: (file: string) => content.readSource(file),
    timings: {
      loadMs: loadedAt - started,
      planMs: plannedAt - loadedAt,
      renderMs: renderedAt - plannedAt,
      finishMs: performance.now() - renderedAt,
    },
    durationMs: performance.now() - started,
  };
}

/**
 * Whether two manifests hold the same units and files (garbage aside). Skipped units carry the
 * very record objects of the previous manifest, so identity settles most entries without
 * serialising 10,000 records.
 */
function sameRecords(a: Manifest, b: Manifest): boolean {
  const same = <T>(x: Record<string, T>, y: Record<string, T>, eq: (p: T, q: T) => boolean): boolean => {
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    return keys.every((k) => Object.hasOwn(y, k) && (x[k] === y[k] || eq(x[k] as T, y[k] as T)));
  };
  return (
    same(a.units, b.units, (p, q) => stableStringify(p) === stableStringify(q)) &&
    same(a.files, b.files, (p, q) => p.unit === q.unit && p.key === q.key && p.sha === q.sha)
  );
}

/** A file record whose bytes may not be what it says (a killed build rewrote it): no key, no hash. */
function distrust(file: ManifestFile, doubt: boolean): ManifestFile {
  return doubt ? { ...file, key: '', sha: '' } : file;
}

/** Refuse paths a format must not produce (outside its folder, absolute, `..`): programmer errors. */
function checkPath(rel: string, format: string): string {
  const normal = path.posix.normalize(rel);
  if (normal !== rel || rel.startsWith('/') || rel.split('/').includes('..') || !rel.startsWith(`${format}/`)) {
    throw new Error(`Format ${format} produced the path \`${rel}\`, expected a normalised path under \`${format}/\``);
  }
  return rel;
}
