import { byCodeUnit, type Diagnostic } from '@guidekit/model';
import { VFile } from 'vfile';
import { reporter as vfileReporter } from 'vfile-reporter';
import { prepare, relatedText } from '../paths.js';
import { ruleUrl } from '../docs-url.js';
import type { Reporter, ReporterContext } from '../types.js';

/**
 * The default reporter, for people: unified's own `vfile-reporter`, so guidekit reads like
 * remark-lint. Diagnostics are grouped by file, one line each
 * (`line:column-endLine:endColumn  severity  message  ruleId`), then a summary line such as
 * `3 messages (✖ 1 error, ⚠ 1 warning)`. A related place (the source guide of a translation)
 * is printed as a note under its message. Then, once per rule that fired, where its
 * documentation is (a URL under every message would triple the output). No diagnostics gives
 * `no issues found`.
 */
export const stylish: Reporter = (diagnostics, context) => {
  if (diagnostics.length === 0) return 'no issues found\n';
  const files = new Map<string, VFile>();
  let verbose = false;
  for (const { diagnostic: d } of prepare(diagnostics, context.cwd)) {
    const name = d.file;
    let file = files.get(name);
    if (!file) {
      // vfile refuses an empty path; vfile-reporter then prints its `defaultName`.
      file = new VFile(name === '' ? {} : { path: name });
      files.set(name, file);
    }
    const message = file.message(visible(d.message), { place: place(d), ruleId: d.ruleId });
    // vfile's convention: fatal = error, false = warning, undefined = info.
    message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
    if (d.related) {
      message.note = `related: ${visible(relatedText(d.related))}`;
      verbose = true;
    }
  }
  const text = vfileReporter([...files.values()], {
    color: context.color === true,
    defaultName: '<unknown>',
    verbose,
  });
  return `${text}\n${docsFooter(diagnostics, context)}`;
};

/** `Rule docs:` and one `  rule-id  url` line per rule, sorted; empty when no rule has a URL. */
function docsFooter(diagnostics: readonly Diagnostic[], context: ReporterContext): string {
  const lines = [...new Set(diagnostics.map((d) => d.ruleId))].sort(byCodeUnit).flatMap((id) => {
    const url = ruleUrl(id, context);
    return url === undefined ? [] : [`  ${visible(id)}  ${url}`];
  });
  return lines.length === 0 ? '' : `\nRule docs:\n${lines.join('\n')}\n`;
}

// C0 controls but tab and line feed, DEL, and C1 CSI: what could move the cursor or recolour the
// terminal when a message quotes content (a title with an escape sequence).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g;

/** Show control characters of a message as `\xNN` instead of sending them to the terminal. */
function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function place(d: Diagnostic) {
  const start = { line: d.line, column: d.column };
  if (d.endLine === undefined) return start;
  return { start, end: { line: d.endLine, column: d.endColumn ?? d.column } };
}
