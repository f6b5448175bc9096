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
import { reportCities } from '../../app/report.js';
import { defaultJobs, type PairSummary, type ReportError } from '../../store/batch.js';

function pairLine(pair: PairSummary): string {
  const counts = pair.substantive === 0 ? `no substantive change (${pair.editorial} editorial)` : `${pair.substantive} substantive, ${pair.editorial} editorial`;
  const parts = [`${pair.old} → ${pair.new}: ${counts}`];
  if (pair.articles.length > 0) parts.push(pair.articles.join(', '));
  const facts = pair.facts.slice(0, 4).map((f) => `${f.label ?? f.kind} ${f.old ?? '∅'} → ${f.new ?? '∅'}`);
  if (pair.facts.length > 4) facts.push(`… ${pair.facts.length - 4} more`);
  if (facts.length > 0) parts.push(facts.join('; '));
  return inert(parts.join(' | '), 'terminal', { singleLine: true }) + '\n';
}

export const registerReport: RegisterCommand = (program, ctx) => {
  program
    .command('report')
    .description('diff every consecutive pair of archived versions of every city (a whole archive, in parallel)')
    .argument('[cities...]', 'only these cities (default: all)')
    .option('--jobs <n>', `worker threads (default ${defaultJobs()}: one per core, at most 2)`)
    .option('--json', 'stream {store, head, pairs: [{slug, old, new, substantive, editorial, added, removed, modified, renumbered, articles, facts}], errors, totals}')
    .action(async (cities, options) => {
      let jobs: number | undefined;
      if (options.jobs !== undefined) {
        if (!/^\d{1,2}$/.test(options.jobs) || Number(options.jobs) < 1 || Number(options.jobs) > 16) throw new UsageError(`--jobs ${options.jobs} is not a number of workers from 1 to 16`, { hint: 'for example --jobs 2' });
        jobs = Number(options.jobs);
      }
      for (const slug of cities) if (!SLUG_PATTERN.test(slug)) throw new UsageError(`"${slug}" is not a city slug`, { where: slug, hint: 'give slugs like goyang; `bangchim list` shows them' });
      const store = await ctx.session();
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
                ctx.err.overwriteLine?.(`diffed ${done}/${total} cities`);
                if (done === total) ctx.err.write('\n');
              }
            }
          : undefined,
      });
      if (options.json) ctx.out.write(`\n],\n"errors": ${inertJson(errors, 0)},\n"totals": ${inertJson(totals, 0)}\n}\n`);
      else ctx.out.write(`${totals.cities} cities, ${totals.versions} versions, ${totals.pairs} pairs diffed (${totals.substantivePairs} with substantive changes) in ${totals.seconds.toFixed(1)} s: ${Math.round(totals.versionsPerSecond)} versions/s${errors.length > 0 ? `; ${errors.length} cit${errors.length === 1 ? 'y' : 'ies'} could not be read` : ''}\n`);
      if (errors.length > 0) throw new ExitCode(2);
    });
};
