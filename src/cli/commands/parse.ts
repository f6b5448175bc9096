import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { orderedVersion } from '../../domain/yaml-order.js';
import { writeVersionYaml } from '../../domain/yaml-write.js';
import { parseDraft } from '../../app/parse.js';
import { t } from '../../domain/presentation/messages/index.js';

export const registerParse: RegisterCommand = (program, ctx) => {
  program
    .command('parse')
    .description(t('cli.parse.description'))
    .argument('<file>', t('cli.arg.document'))
    .option('--json', t('cli.parse.opt.json'))
    .option('--report', t('cli.parse.opt.report'))
    .action(async (file, options) => {
      const { version, report } = await parseDraft(ctx.cwd, file);
      if (options.json) writeJson(ctx.out, orderedVersion(version));
      else ctx.out.write(await writeVersionYaml(version));
      ctx.err.write(t('cli.parse.summary', { articles: version.articles.length, dropped: report.dropped.length, warnings: report.warnings.length }) + '\n');
      for (const warning of report.warnings) ctx.err.write(t('cli.parse.warning', { line: warning.line !== undefined ? t('cli.parse.warningLine', { line: warning.line }) : '', message: warning.message }) + '\n');
      if (options.report) for (const line of report.dropped) ctx.err.write(t('cli.parse.dropped', { line: line.line, reason: line.reason, text: line.text }) + '\n');
    });
};
