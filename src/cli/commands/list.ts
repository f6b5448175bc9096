import type { RegisterCommand } from '../context.js';
import { ExitCode, writeJson } from '../context.js';
import { formatError } from '../../domain/errors.js';
import { padColumns, statusLabel } from './log.js';
import { t } from '../../domain/presentation/messages/index.js';
import { versionStatus, entryInForce } from '../../domain/ledger.js';
import { todayFrom } from '../../app/today.js';

export const registerList: RegisterCommand = (program, ctx) => {
  program
    .command('list')
    .description(t('cli.list.description'))
    .option('--json', t('cli.opt.json'))
    .action(async (options) => {
      const store = await ctx.session();
      const all = await store.listCities();
      const cities = all.filter((c) => c.unreadable === undefined);
      const unreadable = all.filter((c) => c.unreadable !== undefined);
      // The others are listed first; each unreadable ledger is named on stderr, and the exit is 2.
      const reportUnreadable = () => {
        for (const c of unreadable) ctx.err.write(`${formatError(c.unreadable)}\n${t('cli.list.unreadable', { slug: c.slug })}\n`);
        if (unreadable.length > 0) throw new ExitCode(2);
      };
      const today = todayFrom(ctx.env);
      const ledgers = new Map(await Promise.all(cities.map(async (c) => [c.slug, await store.ledger(c.slug)] as const)));
      const newestStatus = (c: (typeof cities)[number]) => (c.newest ? versionStatus(ledgers.get(c.slug)!, ledgers.get(c.slug)!.versions.find((v) => v.tag === c.newest!.tag) ?? c.newest, today) : null);
      if (options.json) {
        writeJson(ctx.out, {
          store: store.dir,
          cities: cities.map((c) => ({ slug: c.slug, city: c.city, newest: c.newest ? { effective: c.newest.effective, tag: c.newest.tag, status: newestStatus(c) } : null, inForce: entryInForce(ledgers.get(c.slug)!, today)?.tag ?? null, archived: c.archived, known: c.known })),
          ...(unreadable.length > 0 ? { unreadable: unreadable.map((c) => ({ slug: c.slug, message: c.unreadable!.message, where: c.unreadable!.where ?? null, details: c.unreadable!.details })) } : {}),
        });
        reportUnreadable();
        return;
      }
      if (cities.length === 0 && unreadable.length === 0) {
        ctx.out.write(t('cli.list.empty', { dir: store.dir }) + '\n');
        return;
      }
      const rows = [[t('cli.list.head.slug'), t('cli.list.head.city'), t('cli.list.head.newest'), t('cli.list.head.count')]];
      for (const c of cities) {
        const state = newestStatus(c);
        rows.push([c.slug, c.city, c.newest ? `${c.newest.effective}${state === 'scheduled' ? ` (${statusLabel('scheduled')})` : ''}` : '-', `${c.archived}/${c.known}`]);
      }
      ctx.out.write(padColumns(rows).join('\n') + '\n');
      reportUnreadable();
    });
};
