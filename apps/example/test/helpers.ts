import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** apps/example */
export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The monorepo root. */
export const repoRoot = path.resolve(appRoot, '../..');
/** The repository's own guides, which the example app lists. */
export const contentDir = path.join(repoRoot, 'content');

/** A guide file as this test reads it: straight from disk, with an independent YAML parser. */
export interface GuideFileFacts {
  key: string;
  locale: string;
  slug: string;
  title: string;
  /** Headings that read like a numbered step (`Étape 2 :`, `Step 2:`). */
  steps: number;
}

/**
 * Every guide of `content/<locale>/<slug>.md(x)`, read without guidekit so the expected list does
 * not come from the code under test. Section pages (`_index.md`, `-index.md`) are not guides.
 */
export function guideFiles(): GuideFileFacts[] {
  const facts: GuideFileFacts[] = [];
  // The locale folders: content/ also holds static/ and guidekit.config.json.
  for (const folder of readdirSync(contentDir, { withFileTypes: true })) {
    const locale = folder.name;
    const dir = path.join(contentDir, locale);
    if (!folder.isDirectory() || locale === 'static' || !readdirSync(dir, { withFileTypes: true }).length) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile() || !/\.mdx?$/.test(entry.name) || /^[-_]index\./.test(entry.name)) continue;
      const text = readFileSync(path.join(dir, entry.name), 'utf8');
      const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
      const data = (parseYaml(yaml) ?? {}) as { title?: string };
      const slug = entry.name.replace(/\.mdx?$/, '');
      const body = text.slice(yaml.length);
      const steps = body.split('\n').filter((line) => /^#{1,6}\s+(?:\*\*)?(?:Étape|Etape|Step)\s+\d+/i.test(line)).length;
      facts.push({ key: `${locale}/${slug}`, locale, slug, title: data.title ?? slug, steps });
    }
  }
  return facts.sort((a, b) => a.key.localeCompare(b.key));
}

/** The Chromium to drive: `GUIDEKIT_CHROMIUM`, else Debian's. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.GUIDEKIT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c!));
}
