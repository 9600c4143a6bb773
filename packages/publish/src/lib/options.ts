import type { Format } from '@guidekit/render/formats';

/** Progress of a publish, reported after each unit it had to render (rendered or failed). */
export interface PublishProgress {
  /** Units processed so far (up-to-date units are not counted: they cost nothing). */
  done: number;
  /** Units to render in this build. */
  total: number;
  /** Format of the unit just rendered. */
  format: string;
  /** The unit just rendered (`html:fr/enable-mfa`, `json:index`). */
  unit: string;
}

/** One part of a sharded build: `index` of `count`, from 1 (`--shard 2/3`). */
export interface Shard {
  index: number;
  count: number;
}

/** Options of {@link publish} (and of `merge`, which publishes the indexes over the joined shards). */
export interface PublishOptions {
  /** Output folder (absolute, or relative to the current directory). Default: the configuration's `out`, else `dist`. */
  out?: string | undefined;
  /** Format ids to build. Default: the configuration's `formats`, else every format built by default. */
  formats?: readonly string[] | undefined;
  /** Path of a configuration file (`--config`); default: looked up from the root. */
  config?: string | undefined;
  /** Where the configuration lookup stops (besides a folder holding `.git`). Default `process.cwd()`. */
  cwd?: string | undefined;
  /** Use the content loader's parse cache (default true). `false` parses every guide again. */
  cache?: boolean | undefined;
  /**
   * What the site says of itself, over the configuration's `site`: its title, and the URL it is
   * published at (absolute `http(s)://`). Part of every unit's key.
   */
  site?: { title?: string | undefined; url?: string | undefined } | undefined;
  /** Options per format (`{ pdf: { paper: 'Letter' } }`): part of every key of that format. */
  formatOptions?: Record<string, Record<string, unknown>> | undefined;
  /** The formats to choose from. Default: `@guidekit/render`'s registry. */
  registry?: readonly Format<any>[] | undefined;
  /** Build only this part of the guides (`{ index: 2, count: 3 }` or `'2/3'`), for `merge` to join. */
  shard?: Shard | string | undefined;
  /**
   * When another build holds the output folder: wait for it (`true`, the default: up to ten
   * minutes), wait up to this many milliseconds, or give up at once (`false`).
   */
  wait?: boolean | number | undefined;
  /** Report again the render diagnostics of units that were up to date (default: only new ones). */
  verbose?: boolean | undefined;
  /** Called after each rendered unit. */
  onProgress?: ((progress: PublishProgress) => void) | undefined;
  /** Called as guides are parsed (or read from the cache) before rendering starts. */
  onLoadProgress?: ((progress: { done: number; total: number }) => void) | undefined;
  /** Called once when the output folder is locked by another build and this one waits. */
  onWait?: ((holder: { pid: number; host: string }) => void) | undefined;
  /** Stops the build between units; the previous output and manifest stay as they were. */
  signal?: AbortSignal | undefined;
}

/** A format that was asked for but could not run here (PDF without Chromium). */
export interface UnavailableFormat {
  format: string;
  message: string;
}

/** What {@link publish} did. */
export interface PublishResult {
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
  /** Formats that could not run; the others were built. */
  unavailable: UnavailableFormat[];
  /** The part built, for a sharded build. */
  shard?: Shard | undefined;
  /** True when an invalid configuration stopped the build before it wrote anything. */
  invalidConfig: boolean;
  /** Where the time went, in milliseconds. */
  timings: { loadMs: number; planMs: number; renderMs: number; finishMs: number };
  /** Wall time in milliseconds. */
  durationMs: number;
}

/**
 * Thrown by `publish` and `merge` when called wrong (an unknown format, a missing root, a shard
 * that is not `i/n`, an output folder held by another build): the CLI exits 2.
 */
export class PublishUsageError extends Error {
  override name = 'PublishUsageError';
}
