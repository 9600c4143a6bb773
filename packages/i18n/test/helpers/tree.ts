import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** Make a temporary file tree from an inline object; removed when the test finishes. */
export function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'guidekit-i18n-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  write(root, files);
  return root;
}

/** Write files under `root`, creating folders. */
export function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** Run git in `root` with a fixed identity (the machine's global config is not assumed). */
export function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=guidekit test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}
