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
import type { CliContext } from '../context.js';

async function writableSession(ctx: CliContext) {
  const { locateWritable } = await import('../../app/session.js');
  return locateWritable(ctx.place());
}

function checkLines(check: CheckResult): string[] {
  const law = check.findings.filter((f) => f.severity === 'error');
  const lines = [`점검: 법·시행령 ${check.counts.law}건, 표준지침 ${check.counts.guideline}건, 작성지침 권장 ${check.counts.recommended}건`];
  for (const f of law) lines.push(`  ✖ ${f.where ? `${sanitize(f.where)}: ` : ''}${sanitize(f.message)} (${f.basis})`);
  return lines;
}

export const registerDraft: RegisterCommand = (program, ctx) => {
  program
    .command('draft')
    .description("save the body's draft from a file (text, saved page or YAML), creating or revising it; it stays a draft (CITY#draft) until `publish`")
    .argument('<city>', 'the body slug (goyang)')
    .argument('[file]', 'the draft: text, saved HTML or a version YAML')
    .option('--effective <date>', 'the date it is to take effect, YYYY-MM-DD (default: the date the text states)')
    .option('--name <name>', "the body's display name, when the text names it otherwise")
    .option('--delete', 'remove the draft')
    .option('--json', 'print the result as JSON')
    .action(async (city, file, options) => {
      const drafts = await import('../../app/drafts.js');
      const session = await writableSession(ctx);
      if (options.delete) {
        if (file !== undefined) throw new UsageError('--delete takes no file', { hint: `bangchim draft ${city} --delete` });
        await drafts.deleteDraft(session, city);
        if (options.json) writeJson(ctx.out, { store: session.dir, slug: city, deleted: true });
        else ctx.out.write(`${city}#draft 초안을 지웠습니다 (저장소 ${session.dir})\n`);
        return;
      }
      if (file === undefined) throw new UsageError('draft needs a FILE (or --delete)', { hint: `bangchim draft ${city} 파일 [--effective YYYY-MM-DD]` });
      const saved = await drafts.saveDraft(session, { slug: city, file, ...(options.effective !== undefined ? { effective: options.effective } : {}), ...(options.name !== undefined ? { name: options.name } : {}) });
      if (options.json) {
        writeJson(ctx.out, { store: session.dir, ...saved, ref: `${city}#draft` });
        return;
      }
      ctx.out.write(`${saved.created ? '초안을 만들었습니다' : `초안을 고쳤습니다 (${saved.revisions}번째 저장)`}: ${city}#draft — ${sanitize(saved.city)}, 시행일 ${saved.effective ?? '미정'} (저장소 ${session.dir})\n`);
      for (const line of checkLines(saved.check)) ctx.out.write(`${line}\n`);
      ctx.out.write(`비교: bangchim diff ${city} ${city}#draft · 점검: bangchim check ${city}#draft · 게시: bangchim publish ${city}${saved.effective ? '' : ' --effective YYYY-MM-DD'}\n`);
    });
};

export const registerDrafts: RegisterCommand = (program, ctx) => {
  program
    .command('drafts')
    .description('list the drafts in the store')
    .option('--json', 'print them as JSON: [{slug, city, effective, revisions, saved}]')
    .action(async (options) => {
      const { listDrafts } = await import('../../app/drafts.js');
      const session = await ctx.session();
      const drafts = await listDrafts(session);
      if (options.json) {
        writeJson(ctx.out, { store: session.dir, drafts });
        return;
      }
      if (drafts.length === 0) ctx.out.write(`초안이 없습니다 (저장소 ${session.dir})\n`);
      for (const d of drafts) ctx.out.write(`${d.slug}#draft  ${sanitize(d.city)}  시행일 ${d.effective ?? '미정'}  저장 ${d.revisions}회  ${d.saved.slice(0, 16).replace('T', ' ')}\n`);
    });
};

export const registerPublish: RegisterCommand = (program, ctx) => {
  program
    .command('publish')
    .description("turn the body's draft into a version (one commit and a tag, like import), after showing the diff summary and the check; removes the draft")
    .argument('<city>', 'the body slug (goyang)')
    .option('--effective <date>', 'the date it takes effect, YYYY-MM-DD (default: the draft\'s own; required when it has none)')
    .option('--accept-findings', 'publish even though the check finds items the law requires missing or wrong')
    .option('--json', 'print the result as JSON')
    .action(async (city, options) => {
      const drafts = await import('../../app/drafts.js');
      const session = await writableSession(ctx);
      const review = await drafts.reviewDraft(session, city, options.effective);
      if (!options.json) {
        ctx.out.write(review.diff ? `${review.against} → ${city}#draft\n${summaryLine(review.diff)}\n` : `${city}의 첫 버전입니다 (비교할 이전 버전 없음)\n`);
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
      ctx.out.write(`게시했습니다: ${result.tag} (커밋 ${result.commit.slice(0, 7)}, 저장소 ${session.dir}); 초안은 지웠습니다\n`);
    });
};
