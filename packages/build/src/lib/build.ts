import { mkdirSync, promises as fsp } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { byCodeUnit, createDiagnostic, sortDiagnostics } from '@guidekit/model';
import type { Diagnostic, Guide } from '@guidekit/model';
import { ContentRootError, isSiteUrl, loadContent, resolveConfigPath } from '@guidekit/content';
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
import { PARALLEL_FORMATS, RenderWorkers, THREAD_MAX_GUIDE_BYTES, workerScript } from './workers.js';
import type { StagedFile } from './workers.js';
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
  /**
   * What the site says of itself, over the configuration's `site`: its title, and the URL it is
   * published at (absolute `http(s)://`), which makes hreflang, canonical and JSON-LD URLs
   * absolute and adds `html/sitemap.xml`. Part of every unit's key.
   */
  site?: { title?: string | undefined; url?: string | undefined };
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

/** Whole guides kept decoded at once on the main thread (formats render one guide in a row). */
const RECENT_GUIDES = 8;

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
  const siteUrl = options.site?.url;
  if (siteUrl !== undefined && !isSiteUrl(siteUrl)) {
    throw new BuildUsageError(`Unexpected site URL \`${siteUrl}\`, expected an absolute http:// or https:// URL such as \`https://example.org/docs/\``);
  }
  const siteTitle = options.site?.title?.trim();
  if (options.site?.title !== undefined && !siteTitle) {
    throw new BuildUsageError('Unexpected empty site title, expected the name of the site');
  }
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
  // Outlines: every guide without its content. Keys, groups and indexes need no more; a unit
  // that renders a guide decodes it then (see `wholeGuide`) and lets it go, so the memory of a
  // build does not grow with the number of guides' trees.
  const guides = [...content.outlines];
  const groups = new Map<string, Guide[]>();
  for (const guide of guides) {
    const group = groups.get(guide.slug);
    if (group) group.push(guide);
    else groups.set(guide.slug, [guide]);
  }
  for (const group of groups.values()) group.sort((a, b) => byCodeUnit(a.locale, b.locale));
  // The site given to the build wins over the configuration's; both are part of every key.
  const config =
    siteUrl !== undefined || siteTitle !== undefined
      ? { ...content.config, site: { ...content.config.site, ...(siteTitle !== undefined ? { title: siteTitle } : {}), ...(siteUrl !== undefined ? { url: siteUrl } : {}) } }
      : content.config;
  const configHash = hashValue(config);
  const locales = [...new Set(guides.map((g) => g.locale))].sort();
  const imageUrls = (guide: Guide): string[] => [...new Set(content.imagesOf(guide.path).map((use) => use.url))];
  const recent = new Map<string, Guide>();
  /** The whole guide of an outline: the last few stay decoded, as several formats render one guide in a row. */
  const wholeGuide = (outline: Guide): Guide => {
    let guide = recent.get(outline.path);
    if (guide) return guide;
    guide = content.loadGuide(outline.path) ?? outline;
    recent.set(outline.path, guide);
    if (recent.size > RECENT_GUIDES) recent.delete(recent.keys().next().value as string);
    return guide;
  };

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
      imageUrls,
      loadGuide: wholeGuide,
    });
  }

  const loadedAt = performance.now();
  // ---- plan: every unit and its key ----
  const site: SiteInput = { kind: 'site', guides, groups };
  const siteSummary = guides.map((g) => [g.path, g.slug, g.locale, g.hash]);
  const units: Unit[] = [];
  // One input per guide, shared by its units in every format (read-only: renderers get a copy
  // holding the whole guide).
  const guideInputs: GuideInput[] = guides.map((guide) => ({ kind: 'guide', guide, translations: translationsOf(guide, groups).map(translationStub) }));
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
    for (const input of guideInputs) {
      const { guide, translations } = input;
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
  let pool: RenderWorkers | undefined;
  if (script) {
    try {
      mkdirSync(path.join(out, STAGING_DIR), { recursive: true });
      pool = new RenderWorkers(script, Math.min(threads, parallelUnits), {
        root: content.root,
        out,
        config,
        staticDir: content.staticDir,
        locales,
        formats: selected.map((f) => f.name),
        options: options.formatOptions ?? {},
        staging: path.join(out, STAGING_DIR),
      });
    } catch (error) {
      // Threads refused (a Node flag they cannot take, a platform without them): render here.
      diagnostics.push(
        createDiagnostic({
          file: '.',
          ruleId: 'build/workers-failed',
          severity: 'info',
          message: `Unexpected failure starting the render threads (${(error as Error)?.message ?? String(error)}), expected them to start; pages were rendered on one thread instead`,
        }),
      );
    }
  }

  let laneTail: Promise<unknown> = Promise.resolve();
  const lane = <T>(task: () => T | Promise<T>): Promise<T> => {
    const run = laneTail.then(task, task);
    laneTail = run.catch(() => undefined);
    return run;
  };

  const unavailable: UnavailableFormat[] = [];
  const sessions = new Map<Format<any>, { session: unknown } | { failed: true }>();
  let journalWritten: Promise<void> | undefined;

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

  const opening = new Map<Format<any>, Promise<{ session: unknown } | { failed: true }>>();
  /** A format's session, opened once however many units ask at the same time. */
  const open = (format: Format<any>): Promise<{ session: unknown } | { failed: true }> => {
    const known = sessions.get(format);
    if (known) return Promise.resolve(known);
    let pending = opening.get(format);
    if (!pending) {
      pending = (async () => {
        let state: { session: unknown } | { failed: true };
        try {
          state = { session: format.open ? await format.open(contexts.get(format) as FormatContext) : undefined };
        } catch (error) {
          if (!(error instanceof FormatUnavailableError)) throw error;
          unavailable.push({ format: format.name, message: error.message });
          state = { failed: true };
        }
        sessions.set(format, state);
        return state;
      })();
      opening.set(format, pending);
    }
    return pending;
  };

  let processed = 0;
  const progressed = (unit: Unit): void => {
    processed++;
    options.onProgress?.({ done: processed, total: dirty.length, format: unit.format.name, unit: unit.id });
  };

  /** A unit that could not render: an unavailable format is skipped, anything else reported. */
  const failUnit = (unit: Unit, error: unknown): void => {
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
        message: `Unexpected failure rendering ${unit.id}: ${(error as Error)?.message ?? String(error)}`,
        data: { unit: unit.id },
      }),
    );
    keepPrevious(unit);
  };

  /** Write what a unit rendered (files whose bytes changed) and record it for the manifest. */
  const acceptUnit = async (unit: Unit, output: RenderOutput | { files: (OutputFile | StagedFile)[]; diagnostics: Diagnostic[] }): Promise<void> => {
    const files: (OutputFile | StagedFile)[] = Array.isArray(output) ? output : output.files;
    const unitDiagnostics = Array.isArray(output) ? [] : [...(output.diagnostics ?? [])];
    const record: ManifestUnit = { key: unit.key, files: [] };
    for (const file of files) {
      const rel = checkPath(file.path, unit.format.name);
      const owner = claimed.get(rel);
      if (owner !== undefined && owner !== unit.id) {
        if ('staged' in file) await fsp.rm(file.staged, { force: true });
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
      // Text is encoded once, for the hash and the write alike.
      const bytes = 'data' in file ? (typeof file.data === 'string' ? Buffer.from(file.data) : file.data) : undefined;
      if ('staged' in file) sha = file.sha;
      else if ('data' in file) sha = hashContent(bytes as Uint8Array);
      else {
        const stat = await fsp.stat(file.copyFrom);
        sha = `copy:${stat.size}:${Math.trunc(stat.mtimeMs)}`;
      }
      const before = previous.files[rel];
      const upToDate = before !== undefined && before.sha === sha && existing.has(rel) && !journal.has(before.unit);
      if (!upToDate) {
        // Before the first byte lands: name the units being rewritten, so a kill after this
        // point makes the next build distrust their files whatever their key says. (One write,
        // which every concurrent unit awaits before writing its own files.)
        journalWritten ??= writeJournal(out, new Set([...journal, ...dirtyIds]));
        await journalWritten;
        if ('staged' in file) await writer.adopt(rel, file.staged);
        else if ('data' in file) await writer.write(rel, bytes as Uint8Array);
        else await writer.copy(rel, file.copyFrom);
      } else if ('staged' in file) {
        await fsp.rm(file.staged, { force: true });
      }
      next.files[rel] = { unit: unit.id, key: unit.key, sha };
      record.files.push(rel);
    }
    if (unitDiagnostics.length > 0) record.diagnostics = unitDiagnostics;
    diagnostics.push(...unitDiagnostics);
    next.units[unit.id] = record;
    rendered++;
  };

  /** One unit on this thread: a format outside the render threads, or any format without them. */
  const renderUnit = async (unit: Unit): Promise<void> => {
    options.signal?.throwIfAborted();
    const state = await open(unit.format);
    if ('failed' in state) {
      keepPrevious(unit);
      progressed(unit);
      return;
    }
    const ctx = contexts.get(unit.format) as FormatContext;
    let output: RenderOutput;
    try {
      const call = (): RenderOutput | Promise<RenderOutput> => {
        if (unit.stage === 'index' && unit.format.dependsOn !== 'site') {
          return (unit.format.renderIndex as NonNullable<Format['renderIndex']>)(unit.input as SiteInput, ctx, state.session);
        }
        if (unit.input.kind === 'site') return unit.format.render(unit.input, ctx, state.session);
        return unit.format.render({ ...unit.input, guide: wholeGuide(unit.input.guide) }, ctx, state.session);
      };
      // The CPU-bound formats share one lane on this thread, as on a render thread: no
      // second page starts while a first awaits a lazily loaded grammar.
      output = isParallel(unit.format) ? await lane(call) : await call();
    } catch (error) {
      failUnit(unit, error);
      progressed(unit);
      return;
    }
    await acceptUnit(unit, output);
    progressed(unit);
  };

  /**
   * Every dirty unit of one guide in the thread formats, rendered in one round trip: the thread
   * decodes the guide from its JSON once and the formats share its sanitized trees (the HTML
   * page and the single-file page are the same body).
   */
  const renderGuideJob = async (job: Unit[]): Promise<void> => {
    options.signal?.throwIfAborted();
    const first = job[0] as Unit;
    const input = first.input as GuideInput;
    const live: Unit[] = [];
    for (const unit of job) {
      const state = await open(unit.format);
      if ('failed' in state) {
        keepPrevious(unit);
        progressed(unit);
      } else live.push(unit);
    }
    if (live.length === 0) return;
    // The guide's bytes as read from the cache, moved to the thread: this thread never decodes
    // nor copies them.
    const json = content.guideBytes(input.guide.path) ?? new TextEncoder().encode(JSON.stringify(input.guide));
    if (json.byteLength > THREAD_MAX_GUIDE_BYTES) {
      // Too big for a thread's bounded heap (a guide far over the parser's default size guard).
      for (const unit of live) await renderUnit(unit);
      return;
    }
    const replies = await (pool as RenderWorkers).run(
      live.map((u) => u.format.name),
      json,
      input.translations,
    );
    if (replies.some((reply) => !reply.ok && reply.crashed)) {
      // The thread died on this guide (out of its bounded heap, killed): render it here instead.
      for (const unit of live) await renderUnit(unit);
      return;
    }
    for (const [i, unit] of live.entries()) {
      const reply = replies[i];
      if (!reply || !reply.ok) {
        const message = reply ? reply.message : 'no answer from the render thread';
        failUnit(unit, reply?.unavailable ? new FormatUnavailableError(message) : new Error(message));
      } else {
        await acceptUnit(unit, { files: reply.files, diagnostics: reply.diagnostics });
      }
      progressed(unit);
    }
  };

  try {
    // Stage by stage (every page, then the indexes). In the page stage, the thread formats go
    // guide by guide to the render threads while the other formats (PDF, formats from outside
    // the registry) run side by side on this thread.
    for (const stage of ['guide', 'index'] as const) {
      const batch = dirty.filter((u) => u.stage === stage);
      const onThreads = pool && stage === 'guide' ? batch.filter((u) => isParallel(u.format)) : [];
      const jobs = new Map<string, Unit[]>();
      for (const unit of onThreads) {
        const key = (unit.input as GuideInput).guide.path;
        const job = jobs.get(key);
        if (job) job.push(unit);
        else jobs.set(key, [unit]);
      }
      const threaded = new Set(onThreads);
      const here = batch.filter((u) => !threaded.has(u));
      // allSettled: when one lane stops (abort), the others finish their unit before we leave.
      const settled = await Promise.allSettled([
        runPool([...jobs.values()], threads * 2, renderGuideJob),
        ...selected.map((format) =>
          runPool(
            here.filter((u) => u.format === format),
            Math.max(1, format.concurrency ?? 1),
            renderUnit,
          ),
        ),
      ]);
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      // The indexes render on this thread: stop the render threads first, so their memory and
      // the indexes' (a home page listing every guide) are never held at the same time.
      if (stage === 'guide') await pool?.close();
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
    journalWritten !== undefined ||
    garbage.size > 0 ||
    !sameRecords(next, previous);
  if (changed) await writeManifest(out, next);
  const removed: string[] = [];
  for (const file of next.garbage) {
    await removeOutput(out, file);
    removed.push(file);
  }
  if (journalWritten !== undefined || journal.size > 0) await removeJournal(out);
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
