import type { Diagnostic } from '@guidekit/model';

/** The tool that produced the diagnostics (SARIF `tool.driver`, and nowhere else today). */
export interface ToolInfo {
  /** Tool name, e.g. `guidekit-docs`. */
  name: string;
  /** Tool version, e.g. `0.1.0`. */
  version: string;
  /** Absolute URL of the tool's home page. */
  informationUri?: string;
}

/** What a reporter may know about a rule: a one-line description and a documentation URL. */
export interface RuleMeta {
  /** One sentence saying what the rule checks. */
  description: string;
  /** Absolute URL of the rule's documentation. */
  docs?: string;
}

/** Everything a reporter may use besides the diagnostics themselves. */
export interface ReporterContext {
  /**
   * Directory paths are printed relative to. Diagnostics with a relative `file` are taken as
   * already relative to it; absolute ones are made relative.
   */
  cwd: string;
  /** The tool that produced the diagnostics. */
  tool?: ToolInfo;
  /** Rule descriptions by rule id (SARIF `rules`). */
  rules?: Record<string, RuleMeta>;
  /**
   * Returns the text of a file as the diagnostics saw it (called with the diagnostic's `file`),
   * or `undefined` when unknown. SARIF uses it for fingerprints that survive line moves.
   */
  sources?: (file: string) => string | undefined;
  /**
   * Base URL rule pages are found under (`<base>docs/rules/<rule id>.md`); default the project's
   * repository, `false` for no URLs at all.
   */
  docsBase?: string | false;
  /** Whether to print ANSI colors. Off unless `true`: reporters never sniff the terminal. */
  color?: boolean;
}

/**
 * Turns diagnostics into text. Pure: the same input gives the same output. Non-empty output
 * ends with exactly one newline.
 */
export type Reporter = (diagnostics: readonly Diagnostic[], context: ReporterContext) => string;
