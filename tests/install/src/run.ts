import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';
import { workspaceRoot } from './workspace.js';

/** What a finished process left. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a user's shell has: this process's, without what the workspace's own package
 * manager set for its scripts (`npm_config_*`, `npm_package_*`, pnpm's), which would otherwise
 * reach the consumer project's npm and tools.
 */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|PNPM_|pnpm_)/i.test(key) || key === 'FORCE_COLOR' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  // Nor the workspace's node_modules/.bin folders that pnpm put on PATH: a bin found there
  // would run the workspace's copy instead of the installed one.
  const parts = (env.PATH ?? '').split(path.delimiter);
  env.PATH = parts.filter((dir) => !path.resolve(dir).startsWith(workspaceRoot + path.sep)).join(path.delimiter);
  return env;
}

/**
 * Run a command to its end, without a shell, with colours off so output compares as text.
 *
 * @param command The program.
 * @param args Its arguments.
 * @param cwd Where it runs.
 * @param env Extra environment.
 * @returns Exit status and output.
 */
export function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...userEnv(), NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Run a README's TypeScript or JavaScript block as an ES module in a folder: types are stripped
 * (TypeScript's own `transpileModule`, no type check: the install test type-checks separately),
 * and bare imports resolve from that folder's `node_modules`, as for a file the reader saved there.
 *
 * @param code The block's text.
 * @param cwd The folder it runs in.
 * @returns Exit status and output.
 */
export function runModule(code: string, cwd: string): RunResult {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  return run(process.execPath, ['--input-type=module', '--eval', js], cwd);
}
