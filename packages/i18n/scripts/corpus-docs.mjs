// Lint ../shared/corpus-docs/starlight as a new user would (`guidekit-i18n lint <root> --source en`,
// no configuration file) and print the findings per rule and locale; `--list` prints every
// error with its line, `--list=RULE` those of one rule, `--locale=fr,de` some locales.
// Usage: node packages/i18n/scripts/corpus-docs.mjs [--list[=rule]] [--locale=fr]
// Needs the packages built (`npx turbo run build --filter=@guidekit/i18n...`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const root = path.resolve(repo, '../shared/corpus-docs/starlight');
if (!existsSync(root)) {
  console.error(`corpus-docs: no corpus at ${root}; nothing to read.`);
  process.exit(process.env.CI ? 1 : 0);
}
const { lint } = await import(pathToFileURL(path.join(repo, 'packages/i18n/dist/index.js')).href);
const arg = (name) => process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split('=')[1] ?? (process.argv.includes(`--${name}`) ? '' : undefined);
const { diagnostics, result } = await lint(root, { sourceLocale: 'en', cache: false, history: false });
const localeOf = (file) => path.relative(root, file).split(path.sep)[0];
const counts = new Map();
for (const d of diagnostics) {
  if (d.severity !== 'error') continue;
  const key = `${d.ruleId}\t${localeOf(d.file)}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
console.log(`${result.pairs} pairs, ${diagnostics.filter((d) => d.severity === 'error').length} errors, ${diagnostics.filter((d) => d.severity !== 'error').length} warnings`);
const locales = ['fr', 'de', 'es', 'ja'];
const rules = [...new Set([...counts.keys()].map((k) => k.split('\t')[0]))].sort();
console.log(['rule', ...locales, 'all'].join('\t'));
for (const rule of rules) {
  const row = locales.map((l) => counts.get(`${rule}\t${l}`) ?? 0);
  console.log([rule, ...row, row.reduce((a, b) => a + b, 0)].join('\t'));
}
const list = arg('list');
const only = arg('locale');
if (list !== undefined) {
  const lines = new Map();
  const lineOf = (file, n) => {
    if (!lines.has(file)) lines.set(file, readFileSync(file, 'utf8').split('\n'));
    return (lines.get(file)[n - 1] ?? '').trim().slice(0, 140);
  };
  for (const d of diagnostics) {
    if (d.severity !== 'error' || (list && d.ruleId !== list) || (only && !only.split(',').includes(localeOf(d.file)))) continue;
    console.log(`\n${path.relative(root, d.file)}:${d.line}:${d.column} ${d.ruleId} ${d.message.slice(0, 300)}`);
    console.log(`  > ${lineOf(d.file, d.line)}`);
  }
}
