import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentRootError } from '../src/index.js';
import { setUpLoad } from '../src/lib/setup.js';
import { makeTree } from './helpers.js';

describe('setup stage (setUpLoad)', () => {
  it('resolves the root against cwd, loads the configuration, finds the static and output folders', async () => {
    const site = makeTree({
      'guidekit.config.json': '{ "sourceLocale": "en", "out": "site", "localeAliases": { "anglais": "en" } }',
      'content/public/x.png': 'png',
    });
    const setup = await setUpLoad('content', { cwd: site });
    expect(setup.root).toBe(path.join(site, 'content'));
    expect(setup.config.sourceLocale).toBe('en');
    expect(setup.staticDir).toBe(path.join(site, 'content/public'));
    expect(setup.exclude).toEqual([path.join(site, 'content/public'), path.join(site, 'site')]);
    expect(setup.aliases['anglais']).toBe('en');
    expect(setup.diagnostics).toEqual([]);
  });

  it('reports a configured static folder that does not exist, at the configuration file', async () => {
    const root = makeTree({ 'guidekit.config.json': '{ "staticDir": "nowhere" }' });
    const setup = await setUpLoad(root, { cwd: root });
    expect(setup.staticDir).toBeNull();
    expect(setup.diagnostics.map((d) => [d.ruleId, d.file])).toEqual([['config/invalid', 'guidekit.config.json']]);
  });

  it('throws a ContentRootError for a root that is not a folder', async () => {
    const root = makeTree({ 'file.md': 'x' });
    await expect(setUpLoad(path.join(root, 'file.md'))).rejects.toBeInstanceOf(ContentRootError);
    await expect(setUpLoad(path.join(root, 'none'))).rejects.toThrow(/is not a folder/);
  });
});
