import type { Block, Guide } from '@guidekit/model';

/** The mdast fields this page reads; blocks are loose mdast nodes in the model. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  url?: string;
  alt?: string | null;
  title?: string | null;
  depth?: number;
  ordered?: boolean | null;
  lang?: string | null;
}

/** Only links and images with these schemes (or site-relative ones) are kept. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (url.startsWith('/') || url.startsWith('#')) return url;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function children(node: MdNode, into: Node): void {
  for (const child of node.children ?? []) {
    const rendered = renderNode(child);
    if (rendered) into.appendChild(rendered);
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, node: MdNode): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  children(node, element);
  return element;
}

/**
 * One mdast node as DOM. Everything goes through `createElement` and `textContent`, never
 * `innerHTML`, so raw HTML or script in a guide shows as text and never runs.
 */
export function renderNode(node: MdNode): Node | undefined {
  switch (node.type) {
    case 'text':
      return document.createTextNode(node.value ?? '');
    case 'paragraph':
      return el('p', node);
    case 'heading':
      return el(`h${Math.min(6, Math.max(3, node.depth ?? 3))}` as 'h3', node);
    case 'emphasis':
      return el('em', node);
    case 'strong':
      return el('strong', node);
    case 'delete':
      return el('del', node);
    case 'blockquote':
      return el('blockquote', node);
    case 'list':
      return el(node.ordered ? 'ol' : 'ul', node);
    case 'listItem':
      return el('li', node);
    case 'break':
      return document.createElement('br');
    case 'thematicBreak':
      return document.createElement('hr');
    case 'uiLabel': {
      // A label the reader clicks in the product (`*<u>Save</u>*` in the source).
      const kbd = el('kbd', node);
      kbd.className = 'ui';
      if (!node.children?.length) kbd.textContent = node.value ?? '';
      return kbd;
    }
    case 'inlineCode': {
      const code = document.createElement('code');
      code.textContent = node.value ?? '';
      return code;
    }
    case 'code': {
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      if (node.lang) code.dataset.lang = node.lang;
      code.textContent = node.value ?? '';
      pre.append(code);
      return pre;
    }
    case 'link': {
      const a = el('a', node);
      const href = safeUrl(node.url);
      if (href) a.href = href;
      a.rel = 'noopener noreferrer';
      return a;
    }
    case 'image': {
      const img = document.createElement('img');
      const src = safeUrl(node.url);
      if (src) img.src = src;
      img.alt = node.alt ?? '';
      img.loading = 'lazy';
      return img;
    }
    case 'html':
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      // Raw HTML and JSX are not rendered by this small page: drop them rather than inject them.
      return undefined;
    default: {
      if (node.children) {
        const span = document.createElement('span');
        children(node, span);
        return span;
      }
      return node.value ? document.createTextNode(node.value) : undefined;
    }
  }
}

/** Render a list of blocks into a fragment. */
export function renderBlocks(blocks: readonly Block[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of blocks) {
    const node = renderNode(block as unknown as MdNode);
    if (node) fragment.append(node);
  }
  return fragment;
}

/**
 * A guide as an article: title, description, prerequisites, then each step with its title and
 * content (tutorials), or its sections (articles, which have no steps).
 */
export function renderGuide(guide: Guide): HTMLElement {
  const article = document.createElement('article');
  article.lang = guide.locale;
  const h1 = document.createElement('h1');
  h1.textContent = guide.title;
  article.append(h1);
  if (guide.description) {
    const p = document.createElement('p');
    p.className = 'description';
    p.textContent = guide.description;
    article.append(p);
  }
  for (const group of guide.prerequisites) {
    const section = document.createElement('section');
    section.className = 'prerequisites';
    if (group.label) {
      const h = document.createElement('h2');
      h.textContent = group.label;
      section.append(h);
    }
    const ul = document.createElement('ul');
    for (const item of group.items) {
      const li = document.createElement('li');
      li.textContent = item;
      ul.append(li);
    }
    section.append(ul);
    article.append(section);
  }
  if (guide.steps.length > 0) {
    const ol = document.createElement('ol');
    ol.className = 'steps';
    for (const step of guide.steps) {
      const li = document.createElement('li');
      li.className = 'step';
      li.id = step.id;
      const h = document.createElement('h2');
      h.textContent = `${step.label}. ${step.title}`;
      li.append(h, renderBlocks(step.blocks));
      ol.append(li);
    }
    article.append(ol);
  } else {
    for (const section of guide.sections) {
      const div = document.createElement('section');
      div.className = `section ${section.kind}`;
      if (section.heading) {
        const h = document.createElement('h2');
        h.textContent = section.heading;
        div.append(h);
      }
      div.append(renderBlocks(section.blocks));
      article.append(div);
    }
  }
  return article;
}
