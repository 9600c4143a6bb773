import path from 'node:path';
import { ack } from '@guidekit/i18n';
import { addColorOptions, EXIT, listOption, onContentRoot } from '@guidekit/cli-kit';
import { report } from '@guidekit/report';
import type { Command } from 'commander';
import { checkLocalesIn, rootFor, throwRunProblems, toPosix, type ContentOptions } from '../shared.js';

/** Options of {@link runAck}. */
export interface AckOptions extends ContentOptions {
  /** The translation file. */
  file: string;
  /** Steps (or article sections) to accept: `step-3`, `3`; default: every stale one. */
  steps?: readonly string[] | undefined;
  source?: string | undefined;
}

/** What {@link runAck} resolves to. */
export interface AckResult {
  code: number;
  /** Keys acknowledged. */
  acknowledged: string[];
  output: string;
}

/**
 * Accept source changes as needing no re-translation: records the source's current hashes of
 * the given steps under `translationOf.acknowledged` in the translation's front matter (the
 * `ack` run function of @guidekit/i18n; the root is found from the file).
 *
 * @throws {UsageError} For a file outside the tree, a source guide, an orphan, or an unknown step.
 */
export async function runAck(options: AckOptions): Promise<AckResult> {
  const { cwd, root } = await rootFor({ ...options, files: [options.file] });
  const { diagnostics, result } = await onContentRoot(root, 'guidekit-i18n ack', cwd, () =>
    ack(root, { config: options.config, cache: options.cache, cwd, file: options.file, steps: options.steps, sourceLocale: options.source }),
  );
  if (result.configInvalid) return { code: EXIT.usage, acknowledged: [], output: report(diagnostics, { cwd }) };
  checkLocalesIn(result.locales, { '--source': [options.source] });
  throwRunProblems(diagnostics);
  const shown = toPosix(path.relative(cwd, path.resolve(cwd, options.file)));
  const done = result.acknowledged;
  return { code: EXIT.ok, acknowledged: done, output: done.length > 0 ? `${shown}: acknowledged ${done.join(', ')}\n` : `${shown}: nothing to acknowledge\n` };
}

/** Register `ack <translation>`. */
export function registerAck(program: Command, state: { code: number }): void {
  const command = program
    .command('ack')
    .description('accept source changes as needing no re-translation')
    .argument('<translation>', 'translation file (its content root is found from it)')
    .option('--step <id>', 'step to accept (step-3 or 3); repeat or comma-separate (default: every stale step)', listOption, [])
    .option('-s, --source <locale>', 'source locale (default: the configuration’s sourceLocale)')
    .option('-c, --config <file>', 'use this configuration file instead of looking one up')
    .option('--no-cache', 'parse every file again, ignoring node_modules/.cache/guidekit');
  addColorOptions(command).action(async (file: string, flags: { step: string[]; source?: string; config?: string; cache: boolean }) => {
    const result = await runAck({ file, steps: flags.step, source: flags.source, config: flags.config, cache: flags.cache });
    process.stdout.write(result.output);
    state.code = result.code;
  });
}
