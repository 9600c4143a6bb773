// The README's first command ends here: publish the shipped content/ in every available format.
// It only wires the built CLI; all the work lives in the packages.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'apps', 'docs', 'bin.mjs');
const chromium = [process.env.GUIDEKIT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .filter(Boolean)
  .find((p) => fs.existsSync(p));
const formats = ['html', 'single', 'json', 'md', 'jsonld', 'data', ...(chromium ? ['pdf'] : [])];

const run = (args) => spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;

const built = run(['build', 'content', '--out', 'dist', '--format', formats.join(',')]);
if (built === 0 || built === 1) {
  if (!chromium) console.log('No Chromium found: PDF skipped (apt-get install chromium, or set GUIDEKIT_CHROMIUM=/path).');
  console.log(`\nOpen the site: file://${path.join(root, 'dist', 'html', 'index.html')}`);
}
process.exit(built);
