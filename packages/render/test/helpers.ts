import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import type { Guide } from '@guidekit/model';
import { parseGuide } from '@guidekit/parser';
import { onTestFinished } from 'vitest';

/** The repository root, found from this file (never hard-coded). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** `../shared/corpus` next to the repository. */
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
export const corpusBlog = path.join(corpusDir, 'blog');
/** Whether the real corpus is here. */
export const hasCorpus = existsSync(corpusBlog);
export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * Guard for corpus suites: a note when the corpus is absent, and a failure in CI, where it must be.
 */
export function corpusGuard(): boolean {
  if (!hasCorpus) {
    if (process.env['CI']) throw new Error(`The corpus is missing at ${corpusDir}: CI must have it`);
    console.warn(`[render] corpus not found at ${corpusDir}: corpus tests skipped`);
  }
  return hasCorpus;
}

/** Every corpus guide file: `{ file, locale, abs }`, locale from the folder (`french` → `fr`). */
export function corpusFiles(): { file: string; locale: string; abs: string }[] {
  const out: { file: string; locale: string; abs: string }[] = [];
  for (const [folder, locale] of [
    ['french', 'fr'],
    ['english', 'en'],
  ] as const) {
    const dir = path.join(corpusBlog, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (/\.mdx?$/.test(name)) out.push({ file: `${folder}/${name}`, locale, abs: path.join(dir, name) });
    }
  }
  return out;
}

/** Parse a guide file with the real parser. */
export function parseFile(abs: string, rel: string, locale: string): Guide {
  return parseGuide(readFileSync(abs), { path: rel, locale }).guide;
}

/** Every corpus guide, parsed. */
export function corpusGuides(): Guide[] {
  return corpusFiles().map((f) => parseFile(f.abs, f.file, f.locale));
}

/** Fixture guides of a folder laid out as `<locale>/<slug>.md(x)`. */
export function fixtureGuides(folder: string): Guide[] {
  const root = path.join(fixturesDir, folder);
  const out: Guide[] = [];
  for (const locale of readdirSync(root).sort()) {
    for (const name of readdirSync(path.join(root, locale)).sort()) {
      out.push(parseFile(path.join(root, locale, name), `${locale}/${name}`, locale));
    }
  }
  return out;
}

/** A temporary folder removed when the test ends. */
export function tempDir(prefix = 'guidekit-render-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const crc32 = (zlib as unknown as { crc32: (data: Uint8Array) => number }).crc32;

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/**
 * A real PNG of `width` × `height` in one colour, written by hand (zlib + CRC from Node), so tests
 * need no image file in the repository.
 */
export function makePng(width: number, height: number, rgb: [number, number, number] = [40, 90, 160]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Drop `position` keys everywhere, to compare trees by content. */
export function withoutPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'position' ? undefined : v))) as T;
}
