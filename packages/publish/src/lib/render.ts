import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { createDiagnostic } from '@guidekit/model';
import type { Diagnostic } from '@guidekit/model';
import { FormatUnavailableError } from '@guidekit/render/formats';
import type { Format, FormatContext, GuideInput, RenderOutput, SiteInput, SiteWatch } from '@guidekit/render/formats';
import type { Commit, CommitUnit } from './commit.js';
import type { Site } from './context.js';
import type { PublishProgress, UnavailableFormat } from './options.js';
import type { Unit } from './plan.js';
import { coveredByLoader } from './diagnostics.js';
import { runPool } from './pool.js';

type Session = { session: unknown } | { failed: true };

/**
 * What of a unit's diagnostics is reported (and stored with it for `--verbose` replays): not one
 * another format of the same guide already reported in this build, nor what the loader's one note
 * covers (see {@link coveredByLoader}). Thousands of repeated warnings were most of a large
 * build's memory and of its manifest.
 */
function reportable(output: RenderOutput, staticDir: string | null, seen: Set<string>): RenderOutput {
  if (Array.isArray(output) || !output.diagnostics?.length) return output;
  const diagnostics = output.diagnostics.filter((d) => {
    if (coveredByLoader(d, staticDir)) return false;
    const id = `${d.file}\0${d.line}\0${d.column}\0${d.severity}\0${d.ruleId}\0${d.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { files: output.files, diagnostics };
}

/** What the render stage needs: the site, where rendered units go, and the caller's hooks. */
export interface RenderEnv {
  site: Site;
  commit: Commit;
  /** Units to render in this build (for progress). */
  total: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: PublishProgress) => void) | undefined;
  /** Site steps begun early: they order the guides and are told of each file committed. */
  watches?: ReadonlyMap<Format<any>, SiteWatch> | undefined;
}

/** Guides' jobs in the order the site watches ask (a stable sort: the plan's order within a rank). */
function inWatchOrder(jobs: Unit[][], watches: ReadonlyMap<Format<any>, SiteWatch>): Unit[][] {
  const orders = [...watches.values()].flatMap((w) => (w.order ? [w.order.bind(w)] : []));
  if (orders.length === 0) return jobs;
  const rank = (job: Unit[]): number => Math.min(...orders.map((order) => order(((job[0] as Unit).input as GuideInput).guide)));
  return jobs
    .map((job) => ({ job, rank: rank(job) }))
    .sort((a, b) => a.rank - b.rank)
    .map((r) => r.job);
}

/** How a unit is named in its diagnostics and in the manifest. */
export function commitUnit(unit: Unit): CommitUnit {
  return { id: unit.id, key: unit.key, format: unit.format.id, file: unit.input.kind === 'guide' ? unit.input.guide.path : '.' };
}

/**
 * The render stage: renders units on this thread, one guide at a time in every format (the
 * guide is decoded once for all of them), while formats that render several units at once (PDF
 * through its browser pool) run beside; gives each unit's files to the commit as soon as it is
 * rendered, so no page is held longer than its write. Opens each format once, lazily.
 */
export class Renderer {
  readonly unavailable: UnavailableFormat[] = [];
  readonly diagnostics: Diagnostic[] = [];
  rendered = 0;
  readonly #env: RenderEnv;
  readonly #sessions = new Map<Format<any>, Promise<Session>>();
  /** Formats found unavailable while rendering (their session stays, to be closed). */
  readonly #failed = new Set<Format<any>>();
  #done = 0;

  constructor(env: RenderEnv) {
    this.#env = env;
  }

  /** Render every unit: guides' outputs first, then the indexes. */
  async run(units: readonly Unit[]): Promise<void> {
    const pages = units.filter((u) => u.stage === 'guide');
    const byGuide = new Map<string, Unit[]>();
    const wide: Unit[] = [];
    for (const unit of pages) {
      if ((unit.format.concurrency ?? 1) > 1) wide.push(unit);
      else {
        const key = (unit.input as GuideInput).guide.path;
        byGuide.set(key, [...(byGuide.get(key) ?? []), unit]);
      }
    }
    const formats = [...new Set(wide.map((u) => u.format))];
    // allSettled: when one lane stops (abort), the others finish their unit before we leave.
    const settled = await Promise.allSettled([
      runPool(inWatchOrder([...byGuide.values()], this.#env.watches ?? new Map()), 1, async (job) => {
        // One guide's formats report the same content problem (an image's alt text) once.
        const seen = new Set<string>();
        for (const unit of job) await this.#renderUnit(unit, seen);
        // Rendering is synchronous work behind promises: without a turn of the event loop between
        // guides, no I/O callback runs until the stage ends (a site watch's Pagefind would wait).
        await yieldToLoop();
      }),
      ...formats.map((f) =>
        runPool(
          wide.filter((u) => u.format === f),
          f.concurrency ?? 1,
          (u) => this.#renderUnit(u),
        ),
      ),
    ]);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    for (const unit of units.filter((u) => u.stage === 'index')) await this.#renderUnit(unit);
  }

  /** Close every session that was opened, even after a failure. */
  async close(): Promise<void> {
    for (const [format, pending] of this.#sessions) {
      const state = await pending.catch(() => ({ failed: true }) as const);
      if ('session' in state && format.close) await format.close(state.session);
    }
  }

  /** A format's session, opened once however many units ask at the same time. */
  #open(format: Format<any>): Promise<Session> {
    let pending = this.#sessions.get(format);
    if (!pending) {
      pending = (async (): Promise<Session> => {
        try {
          return { session: format.open ? await format.open(this.#context(format)) : undefined };
        } catch (error) {
          if (!(error instanceof FormatUnavailableError)) throw error;
          this.#markUnavailable(format, error.message);
          return { failed: true };
        }
      })();
      this.#sessions.set(format, pending);
    }
    return pending;
  }

  #context(format: Format<any>): FormatContext {
    return this.#env.site.contexts.get(format) as FormatContext;
  }

  #markUnavailable(format: Format<any>, message: string): void {
    if (!this.unavailable.some((u) => u.format === format.id)) this.unavailable.push({ format: format.id, message });
  }

  #call(unit: Unit, session: unknown): RenderOutput | Promise<RenderOutput> {
    const ctx = this.#context(unit.format);
    if (unit.stage === 'index') return (unit.format.renderIndex as NonNullable<Format['renderIndex']>)(unit.input as SiteInput, ctx, session);
    const input = unit.input as GuideInput;
    const render = unit.format.render as NonNullable<Format['render']>;
    return render({ ...input, guide: this.#env.site.wholeGuide(input.guide) }, ctx, session);
  }

  /**
   * Render one unit and commit it; a failure keeps the unit's previous files and is reported.
   *
   * @param seen Diagnostics already reported for this guide by its other formats in this build.
   */
  async #renderUnit(unit: Unit, seen: Set<string> = new Set()): Promise<void> {
    this.#env.signal?.throwIfAborted();
    const state = await this.#open(unit.format);
    let output: RenderOutput | undefined;
    if ('session' in state && !this.#failed.has(unit.format)) {
      try {
        output = await this.#call(unit, state.session);
      } catch (error) {
        this.#fail(unit, error);
      }
    }
    if (output) {
      const kept = reportable(output, this.#context(unit.format).staticDir, seen);
      this.diagnostics.push(...(await this.#env.commit.accept(commitUnit(unit), kept)));
      this.#tellWatch(unit.format, kept);
      this.rendered++;
    } else {
      this.#env.commit.keepPrevious(unit.id);
    }
    this.#done++;
    this.#env.onProgress?.({ done: this.#done, total: this.#env.total, format: unit.format.id, unit: unit.id });
  }

  /** Tell the format's site watch, if it has one, of the files just committed. */
  #tellWatch(format: Format<any>, output: RenderOutput): void {
    const watch = this.#env.watches?.get(format);
    if (!watch) return;
    for (const file of Array.isArray(output) ? output : output.files) {
      const sha = this.#env.commit.shaOf(file.path);
      if (sha !== undefined) watch.committed(file.path, sha);
    }
  }

  /** A unit that could not render: an unavailable format is skipped, anything else reported. */
  #fail(unit: Unit, error: unknown): void {
    if (error instanceof FormatUnavailableError) {
      this.#markUnavailable(unit.format, error.message);
      this.#failed.add(unit.format);
      return;
    }
    this.diagnostics.push(
      createDiagnostic({
        file: commitUnit(unit).file,
        ruleId: 'build/render-failed',
        message: `Unexpected failure rendering ${unit.id}: ${(error as Error)?.message ?? String(error)}`,
        data: { unit: unit.id },
      }),
    );
  }
}
