import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../src/index.js';
import { makeTree } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..');

function snapshot(content: LoadedContent): string {
  return JSON.stringify({ guides: content.guides, translations: content.translations, diagnostics: content.diagnostics });
}

/** A tree of varied guides: steps with images, code, UI labels, articles, an MDX file, a broken one. */
function corpusOfOurOwn(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const locale = i % 3 === 0 ? 'en' : 'fr';
    const word = locale === 'fr' ? 'Étape' : 'Step';
    const steps = Array.from(
      { length: 1 + (i % 5) },
      (_, n) =>
        `##### ${word} ${n + 1} : Do thing ${n + 1}\n\nClick *<u>Save ${i}</u>* then check.\n\n![image](/images/g${i}_${n}.png)\n\n\`\`\`powershell\nGet-Item ${i}\n\`\`\`\n\n---\n`,
    ).join('\n');
    const body = i % 7 === 0 ? `##### News ${i}\n\nJust an article, no steps.\n` : steps;
    files[`${locale}/guide-${Math.floor(i / 3)}-${i % 3}.${i % 11 === 0 ? 'mdx' : 'md'}`] =
      `---\ntitle: "Guide ${i}"\ndate: 2026-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00+01:00\n---\n\n##### Introduction\n\nText ${i}.\n\n---\n\n${body}`;
  }
  files['fr/broken.md'] = '---\ntitle: [unclosed\n---\n\n##### Étape 1 : x\n';
  return files;
}

// One code path: the built package, in a plain node process (what users run), gives exactly what
// the sources give under the test runner, cold and from the cache it wrote.
describe('one code path', () => {
  it('gives the same result from the built dist, in a plain node process, cold and from its cache', async () => {
    const dist = path.join(pkg, 'dist', 'index.js');
    const newest = (dir: string): number =>
      Math.max(...readdirSync(dir, { recursive: true }).map((f) => statSync(path.join(dir, String(f))).mtimeMs));
    if (!existsSync(dist) || statSync(dist).mtimeMs < newest(path.join(pkg, 'src'))) {
      execFileSync('npx', ['tsup'], { cwd: pkg, stdio: 'ignore' });
    }
    const root = makeTree(corpusOfOurOwn(40));
    const script = `
      const { loadContent } = await import(${JSON.stringify(new URL(`file://${dist}`).href)});
      const out = [];
      for (const round of [1, 2]) {
        const c = await loadContent(${JSON.stringify(root)}, { cache: ${JSON.stringify(path.join(root, '.cache'))} });
        out.push({ stats: c.stats, snap: JSON.stringify({ guides: c.guides, translations: c.translations, diagnostics: c.diagnostics }) });
      }
      process.stdout.write(JSON.stringify(out));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pkg, maxBuffer: 1 << 28 }).toString()) as {
      stats: { parsed: number; cached: number };
      snap: string;
    }[];
    const fromSource = await loadContent(root, { cache: false });
    expect(out.map((o) => [o.stats.parsed, o.stats.cached])).toEqual([
      [41, 0],
      [0, 41],
    ]);
    for (const o of out) expect(o.snap).toBe(snapshot(fromSource));
  });

  it('reports progress up to the total, in order', async () => {
    const root = makeTree(corpusOfOurOwn(60));
    const seen: number[] = [];
    await loadContent(root, { cache: false, onProgress: ({ done, total }) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBe(3); // every 25 files, and the last
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});
