import { describe, expect, it } from 'vitest';
import { ruleDocsPath, ruleDocsUrl } from '../src/index.js';

describe('ruleDocsPath / ruleDocsUrl', () => {
  it('keeps the rule id as a folder path under docs/rules', () => {
    expect(ruleDocsPath('i18n/image-mismatch')).toBe('docs/rules/i18n/image-mismatch.md');
    expect(ruleDocsPath('frontmatter/unknown-key')).toBe('docs/rules/frontmatter/unknown-key.md');
    expect(ruleDocsPath('parse/yaml-invalid')).toBe('docs/rules/parse/yaml-invalid.md');
  });

  it('encodes an odd id instead of throwing', () => {
    expect(ruleDocsPath('x/odd:id,here')).toBe('docs/rules/x/odd%3Aid%2Chere.md');
    expect(ruleDocsPath('a b')).toBe('docs/rules/a%20b.md');
  });

  it('resolves the page under a base, with or without a trailing slash', () => {
    expect(ruleDocsUrl('parse/bom', 'https://example.org/repo/blob/main/')).toBe(
      'https://example.org/repo/blob/main/docs/rules/parse/bom.md',
    );
    expect(ruleDocsUrl('parse/bom', 'https://example.org/repo/blob/main')).toBe(
      'https://example.org/repo/blob/main/docs/rules/parse/bom.md',
    );
  });
});
