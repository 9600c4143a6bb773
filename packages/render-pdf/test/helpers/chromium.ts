/** Locate Chromium for tests; skip (locally) or fail (CI) when there is none. */
import { readdirSync, readFileSync } from 'node:fs';
import { findChromium } from '../../src/index.js';

function locate(): string | undefined {
  try {
    return findChromium();
  } catch {
    return undefined;
  }
}

export const chromiumPath = locate();

/** True when browser tests must be skipped: no Chromium and not in CI (where it must fail). */
export const skipBrowser = chromiumPath === undefined && !process.env.CI;

if (skipBrowser) {
  console.warn('[render-pdf] No Chromium found (set GUIDEKIT_CHROMIUM or apt-get install chromium): browser tests skipped.');
}

/** Main Chromium processes started by this process (Linux /proc), with their profile folder. */
export function chromiumChildren(): Array<{ pid: number; profile: string | undefined }> {
  const found: Array<{ pid: number; profile: string | undefined }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!args.some((a) => a.startsWith('--remote-debugging-pipe'))) continue;
      const profile = args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
      found.push({ pid: Number(entry), profile });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
