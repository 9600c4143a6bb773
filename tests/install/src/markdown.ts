import { readFileSync } from 'node:fs';
import type { Code, Heading, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * The info-string flag of a code block that is shown, not run (```` ```ts norun ````): an
 * illustration with placeholders, a configuration file, a command that needs a whole machine.
 */
export const NO_RUN_FLAG = 'norun';

/** Languages whose blocks are programs the README test runs (unless flagged {@link NO_RUN_FLAG}). */
export const RUNNABLE_LANGUAGES: ReadonlySet<string> = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs']);

/** One fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The file it was read from (as given). */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The language (first word of the info string), lower-cased; `''` when none. */
  lang: string;
  /** The other words of the info string (`norun`, `title=x`). */
  flags: string[];
  /** The block's text. */
  code: string;
  /** Text of the nearest heading above the block (`Use as data`). */
  heading: string | undefined;
}

function headingText(node: Heading): string {
  return node.children.map((child) => ('value' in child ? child.value : '')).join('');
}

/**
 * Every fenced code block of a Markdown text, read with mdast-util-from-markdown (so fences in
 * lists, `~~~` fences and indented code are told apart as CommonMark does).
 *
 * @param markdown The Markdown text.
 * @param file Its name, kept on each block for messages.
 * @returns The blocks in source order.
 */
export function codeBlocks(markdown: string, file: string): CodeBlock[] {
  const tree = fromMarkdown(markdown);
  const blocks: CodeBlock[] = [];
  let heading: string | undefined;
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'heading') heading = headingText(node);
      if (node.type === 'code') blocks.push(toBlock(node, file, heading));
      if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(tree.children);
  return blocks;
}

function toBlock(node: Code, file: string, heading: string | undefined): CodeBlock {
  const flags = (node.meta ?? '').split(/\s+/).filter(Boolean);
  return { file, line: node.position?.start.line ?? 1, lang: (node.lang ?? '').toLowerCase(), flags, code: node.value, heading };
}

/**
 * Whether the README test runs a block: a program in a runnable language, not flagged `norun`.
 *
 * @param block A code block.
 * @returns `true` when the block claims to run.
 */
export function claimsToRun(block: CodeBlock): boolean {
  return RUNNABLE_LANGUAGES.has(block.lang) && !block.flags.includes(NO_RUN_FLAG);
}

/**
 * The code blocks of a Markdown file.
 *
 * @param file Path of the file.
 * @returns Its blocks.
 */
export function codeBlocksOf(file: string): CodeBlock[] {
  return codeBlocks(readFileSync(file, 'utf8'), file);
}
