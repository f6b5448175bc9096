/**
 * `bangchim draft CITY FILE [--effective DATE] [--name NAME]` saves (creates or revises) the body's
 * draft; `bangchim draft CITY --delete` removes it; `bangchim drafts` lists them; `bangchim publish CITY
 * [--effective DATE] [--accept-findings]` turns the draft into a version after showing the diff summary
 * and the check. A draft is named CITY#draft wherever a version goes (diff, check, notice, show).
 */
import type { RegisterCommand } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import { sanitize, summaryLine } from '../../domain/diff/format.js';
import type { CheckResult } from '../../domain/check/index.js';
import { writeJson } from '../context.js';
import { t } from '../../domain/presentation/messages/index.js';
import { padColumns } from './log.js';

function checkLines(check: CheckResult): string[] {
  const law = check.findings.filter((f) => f.severity === 'error');
  const lines = [t('cli.draft.check', { law: check.counts.law, guideline: check.counts.guideline, recommended: check.counts.recommended })];
  for (const f of law) lines.push(`  ✖ ${f.where ? `${sanitize(f.where)}: ` : ''}${sanitize(f.message)} (${f.basis})`);
  return lines;
}

export const registerDraft: RegisterCommand = (program, ctx) => {
  program
    .command('draft')
    .description(t('cli.draft.description'))
    .argument('<city>', t('cli.arg.city'))
    .argument('[file]', t('cli.draft.arg.file'))
    .option('--effective <date>', t('cli.draft.opt.effective'))
    .option('--name <name>', t('cli.draft.opt.name'))
    .option('--delete', t('cli.draft.opt.delete'))
    .option('--json', t('cli.opt.json'))
    .action(async (given, file, options) => {
      const drafts = await import('../../app/drafts.js');
      const session = await ctx.writableSession();
      const city = await session.citySlug(given);
      if (options.delete) {
        if (file !== undefined) throw new UsageError(t('cli.draft.deleteTakesNoFile'), { hint: `bangchim draft ${city} --delete` });
        await drafts.deleteDraft(session, city);
        if (options.json) writeJson(ctx.out, { store: session.dir, slug: city, deleted: true });
        else ctx.out.write(t('cli.draft.deleted', { ref: `${city}#draft` }) + '\n');
        return;
      }
      if (file === undefined) throw new UsageError(t('cli.draft.needsFile'), { hint: t('cli.draft.needsFileHint', { slug: city }) });
      const saved = await drafts.saveDraft(session, { slug: city, file, ...(options.effective !== undefined ? { effective: options.effective } : {}), ...(options.name !== undefined ? { name: options.name } : {}) });
      if (options.json) {
        writeJson(ctx.out, { store: session.dir, ...saved, ref: `${city}#draft` });
        return;
      }
      const what = { ref: `${city}#draft`, city: sanitize(saved.city), effective: saved.effective ?? t('cli.unset'), revisions: saved.revisions };
      ctx.out.write(t(saved.created ? 'cli.draft.created' : 'cli.draft.revised', what) + '\n');
      for (const line of checkLines(saved.check)) ctx.out.write(`${line}\n`);
      ctx.out.write(t('cli.draft.next', { slug: city, effective: saved.effective ? '' : ' --effective YYYY-MM-DD' }) + '\n');
    });
};

export const registerDrafts: RegisterCommand = (program, ctx) => {
  program
    .command('drafts')
    .description(t('cli.drafts.description'))
    .option('--json', t('cli.drafts.opt.json'))
    .action(async (options) => {
      const { listDrafts } = await import('../../app/drafts.js');
      const session = await ctx.session();
      const drafts = await listDrafts(session);
      if (options.json) {
        writeJson(ctx.out, { store: session.dir, drafts });
        return;
      }
      if (drafts.length === 0) {
        ctx.out.write(t('cli.drafts.none') + '\n');
        return;
      }
      const rows = drafts.map((d) => [`${d.slug}#draft`, d.city, t('cli.drafts.effective', { date: d.effective ?? t('cli.unset') }), t('cli.drafts.revisions', { count: d.revisions }), d.saved.slice(0, 16).replace('T', ' ')]);
      ctx.out.write(padColumns(rows).join('\n') + '\n');
    });
};

export const registerPublish: RegisterCommand = (program, ctx) => {
  program
    .command('publish')
    .description(t('cli.publish.description'))
    .argument('<city>', t('cli.arg.city'))
    .option('--effective <date>', t('cli.publish.opt.effective'))
    .option('--accept-findings', t('cli.publish.opt.acceptFindings'))
    .option('--json', t('cli.opt.json'))
    .action(async (given, options) => {
      const drafts = await import('../../app/drafts.js');
      const session = await ctx.writableSession();
      const city = await session.citySlug(given);
      const review = await drafts.reviewDraft(session, city, options.effective);
      if (!options.json) {
        ctx.out.write(review.diff ? `${review.against} → ${city}#draft\n${summaryLine(review.diff)}\n` : t('cli.publish.first', { slug: city }) + '\n');
        for (const line of checkLines(review.check)) ctx.out.write(`${line}\n`);
      }
      const { result } = await drafts.publishDraft(session, {
        slug: city,
        ...(options.effective !== undefined ? { effective: options.effective } : {}),
        acceptFindings: options.acceptFindings === true,
        onProgress: (message) => ctx.err.write(`${message}\n`),
      });
      if (options.json) {
        writeJson(ctx.out, { store: session.dir, tag: result.tag, commit: result.commit, effective: result.effective, noop: result.noop, findings: review.check.findings.length, draftRemoved: !result.noop });
        return;
      }
      ctx.out.write(t('cli.publish.done', { tag: result.tag, commit: result.commit.slice(0, 7) }) + '\n');
    });
};
