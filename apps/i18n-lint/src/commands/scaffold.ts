import { statSync } from 'node:fs';
import path from 'node:path';
import { scaffold } from '@guidekit/i18n';
import { addColorOptions, EXIT } from '@guidekit/cli-kit';
import { report } from '@guidekit/report';
import type { Command } from 'commander';
import { checkLocale, rootFor, throwRunProblems, toPosix, type ContentOptions } from '../shared.js';
import { UsageError } from '../usage.js';

/** Options of {@link runScaffold}. */
export interface ScaffoldCommandOptions extends ContentOptions {
  /** The source guide file. */
  file: string;
  /** Target locale. */
  to: string;
  /** Source locale when the file is not in the content tree (default: the configuration's). */
  from?: string | undefined;
  /** Where to write the skeleton; default: returned for stdout. */
  out?: string | undefined;
  /** Overwrite `out` when it exists. */
  force?: boolean | undefined;
}

/** What {@link runScaffold} resolves to. */
export interface ScaffoldResult {
  code: number;
  /** The skeleton's text. */
  text: string;
  output: string;
}

/**
 * Write a translation skeleton of a source guide: structure, step numbers, images, links, code
 * and UI-label markers kept, headings in the target language, prose left to translate, stamped
 * (the `scaffold` run function of @guidekit/i18n; the root is found from the file, and a guide
 * outside any content tree is read on its own).
 *
 * @throws {UsageError} For a missing file, a bad locale, a root that is no folder, or an existing `out` without `force`.
 */
export async function runScaffold(options: ScaffoldCommandOptions): Promise<ScaffoldResult> {
  const to = checkLocale(options.to, '--to');
  if (!to) throw new UsageError('Missing --to, expected the target locale such as `en`');
  const from = checkLocale(options.from, '--from');
  const { cwd, root } = await rootFor({ ...options, files: [options.file] });
  if (options.root !== undefined && !isDirectory(root)) {
    throw new UsageError(`Content root \`${options.root}\` is not a folder, expected a folder of guides: \`guidekit-i18n scaffold <source-guide>\``);
  }
  const { out, force, config, cache } = options;
  const { diagnostics, result } = await scaffold(root, { file: options.file, to, out, force, config, cache, cwd, sourceLocale: from });
  if (result.configInvalid) return { code: EXIT.usage, text: '', output: report(diagnostics, { cwd }) };
  throwRunProblems(diagnostics);
  const [written] = result.written;
  if (!written) return { code: EXIT.ok, text: result.text, output: result.text };
  const shown = (file: string) => toPosix(path.relative(cwd, path.resolve(cwd, file)));
  return { code: EXIT.ok, text: result.text, output: `${shown(written.file)}: scaffolded from ${shown(options.file)}\n` };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Register `scaffold <source-guide>`. */
export function registerScaffold(program: Command, state: { code: number }): void {
  const command = program
    .command('scaffold')
    .description('write a translation skeleton of a source guide')
    .argument('<source-guide>', 'the source guide file (its content root is found from it)')
    .requiredOption('--to <locale>', 'target locale')
    .option('--from <locale>', 'source locale when the file is outside any content tree')
    .option('-o, --out <file>', 'write the skeleton here (default: stdout)')
    .option('-f, --force', 'overwrite --out when it exists')
    .option('-c, --config <file>', 'use this configuration file instead of looking one up')
    .option('--no-cache', 'parse every file again, ignoring node_modules/.cache/guidekit');
  addColorOptions(command).action(
    async (file: string, flags: { to: string; from?: string; out?: string; force?: boolean; config?: string; cache: boolean }) => {
      const result = await runScaffold({
        file,
        to: flags.to,
        from: flags.from,
        out: flags.out,
        force: flags.force === true,
        config: flags.config,
        cache: flags.cache,
      });
      process.stdout.write(result.output);
      state.code = result.code;
    },
  );
}
