import type { Command } from 'commander';

/** Register the `build` command (placeholder until implemented). */
export function registerBuild(program: Command, state: { code: number }): void {
  program
    .command('build')
    .description('build guides (not implemented yet)')
    .argument('[root]', 'content root', 'content')
    .action(() => {
      process.stderr.write('guidekit-docs build: not implemented yet\n');
      state.code = 2;
    });
}
