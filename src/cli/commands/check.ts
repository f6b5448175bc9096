/**
 * `bangchim check REF [--json] [--strict]`: what the law, the 표준지침 and the 작성지침 ask that the version
 * lacks or gets wrong, each finding with its tier and basis. Exit 1 on a finding of the law (with
 * --strict also of the 표준지침), 0 otherwise, 2 on trouble. A draft file is checked against the ledger
 * of its city when the store has one.
 */
import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { ExitCode } from '../context.js';
import { checkFails, formatCheckText } from '../../domain/check/index.js';
import { checkRef } from '../../app/check.js';
import { t } from '../../domain/presentation/messages/index.js';

export const registerCheck: RegisterCommand = (program, ctx) => {
  program
    .command('check')
    .description(t('cli.check.description'))
    .argument('<ref>', t('cli.arg.ref'))
    .option('--json', t('cli.check.opt.json'))
    .option('--strict', t('cli.check.opt.strict'))
    .action(async (ref, options) => {
      const { label, result } = await checkRef(ref, ctx.place(), ctx.session);
      if (options.json) writeJson(ctx.out, { ref: label, ...result });
      else ctx.out.write(formatCheckText(result, label));
      if (checkFails(result, { strict: options.strict })) throw new ExitCode(1);
    });
};
