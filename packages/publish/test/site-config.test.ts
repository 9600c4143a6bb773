import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, onTestFinished } from 'vitest';
import { publish } from '../src/index.js';
import { writeTree } from './helpers.js';

// The shipped example site (content/: its English schedule-backup is a stale translation, its
// rotate-bitlocker-key has no English version) with a guidekit.config.json that sets every
// reader-site key, and two MDX guides of our own, published by the real publisher.
const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content');

const CONFIG = {
  sourceLocale: 'fr',
  site: {
    title: 'Guides configurés',
    authorType: 'Organization',
    authors: { 'Jeanne Martin': 'Person' },
    codeWrap: true,
    strings: {
      en: {
        staleGuideOne: 'Outdated here: the French source changed in step {steps}.',
        staleStep: 'Check this step against the French one.',
        notTranslated: 'no English version yet',
      },
      fr: { copy: 'Copier le code' },
    },
  },
  components: { Callout: 'aside', Video: 'youtube', Badge: 'children', Warn: { as: 'aside', attributes: { type: 'warning' } } },
};

const COMPONENTS = `---
title: "Composants configurés"
author: "Jeanne Martin"
categories: ["Tests"]
---

##### Étape 1 : Lire les avertissements

<Warn>Débranchez le disque avant.</Warn>

<Callout type="tip">Gardez une copie.</Callout>

Un badge <Badge>nouveau</Badge> et un composant <Inconnu>gardé</Inconnu>.

##### Étape 2 : Regarder la vidéo

<Video id="dQw4w9WgXcQ" title="Démonstration" />

\`\`\`powershell
Get-ChildItem -Path C:\\Users\\Public\\Documents -Recurse | Where-Object { $_.Length -gt 1MB } | Sort-Object Length -Descending
\`\`\`
`;

const OTHER = `---
title: "Autre guide"
categories: ["Tests"]
---

##### Étape 1 : Encore

<Inconnu>Toujours inconnu.</Inconnu> <Inconnu>deux fois</Inconnu> et <Autre>un autre</Autre>.
`;

it('builds the site with the reader-site keys of guidekit.config.json: components, words, author types, wrapped code', { timeout: 240_000 }, async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'guidekit-site-config-'));
  onTestFinished(() => rmSync(tmp, { recursive: true, force: true }));
  const root = path.join(tmp, 'content');
  const out = path.join(tmp, 'dist');
  cpSync(contentDir, root, { recursive: true, filter: (src) => !src.includes(`${path.sep}.guidekit`) });
  writeTree(root, { 'guidekit.config.json': JSON.stringify(CONFIG), 'fr/composants.mdx': COMPONENTS, 'fr/autre.mdx': OTHER });

  const run = await publish(root, { out, formats: ['html', 'single', 'jsonld'] });
  const read = (rel: string): string => readFileSync(path.join(out, rel), 'utf8');

  // One warning per unknown component name for the whole build (two guides, two page formats).
  const unknown = run.diagnostics.filter((d) => d.ruleId === 'render/unknown-component');
  expect(unknown.map((d) => [path.basename(d.file), (d.data as { name: string }).name]).sort()).toEqual([
    ['autre.mdx', 'Autre'],
    ['autre.mdx', 'Inconnu'],
  ]);

  // Components mapped in configuration, on the site page and the single-file page alike.
  for (const page of [read('html/fr/composants/index.html'), read('single/fr/composants.html')]) {
    expect(page).toContain('<aside class="notice notice-warning" role="note"><p>Débranchez le disque avant.</p></aside>');
    expect(page).toContain('<aside class="notice notice-tip" role="note"><p>Gardez une copie.</p></aside>');
    expect(page).toMatch(
      /<figure class="video">.*<a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ">Démonstration — voir sur YouTube<\/a><\/figcaption><\/figure>/,
    );
    expect(page).toContain('Un badge nouveau et un composant gardé.');
    expect(page).toMatch(/<body[^>]* class="code-wrap"/);
    // The named author is a person; the other guides' team author is the configured Organization.
    expect(page).toContain('"author":{"@type":"Person","name":"Jeanne Martin"}');
  }
  expect(read('html/fr/composants/index.html')).toContain('data-copy="Copier le code"');
  expect(read('html/fr/composants/index.html')).toContain('<img src="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg" alt="Démonstration"');
  expect(read('html/fr/schedule-backup/index.html')).toContain('"author":{"@type":"Organization","name":"Équipe guidekit"}');
  expect(JSON.parse(read('jsonld/fr/schedule-backup.json')).author).toEqual({ '@type': 'Organization', name: 'Équipe guidekit' });
  expect(JSON.parse(read('jsonld/fr/composants.json')).author).toEqual({ '@type': 'Person', name: 'Jeanne Martin' });

  // Notice words per locale from configuration: the stale English guide, and the switcher.
  const stale = read('html/en/schedule-backup/index.html');
  expect(stale).toContain('Outdated here: the French source changed in step 3.');
  expect(stale.match(/Check this step against the French one\./g)).toHaveLength(1);
  expect(read('html/fr/rotate-bitlocker-key/index.html')).toContain('(no English version yet)');

  // The configuration is part of every page's key: changing a word renders the pages again.
  writeFileSync(
    path.join(root, 'guidekit.config.json'),
    JSON.stringify({ ...CONFIG, site: { ...CONFIG.site, strings: { en: { staleStep: 'Step changed.' } } } }),
  );
  const again = await publish(root, { out, formats: ['html'] });
  expect(again.result.written).toContain('html/en/schedule-backup/index.html');
  expect(read('html/en/schedule-backup/index.html')).toContain('Step changed.');
});
