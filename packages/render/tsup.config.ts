import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

// Three entries: the renderers (`.`), image path resolution alone (`./assets`), and the format
// registry (`./formats`), which loads each renderer on first use. Code splitting keeps those
// renderers in chunks of their own, so importing the registry does not load them.
export default defineConfig({ ...base, splitting: true, entry: { index: 'src/index.ts', assets: 'src/assets.ts', formats: 'src/formats.ts' } });
