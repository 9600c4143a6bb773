import type { Diagnostic } from '@guidekit/model';
import { createDiagnostic } from '@guidekit/model';
import type { Document, LineCounter, YAMLError } from 'yaml';
import { isCollection, isScalar, visit } from 'yaml';

/** Where the YAML block sits in the file, to turn its offsets into file lines and columns. */
export interface BlockPlace {
  file: string;
  /**
   * File line of the opening `---`. gray-matter's block starts right after the `---` (at its line
   * break), so the block's line 1 is this line and its line n is file line `openLine + n - 1`.
   */
  openLine: number;
  lineCounter: LineCounter;
}

/**
 * The file point of an offset into the YAML block.
 *
 * @param place The block's place.
 * @param offset Offset into the block's text.
 * @returns File line and column (1-based).
 */
export function filePoint(place: BlockPlace, offset: number): { line: number; column: number } {
  const { line, col } = place.lineCounter.linePos(offset);
  return { line: place.openLine + line - 1, column: col };
}

/**
 * Where a syntax error's fault is. For a quote or bracket never closed, the parser only notices at
 * the next line or at the end of the block; the fault is the quoted value or flow collection that
 * runs up to that point, so point at where it opens.
 */
function faultOffset(doc: Document, error: YAMLError): number {
  const at = error.pos[0];
  if (error.code !== 'MISSING_CHAR' && error.code !== 'BAD_INDENT') return at;
  let open: number | undefined;
  visit(doc, {
    Node(_key, node) {
      const range = node.range;
      if (!range || range[0] >= at || range[1] < at) return;
      const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      const flow = isCollection(node) && node.flow === true;
      // The innermost such node opens last: keep the largest start.
      if ((quoted || flow) && (open === undefined || range[0] > open)) open = range[0];
    },
  });
  return open ?? at;
}

/**
 * The `parse/yaml-invalid` error of a block with syntax errors, at the first fault's own line and
 * column. Only the first: what the YAML parser finds after it is mostly the same fault seen again
 * (an unclosed quote swallows the lines that follow), and the block is ignored anyway.
 *
 * @param doc The parsed document holding `errors`.
 * @param place The block's place in the file.
 * @returns One diagnostic (none when the document has no error).
 */
export function syntaxDiagnostics(doc: Document, place: BlockPlace): Diagnostic[] {
  return doc.errors.slice(0, 1).map((error) =>
    createDiagnostic({
      file: place.file,
      ruleId: 'parse/yaml-invalid',
      severity: 'error',
      message: `Unexpected YAML syntax (${firstLine(error.message)}), expected valid YAML front matter (front matter ignored)`,
      position: filePoint(place, faultOffset(doc, error)),
      data: { code: error.code },
    }),
  );
}

/**
 * The error for a document that parses but cannot be read as data (an alias to no anchor, too
 * many aliases): at the first alias, where such problems start.
 *
 * @param doc The document.
 * @param place The block's place in the file.
 * @param error What `toJS` threw.
 * @returns One `parse/yaml-invalid` error.
 */
export function dataDiagnostic(doc: Document, place: BlockPlace, error: unknown): Diagnostic {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const reason = error instanceof Error ? error.message : String(error);
  return createDiagnostic({
    file: place.file,
    ruleId: 'parse/yaml-invalid',
    severity: 'error',
    message: `Unexpected YAML alias (${firstLine(reason)}), expected valid YAML front matter (front matter ignored)`,
    position: filePoint(place, offset),
  });
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  // yaml ends some messages with the position it adds itself; the diagnostic has its own.
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
