import { statSync } from 'node:fs';
import path from 'node:path';
import { stamp } from '@guidekit/i18n';
import { addColorOptions, EXIT, onContentRoot } from '@guidekit/cli-kit';
import { report } from '@guidekit/report';
import type { Command } from 'commander';
import { checkLocalesIn, rootFor, throwRunProblems, toPosix, type ContentOptions } from '../shared.js';

/** Options of {@link runStamp}. */
export interface StampOptions extends ContentOptions {
  /** Translation files to stamp (relative to `cwd`); default: every translation of the tree. */
  files?: readonly string[] | undefined;
  /** Source locale; default: the configuration's. */
  source?: string | undefined;
}

/** What {@link runStamp} resolves to. */
export interface StampResult {
  /** 0, 1 when a file had no source to stamp from, 2 on an invalid configuration. */
  code: number;
  /** Files rewritten (absolute). */
  written: string[];
  /** Files already up to date (absolute). */
  unchanged: string[];
  output: string;
}

/**
 * Record in each translation's front matter the per-step hashes of its source as it is now
 * (`translationOf`), changing no other byte of the file.
 *
 * @param options Files (default: all translations), root, configuration.
 * @returns Files written and unchanged.
 */
export async function runStamp(options: StampOptions = {}): Promise<StampResult> {
  // One folder named is the content root (`stamp content`); files find their root themselves.
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const named = options.files ?? [];
  const folder = named.length === 1 && named[0] !== undefined && isDirectory(path.resolve(cwd, named[0])) ? named[0] : undefined;
  const files = folder === undefined ? named : [];
  const { root } = await rootFor({ ...options, cwd, root: options.root ?? folder, files });
  const { diagnostics, result } = await onContentRoot(root, 'guidekit-i18n stamp', cwd, () =>
    stamp(root, { config: options.config, cache: options.cache, cwd, files, sourceLocale: options.source }),
  );
  if (result.configInvalid) return { code: EXIT.usage, written: [], unchanged: [], output: report(diagnostics, { cwd }) };
  checkLocalesIn(result.locales, { '--source': [options.source] });
  throwRunProblems(diagnostics.filter((d) => files.some((file) => path.resolve(cwd, file) === d.file)));
  const shown = (file: string) => toPosix(path.relative(cwd, file));
  const lines = [
    ...diagnostics.map((d) => `${shown(d.file)}: ${d.message}`),
    ...result.written.map(({ file }) => `${shown(file)}: stamped`),
    `${result.written.length} stamped, ${result.unchanged.length} already up to date`,
  ];
  return {
    code: diagnostics.length > 0 ? EXIT.errors : EXIT.ok,
    written: result.written.map(({ file }) => file),
    unchanged: result.unchanged,
    output: `${lines.join('\n')}\n`,
  };
}

/** Register `stamp [files...]`. */
export function registerStamp(program: Command, state: { code: number }): void {
  const command = program
    .command('stamp')
    .description('record in translations the per-step hashes of their source (translationOf front matter)')
    .argument(
      '[paths...]',
      'translation files (their content root is found from them), or the content root (default: from guidekit.config.json found upward, else ./content)',
    )
    .option('-s, --source <locale>', 'source locale (default: the configuration’s sourceLocale)')
    .option('-c, --config <file>', 'use this configuration file instead of looking one up')
    .option('--no-cache', 'parse every file again, ignoring node_modules/.cache/guidekit');
  addColorOptions(command).action(async (files: string[], flags: { source?: string; config?: string; cache: boolean }) => {
    const result = await runStamp({ files, source: flags.source, config: flags.config, cache: flags.cache });
    process.stdout.write(result.output);
    state.code = result.code;
  });
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
