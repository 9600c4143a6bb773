import { createDiagnostic } from '@guidekit/model';
import type { Diagnostic, Guide } from '@guidekit/model';
import type { Element } from 'hast';
import { imagePosition } from './image-position.js';

// Words that say an image is there, not what it shows, in the languages the site ships.
const MEANINGLESS = new Set([
  'image',
  'img',
  'images',
  'picture',
  'pic',
  'photo',
  'screenshot',
  'screen',
  'capture',
  "capture d'écran",
  'capture d’écran',
  'imagen',
  'bild',
  'immagine',
  'imagem',
  'afbeelding',
  'figure',
  'alt',
  'untitled',
]);

const FILE_NAME = /\.(png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?)$/i;

function baseName(url: string): string {
  const last = url.split(/[?#]/)[0]?.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Why an alt text says nothing about its image, or `undefined` when it is fine: empty, a word
 * such as `image` or `screenshot`, the image's file name (with or without extension), or any
 * file name.
 *
 * @param alt The alt text as written.
 * @param url The image's URL as written.
 */
export function meaninglessAlt(alt: string, url: string): string | undefined {
  const text = alt.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return 'empty alt text';
  if (MEANINGLESS.has(text) || /^(image|img|screenshot|capture)[\s_-]*\d*$/.test(text)) return `alt text "${alt.trim()}"`;
  const file = baseName(url).toLowerCase();
  const stem = file.replace(/\.[^.]+$/, '');
  if (text === file || text === stem || FILE_NAME.test(text)) return `alt text "${alt.trim()}" (a file name)`;
  return undefined;
}

/**
 * Check an `<img>` of a guide's content: a meaningless alt text is replaced by `fallback` (the
 * step's or guide's title, which says what the image belongs to) and reported once as a
 * `render/alt-text` warning at the image's position.
 *
 * @param img The image element (a copy: it is changed).
 * @param guide The guide (file and position of the diagnostic).
 * @param fallback The alt text to publish instead.
 * @param report Receives the warning; absent, the fix is silent (formats that do not report).
 */
export function fixAlt(img: Element, guide: Guide, fallback: string, report?: (d: Diagnostic) => void): void {
  const src = typeof img.properties['src'] === 'string' ? img.properties['src'] : '';
  const alt = typeof img.properties['alt'] === 'string' ? img.properties['alt'] : '';
  const why = meaninglessAlt(alt, src);
  if (why === undefined) return;
  img.properties['alt'] = fallback;
  if (!report) return;
  report(
    createDiagnostic({
      file: guide.path,
      ruleId: 'render/alt-text',
      severity: 'warning',
      message: `Unexpected ${why} on image \`${src}\`, expected words that say what it shows (published with "${fallback}")`,
      position: imagePosition(guide, src),
      data: { url: src, alt },
    }),
  );
}
