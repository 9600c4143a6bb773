/**
 * A problem with how a command was called (unknown reporter, missing folder): exit code 2.
 * In its own module so commands can throw it without importing the CLI that registers them.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
