import path from 'node:path';
import { acknowledgeText, gitHistory, historyBaseline } from '@guidekit/i18n';
import type { Command } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { checkLocale, loadFor, toPosix, type ContentOptions } from '../shared.js';
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
  const loaded = await loadFor(options, 'ack');
  if (!loaded.content) return { code: 2, acknowledged: [], output: `${loaded.configErrors.map((d) => d.message).join('\n')}\n` };
  const content = loaded.content;
  const sourceLocale = checkLocale(options.source, '--source') ?? content.config.sourceLocale;
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

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').filter(Boolean)];
}

/** Register `ack <translation>`. */
export function registerAck(program: Command, state: { code: number }): void {
  program
    .command('ack')
    .description('accept source changes as needing no re-translation')
    .argument('<translation>', 'translation file')
    .option('--step <id>', 'step to accept (step-3 or 3); repeat for several (default: every stale step)', collect, [])
    .option('--root <dir>', 'content root (default: from guidekit.config.json, else ./content)')
    .option('-s, --source <locale>', 'source locale')
    .option('-c, --config <file>', 'configuration file')
    .action(async (file: string, flags: Record<string, unknown>) => {
      const result = await runAck({
        file,
        steps: flags.step as string[],
        root: flags.root as string | undefined,
        source: flags.source as string | undefined,
        config: flags.config as string | undefined,
      });
      process.stdout.write(result.output);
      state.code = result.code;
    });
}
