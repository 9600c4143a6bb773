import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Name of the folder, inside `out`, that holds the manifest and the staging area. */
export const STATE_DIR = '.guidekit';
/** Staging folder for files being written: same file system as `out`, invisible to readers. */
export const STAGING_DIR = `${STATE_DIR}/tmp`;
/** Prefix of temporary files written next to their target (fallback when staging cannot rename). */
export const TEMP_PREFIX = '.guidekit-tmp-';

/**
 * The small file-system interface the build writes through. Every write lands under a
 * temporary name first and is renamed into place, so a reader (or a killed build) never
 * sees half a file.
 */
export class AtomicWriter {
  readonly #out: string;
  readonly #staging: string;
  #stagingReady = false;
  /** Paths (relative to `out`) written through this writer, in order. */
  readonly written: string[] = [];

  /** @param out Absolute output folder. */
  constructor(out: string) {
    this.#out = out;
    this.#staging = path.join(out, STAGING_DIR);
  }

  /**
   * Write `data` to `rel` (POSIX, relative to `out`) atomically: staging file, then rename.
   * Staging lives in `out/.guidekit/tmp` (same file system, so rename is atomic) rather than
   * beside the target, so a `kill -9` never leaves a temporary file in the published tree.
   *
   * Synchronous system calls behind a promise: for thousands of small files, the promise API
   * (a file handle, a thread-pool round trip per call) costs several times more time than the
   * writes themselves.
   */
  async write(rel: string, data: string | Uint8Array): Promise<void> {
    const target = path.join(this.#out, rel);
    this.#mkdir(path.dirname(target));
    const tmp = this.#tempFor(target);
    try {
      fs.writeFileSync(tmp, data);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw error;
    }
    this.#rename(tmp, target, data);
    this.written.push(rel);
  }

  /** Copy an existing file to `rel` atomically (copy to staging, then rename). */
  async copy(rel: string, from: string): Promise<void> {
    const target = path.join(this.#out, rel);
    this.#mkdir(path.dirname(target));
    const tmp = this.#tempFor(target);
    fs.copyFileSync(from, tmp);
    this.#rename(tmp, target, undefined, from);
    this.written.push(rel);
  }

  readonly #made = new Set<string>();
  /** Unique per writer (process id + random), so two builds never share a staging name. */
  readonly #tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  #count = 0;

  /** `mkdir -p`, once per folder per build (a folder the build made does not go away under it). */
  #mkdir(dir: string): void {
    if (this.#made.has(dir)) return;
    try {
      // Most folders are new leaves under a known parent (html/fr/<slug>/): one plain mkdir,
      // far cheaper than the recursive form, which inspects every level.
      fs.mkdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') fs.mkdirSync(dir, { recursive: true });
      else if (code !== 'EEXIST') throw error;
    }
    this.#made.add(dir);
  }

  #tempFor(target: string): string {
    if (!this.#stagingReady) {
      fs.mkdirSync(this.#staging, { recursive: true });
      this.#stagingReady = true;
    }
    return path.join(this.#staging, `${path.basename(target)}.${this.#tag}.${this.#count++}`);
  }

  #rename(tmp: string, target: string, data: string | Uint8Array | undefined, from?: string): void {
    try {
      fs.renameSync(tmp, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') {
        fs.rmSync(tmp, { force: true });
        throw error;
      }
      // A folder of `out` mounted elsewhere (EXDEV): fall back to a temp file beside the target.
      const beside = path.join(path.dirname(target), `${TEMP_PREFIX}${path.basename(target)}.${randomBytes(6).toString('hex')}`);
      try {
        if (data !== undefined) fs.writeFileSync(beside, data);
        else fs.copyFileSync(from as string, beside);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      fs.renameSync(beside, target);
    }
  }
}

/**
 * Write one file atomically (temp file in the same folder, then rename). For single files
 * outside a build, such as the manifest.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `${TEMP_PREFIX}${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}`);
  try {
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, file);
  } catch (error) {
    await fsp.rm(tmp, { force: true });
    throw error;
  }
}

/**
 * List every file under `dir` as POSIX paths relative to it (empty when `dir` is missing).
 * One recursive `readdir` is far cheaper than a `stat` per output on a no-op build.
 */
export function listFiles(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    // `parentPath` is Node >= 20.12; `path` is its older name.
    const parent = (entry as unknown as { parentPath?: string; path: string }).parentPath ?? (entry as unknown as { path: string }).path;
    files.push(path.relative(dir, path.join(parent, entry.name)).split(path.sep).join('/'));
  }
  return files;
}

/** Remove `rel` under `out` and any folders it leaves empty (up to `out`). */
export async function removeOutput(out: string, rel: string): Promise<void> {
  const file = path.join(out, rel);
  await fsp.rm(file, { force: true });
  let dir = path.dirname(file);
  while (dir.startsWith(out) && dir !== out) {
    try {
      await fsp.rmdir(dir);
    } catch {
      break; // not empty (or already gone): stop climbing
    }
    dir = path.dirname(dir);
  }
}

/**
 * A file's text read now and not kept, or `undefined` when it cannot be read: what the publisher
 * uses instead of the loader's `readSource`, which remembers every text it read.
 */
export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
