/**
 * `bangchim verify [--json]`: checks the store for what an auditor relies on (git fsck, tags ↔ ledger ↔
 * texts, source hashes, date and commit order, work tree). Read-only. Exit 0 when sound, 1 with the
 * list of problems, 2 when it cannot check at all, 3 when another bangchim is writing to the store (retry).
 */
import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { ExitCode } from '../context.js';
import { verifyPlace } from '../../app/report.js';
import type { VerifyReport } from '../../store/verify.js';
import { t } from '../../domain/presentation/messages/index.js';

/** The report for people: one summary line, then each problem and warning. */
function formatVerifyReport(report: VerifyReport): string {
  if (report.busy) return t('cli.verify.busy', { message: report.findings[0]?.message ?? '' }) + '\n';
  const errors = report.findings.filter((f) => f.severity === 'error');
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  const lines = [
    report.ok
      ? t('cli.verify.ok', { cities: report.cities, versions: report.versions, tags: report.tags, warnings: warnings.length > 0 ? t('cli.verify.okWarnings', { count: warnings.length }) : '' })
      : t('cli.verify.notOk', { count: errors.length, store: report.store }),
  ];
  for (const f of [...errors, ...warnings]) lines.push(t(f.severity === 'error' ? 'cli.verify.error' : 'cli.verify.warning', { kind: f.kind, where: f.where, message: f.message }));
  return lines.join('\n') + '\n';
}

export const registerVerify: RegisterCommand = (program, ctx) => {
  program
    .command('verify')
    .description(t('cli.verify.description'))
    .option('--json', t('cli.verify.opt.json'))
    .option('--no-fsck', t('cli.verify.opt.noFsck'))
    .option('--deep', t('cli.verify.opt.deep'))
    .action(async (options) => {
      const report = await verifyPlace(ctx.place(), { fsck: options.fsck, deep: options.deep === true, onProgress: ctx.err.isTTY ? (m) => ctx.err.write(`${m}…\n`) : undefined });
      if (options.json) writeJson(ctx.out, report);
      else ctx.out.write(formatVerifyReport(report));
      // 3: a writer was at work (retry later), distinct from 1 (the archive has problems).
      if (report.busy) throw new ExitCode(3);
      if (!report.ok) throw new ExitCode(1);
    });
};
