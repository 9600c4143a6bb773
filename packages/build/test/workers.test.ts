// Render threads exist only in the built package (dist/render-worker.js): these tests import
// dist. Under turbo, `test` runs after `build`; run alone without a build, they are skipped.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { listTree, standardTree, tempTree } from './helpers.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/index.js');
const built = fs.existsSync(dist) && fs.existsSync(path.join(path.dirname(dist), 'render-worker.js'));
if (!built) console.warn('workers.test: packages/build/dist is missing (run `npx tsup`); render-thread tests skipped');
if (!built && process.env.CI) throw new Error('packages/build/dist is missing in CI: build before testing');

describe.skipIf(!built)('render threads (built package)', () => {
  test('a build on threads writes the same bytes as a build on the main thread', async () => {
    const { build } = (await import(pathToFileURL(dist).href)) as typeof import('../src/index.js');
    const dir = tempTree(standardTree());
    const threads = await build({ root: path.join(dir, 'content'), out: path.join(dir, 'threads'), workers: 2 });
    const main = await build({ root: path.join(dir, 'content'), out: path.join(dir, 'main'), workers: 0 });
    expect(threads.diagnostics).toEqual(main.diagnostics);
    const files = listTree(path.join(dir, 'main'));
    expect(listTree(path.join(dir, 'threads'))).toEqual(files);
    for (const file of files) {
      const a = fs.readFileSync(path.join(dir, 'threads', file));
      const b = fs.readFileSync(path.join(dir, 'main', file));
      expect(a.equals(b), file).toBe(true);
    }
    // The JSON a thread writes is the guide's text as it arrived, unless indentation is asked for.
    const indented = await build({ root: path.join(dir, 'content'), out: path.join(dir, 'indented'), workers: 2, formats: ['json'], formatOptions: { json: { indent: 2 } } });
    expect(indented.written).toContain('json/fr/ajouter-imprimante.json');
    const text = fs.readFileSync(path.join(dir, 'indented/json/fr/ajouter-imprimante.json'), 'utf8');
    expect(text.startsWith('{\n  "slug"')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(fs.readFileSync(path.join(dir, 'main/json/fr/ajouter-imprimante.json'), 'utf8')));
  });
});

describe.skipIf(!built)('render threads that cannot start', () => {
  test('a Node flag threads refuse falls back to the main thread with an info diagnostic', async () => {
    const dir = tempTree(standardTree());
    const script = `
      const { build } = await import(${JSON.stringify(pathToFileURL(dist).href)});
      const r = await build({ root: ${JSON.stringify(path.join(dir, 'content'))}, out: ${JSON.stringify(path.join(dir, 'out'))}, workers: 2 });
      process.stdout.write(JSON.stringify({ files: r.written.length, ids: r.diagnostics.map((d) => d.ruleId) }));
    `;
    // --expose-gc is a flag worker threads reject (ERR_WORKER_INVALID_EXEC_ARGV).
    const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' })) as { files: number; ids: string[] };
    expect(out.ids).toContain('build/workers-failed');
    expect(out.files).toBeGreaterThan(5);
  });
});

describe.skipIf(!built)('render threads and big guides', () => {
  // 120 KB goes to a thread; 250 KB (the parser's default size guard) has JSON over
  // THREAD_MAX_GUIDE_BYTES and is rendered on the main thread: both give the same bytes as a build without threads.
  test('big guides, on either side of the thread threshold, render to the same bytes as on the main thread', async () => {
    const { build } = (await import(pathToFileURL(dist).href)) as typeof import('../src/index.js');
    // Our own text: numbered steps with UI labels, lists, PowerShell and tables, up to ~250 KB.
    const big = (size: number): string => {
    let text = '---\ntitle: "Un très gros guide"\n---\n\n##### Introduction\n\nUn guide *<u>énorme</u>* pour tester la mémoire.\n\n';
    for (let i = 1; text.length < size; i++) {
      text += `##### Étape ${i} : Régler le paramètre ${i}\n\n- Ouvrez *<u>Paramètres ${i}</u>* puis **Appliquer**<br/>\n- Vérifiez \`Get-Item C:\\\\x${i}\`\n\n`;
      text += '```powershell\n' + `Get-ChildItem -Path C:\\Temp\\${i} | Where-Object { $_.Length -gt ${i} }\n` + '```\n\n';
      text += `| Clé | Valeur |\n|---|---|\n| ${i} | <u>oui</u> |\n\n`;
    }
    return text;
    };
    const dir = tempTree({ 'content/fr/gros.md': big(250_000), 'content/fr/moyen.md': big(120_000) });
    const threads = await build({ root: path.join(dir, 'content'), out: path.join(dir, 'threads'), workers: 2 });
    const main = await build({ root: path.join(dir, 'content'), out: path.join(dir, 'main'), workers: 0 });
    expect(threads.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(threads.diagnostics).toEqual(main.diagnostics);
    const files = listTree(path.join(dir, 'main'));
    expect(files.length).toBeGreaterThan(5);
    expect(listTree(path.join(dir, 'threads'))).toEqual(files);
    for (const file of files) expect(fs.readFileSync(path.join(dir, 'threads', file)).equals(fs.readFileSync(path.join(dir, 'main', file))), file).toBe(true);
  });
});
