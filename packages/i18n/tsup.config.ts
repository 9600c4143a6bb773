import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

// Two entries: everything (`.`), and the translation status alone (`./status`), which a publisher
// loads for every build that shows translation notices: code splitting keeps the lint rules and
// their code tokenizer (shiki and its grammars, ~300 ms to load) out of its graph.
export default defineConfig({ ...base, splitting: true, entry: { index: 'src/index.ts', status: 'src/status.ts' } });
