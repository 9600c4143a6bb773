import path from 'node:path';
import { acknowledgeText, gitHistory, historyBaseline } from '@guidekit/i18n';
import { addColorOptions, listOption } from '@guidekit/cli-kit';
import type { Command } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { checkLocalesFound, loadFor, toPosix, type ContentOptions } from '../shared.js';
import { UsageError } from '../usage.js';
import { locate } from './stamp.js';

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
 * the given steps under `translationOf.acknowledged` in the translation's front matter.
 *
 * @throws {UsageError} For a file outside the tree, a source guide, or an unknown step.
 */
export async function runAck(options: AckOptions): Promise<AckResult> {
  const loaded = await loadFor({ ...options, files: [options.file] }, 'ack');
  if (!loaded.content) return { code: 2, acknowledged: [], output: `${loaded.configErrors.map((d) => d.message).join('\n')}\n` };
  const content = loaded.content;
  checkLocalesFound(content, { '--source': [options.source] });
  const sourceLocale = options.source ?? content.config.sourceLocale;
  const [found] = locate(content, [options.file], loaded.cwd, sourceLocale);
  const { translation, source } = found!;
  if (!source) throw new UsageError(`Unexpected orphan translation \`${options.file}\`, expected a translation whose ${sourceLocale} source exists`);
  const steps = (options.steps ?? []).map((step) => (/^\d+[a-z]?$/.test(step) ? `step-${step}` : step));
  const known = new Set([...source.steps.map((step) => step.id), ...source.sections.map((_, index) => index)].map(String));
  for (const step of steps) {
    if (step.startsWith('step-') && !known.has(step)) {
      throw new UsageError(`Unexpected step \`${step}\`, expected one of the source's steps: ${source.steps.map((s) => s.id).join(', ') || 'none'}`);
    }
  }
  const history = translation.frontmatter.translationOf ? undefined : gitHistory(content.root);
  const baseline = history ? historyBaseline(content, history, source, translation) : undefined;
  const text = content.readSource(translation) ?? '';
  const result = acknowledgeText(text, translation, source, { steps, baseline });
  const file = path.resolve(content.root, translation.path);
  if (result.text !== text) writeFileAtomic.sync(file, result.text);
  const shown = toPosix(path.relative(loaded.cwd, file));
  const output = result.acknowledged.length > 0 ? `${shown}: acknowledged ${result.acknowledged.join(', ')}\n` : `${shown}: nothing to acknowledge\n`;
  return { code: 0, acknowledged: result.acknowledged, output };
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
