import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../src/index.js';
import { builtParserUrl, parseInWorkers } from '../src/lib/parse.js';
import { guide, makeTree } from './helpers.js';

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

describe('parallel parsing', () => {
  beforeAll(() => {
    if (!builtParserUrl()) throw new Error('@guidekit/parser is not built: run `pnpm turbo run build --filter @guidekit/parser` first');
  });

  it('gives the same guides and diagnostics on workers as on this thread (from src)', async () => {
    const root = makeTree(corpusOfOurOwn(60));
    const serial = await loadContent(root, { cache: false, workers: 0 });
    const parallel = await loadContent(root, { cache: false, workers: 2, workerThreshold: 0 });
    expect(serial.stats.workers).toBe(0);
    expect(parallel.stats.workers).toBe(2);
    expect(parallel.stats.parsed).toBe(61);
    expect(snapshot(parallel)).toBe(snapshot(serial));
  });

  it('reports progress up to the total', async () => {
    const root = makeTree(corpusOfOurOwn(30));
    const seen: number[] = [];
    await loadContent(root, { cache: false, workers: 2, workerThreshold: 0, onProgress: ({ done, total }) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('gives the same result from the built dist, in a plain node process', async () => {
    const dist = path.join(pkg, 'dist', 'index.js');
    const newest = (dir: string): number =>
      Math.max(...readdirSync(dir, { recursive: true }).map((f) => statSync(path.join(dir, String(f))).mtimeMs));
    if (!existsSync(dist) || statSync(dist).mtimeMs < newest(path.join(pkg, 'src'))) {
      execFileSync('npx', ['tsup'], { cwd: pkg, stdio: 'ignore' });
    }
    const root = makeTree(corpusOfOurOwn(40));
    const script = `
      const { loadContent } = await import(${JSON.stringify(new URL(`file://${dist}`).href)});
      const c = await loadContent(${JSON.stringify(root)}, { cache: false, workers: 2, workerThreshold: 0 });
      process.stdout.write(JSON.stringify({ workers: c.stats.workers, snap: JSON.stringify({ guides: c.guides, translations: c.translations, diagnostics: c.diagnostics }) }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pkg, maxBuffer: 1 << 28 }).toString()) as {
      workers: number;
      snap: string;
    };
    const serial = await loadContent(root, { cache: false, workers: 0 });
    expect(out.workers).toBe(2);
    expect(out.snap).toBe(snapshot(serial));
  });

  it('rejects, rather than hangs, when workers cannot load the parser or die', async () => {
    const task = { source: '# A', path: 'fr/a.md', locale: 'fr', slug: 'a', format: 'md' as const };
    const tasks = Array.from({ length: 8 }, () => task);
    await expect(parseInWorkers(tasks, { workers: 2, keywords: undefined, onResult: () => undefined, contentUrl: 'file:///nonexistent/content.js', parserUrl: 'file:///nonexistent/guidekit/parser.js' })).rejects.toThrow(
      /could not load the parser/,
    );
    await expect(parseInWorkers(tasks, { workers: 2, keywords: undefined, onResult: () => undefined, contentUrl: 'data:text/javascript,process.exit(3)', parserUrl: 'data:text/javascript,process.exit(3)' })).rejects.toThrow(
      /exited early \(code 3\)/,
    );
  });
});
