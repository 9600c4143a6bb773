import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The app's version, read from its package.json (one level up from both `src/` and `dist/`). */
export const VERSION: string = (require('../package.json') as { version: string }).version;
