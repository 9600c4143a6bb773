// Rules that have no registry of their own yet (content, configuration, render, publish, vite):
// what they check and why, written here by hand so every rule id has a page. Their examples are
// the file trees of tests/rules/fixtures/<rule id>/{ok,not-ok}, which tests/rules runs through
// check(), publish() or stamp(); a rule no file tree can show says why in `noExample`. The
// parser's and the translation linter's rules document themselves (`parserRules`, `rules` of
// @guidekit/i18n) with examples their tests run.

const PDF_NO_EXAMPLE =
  'the PDF rules are error codes of `@guidekit/render-pdf` (`PdfError.ruleId`), made by a real Chromium failing (the package’s own tests make them); `guidekit-docs build` reports one as `build/render-failed` on the guide, with this error’s message, or exits 2 with it when no browser can run.';

/** @type {Record<string, { package: string; description: string; docs: string; noExample?: string; configurable?: false }>} */
export const catalog = {
  'config/invalid': {
    package: '@guidekit/content',
    description: '`guidekit.config.json` is valid JSON and every key is one guidekit knows, with a value of the right type.',
    docs: 'Reported at the offending key or value of the configuration file (a typo such as `sourceLocal` is an error, never silently ignored); every wrong key and value is reported and left out, the rest of the file applies (`publish` writes nothing while the file has errors).',
  },
  'content/duplicate-slug': {
    package: '@guidekit/content',
    description: 'Each slug appears once per locale.',
    docs: 'Two files of one locale with the same slug (file stem or `translationKey`) would publish to the same place and pair with the same translations.',
  },
  'content/invalid-locale': {
    package: '@guidekit/content',
    description: 'A locale folder, suffix or front matter `locale` is a BCP 47 tag or a known language name.',
    docs: 'A guide whose locale cannot be read cannot be paired with its translations.',
  },
  'content/missing-image': {
    package: '@guidekit/content',
    description: 'Every image a guide shows exists under the static folder.',
    docs: '`/images/x.png` maps to the static folder (`content/static/` by default, `staticDir` in the configuration); a missing file would be a broken image on every published page.',
  },
  'content/missing-translation': {
    package: '@guidekit/content',
    description: 'Every source guide has a translation in each published locale.',
    docs: 'A note for the content tree as a whole; `guidekit-i18n lint` reports the same per target locale as `i18n/missing-translation`.',
  },
  'content/no-static-dir': {
    package: '@guidekit/content',
    description: 'A tree whose guides show images has a static folder.',
    docs: 'One note instead of one warning per image when the tree ships without its images (set `staticDir` in the configuration when they live elsewhere).',
  },
  'content/orphan-translation': {
    package: '@guidekit/content',
    description: 'Every translation has a source guide.',
    docs: 'A translation whose source was renamed or deleted is no longer checked against anything.',
  },
  'content/parse-failed': {
    package: '@guidekit/content',
    description: 'The parser does not crash on a file of the tree.',
    docs: 'A parser crash is reported on that file; the rest of the tree still loads.',
    noExample: 'the parser reports every problem of a file as one of its own `parse/*` rules; this one is left for a crash of the parser itself (a bug), which no file is meant to cause.',
  },
  'content/unreadable': {
    package: '@guidekit/content',
    description: 'Every guide file the walk finds can be read.',
    docs: 'A file named like a guide that cannot be read (a link to a folder, no read permission) is reported as an error instead of leaving the guide out without a word; a file deleted during the load is simply gone.',
    noExample: 'an unreadable file cannot be committed as a fixture tree (git keeps neither permissions nor a link to a folder portably); `packages/content/test/read.test.ts` makes a link to a folder named `b.md` at test time.',
  },
  'i18n/run': {
    package: '@guidekit/i18n',
    description: 'A file given to `stamp`, `ack` or `scaffold` is a guide of the tree that the command can act on.',
    docs: 'The write commands report a file outside the content root, a guide with no source to stamp against, or a target that already exists as this error (exit 1) instead of throwing; nothing is written for that file.',
  },
  'i18n/status-missing': {
    package: 'guidekit-i18n',
    description: '`status`: every source guide has a translation in each target locale.',
    docs: 'What `guidekit-i18n status --reporter sarif|github` annotates for a translation not written yet, on the source guide; `--fail-on missing` makes it fail a pull request.',
  },
  'i18n/status-orphan': {
    package: 'guidekit-i18n',
    description: '`status`: every translation has a source guide.',
    docs: 'A translation whose source was renamed or deleted is translated from nothing; `--fail-on orphan` makes it fail a pull request.',
  },
  'i18n/status-stale': {
    package: 'guidekit-i18n',
    description: '`status`: no step of the source changed since the translation was made.',
    docs: 'The translation records the source it was made from (`guidekit-i18n stamp`, or the git history); the annotation names each source step that changed since, so the translator knows what to redo. `--fail-on stale` makes it fail a pull request.',
  },
  'i18n/status-unknown': {
    package: 'guidekit-i18n',
    description: '`status`: the source each translation was made from is known.',
    docs: 'A translation with no stamp and no git history (`--no-history`, or a file not committed yet) cannot be told up to date or stale; `guidekit-i18n stamp` records its source.',
  },
  'i18n/status-untranslated': {
    package: 'guidekit-i18n',
    description: '`status`: a translation is no longer the source’s prose.',
    docs: 'A translation fresh from `guidekit-i18n scaffold` carries the source’s text under translated headings; it counts as untranslated, not up to date, until its prose differs from the source’s. `--fail-on untranslated` makes it fail a pull request.',
  },
  'pdf/chromium-not-found': {
    package: '@guidekit/render-pdf',
    description: 'No installed Chromium or Chrome is found (`GUIDEKIT_CHROMIUM` or the usual paths).',
    docs: 'PDF needs a headless browser; the message says how to install one and every path it looked at. Asked for explicitly (`--format pdf`), the build exits 2 with it; by default the other formats are still published.',
    noExample: PDF_NO_EXAMPLE,
    configurable: false,
  },
  'pdf/launch-failed': {
    package: '@guidekit/render-pdf',
    description: 'The browser starts.',
    docs: 'A Chromium that cannot start (a broken install, a missing library, a sandbox refusing to run) is reported with why, instead of hanging the build.',
    noExample: PDF_NO_EXAMPLE,
    configurable: false,
  },
  'pdf/browser-crashed': {
    package: '@guidekit/render-pdf',
    description: 'The browser does not crash while printing (the job is retried once).',
    docs: 'A crash or disconnect mid-print is retried once on a fresh browser; a second crash fails that guide only.',
    noExample: PDF_NO_EXAMPLE,
    configurable: false,
  },
  'pdf/print-failed': {
    package: '@guidekit/render-pdf',
    description: 'A document prints to a complete PDF.',
    docs: 'A page the browser cannot print is reported on its guide; the other guides still print.',
    noExample: PDF_NO_EXAMPLE,
    configurable: false,
  },
  'pdf/timeout': {
    package: '@guidekit/render-pdf',
    description: 'A document prints within its time budget.',
    docs: 'A hung page or a resource that never loads would stall the build; the job is stopped at its budget and reported.',
    noExample: PDF_NO_EXAMPLE,
    configurable: false,
  },
  'pdf/pool-closed': {
    package: '@guidekit/render-pdf',
    description: 'No document is printed after the pool closed.',
    docs: 'A programmer error of a caller of `@guidekit/render-pdf` (`print()` after `close()`), reported with a stable id rather than a crash deep in the browser.',
    noExample: PDF_NO_EXAMPLE,
    configurable: false,
  },
  'render/alt-text': {
    package: '@guidekit/render',
    description: 'Every image has alternative text.',
    docs: 'Screen readers and search engines read the alternative text; an image without it is invisible to them.',
  },
  'render/asset-invalid': {
    package: '@guidekit/render',
    description: 'An image URL is a plain path, percent-encoded as UTF-8.',
    docs: 'A URL that does not decode (`caf%E9.png`, Latin-1 percent-encoding), or holds a backslash or a NUL, names no file reliably on every system: the image is left as a link. Write the file name as it is (`café.png`) or encode it as UTF-8 (`caf%C3%A9.png`).',
  },
  'render/asset-not-found': {
    package: '@guidekit/render',
    description: 'An image referenced by a guide exists when the guide is rendered.',
    docs: 'The page keeps the reference; the published image would be broken.',
  },
  'render/asset-outside-root': {
    package: '@guidekit/render',
    description: 'An image path stays inside the static folder.',
    docs: 'A path that escapes the static folder (`../../etc/passwd`, a symlink out) is never read or inlined.',
  },
  'render/asset-remote': {
    package: '@guidekit/render',
    description: 'Images inlined in single-file outputs are local files.',
    docs: 'A remote image is kept as a link in the self-contained HTML and the PDF instead of being fetched at build time.',
  },
  'render/asset-too-large': {
    package: '@guidekit/render',
    description: 'An image inlined in a single-file output is under the size limit.',
    docs: 'A huge image would make the self-contained file too large to send; it is linked instead of inlined.',
  },
  'render/image-not-inlined': {
    package: '@guidekit/render',
    description: 'Every image of a single-file output is inlined.',
    docs: 'An image that could not be inlined (a file that is no known image type, or that could not be read) is left as a link, a broken picture in a file meant to be read offline.',
  },
  'render/search-index': {
    package: '@guidekit/render',
    description: 'The site search index can be built.',
    docs: 'Without an index the published site has no search; every page is still published.',
    noExample: 'it reports a failure of Pagefind itself (its binary missing or crashing), which no content causes.',
  },
  'render/unknown-component': {
    package: '@guidekit/render',
    description: 'Every MDX component a guide uses is registered.',
    docs: 'An unknown component is shown as its text content instead of its rendering.',
  },
  'build/duplicate-output': {
    package: '@guidekit/publish',
    description: 'No two guides write the same output file.',
    docs: 'Two guides mapped to one output path would overwrite each other: the first is written, the second is dropped with this warning.',
  },
  'build/render-failed': {
    package: '@guidekit/publish',
    description: 'Every format renders every guide.',
    docs: 'A format that fails on one guide is reported on that guide; the other guides and formats are still published, and the previous output of the failed one is kept.',
  },
  'vite/unreadable': {
    package: '@guidekit/vite',
    description: 'A guide imported through the Vite plugin can be read.',
    docs: 'The import fails with this error instead of giving an empty guide.',
    noExample: 'Vite resolves an import only to a file it can see, so this is a guide deleted or made unreadable between that and the read (a dev server while files move); a file tree cannot show it. `packages/vite/test/source.test.ts` reads a folder named like a guide instead.',
  },
};
