import { readFileSync } from 'node:fs';
import path from 'node:path';
import { availableFormats } from '@guidekit/publish';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers.js';

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/github-workflow.schema.json'), 'utf8'));
const workflowText = readFileSync(path.join(repoRoot, 'examples/github-workflow.yml'), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string>; 'runs-on'?: string }>;
  [key: string]: unknown;
}

// strictRequired is off: `oneOf: [{ required: [uses] }, { required: [run] }]` is the plain way to say
// "exactly one of", and names properties declared one level up.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
const validate = ajv.compile(schema);
const load = (): Workflow => parse(workflowText) as Workflow;
const steps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((j) => j.steps);
const runs = (w: Workflow): string[] => steps(w).flatMap((s) => (s.run ? [s.run] : []));

describe('examples/github-workflow.yml', () => {
  it('is valid against the GitHub workflow JSON schema (draft-07)', () => {
    const ok = validate(load());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema rejects what GitHub rejects, so the check above can fail', () => {
    const both = load();
    const step = steps(both).find((s) => s.uses)!;
    step.run = 'echo both';
    expect(validate(both)).toBe(false);

    const noRunner = load();
    delete noRunner.jobs.build!['runs-on'];
    expect(validate(noRunner)).toBe(false);

    const unknownKey = load();
    unknownKey.job = {};
    expect(validate(unknownKey)).toBe(false);

    const badPermission = load();
    badPermission.jobs.check!.permissions = { 'security-events': 'admin' };
    expect(validate(badPermission)).toBe(false);
  });

  it('annotates with the github reporter and uploads the translation lint as SARIF', () => {
    const w = load();
    expect(runs(w).some((r) => /guidekit-docs check\b.*--reporter github/.test(r))).toBe(true);
    expect(runs(w).some((r) => /guidekit-i18n lint\b.*--reporter github/.test(r))).toBe(true);
    const sarifRun = runs(w).find((r) => /guidekit-i18n lint\b.*--reporter sarif/.test(r))!;
    const output = /--output (\S+)/.exec(sarifRun)?.[1];
    const upload = steps(w).find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.sarif_file).toBe(output);
    expect(w.jobs.check!.permissions?.['security-events']).toBe('write');
  });

  it('builds every format in 3 shards with the guidekit cache restored, merges them and publishes dist/html', () => {
    const w = load();
    const build = w.jobs.build!.steps;
    const buildRun = build.find((s) => s.run?.includes('guidekit-docs build'))!.run!;
    const formats = /--format (\S+)/.exec(buildRun)![1]!.split(',').sort();
    expect(formats).toEqual([...availableFormats()].sort());
    expect(buildRun).toMatch(/--shard \$\{\{ matrix\.shard \}\}\/3 --out shard\b/);
    const cache = build.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toContain('node_modules/.cache/guidekit');
    expect(cache?.with?.path).toContain('shard');
    expect(build.indexOf(cache!)).toBeLessThan(build.findIndex((s) => s.run === buildRun));
    expect(build.some((s) => s.run && /apt-get install .*\bchromium\b/.test(s.run))).toBe(true);
    const handOver = build.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'shard');
    // The shard's manifest is in a hidden folder (shard/.guidekit).
    expect(handOver?.with?.['include-hidden-files']).toBe(true);
    const merge = w.jobs.merge!.steps;
    const mergeRun = merge.find((s) => s.run?.includes('guidekit-docs merge'))!.run!;
    expect(mergeRun).toMatch(/merge shards\/shard-1 shards\/shard-2 shards\/shard-3 .*--out dist/);
    const artifact = merge.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'dist/html');
    expect(artifact).toBeDefined();
  });
});
