import type { Diagnostic } from '@guidekit/model';
import { createDiagnostic } from '@guidekit/model';

/** The text to parse, and what was wrong with the bytes it came from. */
export interface DecodedInput {
  text: string;
  diagnostics: Diagnostic[];
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column of a string offset (columns count UTF-16 units, as unist does). */
export function pointAt(text: string, offset: number): { line: number; column: number } {
  const end = Math.min(offset, text.length);
  let line = 1;
  let lineStart = 0;
  if (text.lastIndexOf('\r', end) === -1) {
    // LF only: indexOf is native and far faster than a character loop on large inputs.
    for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
  }
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Turn the caller's string or bytes into the text to parse: decode bytes leniently (a bad byte
 * becomes U+FFFD and a diagnostic, never an exception), drop a byte order mark, and point out NUL
 * characters.
 *
 * @param source What the caller passed.
 * @param file Path for diagnostics.
 * @returns The text and diagnostics about it.
 */
export function decodeInput(source: string | Uint8Array, file: string): DecodedInput {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (typeof source === 'string') {
    text = source;
  } else {
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(source);
    const bad = firstInvalidUtf8(source);
    if (bad >= 0) {
      // Decode the valid prefix again to place the bad byte on the decoded text's lines.
      const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(source.subarray(0, bad));
      const at = pointAt(prefix, prefix.length);
      const hasBom = prefix.charCodeAt(0) === 0xfeff;
      diagnostics.push(
        createDiagnostic({
          file,
          ruleId: 'parse/invalid-utf8',
          severity: 'error',
          message: `Unexpected byte 0x${(source[bad] ?? 0).toString(16).padStart(2, '0')} that is not valid UTF-8, expected UTF-8 text (it was replaced by U+FFFD)`,
          position: { line: at.line, column: at.line === 1 && hasBom ? at.column - 1 : at.column },
          data: { byteOffset: bad },
        }),
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'parse/bom',
        severity: 'info',
        message: 'Unexpected byte order mark at the start of the file, expected none (it was ignored)',
        position: { line: 1, column: 1 },
      }),
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    let count = 0;
    for (let i = nul; i !== -1; i = text.indexOf('\u0000', i + 1)) count++;
    diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'parse/nul-character',
        severity: 'error',
        message: `Unexpected NUL character${count > 1 ? ` (${count} in the file)` : ''}, expected text (read as U+FFFD)`,
        position: pointAt(text, nul),
        data: { count },
      }),
    );
  }
  return { text, diagnostics };
}

/** How deep a line nests block containers, measured without parsing. */
function lineDepth(text: string, start: number, end: number): number {
  let depth = 0;
  let i = start;
  let indent = 0;
  // Walk the container prefix: `>` markers, list markers and indentation. Indentation counts
  // one level per two columns, the narrowest a nested list can be.
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      indent++;
      i++;
    } else if (c === 9) {
      indent += 4 - (indent % 4);
      i++;
    } else if (c === 62 /* > */) {
      depth++;
      i++;
    } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpaceOrEnd(text, i + 1, end)) {
      depth++;
      i++;
    } else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      if ((d === 46 || d === 41) /* . ) */ && isSpaceOrEnd(text, j + 1, end)) {
        depth++;
        i = j + 1;
      } else break;
    } else break;
  }
  return depth + Math.floor(indent / 2);
}

function isSpaceOrEnd(text: string, i: number, end: number): boolean {
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  return c === 32 || c === 9;
}

// About 0.3 s of micromark attention resolution on a small machine; real guides use < 1%.
const MAX_MARK_WORK = 2000 * 2000;
// `](` count × run length: 200 unclosed resources in a 20,000-character run, ~0.3 s.
const MAX_SCAN_WORK = 4_000_000;

/** The fence (three or more backticks or tildes, up to 3 spaces in) opening a line, if any. */
function fenceAt(text: string, start: number, end: number): string {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  if (c !== 96 && c !== 126) return '';
  let j = i;
  while (j < end && text.charCodeAt(j) === c) j++;
  return j - i >= 3 ? text.slice(i, j) : '';
}

/** Result of the cheap pre-parse checks. */
export interface GuardResult {
  ok: boolean;
  diagnostic?: Diagnostic;
}

/**
 * Refuse, before parsing, inputs that would take remark far too long: remark-parse needs about
 * 95 s for 10 MB and 17 s for a 5,000-deep list on a small machine. One linear pass; no regexes.
 *
 * @param text The text to parse.
 * @param file Path for diagnostics.
 * @param maxBytes Largest accepted size in UTF-8 bytes.
 * @param maxDepth Deepest accepted nesting of block quotes and lists.
 * @returns `ok: false` with a diagnostic when the input must be kept raw.
 */
export function guardInput(text: string, file: string, maxBytes: number, maxDepth: number, mdx = false): GuardResult {
  // UTF-16 length is a lower bound of the UTF-8 size, and at most 3x below it: check cheaply first.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes)) {
    const size = Buffer.byteLength(text, 'utf8');
    return {
      ok: false,
      diagnostic: createDiagnostic({
        file,
        ruleId: 'parse/too-large',
        severity: 'error',
        message: `Unexpected file of ${size} bytes, expected at most ${maxBytes} bytes (kept as raw text, not parsed)`,
        position: { line: 1, column: 1 },
        data: { size, maxBytes },
      }),
    };
  }
  let start = 0;
  let line = 1;
  const n = text.length;
  // Emphasis markers: micromark pairs `*` / `_` in time quadratic in their number per paragraph
  // (4,000 `*` around one word take seconds). Budget the sum of squares over paragraphs,
  // skipping fenced code, where markers are not emphasis.
  let marks = 0;
  let work = 0;
  let paraLine = 1;
  let fence = '';
  const over = (): GuardResult => ({
    ok: false,
    diagnostic: createDiagnostic({
      file,
      ruleId: 'parse/too-complex',
      severity: 'error',
      message: `Unexpected paragraph with ${marks} emphasis markers (\`*\`, \`_\`), expected far fewer (kept as raw text, not parsed)`,
      position: { line: paraLine, column: 1 },
      data: { markers: marks },
    }),
  });
  // Link resources: after each `](` micromark scans the destination up to the next whitespace,
  // so many `](` in one long run without spaces (`![a](![a](…`) cost count × run length.
  let resources = 0;
  let runStart = 0;
  let scan = 0;
  // MDX: `{` expressions and JSX tags nest (acorn and the JSX tokenizer recurse).
  let braces = 0;
  let tags = 0;
  const nested = (what: string, depth: number, at: number): GuardResult => ({
    ok: false,
    diagnostic: createDiagnostic({
      file,
      ruleId: 'parse/too-deep',
      severity: 'error',
      message: `Unexpected ${what} nested ${depth} levels deep, expected at most ${maxDepth} (kept as raw text, not parsed)`,
      position: { line: at, column: 1 },
      data: { depth, maxDepth },
    }),
  });
  while (start <= n) {
    let end = start;
    let lineMarks = 0;
    let blank = true;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      if (c === 42 || c === 95) lineMarks++;
      if (c === 32 || c === 9) {
        scan += resources * (end - runStart);
        resources = 0;
        runStart = end + 1;
      } else {
        blank = false;
        if (c === 40 && end > start && text.charCodeAt(end - 1) === 93) resources++;
        if (mdx) {
          if (c === 123) braces++;
          else if (c === 125) braces = Math.max(0, braces - 1);
          else if (c === 60) {
            const d = text.charCodeAt(end + 1);
            if (d === 47) tags = Math.max(0, tags - 1);
            else if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122)) tags++;
          } else if (c === 62 && end > start && text.charCodeAt(end - 1) === 47) tags = Math.max(0, tags - 1);
          if (braces > maxDepth) return nested('`{` expressions', braces, line);
          if (tags > maxDepth) return nested('JSX tags', tags, line);
        }
      }
      end++;
    }
    scan += resources * (end - runStart);
    resources = 0;
    runStart = end + 1;
    if (scan > MAX_SCAN_WORK) {
      return {
        ok: false,
        diagnostic: createDiagnostic({
          file,
          ruleId: 'parse/too-complex',
          severity: 'error',
          message: 'Unexpected long run of unclosed links or images (`](` without spaces), expected ordinary links (kept as raw text, not parsed)',
          position: { line, column: 1 },
        }),
      };
    }
    const depth = lineDepth(text, start, end);
    if (depth > maxDepth) {
      return {
        ok: false,
        diagnostic: createDiagnostic({
          file,
          ruleId: 'parse/too-deep',
          severity: 'error',
          message: `Unexpected nesting ${depth} levels deep (block quotes, lists or indentation), expected at most ${maxDepth} (kept as raw text, not parsed)`,
          position: { line, column: 1 },
          data: { depth, maxDepth },
        }),
      };
    }
    const fenceMark = fenceAt(text, start, end);
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = '';
    } else if (fenceMark) {
      fence = fenceMark;
    } else if (blank) {
      work += marks * marks;
      if (work > MAX_MARK_WORK) return over();
      marks = 0;
    } else {
      if (marks === 0) paraLine = line;
      marks += lineMarks;
    }
    if (end >= n) break;
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    line++;
  }
  work += marks * marks;
  if (work > MAX_MARK_WORK) return over();
  return { ok: true };
}
