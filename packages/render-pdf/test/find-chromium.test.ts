import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CHROMIUM_CANDIDATES, ChromiumNotFoundError, findChromium } from '../src/index.js';

const only = (...files: string[]) => (file: string) => files.includes(file);
const none = () => false;

function catchError(fn: () => unknown): ChromiumNotFoundError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ChromiumNotFoundError) return error;
    throw error;
  }
  throw new Error('expected a ChromiumNotFoundError');
}

describe('findChromium', () => {
  it('takes GUIDEKIT_CHROMIUM first', () => {
    expect(findChromium({ GUIDEKIT_CHROMIUM: '/opt/c/chrome' }, only('/opt/c/chrome', '/usr/bin/chromium'))).toBe('/opt/c/chrome');
  });

  it('reports a GUIDEKIT_CHROMIUM that points at nothing instead of silently using another browser', () => {
    const error = catchError(() => findChromium({ GUIDEKIT_CHROMIUM: '/nope/chrome' }, only('/usr/bin/chromium')));
    expect(error.ruleId).toBe('pdf/chromium-not-found');
    expect(error.message).toContain('/nope/chrome');
    expect(error.tried).toEqual(['/nope/chrome']);
  });

  it('then tries the usual paths in order', () => {
    expect(findChromium({}, only('/usr/bin/google-chrome', '/snap/bin/chromium'))).toBe('/usr/bin/google-chrome');
    expect(findChromium({}, only('/usr/bin/chromium-browser', '/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(CHROMIUM_CANDIDATES.slice(0, 5)).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
    ]);
  });

  it('then looks on PATH', () => {
    const bin = path.join('/home/u/bin', 'google-chrome-stable');
    expect(findChromium({ PATH: ['/x', '/home/u/bin'].join(path.delimiter) }, only(bin))).toBe(bin);
  });

  it('says how to get a browser when there is none', () => {
    const error = catchError(() => findChromium({ PATH: '/x' }, none));
    expect(error.message).toContain('apt-get install chromium');
    expect(error.message).toContain('GUIDEKIT_CHROMIUM=');
    expect(error.tried).toEqual([...CHROMIUM_CANDIDATES, 'chromium/chromium-browser/google-chrome/google-chrome-stable/chrome on PATH']);
  });

  it('checks the real file system: an executable file counts, a plain file or a folder does not', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'find-chromium-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const exe = path.join(dir, 'chromium');
    writeFileSync(exe, '#!/bin/sh\n');
    chmodSync(exe, 0o755);
    const plain = path.join(dir, 'plain');
    writeFileSync(plain, '');
    chmodSync(plain, 0o644);
    expect(findChromium({ GUIDEKIT_CHROMIUM: exe })).toBe(exe);
    expect(findChromium({ PATH: dir }, (f) => f === exe || !CHROMIUM_CANDIDATES.includes(f))).toBe(exe);
    expect(() => findChromium({ GUIDEKIT_CHROMIUM: dir })).toThrow(ChromiumNotFoundError);
    if (process.getuid?.() !== 0) expect(() => findChromium({ GUIDEKIT_CHROMIUM: plain })).toThrow(ChromiumNotFoundError);
  });
});
