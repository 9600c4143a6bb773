/** A node as far as plain-text extraction cares: mdast, MDX or `uiLabel`. */
interface AnyNode {
  type: string;
  value?: unknown;
  alt?: unknown;
  children?: unknown;
}

function collect(node: AnyNode, out: string[]): void {
  switch (node.type) {
    // Raw HTML and MDX code are markup, not words: `Title <br/><br/>` reads `Title`.
    case 'html':
    case 'yaml':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'image':
    case 'imageReference':
    case 'definition':
    case 'thematicBreak':
      return;
    case 'break':
      out.push(' ');
      return;
    case 'text':
    case 'inlineCode':
    case 'code':
      if (typeof node.value === 'string') out.push(node.value);
      return;
    default:
      break;
  }
  if (Array.isArray(node.children)) {
    for (const child of node.children as AnyNode[]) {
      collect(child, out);
      // Blocks are separate words: two paragraphs must not glue their last and first words.
      if (child && isBlock(child.type)) out.push(' ');
    }
  }
}

function isBlock(type: string): boolean {
  return (
    type === 'paragraph' ||
    type === 'heading' ||
    type === 'listItem' ||
    type === 'list' ||
    type === 'blockquote' ||
    type === 'code' ||
    type === 'table' ||
    type === 'tableRow' ||
    type === 'tableCell' ||
    type === 'mdxJsxFlowElement'
  );
}

/**
 * The words of some nodes as one line of plain text: emphasis kept as its text, HTML and JSX
 * tags dropped (their children kept), images dropped, whitespace collapsed and trimmed.
 *
 * @param nodes One node or a list of nodes (mdast, MDX, `uiLabel`).
 * @returns Plain text, e.g. `Activer le Block Mode` for `Activer le *Block Mode* <br/>`.
 */
export function toPlainText(nodes: unknown): string {
  const out: string[] = [];
  const list = Array.isArray(nodes) ? nodes : [nodes];
  for (const node of list as AnyNode[]) {
    if (node && typeof node === 'object') {
      collect(node, out);
      if (isBlock(node.type)) out.push(' ');
    }
  }
  return collapseWhitespace(out.join(''));
}

/**
 * Collapse runs of whitespace (spaces, tabs, line endings, no-break spaces) into one space and
 * trim the ends.
 *
 * @param text Any text.
 * @returns The text on one line.
 */
export function collapseWhitespace(text: string): string {
  // Only runs of 2+ whitespace or non-space whitespace need replacing: faster than `/\s+/g`.
  return text.replace(/\s\s+|[^\S ]/g, ' ').trim();
}
