/**
 * `bangchim diff OLD NEW`: what changed between two versions (or two cities), article by article.
 * Exit status like diff(1): 0 no substantive change, 1 substantive change, 2 trouble.
 */
import { Option } from '@commander-js/extra-typings';
import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { ExitCode } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import { formatDiffMarkdown, formatDiffText } from '../../domain/diff/index.js';
import { diffRefs } from '../../app/diff.js';
import { t } from '../../domain/presentation/messages/index.js';

const FORMATS = ['text', 'markdown', 'json'] as const;
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
    .action(async (oldArg, newArg, options) => {
      const format: Format = options.json ? 'json' : options.format;
      if (options.json && options.format !== 'text' && options.format !== 'json') {
        throw new UsageError(t('cli.usage.contradict', { format: options.format }), { hint: t('cli.usage.contradictHint') });
      }
      const editorial = options.editorial === true;
      const { diff } = await diffRefs(oldArg, newArg, ctx.cwd, ctx.session, { editorial });
      if (format === 'json') writeJson(ctx.out, diff);
      else if (format === 'markdown') ctx.out.write(formatDiffMarkdown(diff, { editorial }));
      else {
        const color = ctx.out.isTTY && (ctx.env.NO_COLOR === undefined || ctx.env.NO_COLOR === '');
        const text = formatDiffText(diff, { color, editorial });
        // Coloured only after its content was made inert: the report's own colour codes pass.
        if (color && ctx.out.writeStyled) ctx.out.writeStyled(text);
        else ctx.out.write(text);
      }
      if (diff.summary.substantive > 0) throw new ExitCode(1);
    });
};
