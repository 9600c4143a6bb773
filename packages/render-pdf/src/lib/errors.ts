/**
 * Errors thrown or rejected by `@guidekit/render-pdf`.
 *
 * Each carries a stable `ruleId` so a caller (the build) can turn it into a diagnostic
 * without matching on prose.
 */

/** Base class of every error this package raises on purpose. */
export class PdfError extends Error {
  /** Stable identifier, usable as a diagnostic rule id. */
  readonly ruleId: string;

  /**
   * @param message Plain sentence: what happened and what was expected.
   * @param ruleId Stable id such as `pdf/timeout`.
   * @param options Standard `cause`.
   */
  constructor(message: string, ruleId: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfError';
    this.ruleId = ruleId;
  }
}

/**
 * No Chromium could be found. The message says how to get one; a CLI should print it and
 * exit 2 (the environment is unusable for PDF, which is not a content problem).
 */
export class ChromiumNotFoundError extends PdfError {
  /** Every path that was tried, in order. */
  readonly tried: readonly string[];

  /**
   * @param tried Paths looked at, in order.
   * @param detail Optional first sentence (for example a bad `GUIDEKIT_CHROMIUM`).
   */
  constructor(tried: readonly string[], detail?: string) {
    super(
      `${detail ?? 'No Chromium was found, expected an installed Chromium or Chrome.'} ` +
        'Install one (`apt-get install chromium` on Debian/Ubuntu) or point GUIDEKIT_CHROMIUM at a ' +
        'Chromium or Chrome executable (`GUIDEKIT_CHROMIUM=/path/to/chromium`). ' +
        `Looked at: ${tried.join(', ')}.`,
      'pdf/chromium-not-found',
    );
    this.name = 'ChromiumNotFoundError';
    this.tried = tried;
  }
}

/** A print job took longer than its time budget (a hung page, a resource that never loads). */
export class PdfTimeoutError extends PdfError {
  /**
   * @param ms The budget that was exceeded.
   * @param label What was being printed (the document title).
   */
  constructor(ms: number, label: string) {
    super(`Printing "${label}" took more than ${ms} ms, expected it to finish in time (a hung page or a resource that never loads).`, 'pdf/timeout');
    this.name = 'PdfTimeoutError';
  }
}

/** The browser (or the page's renderer) died while printing, and retries ran out. */
export class PdfBrowserCrashedError extends PdfError {
  /**
   * @param label What was being printed.
   * @param attempts How many times it was tried.
   * @param cause The underlying playwright error.
   */
  constructor(label: string, attempts: number, cause?: unknown) {
    super(`Chromium crashed or disconnected while printing "${label}" (${attempts} attempt${attempts === 1 ? '' : 's'}), expected a complete PDF.`, 'pdf/browser-crashed', { cause });
    this.name = 'PdfBrowserCrashedError';
  }
}

/** Chromium could not be started. */
export class PdfLaunchError extends PdfError {
  /**
   * @param executablePath The executable that failed to start.
   * @param cause The underlying error.
   */
  constructor(executablePath: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    super(`Chromium at ${executablePath} did not start (${why}), expected a running headless browser.`, 'pdf/launch-failed', { cause });
    this.name = 'PdfLaunchError';
  }
}

/** Any other failure while printing one document (invalid output, page error). */
export class PdfPrintError extends PdfError {
  /**
   * @param label What was being printed.
   * @param reason A short reason.
   * @param cause The underlying error.
   */
  constructor(label: string, reason: string, cause?: unknown) {
    super(`Printing "${label}" failed: ${reason}.`, 'pdf/print-failed', { cause });
    this.name = 'PdfPrintError';
  }
}

/** `print()` was called on a pool that was closed (a programmer error). */
export class PdfPoolClosedError extends PdfError {
  constructor() {
    super('The PDF pool is closed, expected print() before close().', 'pdf/pool-closed');
    this.name = 'PdfPoolClosedError';
  }
}
