// Reporter costs for a large run: N synthetic diagnostics over N/4 files, each reporter timed
// against the floor of serialising the same diagnostics with JSON.stringify (same run).
// Usage: pnpm --filter @guidekit/report build && node bench/report.mjs [N]
import { performance } from 'node:perf_hooks';
import { applyInlineDirectives } from '../packages/content/dist/index.js';
import { reporterNames, reporters } from '../packages/report/dist/index.js';

const n = Number(process.argv[2] ?? 2000);
const severities = ['error', 'warning', 'info'];
const files = Math.max(1, Math.floor(n / 4));
const source = (i) =>
  Array.from({ length: 60 }, (_, l) => (l === 10 && i % 2 === 0 ? '<!-- guidekit-disable-next-line r3 -->' : `Line ${l} of guide ${i}, with *<u>Some label</u>*.`)).join('\n');
const sources = new Map(Array.from({ length: files }, (_, i) => [`content/en/guide-${i}.md`, source(i)]));
const diagnostics = Array.from({ length: n }, (_, i) => ({
  file: `content/en/guide-${i % files}.md`,
  line: 1 + (i % 59),
  column: 1 + (i % 7),
  endLine: 1 + (i % 59),
  endColumn: 20,
  severity: severities[i % 3],
  ruleId: `i18n/r${i % 5}`,
  message: `Unexpected value \`${i}\` in step ${i % 9}, expected \`${i + 1}\` as in the source`,
  ...(i % 4 === 0 && { related: { file: `content/fr/guide-${i % files}.md`, line: 3, column: 1 } }),
}));
const context = { cwd: process.cwd(), sources: (f) => sources.get(f) };

function time(fn, rounds = 5) {
  fn(); // warm up
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(rounds / 2)];
}

const baseline = time(() => JSON.stringify(diagnostics));
console.log(`${n} diagnostics in ${files} files; baseline JSON.stringify: ${baseline.toFixed(1)} ms (1.0x)`);
for (const name of reporterNames) {
  const ms = time(() => reporters[name](diagnostics, context));
  console.log(`${name.padEnd(8)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / baseline).toFixed(1)}x baseline`);
}
const ms = time(() => applyInlineDirectives(diagnostics, (f) => sources.get(f)));
console.log(`${'directives'.padEnd(8)} ${ms.toFixed(1).padStart(5)} ms  ${(ms / baseline).toFixed(1)}x baseline (kept ${applyInlineDirectives(diagnostics, (f) => sources.get(f)).length}/${n})`);
