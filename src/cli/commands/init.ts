import { resolve } from 'node:path';
import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { initStore } from '../../store/init.js';
import { t } from '../../domain/presentation/messages/index.js';

export const registerInit: RegisterCommand = (program, ctx) => {
  program
    .command('init')
    .description(t('cli.init.description'))
    .argument('[dir]', t('cli.init.arg.dir'))
    .option('--empty', t('cli.init.opt.empty'))
    .option('--json', t('cli.opt.json'))
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
      const what = result.added.length > 0 ? t('cli.init.added', { count: result.added.length, list: result.added.join(', ') }) : t('cli.init.nothing');
      ctx.out.write(t(result.created ? 'cli.init.created' : 'cli.init.ready', { dir: result.dir, what }) + '\n');
    });
};
