/** Exit codes of every guidekit command: 0 clean, 1 problems found, 2 a call that cannot run. */
export const EXIT = Object.freeze({ ok: 0, errors: 1, usage: 2 } as const);

/** One of {@link EXIT}'s codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A problem with how a command was called (unknown reporter, missing folder, a locale the tree
 * does not have): the CLI prints it as a usage error and exits 2. Thrown by app code only; run
 * functions in packages return diagnostics instead.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
