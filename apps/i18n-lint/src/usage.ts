/** A problem with how a command was called (unknown reporter, missing folder): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit codes shared by every command: 0 clean, 1 content errors, 2 usage errors. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;
