import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BASE_PRINT_CSS, applyMetadata, escapeHtml, footerTemplate, launchArgs, looksLikeCompletePdf, prepareHtml, writeFileAtomic } from '../src/index.js';

describe('prepareHtml', () => {
  const style = `<style>${BASE_PRINT_CSS}</style>`;
  it('puts the base CSS first in <head>, so the document CSS wins', () => {
    expect(prepareHtml('<!doctype html><html><head lang="x"><style>p{}</style></head></html>', undefined)).toBe(
      `<!doctype html><html><head lang="x">${style}<style>p{}</style></head></html>`,
    );
  });
  it('adds <base> when asked, escaped', () => {
    expect(prepareHtml('<head></head>', 'http://h/"x')).toBe(`<head><base href="http://h/&#34;x">${style}</head>`);
  });
  it('handles documents without <head>', () => {
    expect(prepareHtml('<!DOCTYPE html><p>x', undefined)).toBe(`<!DOCTYPE html>${style}<p>x`);
    expect(prepareHtml('<p>x', undefined)).toBe(`${style}<p>x`);
  });
  it('does not take <header> for <head>', () => {
    expect(prepareHtml('<header>h</header>', undefined)).toBe(`${style}<header>h</header>`);
  });
});

describe('footerTemplate', () => {
  it('escapes the title and carries the page number placeholders', () => {
    const html = footerTemplate('<script>alert(1)</script> & "quotes"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quotes&#34;');
    expect(html).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>');
  });
  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&#38;&#60;&#62;&#34;&#39;');
  });
});

describe('launchArgs', () => {
  it('turns the network off unless allowed', () => {
    expect(launchArgs()).toEqual(expect.arrayContaining(['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND']));
    expect(launchArgs(true).some((a) => a.startsWith('--host-resolver-rules') || a.startsWith('--proxy-server'))).toBe(false);
    expect(launchArgs(false, ['--x']).at(-1)).toBe('--x');
  });
});

describe('applyMetadata (on a PDF made by pdf-lib, no browser)', () => {
  it('sets title, author, subject, keywords, language and both dates; ignores a bad date', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const out = await applyMetadata(await doc.save(), { title: 'Été', author: 'Zoé', subject: 'S', keywords: ['a', 'b'], lang: 'fr-CA', date: '2025-01-02T03:04:05Z' });
    const back = await PDFDocument.load(out, { updateMetadata: false });
    expect([back.getTitle(), back.getAuthor(), back.getSubject(), back.getKeywords(), back.getCreator()]).toEqual(['Été', 'Zoé', 'S', 'a b', 'guidekit']);
    expect(back.getCreationDate()?.toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(back.getModificationDate()?.toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(looksLikeCompletePdf(out)).toBe(true);
    const bad = await PDFDocument.load(await applyMetadata(await doc.save(), { title: 'T', date: 'not a date' }), { updateMetadata: false });
    expect(bad.getTitle()).toBe('T');
  });
  it('looksLikeCompletePdf rejects a truncated file', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const bytes = await doc.save();
    expect(looksLikeCompletePdf(bytes)).toBe(true);
    expect(looksLikeCompletePdf(bytes.subarray(0, bytes.length - 40))).toBe(false);
    expect(looksLikeCompletePdf(new TextEncoder().encode('<html>not a pdf</html>'.repeat(10)))).toBe(false);
  });
});

describe('writeFileAtomic', () => {
  it('writes the whole file, creates folders, and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'write-atomic-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'a', 'b', 'x.pdf');
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    await writeFileAtomic(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(path.dirname(file))).toEqual(['x.pdf']);
  });
  it('keeps the old file and removes its temporary file when the rename fails', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'write-atomic-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // A non-empty folder where the file should go: rename cannot replace it.
    const target = path.join(dir, 'x.pdf');
    writeFileSync(path.join(dir, 'keep'), 'old');
    await import('node:fs/promises').then((fs) => fs.mkdir(target));
    writeFileSync(path.join(target, 'inside'), 'old');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['keep', 'x.pdf']);
  });
});
