import { resolve } from 'node:path';
import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { initStore } from '../../store/init.js';

export const registerInit: RegisterCommand = (program, ctx) => {
  program
    .command('init')
    .description('create a store (a git repository with policies/ and history/), filled from the bundled sample; running it again adds only what is missing')
    .argument('[dir]', 'the store directory (default: --store, else the current directory)')
    .option('--empty', 'create the store without the bundled sample cities')
    .option('--json', 'print the result as JSON')
    .action(async (dir, options) => {
      const target = resolve(ctx.cwd, dir ?? program.opts().store ?? '.');
      const result = await initStore(target, {
        empty: options.empty === true,
        onProgress: (message) => ctx.err.write(`${message}\n`),
        onNotice: (message) => ctx.err.write(`${message}\n`),
      });
      if (options.json) {
        writeJson(ctx.out, { store: result.dir, created: result.created, added: result.added, head: result.head });
        return;
      }
      const what = result.added.length > 0 ? `added ${result.added.length} cit${result.added.length === 1 ? 'y' : 'ies'} (${result.added.join(', ')})` : 'nothing to add';
      ctx.out.write(`${result.created ? 'created a bangchim store' : 'the bangchim store is ready'} at ${result.dir}: ${what}\n`);
    });
};
