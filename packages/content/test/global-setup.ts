import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Rebuild `dist` once before the tests when a source file is newer: the tests that run the
 * package as users do (a plain node process) must run the code under test, and two test files
 * rebuilding it at once would write over each other.
 */
export default function setup(): void {
  const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dist = path.join(pkg, 'dist', 'index.js');
  const newest = Math.max(...readdirSync(path.join(pkg, 'src'), { recursive: true }).map((f) => statSync(path.join(pkg, 'src', String(f))).mtimeMs));
  if (!existsSync(dist) || statSync(dist).mtimeMs < newest) execFileSync('npx', ['tsup'], { cwd: pkg, stdio: 'ignore' });
}
