import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { STATE_DIR } from './fs.js';
import { PublishUsageError } from './options.js';

/** Where the lock lives, relative to `out`. */
export const LOCK_PATH = `${STATE_DIR}/lock`;
/** How long a build waits for another by default: ten minutes. */
const DEFAULT_WAIT_MS = 10 * 60_000;
const POLL_MS = 100;

/** Who holds a lock. */
export interface LockHolder {
  pid: number;
  host: string;
}

/** Options of {@link lockOutput}. */
export interface LockOptions {
  /** Wait for the holder (`true`: up to ten minutes), up to this many milliseconds, or not at all (`false`). */
  wait?: boolean | number | undefined;
  /** Called once when the folder is held by a live build and this one starts waiting. */
  onWait?: ((holder: LockHolder) => void) | undefined;
}

/** A held lock. */
export interface OutputLock {
  release(): void;
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof data.pid === 'number' && typeof data.host === 'string' ? { pid: data.pid, host: data.host } : undefined;
  } catch {
    return undefined; // gone, or being written: look again
  }
}

/** Whether the process holding a lock is gone (only provable on this host). */
function isStale(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A lock file that stays unreadable this long was left half-written by a killed build. */
function unreadableFor(file: string, ms: number): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

/** Try once: create the lock file exclusively. */
function tryCreate(file: string): boolean {
  try {
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, host: os.hostname() }), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Take over a stale lock: rename it to a name of our own (only one of several builds that found
 * it stale can rename that very file), then check that what we moved was the stale lock and not
 * a fresh one taken in between; a fresh one is put back.
 */
function takeOver(file: string, stale: LockHolder | undefined): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // someone else took it over first
  }
  const moved = readHolder(aside);
  if (moved && (!stale || moved.pid !== stale.pid || moved.host !== stale.host)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // a third build locked meanwhile: the one we moved lost its lock file, as a killed one would
    }
  }
  fs.rmSync(aside, { force: true });
}

/**
 * Lock an output folder for one build: `out/.guidekit/lock` holds the process id and host. A
 * second build waits for the first (or gives up with a plain message); a lock whose process is
 * gone (killed) is taken over.
 *
 * @throws PublishUsageError when the folder stays locked past the wait.
 */
export async function lockOutput(out: string, options: LockOptions = {}): Promise<OutputLock> {
  const file = path.join(out, LOCK_PATH);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const wait = options.wait === false ? 0 : options.wait === true || options.wait === undefined ? DEFAULT_WAIT_MS : options.wait;
  const deadline = Date.now() + wait;
  let told = false;
  while (!tryCreate(file)) {
    const holder = readHolder(file);
    if (holder ? isStale(holder) : unreadableFor(file, 5_000)) {
      takeOver(file, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder ? `process ${holder.pid} on ${holder.host}` : 'another build';
      throw new PublishUsageError(`Unexpected lock on the output folder ${out}: ${who} is building into it, expected it to be free (wait for it to finish, or build into another folder)`);
    }
    if (holder && !told) {
      told = true;
      options.onWait?.(holder);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return {
    release: () => {
      const holder = readHolder(file);
      if (holder && holder.pid === process.pid && holder.host === os.hostname()) fs.rmSync(file, { force: true });
    },
  };
}
