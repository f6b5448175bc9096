/**
 * `bangchim diff OLD NEW`: what changed between two versions (or two cities), article by article, with
 * the provenance an auditor attaches (store and head, both versions as asked and resolved, sources).
 * Exit status like diff(1): 0 no substantive change, 1 substantive change, 2 trouble (a side that
 * cannot be read: a text not archived, an unknown ref).
 */
import { resolve as resolvePath } from 'node:path';
import { Option } from '@commander-js/extra-typings';
import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import { formatDiffMarkdown, formatDiffText } from '../../domain/diff/index.js';
import { inertJsonLine } from '../../domain/presentation/inert.js';
import { t } from '../../domain/presentation/messages/index.js';
import { diffReport } from '../../app/diff.js';
import { writeInertText } from '../../app/output.js';

const FORMATS = ['text', 'markdown', 'json', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export const registerDiff: RegisterCommand = (program, ctx) => {
  program
    .command('diff')
    .description(t('cli.diff.description'))
    .argument('<old>', t('cli.arg.ref'))
    .argument('<new>', t('cli.diff.arg.new'))
    .addOption(new Option('--format <format>', t('cli.diff.opt.format')).choices(FORMATS).default('text' as Format))
    .option('--json', t('cli.opt.jsonFormat'))
    .option('--editorial', t('cli.diff.opt.editorial'))
    .option('--out <file>', t('cli.notice.opt.out'))
    .option('--force', t('cli.notice.opt.force'))
    .action(async (oldArg, newArg, options) => {
      const format: Format = options.json ? 'json' : options.format;
      if (options.json && options.format !== 'text' && options.format !== 'json') {
        throw new UsageError(t('cli.usage.contradict', { format: options.format }), { hint: t('cli.usage.contradictHint') });
      }
      if (format === 'pdf' && options.out === undefined) throw new UsageError(t('report.pdf.needsOut'), { where: '--format pdf', hint: t('report.pdf.needsOutHint') });
      const editorial = options.editorial === true;
      const { diff, provenance } = await diffReport(oldArg, newArg, ctx.cwd, ctx.session, ctx.env, { editorial });
      const toFile = options.out !== undefined;
      const color = !toFile && format === 'text' && ctx.out.isTTY && (ctx.env.NO_COLOR === undefined || ctx.env.NO_COLOR === '');
      const json = format === 'json' ? inertJsonLine({ ...diff, provenance }) : null;
      let report: string | Uint8Array;
      if (json !== null) report = json;
      else if (format === 'markdown') report = formatDiffMarkdown(diff, { editorial, provenance });
      // The HTML writer, and the browser for a PDF, load only for those formats.
      else if (format === 'html') report = (await import('../../domain/diff/html.js')).formatDiffHtml(diff, { editorial, provenance });
      else if (format === 'pdf') {
        const html = (await import('../../domain/diff/html.js')).formatDiffHtml(diff, { editorial, provenance });
        report = await (await import('../../app/pdf.js')).printPdf(html, ctx.env);
      }
      else report = formatDiffText(diff, { color, editorial, provenance });
      if (toFile) {
        // Writing a file (the notices' atomic write and its checks) loads only with --out.
        const { writeNoticeFile } = await import('../../app/notice.js');
        await writeNoticeFile(resolvePath(ctx.cwd, options.out!), report, { overwrite: options.force === true, ...(provenance.store ? { storeDir: provenance.store.dir } : {}) });
        ctx.err.write(t('report.wrote', { file: options.out! }) + '\n');
      } else if (json !== null) writeInertText(ctx.out, json);
      else if (typeof report === 'string') {
        // Coloured only after its content was made inert: the report's own colour codes pass.
        if (color && ctx.out.writeStyled) ctx.out.writeStyled(report);
        else ctx.out.write(report);
      }
      if (diff.summary.substantive > 0) throw new ExitCode(1);
    });
};
