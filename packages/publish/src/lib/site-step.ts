import type { Diagnostic } from '@guidekit/model';
import type { Format, FormatContext } from '@guidekit/render/formats';
import type { Commit } from './commit.js';
import type { Site } from './context.js';
import type { OutputState } from './diff.js';
import { hashValue } from './hash.js';
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
export async function runSiteSteps(formats: readonly Format<any>[], site: Site, commit: Commit, state: OutputState): Promise<{ diagnostics: Diagnostic[]; ran: string[] }> {
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
    const output = await format.site(input, site.contexts.get(format) as FormatContext);
    diagnostics.push(...(await commit.accept({ id, key, format: format.id, file: '.' }, output)));
    ran.push(format.id);
  }
  return { diagnostics, ran };
}
