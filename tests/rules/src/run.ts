import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { check } from '@guidekit/content';
import { stamp } from '@guidekit/i18n';
import type { Diagnostic } from '@guidekit/model';
import { publish } from '@guidekit/publish';
import { runStatus } from 'guidekit-i18n';
import { formats, type Format } from '@guidekit/render/formats';

/** tests/rules */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** One folder per rule: `fixtures/<namespace>/<name>/{run.json,ok/,not-ok/}`. */
export const fixturesRoot = path.join(packageRoot, 'fixtures');

/**
 * How an example is run, from the rule's `run.json` (the same for its ok and not-ok trees, so
 * the two differ only by their files).
 */
export interface RunSpec {
  /**
   * The run function: `check()` of @guidekit/content, `publish()`, `stamp()` of @guidekit/i18n, or
   * `runStatus()` of guidekit-i18n (the `status` command, whose diagnostics the sarif and github reporters print).
   */
  run: 'check' | 'publish' | 'stamp' | 'status';
  /** `status`: `false` reads no git history (`--no-history`). */
  history?: boolean;
  /** `publish`: the formats to build. */
  formats?: string[];
  /** `publish`: a module of the tree whose `formats` export is added to the built-in registry. */
  registry?: string;
  /** `stamp`: the files given, relative to the tree. */
  files?: string[];
  /** Files the test makes before the run (too big to keep in git): path → size in bytes, all zeros. */
  sized?: Record<string, number>;
  /** What the not-ok example reports, written by hand: the test compares it with the run's diagnostics. */
  reports?: Report[];
  /** What differs for the ok example (merged over the rest). */
  ok?: Partial<RunOptions>;
  /** What differs for the not-ok example. */
  'not-ok'?: Partial<RunOptions>;
}

/** A {@link RunSpec} without its per-example parts. */
export type RunOptions = Omit<RunSpec, Example>;

/** The options one example runs with. */
export function optionsOf(spec: RunSpec, which: Example): RunOptions {
  const { ok, 'not-ok': notOk, ...common } = spec;
  return { ...common, ...(which === 'ok' ? ok : notOk) };
}

/** A diagnostic as an example's page shows it (`file` relative to the tree, `.` for the tree itself). */
export interface Report {
  file: string;
  line: number;
  column: number;
  severity: Diagnostic['severity'];
  message: string;
}

/** The two example trees of a rule. */
export type Example = 'ok' | 'not-ok';

/** One rule with its example trees. */
export interface RuleExamples {
  ruleId: string;
  dir: string;
  spec: RunSpec;
}

/** Every rule folder under `fixtures/`, sorted by rule id. */
export function ruleExamples(): RuleExamples[] {
  const out: RuleExamples[] = [];
  for (const ns of readdirSync(fixturesRoot).sort()) {
    for (const name of readdirSync(path.join(fixturesRoot, ns)).sort()) {
      const dir = path.join(fixturesRoot, ns, name);
      out.push({ ruleId: `${ns}/${name}`, dir, spec: JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as RunSpec });
    }
  }
  return out;
}

/** A fresh copy of a tree inside this package (so its modules resolve @guidekit/*), with its `sized` files made. */
function copyTree(tree: string, spec: RunOptions): string {
  const base = path.join(packageRoot, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, 'example-'));
  cpSync(tree, dir, { recursive: true, verbatimSymlinks: true });
  for (const [file, size] of Object.entries(spec.sized ?? {})) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, '');
    truncateSync(target, size);
  }
  return dir;
}

async function runPublish(dir: string, spec: RunOptions): Promise<Diagnostic[]> {
  let registry: readonly Format<any>[] = formats;
  if (spec.registry) {
    const extra = (await import(pathToFileURL(path.join(dir, spec.registry)).href)) as { formats: Format<any>[] };
    registry = [...formats, ...extra.formats];
  }
  const out = path.join(path.dirname(dir), `${path.basename(dir)}-out`);
  try {
    const { diagnostics } = await publish(dir, { out, cwd: dir, cache: false, formats: spec.formats, registry, wait: false });
    return diagnostics;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Run one example tree the way its rule's `run.json` says, through the function a user's
 * command calls, in a temporary copy (nothing is written into the fixtures).
 *
 * @param rule The rule, its folder and how to run its examples.
 * @param which The example to run.
 * @returns The diagnostics the run reported, with paths relative to the tree.
 */
export async function runExample(rule: RuleExamples, which: Example): Promise<(Report & { ruleId: string })[]> {
  const spec = optionsOf(rule.spec, which);
  const dir = copyTree(path.join(rule.dir, which), spec);
  try {
    return (await runIn(dir, spec)).map((d) => ({
      ruleId: d.ruleId,
      file: path.relative(dir, path.resolve(dir, d.file)).split(path.sep).join('/') || '.',
      line: d.line,
      column: d.column,
      severity: d.severity,
      message: d.message,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The run function a user's command calls, on the tree copied to `dir`. */
async function runIn(dir: string, spec: RunOptions): Promise<Diagnostic[]> {
  switch (spec.run) {
    case 'check':
      return (await check(dir, { cwd: dir, cache: false })).diagnostics;
    case 'publish':
      return await runPublish(dir, spec);
    case 'stamp':
      return (await stamp(dir, { cwd: dir, files: spec.files ?? [] })).diagnostics;
    case 'status':
      return (await runStatus({ cwd: dir, root: dir, reporter: 'json', cache: false, history: spec.history })).diagnostics;
  }
}

/** Whether a rule has this example. */
export function hasExample(rule: RuleExamples, which: Example): boolean {
  return existsSync(path.join(rule.dir, which));
}
