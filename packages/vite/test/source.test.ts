import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOneGuide } from '../src/index.js';
import { tempDir } from './helpers.js';

describe('parseOneGuide', () => {
  it('reports a guide it cannot read as vite/unreadable on that file, with an empty guide', () => {
    const root = tempDir();
    // A folder named like a guide: Vite never resolves one, but a file moved away between the
    // resolve and the read fails the same way, and a folder fails on every machine, root or not.
    mkdirSync(path.join(root, 'guides/vider-cache-dns.md'), { recursive: true });
    const { guide, diagnostics } = parseOneGuide(path.join(root, 'guides/vider-cache-dns.md'), root);
    expect(diagnostics.map((d) => [d.ruleId, d.file, d.severity])).toEqual([['vite/unreadable', 'guides/vider-cache-dns.md', 'error']]);
    expect(diagnostics[0]?.message).toMatch(/^Unexpected unreadable file \(EISDIR: .*\), expected a guide$/);
    expect(guide.path).toBe('guides/vider-cache-dns.md');
    expect(guide.steps).toEqual([]);
  });
});
