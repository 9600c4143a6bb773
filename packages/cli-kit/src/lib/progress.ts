/** A progress line on a terminal. */
export interface Progress {
  /** Redraw the line: `label done/total`. */
  update(done: number, total: number): void;
  /** Erase the line (call before printing the report). */
  clear(): void;
}

/** Where {@link createProgress} draws, and the environment it reads `CI` from. */
export interface ProgressContext {
  /** Default `process.stderr`: progress never mixes with a report piped from stdout. */
  stream?: { isTTY?: boolean; write(text: string): unknown } | undefined;
  /** Environment variables (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Whether progress should be drawn: only for a person watching a terminal, never in CI (where
 * a log would keep every redraw).
 */
export function isInteractive(context: ProgressContext = {}): boolean {
  const stream = context.stream ?? process.stderr;
  const ci = (context.env ?? process.env)['CI'];
  return stream.isTTY === true && (ci === undefined || ci === '' || ci === '0' || ci === 'false');
}

/**
 * A one-line progress indicator (`guidekit-docs check: 120/2002`) redrawn in place on a
 * terminal, or `undefined` when the output is not one (a pipe, a file, CI): callers pass
 * `progress?.update` as their `onProgress` and print nothing else.
 *
 * @param label What is going on, printed before the counts.
 * @param context Stream and environment.
 * @returns The progress line, or `undefined` when it should stay quiet.
 */
export function createProgress(label: string, context: ProgressContext = {}): Progress | undefined {
  if (!isInteractive(context)) return undefined;
  const stream = context.stream ?? process.stderr;
  let drawn = false;
  let shown = -1;
  return {
    update(done, total) {
      // Redraw at most once per percent: a 20,000-file run would otherwise write 20,000 lines.
      const percent = total > 0 ? Math.floor((done * 100) / total) : 100;
      if (percent === shown && done !== total) return;
      shown = percent;
      drawn = true;
      stream.write(`\r\x1b[K${label}: ${done}/${total}`);
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
