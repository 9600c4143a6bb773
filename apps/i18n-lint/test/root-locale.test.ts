import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tree } from './tree.js';

const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(app, 'bin.mjs');

// A docs site laid out as Starlight publishes it: the English source at the root, the
// translations in locale folders beside it, no front matter locale and no configuration file.
const source = `---
title: Harbour lights
---

## Install

Run the installer, then open the [keeper guide](/guides/keeper/).

\`\`\`sh
npm create lighthouse@latest -- --template keeper
\`\`\`
`;
const french = `---
title: Feux du port
---

## Installation

Lancez l'installateur, puis ouvrez le [guide du gardien](/fr/guides/keeper/).

\`\`\`sh
npm create lighthouse@latest -- --template keeper
\`\`\`
`;
const german = french.replace('Feux du port', 'Hafenlichter').replace('/fr/', '/de/');

describe('guidekit-i18n lint <root> --source en on a root-locale tree', () => {
  beforeAll(() => {
    if (!existsSync(path.join(app, 'dist/index.js'))) execFileSync('npx', ['tsup'], { cwd: app, stdio: 'ignore' });
  }, 120_000);

  const lint = (root: string) =>
    spawnSync(process.execPath, [bin, 'lint', root, '--source', 'en', '--reporter', 'json', '--no-cache', '--no-history'], { encoding: 'utf8', cwd: root });

  it('reads the root pages as English and the folders as their locales: nothing to report, exit 0', () => {
    const root = tree({ 'guides/harbour.md': source, 'fr/guides/harbour.md': french, 'de/guides/harbour.md': german });
    const result = lint(root);
    expect(result.stderr, result.stdout).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('reports a changed command in the French page at its line, exit 1', () => {
    const root = tree({
      'guides/harbour.md': source,
      'fr/guides/harbour.md': french.replace('npm create lighthouse@latest --', 'npm run create lighthouse@latest'),
      'de/guides/harbour.md': german,
    });
    const result = lint(root);
    const found = JSON.parse(result.stdout) as { ruleId: string; file: string; line: number }[];
    expect(found.map((d) => [d.ruleId, d.file, d.line])).toEqual([['i18n/code-mismatch', 'fr/guides/harbour.md', 10]]);
    expect(result.status).toBe(1);
  });
});
