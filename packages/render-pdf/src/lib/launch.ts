import { chromium, type Browser } from 'playwright-core';
import { PdfLaunchError } from './errors.js';

/** How the browser is started. */
export interface LaunchSettings {
  /** Chromium or Chrome executable. */
  executablePath: string;
  /** Use Chromium's sandbox. Default: on, except when running as root (where it cannot start). */
  sandbox?: boolean;
  /** Let pages reach the network. Default `false`: every request but the asset origin fails at once. */
  allowNetwork?: boolean;
  /** Milliseconds to wait for the browser to start. */
  timeoutMs?: number;
  /** More command-line switches, appended last. */
  extraArgs?: readonly string[];
}

/** Whether this process runs as root (Chromium's sandbox refuses to start as root). */
export function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Command-line switches for a headless print server with no network.
 *
 * playwright-core already passes a fresh temporary `--user-data-dir` (removed when the
 * browser exits) and most "quiet" switches; they are repeated here so the intent does not
 * depend on playwright's defaults.
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

/**
 * Start a headless Chromium through playwright-core (which never downloads a browser when
 * given `executablePath`).
 *
 * @param settings Executable and switches.
 * @returns The connected browser.
 * @throws {PdfLaunchError} when it does not start.
 */
export async function launchBrowser(settings: LaunchSettings): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: settings.executablePath,
      headless: true,
      chromiumSandbox: settings.sandbox ?? !runningAsRoot(),
      args: launchArgs(settings.allowNetwork ?? false, settings.extraArgs),
      timeout: settings.timeoutMs ?? 30_000,
      // The caller owns the process lifetime (it closes the pool); playwright must not
      // install signal handlers that kill the browser under a CLI's own handlers.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    throw new PdfLaunchError(settings.executablePath, error);
  }
}
