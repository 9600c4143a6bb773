import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { publish } from '../src/index.js';
import { tempTree } from './helpers.js';

it('takes the html format options: components from configuration, chrome words, wrapped code, author type', { timeout: 120_000 }, async () => {
  const root = tempTree({
    'guidekit.config.json': JSON.stringify({ sourceLocale: 'fr' }),
    'fr/g.mdx': '---\ntitle: "Guide"\nauthor: "Équipe IT"\n---\n\n##### Étape 1 : Faire\n<Warn>Attention.</Warn>\n\n```powershell\nGet-Date\n```\n',
  });
  const out = `${root}-out`;
  onTestFinished(() => rmSync(out, { recursive: true, force: true }));
  const run = await publish(root, {
    out,
    formats: ['html'],
    formatOptions: {
      html: {
        components: { Warn: { as: 'Notice', attributes: { type: 'warning' } } },
        strings: { fr: { copy: 'Copier le code' } },
        codeWrap: true,
        authors: { 'Équipe IT': 'Organization' },
      },
    },
  });
  expect(run.diagnostics.filter((d) => d.ruleId === 'render/unknown-component')).toEqual([]);
  const html = readFileSync(path.join(out, 'html/fr/g/index.html'), 'utf8');
  expect(html).toContain('<aside class="notice notice-warning" role="note"><p>Attention.</p></aside>');
  expect(html).toContain('<body data-copy="Copier le code" data-copied="Copié" class="code-wrap">');
  expect(html).toContain('"author":{"@type":"Organization","name":"Équipe IT"}');
});
