import type { Diagnostic } from '@guidekit/model';
import { prepare, relatedText } from '../paths.js';
import type { Reporter } from '../types.js';

const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands, one line per diagnostic, which GitHub shows as
 * annotations on the pull request:
 * `::error file={f},line={l},col={c},endLine={el},endColumn={ec},title={ruleId}::{message}`
 * (`::warning`, and `::notice` for info). `endLine`/`endColumn` are left out when unknown.
 * Escaping is GitHub's: in the message `%`, `\r`, `\n` become `%25`, `%0D`, `%0A`; in property
 * values `:` and `,` also become `%3A` and `%2C`. A related place is a second message line.
 */
export const github: Reporter = (diagnostics, context) => {
  let out = '';
  for (const { diagnostic } of prepare(diagnostics, context.cwd)) out += `${line(diagnostic)}\n`;
  return out;
};

function line(d: Diagnostic): string {
  const props: string[] = [];
  if (d.file !== '') props.push(`file=${escapeProperty(d.file)}`);
  props.push(`line=${d.line}`, `col=${d.column}`);
  if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
  if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`);
  props.push(`title=${escapeProperty(d.ruleId)}`);
  const message = d.related ? `${d.message}\nrelated: ${relatedText(d.related)}` : d.message;
  return `::${command[d.severity]} ${props.join(',')}::${escapeData(message)}`;
}

/** Escape command data as GitHub's toolkit does (`%` first, so escapes are not re-escaped). */
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escape a command property value: as data, plus the `:` and `,` that delimit properties. */
function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
