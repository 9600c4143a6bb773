export { EXIT, UsageError, createProgram, main } from './cli.js';
