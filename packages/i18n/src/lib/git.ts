import { execFileSync } from 'node:child_process';
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
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/**
 * The git history of the repository holding `root`, or `undefined` when `root` is not in a git
 * work tree (or git is not installed).
 *
 * @param root A folder.
 * @returns A history reader.
 */
export function gitHistory(root: string): History | undefined {
  const inside = git(['rev-parse', '--is-inside-work-tree'], root);
  if (inside?.trim() !== 'true') return undefined;
  return {
    lastCommit(file) {
      const out = git(['log', '-1', '--format=%H', '--', path.basename(file)], path.dirname(file))?.trim();
      return out ? out : undefined;
    },
    show(commit, file) {
      // `<rev>:./<name>` is resolved against the working directory, so no repository-relative path is needed.
      return git(['show', `${commit}:./${path.basename(file)}`], path.dirname(file));
    },
  };
}
