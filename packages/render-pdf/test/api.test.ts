import { expect, test } from 'vitest';

test('the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "BASE_PRINT_CSS",
      "CHROMIUM_CANDIDATES",
      "ChromiumNotFoundError",
      "DEFAULT_MARGIN",
      "FONT_STACK",
      "MONO_FONT_STACK",
      "PdfBrowserCrashedError",
      "PdfError",
      "PdfLaunchError",
      "PdfPoolClosedError",
      "PdfPrintError",
      "PdfTimeoutError",
      "applyMetadata",
      "createPdfPool",
      "escapeHtml",
      "findChromium",
      "footerTemplate",
      "launchArgs",
      "looksLikeCompletePdf",
      "prepareHtml",
      "renderPdf",
      "writeFileAtomic",
    ]
  `);
});
