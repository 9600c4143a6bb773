import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontmatterOverrides } from '../src/lib/read.js';
import { resolveImage } from '../src/lib/images.js';

const runs = Number(process.env['FC_RUNS'] ?? 200);
const staticDir = path.resolve('/site/static');
const guideFile = path.resolve('/site/content/fr/guide.md');

// Segments mixing the characters that matter for path escapes.
const segment = fc.stringMatching(/^[a-z.%2fF/\\:?#]{0,8}$/);
const url = fc.array(segment, { maxLength: 6 }).map((parts) => parts.join('/'));

describe('resolveImage', () => {
  it('never resolves outside the static folder or the guide folder, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(url, fc.string()), (u) => {
        const file = resolveImage(u, guideFile, staticDir);
        if (file === undefined) return;
        const inside = (base: string): boolean => {
          const rel = path.relative(base, file);
          return !rel.startsWith('..') && !path.isAbsolute(rel);
        };
        expect(inside(staticDir) || inside(path.dirname(guideFile))).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('maps the examples the docs give', () => {
    expect(resolveImage('/images/a.png', guideFile, staticDir)).toBe(path.join(staticDir, 'images/a.png'));
    expect(resolveImage('./a%20b.png?v=2#x', guideFile, staticDir)).toBe(path.join(path.dirname(guideFile), 'a b.png'));
    expect(resolveImage('/../../etc/passwd', guideFile, staticDir)).toBeUndefined();
    expect(resolveImage('https://example.com/a.png', guideFile, staticDir)).toBeUndefined();
    expect(resolveImage('//cdn.example.com/a.png', guideFile, staticDir)).toBeUndefined();
    expect(resolveImage('data:image/png;base64,AAAA', guideFile, staticDir)).toBeUndefined();
  });
});

describe('frontmatterOverrides', () => {
  it('never throws and only returns non-empty strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const out = frontmatterOverrides(`---\n${a}\nlocale: ${b}\n---\n${a}`);
        for (const value of Object.values(out)) expect(typeof value === 'string' && value.length > 0).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('reads plain and quoted scalars, ignoring comments and the body', () => {
    expect(frontmatterOverrides('---\ntitle: x\nlocale: "en-US"\ntranslationKey: mfa # shared\n---\nlocale: de\n')).toEqual({
      locale: 'en-US',
      translationKey: 'mfa',
    });
    expect(frontmatterOverrides('no front matter\nlocale: de\n')).toEqual({});
    expect(frontmatterOverrides('---\ntitle: x\n---\n\nlocale: de\n')).toEqual({});
  });
});
