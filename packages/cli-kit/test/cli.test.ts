import { describe, expect, it } from 'vitest';
import { action, addColorOptions, addCommand, createCli, EXIT, listOption, runCli, UsageError, wholeNumberOption } from '../src/index.js';
import { captureIO } from './io.js';

/** A small CLI shaped like the apps: a command that exits with what it is told. */
function demo() {
  const cli = createCli({ name: 'demo', version: '1.2.3', description: 'A demo.' });
  const seen: Record<string, unknown>[] = [];
  addColorOptions(
    addCommand(cli, 'go', 'exit with a code')
      .argument('[root]', 'content root')
      .option('--code <n>', 'exit code', wholeNumberOption(0, 'a whole number from 0 to 1', 1))
      .option('-t, --target <locale>', 'target locales', listOption, [])
      .option('--bad', 'throw a usage error'),
  ).action(
    action(cli, (_root: string | undefined, flags: { code?: number; bad?: boolean }) => {
      seen.push(flags);
      if (flags.bad) throw new UsageError('Unexpected `--bad`, expected a good flag');
      return flags.code ?? EXIT.ok;
    }),
  );
  return { cli, seen };
}

describe('runCli', () => {
  it('resolves to the code the action returned', async () => {
    for (const code of [0, 1]) {
      const io = captureIO();
      expect(await runCli(demo().cli, ['go', '--code', String(code)], io)).toBe(code);
      expect(io.err()).toBe('');
    }
  });

  it('prints commander usage errors as one line and where the help is, exit 2', async () => {
    const io = captureIO();
    expect(await runCli(demo().cli, ['go', '--nope'], io)).toBe(EXIT.usage);
    expect(io.err()).toBe("demo go: unknown option '--nope' (Did you mean --code?)\nSee `demo go --help`.\n");
    const bad = captureIO();
    expect(await runCli(demo().cli, ['go', '--code', 'two'], bad)).toBe(EXIT.usage);
    expect(bad.err()).toBe("demo go: option '--code <n>' argument 'two' is invalid. expected a whole number from 0 to 1\nSee `demo go --help`.\n");
  });

  it('prints a UsageError thrown by an action in the same style', async () => {
    const io = captureIO();
    expect(await runCli(demo().cli, ['go', '--bad'], io)).toBe(EXIT.usage);
    expect(io.err()).toBe('demo go: Unexpected `--bad`, expected a good flag\nSee `demo go --help`.\n');
  });

  it('exits 2 on an unknown command and on no command at all', async () => {
    const io = captureIO();
    expect(await runCli(demo().cli, ['nope'], io)).toBe(EXIT.usage);
    expect(io.err()).toBe("demo: unknown command 'nope'\nSee `demo --help`.\n");
    const none = captureIO();
    expect(await runCli(demo().cli, [], none)).toBe(EXIT.usage);
    expect(none.err()).toContain('Usage: demo [options] [command]');
  });

  it('prints help and version with exit 0, help ending with the exit codes', async () => {
    const io = captureIO();
    expect(await runCli(demo().cli, ['go', '--help'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: demo go \[options\] \[root\]/);
    expect(io.out()).toContain('--no-color');
    expect(io.out()).toContain('Exit codes: 0 no errors, 1 errors found');
    const version = captureIO();
    expect(await runCli(demo().cli, ['-v'], version)).toBe(0);
    expect(version.out()).toBe('1.2.3\n');
  });

  it('leaves color undefined unless --color or --no-color is given, and collects lists', async () => {
    const { cli, seen } = demo();
    await runCli(cli, ['go'], captureIO());
    await runCli(demo().cli, ['go'], captureIO());
    const again = demo();
    await runCli(again.cli, ['go', '--no-color', '-t', 'en,de', '-t', 'it'], captureIO());
    expect(seen[0]?.['color']).toBeUndefined();
    expect(again.seen[0]).toMatchObject({ color: false, target: ['en', 'de', 'it'] });
    const on = demo();
    await runCli(on.cli, ['go', '--color'], captureIO());
    expect(on.seen[0]?.['color']).toBe(true);
  });

  it('rethrows programmer errors', async () => {
    const cli = createCli({ name: 'demo', version: '1', description: 'd' });
    addCommand(cli, 'boom', 'throws').action(
      action(cli, () => {
        throw new TypeError('bug');
      }),
    );
    await expect(runCli(cli, ['boom'], captureIO())).rejects.toThrow('bug');
  });
});
