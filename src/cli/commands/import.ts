import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { describeRange } from '../../domain/ledger.js';
import { importFile } from '../../app/import.js';
import { namesBodyInKorean } from '../../app/session.js';
import { t } from '../../domain/presentation/messages/index.js';

export const registerImport: RegisterCommand = (program, ctx) => {
  program
    .command('import')
    .description(t('cli.import.description'))
    .argument('<city>', t('cli.arg.city'))
    .argument('<file>', t('cli.arg.document'))
    .option('--effective <date>', t('cli.import.opt.effective'))
    .option('--source <url>', t('cli.import.opt.source'))
    .option('--name <name>', t('cli.import.opt.name'))
    .option('--json', t('cli.opt.json'))
    .action(async (city, file, options) => {
      // Importing writes: never into the sample store unasked. A body named in Korean needs the store first.
      const slug = namesBodyInKorean(city) ? await (await ctx.writableSession()).citySlug(city) : city;
      const result = await importFile(() => ctx.writableSession().then((s) => s.store), {
        cwd: ctx.cwd,
        slug,
        file,
        ...(options.effective !== undefined ? { effective: options.effective } : {}),
        ...(options.source !== undefined ? { url: options.source } : {}),
        ...(options.name !== undefined ? { name: options.name } : {}),
        onProgress: (message) => ctx.err.write(`${message}\n`),
      });
      for (const warning of result.warnings) ctx.err.write(t('cli.import.warning', { warning }) + '\n');
      if (options.json) {
        writeJson(ctx.out, {
          store: (await ctx.writableSession()).dir,
          noop: result.noop,
          tag: result.tag,
          commit: result.commit,
          effective: result.effective,
          rebuilt: result.rebuilt,
          replayed: result.replayed,
          movedTags: result.movedTags,
          added: result.added,
          promoted: result.promoted,
          warnings: result.warnings,
        });
        return;
      }
      const commit = result.commit.slice(0, 7);
      ctx.out.write(t(result.noop ? 'cli.import.noop' : 'cli.import.archived', { tag: result.tag, commit }) + '\n');
      if (result.noop) return;
      if (result.promoted) ctx.out.write(t('cli.import.promoted', { range: describeRange(result.promoted) }) + '\n');
      const added = result.added.filter((entry) => entry.effective !== result.effective);
      if (added.length > 0) ctx.out.write(t('cli.import.revealed', { count: added.length, list: added.map((e) => describeRange(e)).join(', ') }) + '\n');
      if (result.rebuilt) {
        const tags = result.movedTags.length > 0 ? ` (${result.movedTags.join(', ')})` : '';
        ctx.out.write(t('cli.import.rebuilt', { effective: result.effective, slug, replayed: result.replayed, moved: result.movedTags.length, tags }) + '\n');
      } else ctx.out.write(t('cli.import.appended') + '\n');
    });
};
