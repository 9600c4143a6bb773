import type { Guide } from '@guidekit/model';
import type { FormatName } from './context.js';
import type { SingleContext } from './formats/single.js';
import { renderHtml } from './formats/html.js';
import { renderJson } from './formats/json.js';
import { renderJsonLd } from './formats/jsonld.js';
import { renderMarkdown } from './formats/markdown.js';
import { renderPrintHtml } from './formats/print.js';
import { renderSingleHtml } from './formats/single.js';
import type { Diagnostic } from '@guidekit/model';

/** One output format: its name, the extension of its files, and how to render one guide. */
export interface OutputFormat {
  name: FormatName;
  /** Extension of the per-guide file, with the dot (`.html`). */
  extension: string;
  /** Media type of the files. */
  mediaType: string;
  /** Render one guide; diagnostics are those found while rendering (only single/print have any). */
  render: (guide: Guide, ctx: SingleContext) => Promise<{ text: string; diagnostics: Diagnostic[] }>;
}

const plain = (text: string): { text: string; diagnostics: Diagnostic[] } => ({ text, diagnostics: [] });

/**
 * Every output format by name. The build loops over this map; adding a format is one file plus one
 * line here. Per-guide paths follow `defaultHrefFor`: `html/<locale>/<slug>/index.html`,
 * the others `<format>/<locale>/<slug><extension>`.
 */
export const formats: Readonly<Record<FormatName, OutputFormat>> = {
  html: { name: 'html', extension: '.html', mediaType: 'text/html', render: async (g, c) => plain(await renderHtml(g, c)) },
  single: {
    name: 'single',
    extension: '.html',
    mediaType: 'text/html',
    render: async (g, c) => {
      const r = await renderSingleHtml(g, c);
      return { text: r.html, diagnostics: r.diagnostics };
    },
  },
  json: { name: 'json', extension: '.json', mediaType: 'application/json', render: async (g) => plain(renderJson(g)) },
  md: { name: 'md', extension: '.md', mediaType: 'text/markdown', render: async (g) => plain(renderMarkdown(g)) },
  jsonld: { name: 'jsonld', extension: '.json', mediaType: 'application/ld+json', render: async (g, c) => plain(`${JSON.stringify(renderJsonLd(g, c), null, 2)}\n`) },
  print: {
    name: 'print',
    extension: '.html',
    mediaType: 'text/html',
    render: async (g, c) => {
      const r = await renderPrintHtml(g, c);
      return { text: r.html, diagnostics: r.diagnostics };
    },
  },
};

/**
 * Look a format up by name, for `--format html,json`.
 *
 * @param name A format name.
 * @returns The format, or undefined for an unknown name (the CLI turns that into a usage error).
 */
export function getFormat(name: string): OutputFormat | undefined {
  return Object.hasOwn(formats, name) ? formats[name as FormatName] : undefined;
}
