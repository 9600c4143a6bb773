import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseGuide, type KeywordsOption } from '@guidekit/parser';
import { scaffold } from '@guidekit/i18n';
import { addColorOptions } from '@guidekit/cli-kit';
import type { Command } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { checkLocale, loadFor, toPosix, type ContentOptions } from '../shared.js';
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
 * and UI-label markers kept, headings in the target language, prose left to translate, stamped.
 *
 * @throws {UsageError} For a missing file, a bad locale, or an existing `out` without `force`.
 */
export async function runScaffold(options: ScaffoldCommandOptions): Promise<ScaffoldResult> {
  const to = checkLocale(options.to, '--to');
  if (!to) throw new UsageError('Missing --to, expected the target locale such as `en`');
  const loaded = await loadFor({ ...options, files: [options.file] }, 'scaffold').catch((error: unknown) => {
    // A guide outside any content tree can still be scaffolded from its own text.
    if (error instanceof UsageError && options.root === undefined) return undefined;
    throw error;
  });
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const file = path.resolve(cwd, options.file);
  if (!existsSync(file)) throw new UsageError(`Source guide \`${options.file}\` not found, expected a Markdown file`);
  const content = loaded?.content;
  const relative = content ? toPosix(path.relative(content.root, file)) : undefined;
  const inTree = content?.guides.find((guide) => guide.path === relative);
  const text = content && inTree ? (content.readSource(inTree) ?? readFileSync(file, 'utf8')) : readFileSync(file, 'utf8');
  const keywords = (content?.config.keywords ?? {}) as KeywordsOption;
  const guide =
    inTree ??
    parseGuide(text, { path: toPosix(path.relative(cwd, file)), locale: checkLocale(options.from, '--from') ?? content?.config.sourceLocale ?? 'fr', keywords })
      .guide;
  const result = scaffold({ guide, text }, { to, keywords });
  if (options.out === undefined) return { code: 0, text: result, output: result };
  const out = path.resolve(cwd, options.out);
  if (existsSync(out) && !options.force) throw new UsageError(`Output \`${options.out}\` exists, expected a new file (or --force)`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileAtomic.sync(out, result);
  return { code: 0, text: result, output: `${toPosix(path.relative(cwd, out))}: scaffolded from ${toPosix(path.relative(cwd, file))}\n` };
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
