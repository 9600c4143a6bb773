import type { TranslationStamp } from '@guidekit/model';

// Keys are written in a fixed order so a re-stamp of an unchanged source changes no byte.
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function yamlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

/**
 * The `translationOf:` block, as YAML lines (no line ending). Every scalar is double-quoted so
 * a hash such as `1234e5` cannot be read back as a number.
 *
 * @param stamp The stamp to write.
 * @returns Lines of the block.
 */
export function stampLines(stamp: TranslationStamp): string[] {
  const lines = ['translationOf:', `  locale: ${yamlString(stamp.locale)}`, `  hash: ${yamlString(stamp.hash)}`];
  const map = (name: string, record: Record<string, string> | undefined, always: boolean) => {
    const entries = Object.entries(record ?? {});
    if (entries.length === 0) {
      if (always) lines.push(`  ${name}: {}`);
      return;
    }
    lines.push(`  ${name}:`);
    for (const [key, value] of entries) lines.push(`    ${yamlKey(key)}: ${yamlString(value)}`);
  };
  map('steps', stamp.steps, true);
  map('sections', stamp.sections, false);
  map('acknowledged', stamp.acknowledged, false);
  return lines;
}

/**
 * Write `stamp` into a file's front matter without touching anything else: an existing
 * top-level `translationOf:` block (with its indented lines) is replaced in place; otherwise the
 * block goes right before the closing `---`; a file with no front matter gets one. The file's
 * line ending (LF or CRLF) and byte order mark are kept.
 *
 * @param text The file's text.
 * @param stamp The stamp.
 * @returns The new text (equal to `text` when the stamp is already there).
 */
export function writeStamp(text: string, stamp: TranslationStamp): string {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const block = stampLines(stamp);
  // Split keeping each line's own ending, so untouched lines come back byte for byte.
  const lines = body.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const bare = (line: string) => line.replace(/\r?\n$/, '');
  if (lines.length === 0 || bare(lines[0]!).trimEnd() !== '---') {
    return `${bom}---${eol}${block.join(eol)}${eol}---${eol}${body}`;
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = bare(lines[i]!).trimEnd();
    if (line === '---' || line === '...') {
      close = i;
      break;
    }
  }
  if (close === -1) return `${bom}---${eol}${block.join(eol)}${eol}---${eol}${body}`;
  let start = -1;
  for (let i = 1; i < close; i++) {
    if (/^translationOf\s*:/.test(lines[i]!)) {
      start = i;
      break;
    }
  }
  const rendered = block.map((line) => line + eol);
  if (start === -1) {
    // The line before the closing fence may lack nothing; the closing fence keeps its own ending.
    return bom + [...lines.slice(0, close), ...rendered, ...lines.slice(close)].join('');
  }
  let end = start + 1;
  // The block runs over indented lines, and blank lines followed by more indented lines.
  while (end < close) {
    const line = bare(lines[end]!);
    if (/^[ \t]+\S/.test(line)) end++;
    else if (line.trim() === '') {
      let next = end + 1;
      while (next < close && bare(lines[next]!).trim() === '') next++;
      if (next < close && /^[ \t]+\S/.test(bare(lines[next]!))) end = next;
      else break;
    } else break;
  }
  return bom + [...lines.slice(0, start), ...rendered, ...lines.slice(end)].join('');
}
