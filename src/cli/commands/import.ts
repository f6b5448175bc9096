import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { describeRange } from '../../domain/ledger.js';
import { importFile } from '../../app/import.js';

export const registerImport: RegisterCommand = (program, ctx) => {
  program
    .command('import')
    .description('parse a policy document and archive it as a version of CITY: policies/, history/, sources/, one commit and a tag')
    .argument('<city>', 'the city slug (goyang)')
    .argument('<file>', 'the policy text or saved HTML; UTF-8 or EUC-KR')
    .option('--effective <date>', 'the date it took effect, YYYY-MM-DD (default: the date the page states)')
    .option('--source <url>', 'the page it was taken from')
    .option('--name <name>', "the city's display name for a new city (default: from the text)")
    .option('--json', 'print the result as JSON')
    .action(async (city, file, options) => {
      const session = () => ctx.session().then((s) => s.store);
      const result = await importFile(session, {
        cwd: ctx.cwd,
        slug: city,
        file,
        ...(options.effective !== undefined ? { effective: options.effective } : {}),
        ...(options.source !== undefined ? { url: options.source } : {}),
        ...(options.name !== undefined ? { name: options.name } : {}),
        onProgress: (message) => ctx.err.write(`${message}\n`),
      });
      for (const warning of result.warnings) ctx.err.write(`warning: ${warning}\n`);
      if (options.json) {
        writeJson(ctx.out, {
          store: (await ctx.session()).dir,
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
      ctx.out.write(`${result.message}\n`);
      if (result.noop) return;
      if (result.promoted) ctx.out.write(`  ledger: the version in force ${describeRange(result.promoted)}, known only from a later page, is now archived\n`);
      const added = result.added.filter((entry) => entry.effective !== result.effective);
      if (added.length > 0) ctx.out.write(`  ledger: ${added.length} earlier version${added.length === 1 ? '' : 's'} revealed by its revision article added (text not archived): ${added.map((e) => describeRange(e)).join(', ')}\n`);
      if (result.rebuilt) {
        ctx.out.write(`  chain rebuilt: ${result.effective} is older than the newest version of ${city}; replayed ${result.replayed} later commit${result.replayed === 1 ? '' : 's'}, moved ${result.movedTags.length} tag${result.movedTags.length === 1 ? '' : 's'}${result.movedTags.length > 0 ? ` (${result.movedTags.join(', ')})` : ''}\n`);
      } else ctx.out.write('  chain: appended (no rebuild needed)\n');
    });
};
