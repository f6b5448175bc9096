/**
 * `bangchim notice CITY [--from REF] [--to REF|FILE] [--effective YYYY-MM-DD] [--reason TEXT] [--announced DATE] [--format …] [--part …] [--out FILE]`:
 * the change notice for a new version: its revision article in the city's style, the 신·구 대비표 and
 * the announcement. By default from the version in force before the newest to the newest; `--to FILE`
 * takes a draft not yet imported (compared with the newest archived version).
 */
import { resolve as resolvePath } from 'node:path';
import { Option } from '@commander-js/extra-typings';
import type { RegisterCommand } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import { isIsoDate } from '../../domain/notice/dates.js';
import { renderNotice, revisionNotes, stripControls, NOTICE_FORMATS, NOTICE_PARTS, type NoticeFormat, type NoticePart } from '../../domain/notice/index.js';
import { t } from '../../domain/presentation/messages/index.js';
import { planNotice, writeNoticeFile } from '../../app/notice.js';

export const registerNotice: RegisterCommand = (program, ctx) => {
  program
    .command('notice')
    .description(t('cli.notice.description'))
    .argument('<city>', t('cli.arg.city'))
    .option('--from <ref>', t('cli.notice.opt.from'))
    .option('--to <ref-or-file>', t('cli.notice.opt.to'))
    .option('--effective <date>', t('cli.notice.opt.effective'))
    .addOption(new Option('--format <format>', t('cli.notice.opt.format')).choices([...NOTICE_FORMATS, 'docx'] as const).default('text' as NoticeFormat | 'docx'))
    .option('--json', t('cli.opt.jsonFormat'))
    .addOption(new Option('--part <part>', t('cli.notice.opt.part')).choices(NOTICE_PARTS))
    .option('--editorial', t('cli.notice.opt.editorial'))
    .option('--width <columns>', t('cli.notice.opt.width'), '100')
    .option('--reason <text>', t('cli.notice.opt.reason'))
    .option('--announced <date>', t('cli.notice.opt.announced'))
    .option('--out <file>', t('cli.notice.opt.out'))
    .option('--force', t('cli.notice.opt.force'))
    .action(async (given, options) => {
      const format = options.json ? 'json' : options.format;
      if (format === 'docx' && options.out === undefined) {
        throw new UsageError('--format docx는 워드 문서 파일을 씁니다: 쓸 파일(--out)이 없습니다', { where: '--format docx', hint: '쓸 파일을 지정하세요. 예: --format docx --out 개인정보처리방침-변경.docx' });
      }
      if (options.json && options.format !== 'text' && options.format !== 'json') {
        throw new UsageError(t('cli.usage.contradict', { format: options.format }), { hint: t('cli.usage.contradictHint') });
      }
      if (options.effective !== undefined && !isIsoDate(options.effective)) {
        throw new UsageError(t('cli.notice.badDate', { value: options.effective }), { where: '--effective', hint: t('cli.notice.badDateHint') });
      }
      if (options.announced !== undefined && !isIsoDate(options.announced)) {
        throw new UsageError(t('cli.notice.badAnnounced', { date: options.announced }), { where: '--announced', hint: t('cli.notice.badAnnouncedHint') });
      }
      const width = Number(options.width);
      if (!Number.isInteger(width) || width < 44 || width > 1000) {
        throw new UsageError(t('cli.notice.badWidth', { value: options.width }), { where: '--width', hint: t('cli.notice.badWidthHint') });
      }
      const session = await ctx.session();
      const city = await session.citySlug(given);
      const { notice, previousNotArchived } = await planNotice(session, {
        city,
        ...(options.from !== undefined ? { from: options.from } : {}),
        ...(options.to !== undefined ? { to: options.to } : {}),
        ...(options.effective !== undefined ? { effective: options.effective } : {}),
        editorial: options.editorial === true,
        ...(options.reason !== undefined ? { reason: options.reason } : {}),
        ...(options.announced !== undefined ? { announced: options.announced } : {}),
      });
      if (previousNotArchived) {
        const { before, entry } = previousNotArchived;
        ctx.err.write(`${t('cli.notice.previousNotArchived', { city, before, from: entry.effective ?? '?', until: entry.until ?? '?' })}\n${t('cli.notice.previousNotArchivedHint')}\n`);
      }
      // What the draft's own revision article gets wrong against the ledger is the officer's to fix, not public text.
      const notes = revisionNotes(notice);
      if (notes.length > 0 && format !== 'json') {
        for (const message of notes) ctx.err.write(`${t('notice.revisionNote', { message })}\n`);
        const corrected = notice.revisionCheck?.corrected;
        if (corrected) ctx.err.write(`${t('notice.revisionCorrected')}\n${stripControls(corrected.text).split('\n').map((line) => `    ${line}`).join('\n')}\n`);
      }
      const parts: NoticePart[] | undefined = options.part === undefined ? undefined : [options.part];
      const renderOptions = { ...(parts ? { parts } : {}), width };
      // The DOCX builder (and the docx package) loads only when asked for.
      const text = format === 'docx' ? await (await import('../../domain/notice/docx.js')).renderNoticeDocx(notice, renderOptions) : renderNotice(notice, format, renderOptions);
      if (options.out !== undefined) {
        const file = resolvePath(ctx.cwd, options.out);
        await writeNoticeFile(file, text, { overwrite: options.force === true, storeDir: session.dir });
        ctx.err.write(t('cli.notice.wrote', { file: options.out }) + '\n');
      } else if (typeof text === 'string') ctx.out.write(text);
    });
};
