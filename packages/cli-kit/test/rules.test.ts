import { afterEach, describe, expect, it, vi } from 'vitest';
import { addRulesCommand, createCli, formatRuleListing, runCli, type RuleListing } from '../src/index.js';
import { captureIO } from './io.js';

const LIST: RuleListing[] = [
  { id: 'a/one', severity: 'error', description: 'One thing holds.', url: 'https://example.test/a/one' },
  { id: 'b/second-rule', severity: 'info', description: 'Another holds.', url: undefined },
];

describe('formatRuleListing', () => {
  it('prints one rule a line, ids padded to the longest, the URL below', () => {
    expect(formatRuleListing(LIST, false)).toBe(
      [
        'a/one          error    One thing holds.',
        '               https://example.test/a/one',
        'b/second-rule  info     Another holds.',
        '               ',
        '',
      ].join('\n'),
    );
  });

  it('prints the data as JSON', () => {
    expect(JSON.parse(formatRuleListing(LIST, true))).toEqual([
      { id: 'a/one', severity: 'error', description: 'One thing holds.', url: 'https://example.test/a/one' },
      { id: 'b/second-rule', severity: 'info', description: 'Another holds.' },
    ]);
  });
});

describe('addRulesCommand', () => {
  afterEach(() => vi.restoreAllMocks());

  it('adds `rules` with --json and the colour options, printing the list and exiting 0', async () => {
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((text) => printed.push(String(text)) > 0);
    const cli = createCli({ name: 'demo', version: '1.0.0', description: 'A demo.' });
    addRulesCommand(cli, { description: 'list the rules', list: () => LIST });
    expect(await runCli(cli, ['rules', '--json', '--no-color'], captureIO())).toBe(0);
    expect(JSON.parse(printed.join('')).map((rule: RuleListing) => rule.id)).toEqual(['a/one', 'b/second-rule']);
    const help = captureIO();
    expect(await runCli(cli, ['rules', '--help'], help)).toBe(0);
    expect(help.out()).toContain('list the rules');
    expect(help.out()).toContain('--json');
  });
});
