import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../src/index.js';
import { loadInNode, makeTree } from './helpers.js';

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
    const root = makeTree(corpusOfOurOwn(40));
    const cache = path.join(root, '.cache');
    const out = [loadInNode(root, { cache }), loadInNode(root, { cache })];
    const fromSource = await loadContent(root, { cache: false });
    expect(out.map((o) => [o.stats['parsed'], o.stats['cached']])).toEqual([
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
