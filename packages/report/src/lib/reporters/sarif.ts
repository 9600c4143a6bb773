import { createHash } from 'node:crypto';
import type { Diagnostic, RelatedLocation } from '@guidekit/model';
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { ruleUrl } from '../docs-url.js';
import { prepare } from '../paths.js';
import type { Reporter, ReporterContext, ToolInfo } from '../types.js';

/** Name of guidekit's own fingerprint in `partialFingerprints` (versioned, as SARIF asks). */
export const FINGERPRINT_KEY = 'guidekitLineHash/v1';

/** Base id paths are relative to; a SARIF consumer (GitHub) maps it to the checkout. */
const SRCROOT = '%SRCROOT%';

const level = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0, for code-scanning upload (`github/codeql-action/upload-sarif`). One run whose
 * `tool.driver` lists every rule that fired (with its description and docs URL when the
 * context knows them); one result per diagnostic with its level, message, place (a URI
 * relative to `%SRCROOT%`, the context's `cwd`), related place, and a partial fingerprint that
 * hashes rule id, file, message and the trimmed text of the line — not the line number — so an
 * alert keeps its identity when lines are added above it.
 */
export const sarif: Reporter = (diagnostics, context) => {
  const sorted = prepare(diagnostics, context.cwd);
  const ruleIds = [...new Set(sorted.map((p) => p.diagnostic.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const lineText = lineReader(context);
  const seen = new Map<string, number>();
  const results = sorted.map(({ diagnostic: d, sourceFile }): Result => {
    const hash = fingerprint(d, lineText(sourceFile, d.line));
    // Identical problems on identical lines stay distinct by their order, like GitHub's own hash.
    const count = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, count);
    const location = physical(d);
    return {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId) ?? -1,
      level: level[d.severity],
      message: { text: d.message },
      locations: location ? [location] : [],
      ...(d.related && { relatedLocations: [related(d.related)] }),
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${count}` },
    };
  });
  const tool: Partial<ToolInfo> & { name: string } = context.tool ?? { name: 'guidekit' };
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            ...(tool.version !== undefined && { version: tool.version }),
            ...(isAbsoluteUrl(tool.informationUri) && { informationUri: tool.informationUri }),
            rules: ruleIds.map((id) => descriptor(id, context)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function descriptor(id: string, context: ReporterContext): ReportingDescriptor {
  const meta = context.rules?.[id];
  const help = ruleUrl(id, context);
  return {
    id,
    shortDescription: { text: meta?.description ?? id },
    ...(isAbsoluteUrl(help) && { helpUri: help }),
  };
}

function physical(d: Diagnostic): Location | undefined {
  const uri = toUri(d.file);
  if (uri === '') return undefined;
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: SRCROOT },
      region: {
        startLine: d.line,
        startColumn: d.column,
        ...(d.endLine !== undefined && { endLine: d.endLine }),
        ...(d.endColumn !== undefined && { endColumn: d.endColumn }),
      },
    },
  };
}

function related(r: RelatedLocation): Location {
  return {
    id: 0,
    physicalLocation: {
      artifactLocation: { uri: toUri(r.file), uriBaseId: SRCROOT },
      region: {
        startLine: r.line,
        startColumn: r.column,
        ...(r.endLine !== undefined && { endLine: r.endLine }),
        ...(r.endColumn !== undefined && { endColumn: r.endColumn }),
      },
    },
    ...(r.message !== undefined && { message: { text: r.message } }),
  };
}

/** A relative URI reference: each segment percent-encoded (spaces, `#`, `?`, `français`). */
function toUri(posixPath: string): string {
  return posixPath
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function isAbsoluteUrl(value: string | undefined): value is string {
  if (value === undefined) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Hash of what identifies a problem, independent of where the line moved to. */
function fingerprint(d: Diagnostic, line: string): string {
  return createHash('sha256').update([d.ruleId, d.file, d.message, line].join('\u0000')).digest('hex').slice(0, 32);
}

/** Reads line N (1-based, trimmed) of a file through `context.sources`, splitting each file once. */
function lineReader(context: ReporterContext): (file: string, line: number) => string {
  const cache = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!cache.has(file)) cache.set(file, context.sources?.(file)?.split(/\r\n|\r|\n/));
    return cache.get(file)?.[line - 1]?.trim() ?? '';
  };
}
