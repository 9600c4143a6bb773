import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadContent } from '@guidekit/content';
import { build, createServer, type ViteDevServer } from 'vite';
import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { guidekit } from '../src/index.js';
import { packageRoot, tempDir, typeErrors } from './helpers.js';

const fixture = path.join(packageRoot, 'test/fixtures/app');

/** A fresh copy of the fixture app (tests edit it). */
function app(): string {
  const dir = tempDir();
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** `<locale>/<slug>` of every guide file, read from the folder itself (not through guidekit). */
function guideKeys(contentDir: string): string[] {
  return readdirSync(contentDir)
    .flatMap((locale) =>
      readdirSync(path.join(contentDir, locale)).map((f) => `${locale}/${f.replace(/\.md$/, '')}`),
    )
    .sort();
}

/** Title written in a guide's front matter, read with a plain regular expression. */
function titleIn(file: string): string {
  return /^title: (.*)$/m.exec(readFileSync(file, 'utf8'))![1]!;
}

describe('vite build', () => {
  it('writes literal slug and locale types for virtual:guidekit with the dts option', async () => {
    const root = app();
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [guidekit({ dts: 'types/guidekit.d.ts' })],
      build: { outDir: 'out', lib: { entry: 'entry.ts', formats: ['es'], fileName: 'entry' } },
    });
    const dts = path.join(root, 'types/guidekit.d.ts');
    const probe = [
      "import { getGuide, translationsOf, type GuideSlug } from 'virtual:guidekit';",
      "import { loadGuide } from 'virtual:guidekit/lazy';",
      "import desk from './content/fr/clean-desk.md?guide';",
      "const en: 'en' = getGuide('clean-desk', 'en').locale;",
      "const slug: GuideSlug = 'rename-printer';",
      "const t: string = desk.title + (translationsOf('clean-desk').source?.title ?? '');",
      "void loadGuide('rename-printer', 'fr');",
      '// @ts-expect-error no such guide',
      "getGuide('no-such-guide', 'fr');",
      'export { en, slug, t };',
    ].join('\n');
    expect(typeErrors(root, probe, [dts])).toEqual([]);
    const wrong = typeErrors(
      root,
      "import { getGuide } from 'virtual:guidekit';\ngetGuide('no-such-guide', 'fr');\n",
      [dts],
    );
    expect(wrong.map((e) => [e.code, e.line])).toEqual([[2345, 2]]);
  }, 180_000);

  it('types the front matter fields guidekit.config.json declares in the dts (frontmatterFieldsType)', async () => {
    const root = app();
    const fields = {
      properties: {
        difficulty: { type: 'string', enum: ['easy', 'hard'] },
        minutes: { type: 'integer' },
        tools: { type: 'array', items: { type: 'string' } },
      },
      required: ['difficulty'],
    };
    // Every guide sets the required field, so the build has no content error.
    for (const file of guideKeys(path.join(root, 'content'))) {
      const abs = path.join(root, 'content', `${file}.md`);
      writeFileSync(abs, readFileSync(abs, 'utf8').replace(/^---\n/, '---\ndifficulty: easy\nminutes: 5\n'));
    }
    writeFileSync(path.join(root, 'content/guidekit.config.json'), JSON.stringify({ frontmatter: fields }));
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [guidekit({ dts: 'types/guidekit.d.ts' })],
      build: { outDir: 'out', lib: { entry: 'entry.ts', formats: ['es'], fileName: 'entry' } },
    });
    const dts = path.join(root, 'types/guidekit.d.ts');
    const ok = [
      "import { getGuide } from 'virtual:guidekit';",
      "import desk from './content/fr/clean-desk.md?guide';",
      "const level: 'easy' | 'hard' = getGuide('clean-desk', 'en').frontmatter.extra.difficulty;",
      'const minutes: number | undefined = desk.frontmatter.extra.minutes;',
      'const tools: string[] | undefined = desk.frontmatter.extra.tools;',
      "const other: unknown = desk.frontmatter.extra['not-declared'];",
      'export { level, minutes, tools, other };',
    ].join('\n');
    expect(typeErrors(root, ok, [dts])).toEqual([]);
    const wrong = [
      "import { getGuide } from 'virtual:guidekit';",
      "import desk from './content/fr/clean-desk.md?guide';",
      "const level: 'medium' = getGuide('clean-desk', 'en').frontmatter.extra.difficulty;",
      'const minutes: string | undefined = desk.frontmatter.extra.minutes;',
      'export { level, minutes };',
    ].join('\n');
    expect(typeErrors(root, wrong, [dts]).map((e) => [e.code, e.line])).toEqual([
      [2322, 3],
      [2322, 4],
    ]);
  }, 180_000);

  it('bundles virtual:guidekit and ?guide imports into plain data', async () => {
    const root = app();
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [guidekit()],
      build: {
        outDir: 'out',
        lib: { entry: 'entry.ts', formats: ['es'], fileName: 'entry' },
        minify: false,
      },
    });
    const out = readdirSync(path.join(root, 'out')).find((f) => f.startsWith('entry'))!;
    const mod = await import(pathToFileURL(path.join(root, 'out', out)).href);
    const keys = mod.guides
      .map((g: { slug: string; locale: string }) => `${g.locale}/${g.slug}`)
      .sort();
    expect(keys).toEqual(guideKeys(path.join(root, 'content')));
    expect(mod.desk.title).toBe(titleIn(path.join(root, 'content/fr/clean-desk.md')));
    expect(mod.desk.steps.map((s: { id: string }) => s.id)).toEqual(['step-1', 'step-2']);
    expect(mod.getGuide('rename-printer', 'en').title).toBe(
      titleIn(path.join(root, 'content/en/rename-printer.md')),
    );
    expect(
      mod.translationsOf('clean-desk').translations.map((g: { locale: string }) => g.locale),
    ).toEqual(['en']);
    expect((await mod.loadGuide('clean-desk', 'en')).title).toBe(
      titleIn(path.join(root, 'content/en/clean-desk.md')),
    );
  });

  it('says which folder is missing when the content folder does not exist', async () => {
    const root = app();
    const error = await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [guidekit({ content: 'no-such-folder' })],
      build: { outDir: 'out', lib: { entry: 'entry.ts', formats: ['es'], fileName: 'entry' } },
    }).then(
      () => undefined,
      (e: unknown) => e as { message: string },
    );
    expect(error?.message).toMatch(/no-such-folder.*not a folder/);
  });

  it('stops the build on a content error, naming the guide file and line', async () => {
    const root = app();
    writeFileSync(path.join(root, 'content/fr/broken.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
    const expected = (await loadContent(path.join(root, 'content'))).diagnostics.find(
      (d) => d.severity === 'error' && d.file.endsWith('broken.md'),
    );
    expect(expected, 'content reports the broken front matter as an error').toBeDefined();
    const error = await build({
      root,
      logLevel: 'silent',
      configFile: false,
      plugins: [guidekit()],
      build: { outDir: 'out', lib: { entry: 'entry.ts', formats: ['es'], fileName: 'entry' } },
    }).then(
      () => undefined,
      (e: unknown) => e as { message: string },
    );
    expect(error?.message).toContain(`content/fr/broken.md:${expected!.line}:${expected!.column}`);
  });
});

/** Start a dev server on a free port and connect an HMR client to it, like a browser would. */
async function devServer(
  root: string,
): Promise<{
  server: ViteDevServer;
  messages: Array<Record<string, any>>;
  next: (pred: (m: Record<string, any>) => boolean) => Promise<Record<string, any>>;
  base: string;
}> {
  const server = await createServer({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins: [guidekit()],
    server: { port: 0, strictPort: false, host: '127.0.0.1', watch: { usePolling: false } },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer!.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const messages: Array<Record<string, any>> = [];
  const waiters: Array<{
    pred: (m: Record<string, any>) => boolean;
    resolve: (m: Record<string, any>) => void;
  }> = [];
  const socket = new WebSocket(
    `ws://127.0.0.1:${port}/?token=${server.config.webSocketToken}`,
    'vite-hmr',
  );
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as Record<string, any>;
    messages.push(message);
    for (const w of [...waiters])
      if (w.pred(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
  });
  onTestFinished(async () => {
    socket.close();
    await server.close();
  });
  const next = (pred: (m: Record<string, any>) => boolean) =>
    new Promise<Record<string, any>>((resolve, reject) => {
      const seen = messages.find(pred);
      if (seen) return resolve(seen);
      const timer = setTimeout(
        () => reject(new Error(`no matching HMR message; got ${JSON.stringify(messages)}`)),
        20_000,
      );
      waiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  await next((m) => m.type === 'connected');
  return { server, messages, next, base: `http://127.0.0.1:${port}` };
}

describe('vite dev server', () => {
  it('serves ?guide modules and sends an HMR update naming the guide module after an edit', async () => {
    const root = app();
    const { server, next, base } = await devServer(root);
    // Load what a browser would: the entry, then its imports.
    await fetch(`${base}/main.ts`).then((r) => r.text());
    const guideUrl = '/content/fr/clean-desk.md?guide';
    // A browser asks for non-JS imports with `&import` (Vite's import analysis adds it).
    const first = await fetch(`${base}${guideUrl}&import`).then((r) => r.text());
    expect(first).toContain('export default');
    expect(first).toContain(titleIn(path.join(root, 'content/fr/clean-desk.md')));
    await server.transformRequest('virtual:guidekit');

    const file = path.join(root, 'content/fr/clean-desk.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'title: Ranger son bureau numérique',
        'title: Bureau rangé (modifié)',
      ),
    );
    const update = await next((m) => m.type === 'update');
    const paths = update.updates.map((u: { acceptedPath: string; path: string }) => u.acceptedPath);
    expect(paths).toContain(guideUrl);
    expect(update.updates.every((u: { path: string }) => u.path === '/main.ts')).toBe(true);
    const after = await fetch(`${base}${guideUrl}&import&t=${update.timestamp}`).then((r) =>
      r.text(),
    );
    expect(after).toContain('export default');
    expect(after).toContain('Bureau rangé (modifié)');
  });

  it('hot-updates virtual:guidekit when a guide is added', async () => {
    const root = app();
    const { server, next, base } = await devServer(root);
    await fetch(`${base}/main.ts`).then((r) => r.text());
    const before = await server.transformRequest('virtual:guidekit');
    expect(before?.code).not.toContain('new-guide.md');
    writeFileSync(
      path.join(root, 'content/en/new-guide.md'),
      '---\ntitle: A new guide\n---\n\n##### Step 1: Start\n\nGo.\n',
    );
    const update = await next(
      (m) =>
        m.type === 'update' &&
        m.updates.some((u: { acceptedPath: string }) =>
          u.acceptedPath.includes('virtual:guidekit'),
        ),
    );
    expect(update.updates[0].path).toBe('/main.ts');
    const after = await server.transformRequest('virtual:guidekit');
    expect(after?.code).toMatch(/"\/content\/en\/new-guide\.md\?[^"]*guide"/);
  });

  it('surfaces a content error with the guide path and line, in the response and on the HMR socket', async () => {
    const root = app();
    const { server, next, base } = await devServer(root);
    writeFileSync(path.join(root, 'content/fr/broken.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
    const expected = (await loadContent(path.join(root, 'content'))).diagnostics.find(
      (d) => d.severity === 'error' && d.file.endsWith('broken.md'),
    )!;
    expect(expected).toBeDefined();

    const thrown = await server.transformRequest('/content/fr/broken.md?guide').then(
      () => undefined,
      (e: unknown) =>
        e as { loc?: { file: string; line: number; column: number }; message: string },
    );
    expect(thrown?.loc).toEqual({
      file: path.join(root, 'content/fr/broken.md'),
      line: expected.line,
      column: expected.column - 1,
    });
    expect(thrown?.message).toContain(`content/fr/broken.md:${expected.line}:${expected.column}`);

    // What the overlay receives: the browser requests the module, the server answers 500 and
    // pushes the error over the HMR socket.
    const response = await fetch(`${base}/content/fr/broken.md?guide&import`);
    expect(response.status).toBe(500);
    const overlay = await next((m) => m.type === 'error');
    expect(overlay.err.loc).toMatchObject({
      file: path.join(root, 'content/fr/broken.md'),
      line: expected.line,
    });
  });
});
