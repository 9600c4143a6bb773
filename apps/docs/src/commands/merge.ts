import path from 'node:path';
import {
  addColorOptions,
  addReportOptions,
  onContentRoot,
  resolveContentRoot,
  UsageError,
  type ReportFlags,
} from '@guidekit/cli-kit';
import { merge } from '@guidekit/publish';
import type { Command } from 'commander';
import { addPublishOptions, asUsage, commandOptions, publishOptions, reportRun } from './build.js';
import type { BuildCommandOptions, BuildCommandResult } from './build.js';

/** Options of {@link runMerge}: those of `build`, and the shards' folders. */
export interface MergeCommandOptions extends Omit<BuildCommandOptions, 'shard'> {
  /** The output folders of `guidekit-docs build --shard i/n`, every part once. */
  shards: readonly string[];
}

/**
 * Join the output folders of a sharded build into one site, the way `guidekit-docs merge` does:
 * `merge()` from `@guidekit/publish` copies the shards' files and renders the indexes from the
 * content root, then the report and exit code as for `build`.
 *
 * @throws {UsageError} For a missing part, a folder that is not a shard, a missing root, a locked output.
 */
export async function runMerge(options: MergeCommandOptions): Promise<BuildCommandResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (options.shards.length === 0)
    throw new UsageError(
      'No shard folder given: expected the output folder of every `guidekit-docs build --shard i/n`',
    );
  const root = await resolveContentRoot({ cwd, root: options.root, config: options.config });
  const run = await onContentRoot(root, 'guidekit-docs merge --root', cwd, () =>
    asUsage(() => merge(options.shards, { ...publishOptions(options, cwd), root })),
  );
  return reportRun(run, options, cwd, 'merge');
}

/**
 * Register `guidekit-docs merge <shard-dirs...>`.
 *
 * @param program The commander program.
 * @param state Receives the exit code.
 */
export function registerMerge(program: Command, state: { code: number }): void {
  const command = program
    .command('merge')
    .description(
      'join the output folders of `build --shard i/n` into one site, with its indexes and manifest',
    )
    .argument('<shard-dirs...>', 'the output folder of every shard')
    .option(
      '--root <dir>',
      'content root the shards were built from (default: from guidekit.config.json found upward, else ./content)',
    );
  addPublishOptions(addReportOptions(command));
  addColorOptions(command).action(
    async (
      shards: string[],
      flags: ReportFlags & Omit<BuildCommandOptions, 'formats'> & { format?: string },
    ) => {
      const result = await runMerge({ ...commandOptions(flags, 'merge'), shards });
      if (result.output) process.stdout.write(result.output);
      for (const line of result.messages) process.stderr.write(`${line}\n`);
      state.code = result.code;
    },
  );
}
