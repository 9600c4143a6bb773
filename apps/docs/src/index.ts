export { EXIT, UsageError, createProgram, main } from './cli.js';
export { runCheck } from './commands/check.js';
export type { CheckOptions, CheckResult } from './commands/check.js';
