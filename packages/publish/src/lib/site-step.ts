import type { Diagnostic } from '@guidekit/model';
import type { Format, FormatContext, GuideInput, SiteWatch, SiteWatchInput } from '@guidekit/render/formats';
import type { Commit } from './commit.js';
import type { Site } from './context.js';
import type { OutputState } from './diff.js';
import { hashValue } from './hash.js';
import type { Unit } from './plan.js';
import { PUBLISH_VERSION, rendererFingerprint } from './version.js';

/** The id of a format's site step in the manifest. */
export const siteStepId = (format: Format<any>): string => `${format.id}:site`;

/**
 * Run the site step of each format that has one (a search index over the HTML pages), over what
 * is now committed. Its key is the hash of every file of the format, so it runs only when this
 * build wrote or removed one of them (a no-op build skips it); its files are committed like any
 * unit's. A sharded build runs none: `merge` runs them over the joined output.
 *
 * @returns The steps' diagnostics; whether each ran is in `ran`.
 */
export async function runSiteSteps(
  formats: readonly Format<any>[],
  site: Site,
  commit: Commit,
  state: OutputState,
  watches: ReadonlyMap<Format<any>, SiteWatch> = new Map(),
): Promise<{ diagnostics: Diagnostic[]; ran: string[] }> {
  const diagnostics: Diagnostic[] = [];
  const ran: string[] = [];
  const garbage = new Set(commit.garbage());
  for (const format of formats) {
    if (!format.site) continue;
    const id = siteStepId(format);
    // The step's own files are not recorded yet: these are the pages and indexes only.
    const files = commit.filesOf(`${format.id}:`);
    const key = hashValue([PUBLISH_VERSION, rendererFingerprint(), format.version, files]);
    const before = state.previous.units[id];
    if (before && before.key === key && !state.journal.has(id) && before.files.every((f) => state.existing.has(f))) {
      commit.keep([id]);
      continue;
    }
    const written = new Set(commit.written);
    const input = {
      out: commit.out,
      files: files.map(([rel]) => rel),
      hashes: Object.fromEntries(files),
      changed: files.map(([rel]) => rel).filter((rel) => written.has(rel)),
      removed: [...garbage].filter((rel) => rel.startsWith(`${format.id}/`)),
    };
    const output = await format.site(input, site.contexts.get(format) as FormatContext, watches.get(format));
    diagnostics.push(...(await commit.accept({ id, key, format: format.id, file: '.' }, output)));
    ran.push(format.id);
  }
  return { diagnostics, ran };
}

/** The guide outputs a format will have after this build: a kept unit's files with their hashes, a rendered unit's page path. */
function watchInput(format: Format<any>, dirty: readonly Unit[], clean: readonly Unit[], state: OutputState, out: string): SiteWatchInput {
  const files: SiteWatchInput['files'] = [];
  for (const unit of clean) {
    if (unit.format !== format || unit.stage !== 'guide') continue;
    for (const rel of state.previous.units[unit.id]?.files ?? []) files.push({ rel, sha: state.previous.files[rel]?.sha });
  }
  for (const unit of dirty) {
    if (unit.format === format && unit.stage === 'guide' && format.path) files.push({ rel: format.path((unit.input as GuideInput).guide) });
  }
  return { out, files };
}

/**
 * Start the watch of each format whose site step can begin while the pages render (the search
 * index), when this build renders some of its guide outputs; none for a shard, whose site steps
 * `merge` runs. The publisher closes them after the site steps, or when the build stops.
 */
export async function startSiteWatches(
  formats: readonly Format<any>[],
  site: Site,
  units: { dirty: readonly Unit[]; clean: readonly Unit[] },
  state: OutputState,
  out: string,
): Promise<Map<Format<any>, SiteWatch>> {
  const watches = new Map<Format<any>, SiteWatch>();
  for (const format of formats) {
    if (!format.siteWatch || !units.dirty.some((u) => u.format === format && u.stage === 'guide')) continue;
    const input = watchInput(format, units.dirty, units.clean, state, out);
    watches.set(format, await format.siteWatch(input, site.contexts.get(format) as FormatContext));
  }
  return watches;
}
