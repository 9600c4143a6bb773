// The tree both builds read: the real corpus (../shared/corpus/blog/{french,english}) repeated
// with new slugs (`<stem>-r<N>.<ext>`, the same stem in both folders so translations pair), as
// bench/build.mjs makes it. Written at run time into a temporary folder; no corpus text is kept.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Write the corpus into `root` as many times as it takes to reach `wanted` guides.
 *
 * @param {string} corpus The corpus's `blog` folder (holding `french/` and `english/`).
 * @param {string} root The folder to write the tree into (created).
 * @param {number} wanted The least number of guides; whole copies of the corpus are written.
 * @returns {{ guides: number, copies: number, sources: number }} Guides written, copies, corpus files.
 */
export function makeTree(corpus, root, wanted) {
  const sources = [];
  for (const lang of ['french', 'english']) {
    for (const name of fs.readdirSync(path.join(corpus, lang)).sort()) {
      if (/\.mdx?$/.test(name)) sources.push({ lang, name, text: fs.readFileSync(path.join(corpus, lang, name), 'utf8') });
    }
  }
  const copies = Math.max(1, Math.ceil(wanted / sources.length));
  for (const lang of ['french', 'english']) fs.mkdirSync(path.join(root, lang), { recursive: true });
  for (let r = 0; r < copies; r++) {
    for (const s of sources) fs.writeFileSync(path.join(root, s.lang, s.name.replace(/(\.mdx?)$/, `-r${r}$1`)), s.text);
  }
  return { guides: copies * sources.length, copies, sources: sources.length };
}
