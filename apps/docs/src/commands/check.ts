import type { Command } from 'commander';

/** Register the `check` command (placeholder until implemented). */
export function registerCheck(program: Command, state: { code: number }): void {
  program
    .command('check')
    .description('check guides (not implemented yet)')
    .argument('[root]', 'content root', 'content')
    .action(() => {
      process.stderr.write('guidekit-docs check: not implemented yet\n');
      state.code = 2;
    });
}
