import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '@guidekit/model';
import { NO_STATIC_DIR_RULE_ID, checkImages, createExistsCache, type ImageUse } from './images.js';

/** What the image check needs of a guide. */
export interface ImageSubject {
  /** Path relative to the root (the diagnostics' `file`). */
  path: string;
  /** Absolute path of the guide file (relative image URLs resolve against its folder). */
  absPath: string;
  images: readonly ImageUse[];
}

/** Inputs of {@link imageDiagnostics} besides the guides. */
export interface ImageCheckOptions {
  /** Absolute content root. */
  root: string;
  /** Absolute static folder, or `null`. */
  staticDir: string | null;
  /** Whether the configuration names a static folder (a missing one is a config error already). */
  configured: boolean;
  /** The folders looked for, for the message when none exists. */
  candidates: readonly string[];
}

/**
 * The image stage: every image a guide uses, checked against the static folder (or the guide's
 * folder); with no static folder at all, one note that images were not checked.
 *
 * @param guides The guides' paths and images.
 * @param options Root, static folder and the candidates looked for.
 * @returns `content/missing-image` errors, or one `content/no-static-dir` note.
 */
export function imageDiagnostics(guides: readonly ImageSubject[], options: ImageCheckOptions): Diagnostic[] {
  if (options.staticDir) {
    const exists = createExistsCache();
    const staticDir = options.staticDir;
    return guides.flatMap((g) => checkImages(g.images, g.path, g.absPath, staticDir, options.root, exists));
  }
  if (options.configured || !guides.some((g) => g.images.length > 0)) return [];
  const looked = options.candidates.map((c) => `\`${path.relative(options.root, c).split(path.sep).join('/')}\``).join(', ');
  return [
    createDiagnostic({
      file: '.',
      ruleId: NO_STATIC_DIR_RULE_ID,
      severity: 'info',
      message: `No static folder found (looked for ${looked}), so images were not checked: create one of these folders or set \`staticDir\` in guidekit.config.json`,
    }),
  ];
}
