import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The few git questions staleness asks, behind a small interface so tests and callers can swap
 * in another history (or none).
 */
export interface History {
  /** Last commit that touched `file` (absolute path), or `undefined`. */
  lastCommit(file: string): string | undefined;
  /** Text of `file` (absolute path) at `commit`, or `undefined` when it did not exist then. */
  show(commit: string, file: string): string | undefined;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The last commit of every file under `rel`, from one `git log` (newest first: a file's first commit is its last). */
function lastCommits(top: string, rel: string): Map<string, string> {
  const last = new Map<string, string>();
  // `\x01<hash>\0\n<file>\0<file>\0…` per commit; merges list no files (as `git log -- file` skips them).
  for (const entry of (git(['log', '--format=%x01%H', '--name-only', '-z', '--', rel], top) ?? '').split('\x01')) {
    const [hash, ...files] = entry.split('\0');
    for (const file of files) {
      const name = file.replace(/^\n/, '');
      if (hash && name && !last.has(name)) last.set(name, hash);
    }
  }
  return last;
}

/** The blob of every file under `rel` at `commit` (`git ls-tree`), by path from the top of the work tree. */
function blobsAt(top: string, commit: string, rel: string): Map<string, string> {
  const blobs = new Map<string, string>();
  for (const line of (git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', rel], top) ?? '').split('\0')) {
    const tab = line.indexOf('\t');
    const [, type, oid] = line.slice(0, tab).split(' ');
    if (tab > 0 && type === 'blob' && oid) blobs.set(line.slice(tab + 1), oid);
  }
  return blobs;
}

/** Files under `rel` whose work-tree or index state differs from HEAD (`git status`). */
function changedFiles(top: string, rel: string): Set<string> {
  const changed = new Set<string>();
  const entries = (git(['status', '--porcelain=v1', '-z', '--untracked-files=no', '--', rel], top) ?? '').split('\0');
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as string;
    if (entry.length > 3) changed.add(entry.slice(3));
    // A rename's entry is followed by its old path.
    if (entry[0] === 'R' || entry[0] === 'C') changed.add(entries[++i] ?? '');
  }
  return changed;
}

/**
 * The git history of the repository holding `root`, or `undefined` when `root` is not in a git
 * work tree (or git is not installed).
 *
 * A status of a thousand translations asks a thousand times for a translation's last commit and
 * for its source's text at that commit: one git process each was seconds of every build. Here
 * the last commits come from one `git log` over `root`, and a source's text at a commit is its
 * file on disk when git says the file is the same there as in HEAD and not changed since (one
 * `git ls-tree` per distinct commit, one `git status`); only a source that really changed since
 * its translation is read from git, by its blob. Files outside `root` fall back to one process
 * per question.
 *
 * @param root A folder.
 * @returns A history reader.
 */
export function gitHistory(root: string): History | undefined {
  const top = git(['rev-parse', '--show-toplevel'], root)?.trim();
  if (!top) return undefined;
  const rel = (() => {
    try {
      return path.relative(top, realpathSync(root)).split(path.sep).join('/') || '.';
    } catch {
      return '.';
    }
  })();
  let last: Map<string, string> | undefined;
  let changed: Set<string> | undefined;
  const trees = new Map<string, Map<string, string>>();
  const tree = (commit: string): Map<string, string> => {
    let blobs = trees.get(commit);
    if (!blobs) trees.set(commit, (blobs = blobsAt(top, commit, rel)));
    return blobs;
  };
  /** A file's path from the top of the work tree, when it is under `root`. */
  const fromTop = (file: string): string | undefined => {
    try {
      const name = path
        .relative(top, path.join(realpathSync(path.dirname(file)), path.basename(file)))
        .split(path.sep)
        .join('/');
      return name.startsWith('../') || (rel !== '.' && !name.startsWith(`${rel}/`)) ? undefined : name;
    } catch {
      return undefined;
    }
  };
  return {
    lastCommit(file) {
      const name = fromTop(file);
      if (name !== undefined) return (last ??= lastCommits(top, rel)).get(name);
      const out = git(['log', '-1', '--format=%H', '--', path.basename(file)], path.dirname(file))?.trim();
      return out ? out : undefined;
    },
    show(commit, file) {
      const name = fromTop(file);
      if (name === undefined) return git(['show', `${commit}:./${path.basename(file)}`], path.dirname(file));
      const then = tree(commit).get(name);
      if (then === undefined) return undefined;
      changed ??= changedFiles(top, rel);
      if (then === tree('HEAD').get(name) && !changed.has(name)) {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          // Gone since: git has the text.
        }
      }
      return git(['cat-file', 'blob', then], top);
    },
  };
}
