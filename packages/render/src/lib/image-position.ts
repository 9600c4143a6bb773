import type { Guide } from '@guidekit/model';
import { walk } from './walk.js';
import type { WalkNode } from './walk.js';

/** Guide-relative lookup of an image's source position (hast positions are lost by rehype-raw). */
export function imagePosition(guide: Guide, url: string): { line: number; column: number } | undefined {
  for (const s of guide.steps) {
    const img = s.images.find((i) => i.url === url);
    if (img?.position) return img.position.start;
  }
  let found: { line: number; column: number } | undefined;
  for (const section of guide.sections) {
    walk(section.blocks as WalkNode[], (n) => {
      const pos = n['position'] as { start: { line: number; column: number } } | undefined;
      if (n.type === 'image' && n['url'] === url && pos) found = pos.start;
      return found === undefined;
    });
    if (found) return found;
  }
  return undefined;
}
