import * as path from 'node:path';
import { ContentRootError, isSiteUrl, loadConfig, loadContent, resolveConfigPath } from '@guidekit/content';
import type { LoadedContent, ResolvedConfig } from '@guidekit/content';
import type { Diagnostic } from '@guidekit/model';
import { DEFAULT_FORMATS, formats as registry } from '@guidekit/render/formats';
import type { Format } from '@guidekit/render/formats';
import { PublishUsageError } from './options.js';
import type { PublishOptions, Shard } from './options.js';
import { parseShard } from './shard.js';

/** Everything a publish works from, resolved once: the content, the configuration, where and what to build. */
export interface Setup {
  root: string;
  out: string;
  content: LoadedContent;
  /** The configuration with the site of the options over the configuration's. */
  config: ResolvedConfig;
  /** Selected formats, in registry order. */
  formats: Format<any>[];
  shard: Shard | undefined;
  loadMs: number;
}

/** The format ids a registry knows, in order. */
export function availableFormats(list: readonly Format<any>[] = registry): string[] {
  return list.map((f) => f.id);
}

function checkNames(names: readonly string[], list: readonly Format<any>[]): void {
  const unknown = names.filter((name) => !list.some((f) => f.id === name));
  if (unknown.length > 0) {
    throw new PublishUsageError(`Unexpected format ${unknown.map((n) => `\`${n}\``).join(', ')}, expected one of ${availableFormats(list).join(', ')}`);
  }
}

/** The site of the options, checked. */
function siteOption(options: PublishOptions): { title?: string; url?: string } {
  const url = options.site?.url;
  if (url !== undefined && !isSiteUrl(url)) {
    throw new PublishUsageError(`Unexpected site URL \`${url}\`, expected an absolute http:// or https:// URL such as \`https://example.org/docs/\``);
  }
  const title = options.site?.title?.trim();
  if (options.site?.title !== undefined && !title) throw new PublishUsageError('Unexpected empty site title, expected the name of the site');
  return { ...(title !== undefined ? { title } : {}), ...(url !== undefined ? { url } : {}) };
}

/** The output folder: the option, else the configuration's `out`, else `dist`; never the content. */
function outputFolder(root: string, content: LoadedContent, options: PublishOptions): string {
  const configured = content.config.out ? resolveConfigPath(content.config, content.config.out) : undefined;
  const out = path.resolve(options.cwd ?? process.cwd(), options.out ?? configured ?? 'dist');
  if (out === root || root.startsWith(out + path.sep)) {
    throw new PublishUsageError(`Unexpected output folder ${out}: it holds the content root ${root}, expected a separate folder`);
  }
  // An output folder inside the root would be read back as guides by the next build, unless it
  // is the configured `out`, which the loader skips.
  if (out.startsWith(content.root + path.sep) && out !== configured) {
    throw new PublishUsageError(
      `Unexpected output folder ${out} inside the content root ${content.root}, expected a folder outside it (or set \`out\` in guidekit.config.json, which the loader skips)`,
    );
  }
  return out;
}

/**
 * Read the configuration, then the content, and resolve the output folder, the formats and the
 * site: the one place a publish looks at its options.
 *
 * @returns The setup, or the configuration's diagnostics when it is invalid (nothing is loaded).
 * @throws PublishUsageError on a call that cannot run (unknown format, missing root, bad shard).
 */
export async function setUp(rootArg: string, options: PublishOptions): Promise<Setup | { configErrors: Diagnostic[] }> {
  const started = performance.now();
  const list = options.registry ?? registry;
  if (options.formats) checkNames(options.formats, list);
  const site = siteOption(options);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const root = path.resolve(options.cwd ?? process.cwd(), rootArg);
  const configFile = options.config === undefined ? undefined : path.resolve(options.cwd ?? process.cwd(), options.config);
  const preflight = await loadConfig(root, { configFile, cwd: options.cwd });
  if (preflight.diagnostics.length > 0) return { configErrors: preflight.diagnostics };
  let content: LoadedContent;
  try {
    content = await loadContent(root, {
      ...(options.cache !== undefined ? { cache: options.cache } : {}),
      // The configuration read above, used as is: it is read once per publish.
      config: preflight.config,
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.onLoadProgress ? { onProgress: options.onLoadProgress } : {}),
    });
  } catch (error) {
    if (error instanceof ContentRootError) throw new PublishUsageError(error.message);
    throw error;
  }
  const requested = options.formats ?? content.config.formats ?? (list === registry ? DEFAULT_FORMATS : list.filter((f) => f.byDefault).map((f) => f.id));
  checkNames(requested, list);
  const out = outputFolder(root, content, options);
  const config = site.title !== undefined || site.url !== undefined ? { ...content.config, site: { ...content.config.site, ...site } } : content.config;
  const formats = list.filter((f) => requested.includes(f.id));
  return { root: content.root, out, content, config, formats, shard, loadMs: performance.now() - started };
}
