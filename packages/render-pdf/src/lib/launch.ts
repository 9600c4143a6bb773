import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { PdfLaunchError } from './errors.js';

/** How the browser is started. */
export interface LaunchSettings {
  /** Chromium or Chrome executable. */
  executablePath: string;
  /** Use Chromium's sandbox. Default: on, except when running as root (where it cannot start). */
  sandbox?: boolean;
  /** Let pages reach the network. Default `false`: every request but the asset origin fails at once. */
  allowNetwork?: boolean;
  /** Run scripts in pages. Default `false`. */
  javaScript?: boolean;
  /** Milliseconds to wait for the browser to start. */
  timeoutMs?: number;
  /** More command-line switches, appended last. */
  extraArgs?: readonly string[];
}

/** A started browser: its one context, and the temporary folder it lives in. */
export interface LaunchedBrowser {
  /** The browser's context (pages are opened here). */
  context: BrowserContext;
  /** Temporary folder holding the profile and downloads; removed once the browser is gone. */
  dir: string;
  /** Close the browser and remove its folder. */
  close(): Promise<void>;
}

/** Whether this process runs as root (Chromium's sandbox refuses to start as root). */
export function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Command-line switches for a headless print server with no network.
 *
 * playwright-core already passes most "quiet" switches; they are repeated here so the intent
 * does not depend on playwright's defaults.
 *
 * @param allowNetwork When `false`, names resolve nowhere and every connection, loopback
 *   and IP literals included, goes to a dead proxy: a page can neither leak data nor wait
 *   on a remote resource.
 * @param extraArgs Appended last.
 * @returns The switches.
 */
export function launchArgs(allowNetwork = false, extraArgs: readonly string[] = []): string[] {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-sync',
    '--disable-quic',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    '--font-render-hinting=none',
  ];
  if (!allowNetwork) {
    args.push('--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>');
  }
  return [...args, ...extraArgs];
}

/** Prefix of our temporary folders: `guidekit-pdf-<pid>-XXXXXX`. */
const DIR_PREFIX = 'guidekit-pdf-';

/** Folders of browsers started by this process and not yet removed. */
const liveDirs = new Set<string>();
let exitHookInstalled = false;

/**
 * Remove what is left of browsers whose process is gone: a process killed by a signal
 * cannot clean up after itself, so the next one does.
 */
function sweepStaleDirs(tmp: string): void {
  let entries: string[];
  try {
    entries = readdirSync(tmp);
  } catch {
    return;
  }
  for (const name of entries) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const pid = Number(name.slice(DIR_PREFIX.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but not ours.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Start a headless Chromium through playwright-core (which never downloads a browser when
 * given `executablePath`), with a fresh profile in a temporary folder of our own, so it
 * can be removed whatever happens: when the browser closes or is killed, when this process
 * exits (an `exit` hook), or, if this process was killed, by the next launch.
 *
 * @param settings Executable and switches.
 * @returns The browser's context and folder.
 * @throws {PdfLaunchError} when it does not start.
 */
export async function launchBrowser(settings: LaunchSettings): Promise<LaunchedBrowser> {
  const tmp = os.tmpdir();
  sweepStaleDirs(tmp);
  const dir = mkdtempSync(path.join(tmp, `${DIR_PREFIX}${process.pid}-`));
  liveDirs.add(dir);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // The browser dies with us (its pipe closes); its folder must go too.
    process.once('exit', () => {
      for (const d of liveDirs) rmSync(d, { recursive: true, force: true });
    });
  }
  const removeDir = async (): Promise<void> => {
    await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    liveDirs.delete(dir);
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: settings.executablePath,
      headless: true,
      chromiumSandbox: settings.sandbox ?? !runningAsRoot(),
      args: launchArgs(settings.allowNetwork ?? false, settings.extraArgs),
      timeout: settings.timeoutMs ?? 30_000,
      // Inside our folder: playwright would otherwise make a temporary folder of its own.
      downloadsPath: path.join(dir, 'downloads'),
      acceptDownloads: false,
      javaScriptEnabled: settings.javaScript ?? false,
      serviceWorkers: 'block',
      // The caller owns the process lifetime (it closes the pool); playwright's handlers
      // would close the browser under a CLI's own handling of SIGINT/SIGTERM.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await removeDir();
    throw new PdfLaunchError(settings.executablePath, error);
  }
  // Closed on purpose, crashed or killed: the profile is of no further use.
  context.once('close', () => void removeDir().catch(() => {}));
  return {
    context,
    dir,
    close: async () => {
      await context.close().catch(() => {});
      await removeDir().catch(() => {});
    },
  };
}
