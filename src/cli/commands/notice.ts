/**
 * `bangchim notice CITY [--from REF] [--to REF|FILE] [--effective YYYY-MM-DD] [--format …] [--part …] [--out FILE]`:
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
    .description('the change notice for a new version: revision article, 신·구 대비표 and announcement')
    .argument('<city>', 'the city (slug), e.g. goyang')
    .option('--from <ref>', 'the version in force (default: the one before --to)')
    .option('--to <ref-or-file>', 'the new version, or a draft file not yet imported (default: the newest)')
    .option('--effective <date>', 'the date the new version takes effect, YYYY-MM-DD (default: the new version\'s)')
    .addOption(new Option('--format <format>', 'output format (docx: a Word document, with --out)').choices([...NOTICE_FORMATS, 'docx'] as const).default('text' as NoticeFormat | 'docx'))
    .option('--json', 'same as --format json')
    .addOption(new Option('--part <part>', 'only one part of the notice').choices(NOTICE_PARTS))
    .option('--editorial', 'also list editorial-only changes in the table')
    .option('--width <columns>', 'text format: total width in terminal columns', '100')
    .option('--out <file>', 'write to FILE instead of standard output')
    .option('--force', 'with --out: replace FILE if it exists')
    .action(async (city, options) => {
      const format = options.json ? 'json' : options.format;
      if (format === 'docx' && options.out === undefined) {
        throw new UsageError('--format docx는 워드 문서 파일을 씁니다: 쓸 파일(--out)이 없습니다', { where: '--format docx', hint: '쓸 파일을 지정하세요. 예: --format docx --out 개인정보처리방침-변경.docx' });
      }
      if (options.json && options.format !== 'text' && options.format !== 'json') {
        throw new UsageError(`--json and --format ${options.format} contradict each other`, { hint: 'give one of them' });
      }
      if (options.effective !== undefined && !isIsoDate(options.effective)) {
        throw new UsageError(`--effective ${options.effective} is not a calendar date`, { where: '--effective', hint: 'give it as YYYY-MM-DD, e.g. --effective 2025-01-01' });
      }
      const width = Number(options.width);
      if (!Number.isInteger(width) || width < 44 || width > 1000) {
        throw new UsageError(`--width ${options.width} is not a usable width`, { where: '--width', hint: 'give a whole number of columns from 44 to 1000, e.g. --width 100' });
      }
      const { notice, previousNotArchived } = await planNotice(await ctx.session(), {
        city,
        ...(options.from !== undefined ? { from: options.from } : {}),
        ...(options.to !== undefined ? { to: options.to } : {}),
        ...(options.effective !== undefined ? { effective: options.effective } : {}),
        editorial: options.editorial === true,
      });
      if (previousNotArchived) {
        ctx.err.write(
          `bangchim: the version of ${city} in force before ${previousNotArchived.before} (${previousNotArchived.entry.effective ?? '?'} ~ ${previousNotArchived.entry.until ?? '?'}) is not archived: the notice has no comparison table\n` +
            `  hint: import its text with \`bangchim import\`, or compare with another version using --from REF\n`,
        );
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
        await writeNoticeFile(file, text, { overwrite: options.force === true, storeDir: (await ctx.session()).dir });
        ctx.err.write(`bangchim: wrote ${options.out}\n`);
      } else if (typeof text === 'string') ctx.out.write(text);
    });
};
