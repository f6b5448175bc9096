import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { padColumns } from './log.js';

export const registerList: RegisterCommand = (program, ctx) => {
  program
    .command('list')
    .description('list the cities in the store: newest version, archived and known versions')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const store = await ctx.session();
      const cities = await store.listCities();
      if (options.json) {
        writeJson(ctx.out, {
          store: store.dir,
          cities: cities.map((c) => ({ slug: c.slug, city: c.city, newest: c.newest ? { effective: c.newest.effective, tag: c.newest.tag } : null, archived: c.archived, known: c.known })),
        });
        return;
      }
      if (cities.length === 0) {
        ctx.out.write(`no cities in ${store.dir} yet; add one with \`bangchim import CITY FILE --effective YYYY-MM-DD\`\n`);
        return;
      }
      const rows = [['slug', 'city', 'newest', 'archived/known']];
      for (const c of cities) rows.push([c.slug, c.city, c.newest?.effective ?? '-', `${c.archived}/${c.known}`]);
      ctx.out.write(padColumns(rows).join('\n') + '\n');
    });
};
