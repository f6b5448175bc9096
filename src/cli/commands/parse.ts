import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { orderedVersion, versionToYaml } from '../../domain/yaml.js';
import { parseDraft } from '../../app/parse.js';

export const registerParse: RegisterCommand = (program, ctx) => {
  program
    .command('parse')
    .description('parse one policy document and print the version as YAML (or JSON); touches no store')
    .argument('<file>', 'the policy text (copied from the page) or saved HTML; UTF-8 or EUC-KR')
    .option('--json', 'print JSON instead of YAML')
    .option('--report', 'list the dropped lines (page furniture) with the reason for each')
    .action(async (file, options) => {
      const { version, report } = await parseDraft(ctx.cwd, file);
      if (options.json) writeJson(ctx.out, orderedVersion(version));
      else ctx.out.write(versionToYaml(version));
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      ctx.err.write(`parsed ${plural(version.articles.length, 'article')}; dropped ${plural(report.dropped.length, 'line')} of page furniture; ${plural(report.warnings.length, 'warning')}\n`);
      for (const warning of report.warnings) ctx.err.write(`  warning: ${warning.line !== undefined ? `line ${warning.line}: ` : ''}${warning.message}\n`);
      if (options.report) for (const line of report.dropped) ctx.err.write(`  dropped line ${line.line} (${line.reason}): ${line.text}\n`);
    });
};
