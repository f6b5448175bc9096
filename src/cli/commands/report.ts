/**
 * `bangchim report [--jobs N] [--json] [CITY…]`: diffs every consecutive pair of archived versions of
 * every city (or the cities named), in a pool of worker threads, streaming one line (or one JSON
 * object) per pair in city order. Exit 0, or 2 when some city could not be read (listed on stderr).
 */
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import { inert, inertJson } from '../../domain/presentation/inert.js';
import { SLUG_PATTERN } from '../../domain/schema.js';
import { checkCities, reportCities } from '../../app/report.js';
import { defaultJobs, type PairSummary, type ReportError } from '../../store/batch.js';
import { t } from '../../domain/presentation/messages/index.js';

function pairLine(pair: PairSummary): string {
  const counts = pair.substantive === 0 ? t('cli.report.noChange', { editorial: pair.editorial }) : t('cli.report.changes', { substantive: pair.substantive, editorial: pair.editorial });
  const parts = [`${pair.old} → ${pair.new}: ${counts}`];
  if (pair.articles.length > 0) parts.push(pair.articles.join(', '));
  const facts = pair.facts.slice(0, 4).map((f) => `${f.label ?? f.kind} ${f.old ?? '∅'} → ${f.new ?? '∅'}`);
  if (pair.facts.length > 4) facts.push(t('cli.report.moreFacts', { count: pair.facts.length - 4 }));
  if (facts.length > 0) parts.push(facts.join('; '));
  return inert(parts.join(' | '), 'terminal', { singleLine: true }) + '\n';
}

export const registerReport: RegisterCommand = (program, ctx) => {
  program
    .command('report')
    .description(t('cli.report.description'))
    .argument('[cities...]', t('cli.report.arg.cities'))
    .option('--jobs <n>', t('cli.report.opt.jobs', { jobs: defaultJobs() }))
    .option('--json', t('cli.report.opt.json'))
    .action(async (given, options) => {
      let jobs: number | undefined;
      if (options.jobs !== undefined) {
        if (!/^\d{1,2}$/.test(options.jobs) || Number(options.jobs) < 1 || Number(options.jobs) > 16) throw new UsageError(t('cli.report.badJobs', { value: options.jobs }), { hint: t('cli.report.badJobsHint') });
        jobs = Number(options.jobs);
      }
      const store = await ctx.session();
      const cities = await Promise.all(given.map((city) => store.citySlug(city)));
      for (const slug of cities) if (!SLUG_PATTERN.test(slug)) throw new UsageError(t('cli.report.notSlug', { slug }), { where: slug, hint: t('cli.report.notSlugHint') });
      await checkCities(store, cities);
      const errors: ReportError[] = [];
      let first = true;
      if (options.json) ctx.out.write(`{\n"store": ${JSON.stringify(store.dir)},\n"head": ${JSON.stringify(await store.head())},\n"pairs": [\n`);
      let lastProgress = 0;
      const totals = await reportCities(store, cities, {
        jobs,
        onPair: (pair) => {
          if (options.json) {
            ctx.out.write(`${first ? '' : ',\n'}${inertJson(pair, 0)}`);
            first = false;
          } else ctx.out.write(pairLine(pair));
        },
        onError: (error) => {
          errors.push(error);
          ctx.err.write(`bangchim: ${error.slug}: ${error.message}` + '\n');
        },
        onProgress: ctx.err.isTTY
          ? (done, total) => {
              if (done === total || performance.now() - lastProgress > 500) {
                lastProgress = performance.now();
                ctx.err.overwriteLine?.(t('cli.report.progress', { done, total }));
                if (done === total) ctx.err.write('\n');
              }
            }
          : undefined,
      });
      if (options.json) ctx.out.write(`\n],\n"errors": ${inertJson(errors, 0)},\n"totals": ${inertJson(totals, 0)}\n}\n`);
      else {
        const summary = t('cli.report.totals', { cities: totals.cities, versions: totals.versions, pairs: totals.pairs, substantivePairs: totals.substantivePairs, seconds: totals.seconds.toFixed(1), rate: Math.round(totals.versionsPerSecond) });
        ctx.out.write(`${summary}${errors.length > 0 ? t('cli.report.unreadable', { count: errors.length }) : ''}\n`);
      }
      if (errors.length > 0) throw new ExitCode(2);
    });
};
