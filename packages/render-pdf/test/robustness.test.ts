import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PdfBrowserCrashedError, PdfPoolClosedError, PdfTimeoutError, createPdfPool, type PdfPoolOptions } from '../src/index.js';
import { chromiumChildren, chromiumPath, skipBrowser } from './helpers/chromium.js';
import { frenchSteps, printHtml } from './helpers/fixtures.js';
import { inspectPdf } from './helpers/pdf-inspect.js';

const base: PdfPoolOptions = chromiumPath ? { executablePath: chromiumPath } : {};

function guide(n: number): { html: string; title: string; steps: string[] } {
  const steps = frenchSteps(3 + (n % 3)).map((s) => ({ ...s, title: `${s.title} (guide ${n})` }));
  const title = `Guide numéro ${n}`;
  return { html: printHtml({ title, steps }), title, steps: steps.map((s) => s.title) };
}

/** A complete, valid PDF of that guide: pdf.js opens it and finds every step bookmark. */
async function expectValid(pdf: Uint8Array, g: ReturnType<typeof guide>): Promise<void> {
  const facts = await inspectPdf(pdf);
  expect(facts.pages).toBeGreaterThan(0);
  expect(facts.info.Title).toBe(g.title);
  expect(facts.outline[0]?.items.map((i) => i.title)).toEqual(g.steps);
}

/** A local server whose `/slow` answers after `delayMs` and whose `/never` never answers. */
async function slowServer(delayMs: number): Promise<string> {
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    open.add(res);
    if (req.url?.startsWith('/slow')) setTimeout(() => res.end('x'), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    for (const res of open) res.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.skipIf(skipBrowser)('robustness (real Chromium)', () => {
  it('times out a page stuck in a script loop; the other documents print', async () => {
    const guides = [0, 1, 2, 3].map(guide);
    // The budget follows this machine's speed now, so a loaded machine does not time the good
    // documents out: 5 × the slowest print of the same documents by a warm pool with no hung page
    // (the hung page's loop takes one of the two cores while they print), at least 3 s.
    const calibration = createPdfPool({ ...base, concurrency: 2, timeoutMs: 600_000, javaScript: true });
    onTestFinished(() => calibration.close());
    // The browser's launch is not part of a print's budget: warm it up first.
    await calibration.print({ html: guides[0]!.html, title: guides[0]!.title });
    let slowest = 0;
    for (const g of guides) {
      const t = performance.now();
      await calibration.print({ html: g.html, title: g.title });
      slowest = Math.max(slowest, performance.now() - t);
    }
    await calibration.close();
    const timeoutMs = Math.max(3_000, Math.ceil(5 * slowest));

    const pool = createPdfPool({ ...base, concurrency: 2, timeoutMs, javaScript: true });
    onTestFinished(() => pool.close());
    const hung = printHtml({ title: 'Hung', steps: [{ title: 'Step 1' }], extraBody: '<script>for (;;) {}</script>' });
    const started = performance.now();
    let hungMs = 0;
    const results = await Promise.allSettled([
      pool.print({ html: guides[0]!.html, title: guides[0]!.title }),
      pool.print({ html: hung, title: 'Hung' }).finally(() => {
        hungMs = performance.now() - started;
      }),
      ...guides.slice(1).map((g) => pool.print({ html: g.html, title: g.title })),
    ]);
    const [first, stuck, ...rest] = results;
    expect(stuck?.status).toBe('rejected');
    const reason = (stuck as PromiseRejectedResult).reason as unknown;
    expect(reason).toBeInstanceOf(PdfTimeoutError);
    expect((reason as PdfTimeoutError).ruleId).toBe('pdf/timeout');
    expect((reason as PdfTimeoutError).message).toContain(`${timeoutMs} ms`);
    // Given up at its budget: not before (the loop never lets the page load), not long after.
    expect(hungMs).toBeGreaterThanOrEqual(timeoutMs - 1);
    expect(hungMs).toBeLessThan(3 * timeoutMs + 10_000);
    for (const [i, r] of [first, ...rest].entries()) {
      expect(r?.status).toBe('fulfilled');
      await expectValid((r as PromiseFulfilledResult<Uint8Array>).value, guides[i]!);
    }
    expect(pool.stats().timeouts).toBe(1);
  }, 600_000);

  it('times out a page waiting on a resource that never loads; the other documents print', async () => {
    const origin = await slowServer(0);
    const pool = createPdfPool({ ...base, concurrency: 2, timeoutMs: 3_000, allowNetwork: true });
    onTestFinished(() => pool.close());
    const g = guide(7);
    const waiting = printHtml({ title: 'Waiting', steps: [{ title: 'Step 1', image: `${origin}/never.png` }] });
    const [stuck, ok] = await Promise.allSettled([pool.print({ html: waiting, title: 'Waiting' }), pool.print({ html: g.html, title: g.title })]);
    expect(stuck.status === 'rejected' && stuck.reason instanceof PdfTimeoutError).toBe(true);
    expect(ok.status).toBe('fulfilled');
    await expectValid((ok as PromiseFulfilledResult<Uint8Array>).value, g);
  });

  it('relaunches after the browser is killed mid-batch; every other PDF is complete and valid', async () => {
    const pool = createPdfPool({ ...base, concurrency: 2, timeoutMs: 20_000 });
    onTestFinished(() => pool.close());
    const guides = Array.from({ length: 8 }, (_, i) => guide(i));
    const jobs = guides.map((g) => pool.print({ html: g.html, title: g.title }));
    await Promise.race(jobs);
    const [browser] = chromiumChildren();
    expect(browser).toBeDefined();
    process.kill(browser!.pid, 'SIGKILL');
    const results = await Promise.allSettled(jobs);
    for (const [i, r] of results.entries()) {
      if (r.status === 'fulfilled') await expectValid(r.value, guides[i]!);
      else expect(r.reason).toBeInstanceOf(PdfBrowserCrashedError);
    }
    // One retry per job is allowed, so the jobs caught by the kill print on the new browser.
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(8);
    expect(pool.stats().launches).toBe(2);
    await pool.close();
    // The temporary folder (profile) of the killed browser is gone too.
    expect(browser!.profile).toMatch(/guidekit-pdf-\d+-\w+[/\\]profile$/);
    expect(existsSync(path.dirname(browser!.profile!))).toBe(false);
  });

  it('without retries, the job caught by the crash fails with a diagnostic-ready error and the rest print', async () => {
    const origin = await slowServer(4_000);
    const pool = createPdfPool({ ...base, concurrency: 1, timeoutMs: 20_000, retries: 0, allowNetwork: true });
    onTestFinished(() => pool.close());
    const [a, c, d] = [guide(1), guide(2), guide(3)];
    const slow = printHtml({ title: 'Slow', steps: [{ title: 'Step 1', image: `${origin}/slow.png` }] });
    const pa = pool.print({ html: a!.html, title: a!.title });
    const pb = pool.print({ html: slow, title: 'Slow' });
    const rest = [c!, d!].map((g) => pool.print({ html: g.html, title: g.title }));
    await pa;
    // The slow job is now waiting on its image: kill the browser under it.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const [browser] = chromiumChildren();
    process.kill(browser!.pid, 'SIGKILL');
    await expect(pb).rejects.toSatisfy((e: unknown) => e instanceof PdfBrowserCrashedError && e.ruleId === 'pdf/browser-crashed');
    const done = await Promise.all(rest);
    await expectValid(done[0]!, c!);
    await expectValid(done[1]!, d!);
    expect(pool.stats()).toMatchObject({ launches: 2, failed: 1, printed: 3 });
  });

  it('rejects queued and later jobs once closed, and leaves no browser behind', async () => {
    const pool = createPdfPool({ ...base, concurrency: 1 });
    const g = guide(4);
    const first = pool.print({ html: g.html, title: g.title });
    const queued = pool.print({ html: g.html, title: g.title });
    queued.catch(() => {});
    await first;
    await pool.close();
    await expect(queued).rejects.toBeInstanceOf(PdfPoolClosedError);
    await expect(pool.print({ html: g.html, title: g.title })).rejects.toBeInstanceOf(PdfPoolClosedError);
    await pool.close();
    // A moment for the OS to reap the process.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(chromiumChildren()).toEqual([]);
    expect(ownDirs()).toEqual([]);
  });

  it('removes the folder a killed process left behind, and no live one', async () => {
    // A process that has exited: its pid is free, as after a build killed by Ctrl-C.
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    const stale = mkdtempSync(path.join(os.tmpdir(), `guidekit-pdf-${dead}-`));
    mkdirSync(path.join(stale, 'profile'));
    const alive = mkdtempSync(path.join(os.tmpdir(), `guidekit-pdf-${process.ppid}-`));
    onTestFinished(() => rmSync(alive, { recursive: true, force: true }));
    const pool = createPdfPool({ ...base, concurrency: 1 });
    onTestFinished(() => pool.close());
    const g = guide(5);
    await expectValid(await pool.print({ html: g.html, title: g.title }), g);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(alive)).toBe(true);
  });
});

/** Temporary browser folders of this process. */
function ownDirs(): string[] {
  return readdirSync(os.tmpdir()).filter((name) => name.startsWith(`guidekit-pdf-${process.pid}-`));
}
