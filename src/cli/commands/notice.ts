/**
 * `bangchim notice CITY [--from REF] [--to REF|FILE] [--effective YYYY-MM-DD] [--format …] [--part …] [--out FILE]`:
 * the change notice for a new version: its revision article in the city's style, the 신·구 대비표 and
 * the announcement. By default from the version in force before the newest to the newest; `--to FILE`
 * takes a draft not yet imported (compared with the newest archived version).
 */
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve as resolvePath, basename, join } from 'node:path';
import { Option } from '@commander-js/extra-typings';
import type { RegisterCommand } from './index.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import { parseRef } from '../../domain/ref.js';
import type { Ledger, LedgerEntry } from '../../domain/model.js';
import { addDays, isIsoDate } from '../../domain/notice/dates.js';
import { buildNotice, renderNotice, NOTICE_FORMATS, NOTICE_PARTS, type NoticeFormat, type NoticePart } from '../../domain/notice/index.js';
import { locateStore, openStore, type ResolvedVersion, type Store } from '../../store/index.js';

function isFileArg(ctx: CliContext, arg: string): boolean {
  const isExistingFile = (p: string): boolean => existsSync(resolvePath(ctx.cwd, p)) && statSync(resolvePath(ctx.cwd, p)).isFile();
  return parseRef(arg, { isExistingFile }).kind === 'file';
}

/** The archived version in force the day before `date`, or why there is none. */
function previousEntry(ledger: Ledger, date: string): LedgerEntry | undefined {
  const before = addDays(date, -1);
  return ledger.versions.find((e) => (e.effective === null || e.effective <= before) && (e.until === null || e.until >= before));
}

/** Writes `text` to `file` through a temporary file, so an interrupted write leaves no half file. */
function writeOut(file: string, text: string | Uint8Array): void {
  const dir = dirname(file);
  if (!existsSync(dir)) throw new UsageError(`cannot write ${file}: the directory ${dir} does not exist`, { where: `--out ${file}`, hint: 'create the directory first, or give another path' });
  const temp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

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
      const location = await locateStore({ store: program.opts().store, cwd: ctx.cwd, env: ctx.env, onNotice: (m) => ctx.err.write(`bangchim: ${m}\n`) });
      const store: Store = await openStore(location.dir);
      const ledger = await store.ledger(city);
      const resolve = (arg: string): Promise<ResolvedVersion> => store.resolve(arg, { cwd: ctx.cwd });

      const toIsFile = options.to !== undefined && isFileArg(ctx, options.to);
      const to = await resolve(options.to ?? city);
      if (to.slug !== city && !(toIsFile && to.slug === '')) {
        throw new UsageError(`${to.label} is ${to.version.city}'s policy (${to.slug}), not ${city}'s`, { where: options.to ?? city, hint: `run \`bangchim notice ${to.slug} …\`, or give a draft of ${city}'s policy` });
      }
      const toVersion = toIsFile ? { ...to.version, slug: city, city: ledger.city } : to.version;

      let from: ResolvedVersion | null = null;
      if (options.from !== undefined) from = await resolve(options.from);
      else if (toIsFile) from = await resolve(city);
      else if (to.effective !== null) {
        const previous = previousEntry(ledger, to.effective);
        if (previous?.archived) from = await resolve(`${city}@${previous.effective}`);
        else if (previous) {
          ctx.err.write(
            `bangchim: the version of ${city} in force before ${to.effective} (${previous.effective ?? '?'} ~ ${previous.until ?? '?'}) is not archived: the notice has no comparison table\n` +
              `  hint: import its text with \`bangchim import\`, or compare with another version using --from REF\n`,
          );
        }
      }
      const effective = options.effective ?? (toIsFile ? (toVersion.effective !== null && from?.effective != null && toVersion.effective > from.effective ? toVersion.effective : null) : to.effective);
      if (effective === null) {
        throw new UsageError(`${to.label} does not state a date after the version in force${from ? ` (${from.label})` : ''}`, {
          where: options.to ?? city,
          hint: 'pass the date the new version takes effect with --effective YYYY-MM-DD',
        });
      }
      const notice = buildNotice({
        from: from ? { label: from.label, version: from.version } : null,
        to: { label: to.label, version: toVersion },
        effective,
        ledger: ledger.versions,
        editorial: options.editorial === true,
      });
      const parts: NoticePart[] | undefined = options.part === undefined ? undefined : [options.part];
      const renderOptions = { ...(parts ? { parts } : {}), width };
      // The DOCX builder (and the docx package) loads only when asked for.
      const text = format === 'docx' ? await (await import('../../domain/notice/docx.js')).renderNoticeDocx(notice, renderOptions) : renderNotice(notice, format, renderOptions);
      if (options.out !== undefined) {
        const file = resolvePath(ctx.cwd, options.out);
        writeOut(file, text);
        ctx.err.write(`bangchim: wrote ${options.out}\n`);
      } else if (typeof text === 'string') ctx.out.write(text);
    });
};
