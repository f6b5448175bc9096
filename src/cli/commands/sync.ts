/**
 * `bangchim sync [--remote NAME] [--json]`: fetch from the office's remote, fast-forward only, push the
 * branch and the version tags. Refuses (exit 2, nothing changed) when histories diverged or a published
 * tag would be rewritten.
 */
import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { checkRemoteName, syncStore } from '../../store/sync.js';
import { t } from '../../domain/presentation/messages/index.js';

export const registerSync: RegisterCommand = (program, ctx) => {
  program
    .command('sync')
    .description(t('cli.sync.description'))
    .option('--remote <name>', t('cli.sync.opt.remote'), 'origin')
    .option('--json', t('cli.sync.opt.json'))
    .action(async (options) => {
      checkRemoteName(options.remote);
      const result = await syncStore((await ctx.session()).store, { remote: options.remote, onProgress: ctx.err.isTTY ? (m) => ctx.err.write(`${m}…\n`) : undefined });
      if (options.json) writeJson(ctx.out, result);
      else ctx.out.write(`${result.message}\n`);
    });
};
