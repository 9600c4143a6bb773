import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitHistory } from '../src/index.js';
import { git, tree, write } from './helpers/tree.js';

/** What git itself answers, one process per question: the oracle the batched history must match. */
function gitSays(root: string, commit: string, rel: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${commit}:${rel}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

describe('gitHistory', () => {
  it('answers as `git log -1` and `git show` do, for files changed before, after and outside a commit', () => {
    const root = tree({ 'content/fr/a.md': 'source 1\n', 'content/en/a.md': 'translation 1\n', 'content/fr/b é.md': 'b 1\n', 'other/x.md': 'x 1\n' });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'one');
    write(root, { 'content/fr/a.md': 'source 2\n' });
    git(root, 'commit', '-q', '-am', 'two: the source changes');
    write(root, { 'content/en/a.md': 'translation 2\n', 'other/x.md': 'x 2\n' });
    git(root, 'commit', '-q', '-am', 'three: the translation and a file outside the content');
    // Changed since the last commit: one in the index, one in the work tree only; one new file.
    write(root, { 'content/fr/b é.md': 'b 2 staged\n' });
    git(root, 'add', 'content/fr/b é.md');
    write(root, { 'content/en/a.md': 'translation 3, not committed\n', 'content/fr/new.md': 'new\n' });
    const commits = git(root, 'log', '--format=%H').trim().split('\n');
    const history = gitHistory(path.join(root, 'content'));
    expect(history).toBeDefined();
    for (const rel of ['content/fr/a.md', 'content/en/a.md', 'content/fr/b é.md', 'content/fr/new.md', 'other/x.md']) {
      const file = path.join(root, rel);
      const last = git(root, 'log', '-1', '--format=%H', '--', rel).trim();
      expect(history?.lastCommit(file), rel).toBe(last === '' ? undefined : last);
      for (const commit of commits) expect(history?.show(commit, file), `${rel} at ${commit}`).toBe(gitSays(root, commit, rel));
    }
  });

  it('is undefined outside a git work tree', () => {
    expect(gitHistory(tree({ 'a.md': 'a\n' }))).toBeUndefined();
  });
});
