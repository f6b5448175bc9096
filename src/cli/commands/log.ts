import { displayWidth } from '../../domain/presentation/width.js';
import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { inert } from '../../domain/presentation/inert.js';
import { t } from '../../domain/presentation/messages/index.js';
import { versionStatus, type VersionStatus } from '../../domain/ledger.js';
import { todayFrom } from '../../app/today.js';

/** A version's standing today, in the catalogue's words (시행 중, 시행 예정, 종료). */
export function statusLabel(status: VersionStatus): string {
  return t(`cli.status.${status}`);
}

/** Left-aligned columns by terminal width (Hangul is two columns wide), two spaces apart; the last column is not padded. */
export function padColumns(raw: string[][]): string[] {
  // Made inert before measuring (the output does it again, to no effect), one line per cell so the columns hold.
  const rows = raw.map((row) => row.map((cell) => inert(cell, 'terminal', { singleLine: true })));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell)))).join('  ').trimEnd());
}

export const registerLog: RegisterCommand = (program, ctx) => {
  program
    .command('log')
    .description(t('cli.log.description'))
    .argument('<city>', t('cli.arg.city'))
    .option('--json', t('cli.opt.json'))
    .action(async (city, options) => {
      const store = await ctx.session();
      const { ledger, entries } = await store.log(await store.citySlug(city));
      const today = todayFrom(ctx.env);
      const status = (entry: (typeof entries)[number]) => versionStatus(ledger, ledger.versions.find((v) => v.effective === entry.effective && v.until === entry.until) ?? entry, today);
      if (options.json) {
        writeJson(ctx.out, { slug: ledger.slug, city: ledger.city, today, versions: entries.map((entry) => ({ ...entry, status: status(entry) })) });
        return;
      }
      const rows: string[][] = [];
      const notArchived = t('cli.log.notArchived');
      for (const entry of entries) {
        const state = status(entry);
        const range = `${entry.effective ?? t('cli.log.startUnknown')} … ${entry.until ?? ''}${state === 'superseded' ? '' : `${entry.until ? ' ' : ''}(${statusLabel(state)})`}`;
        if (entry.archived) {
          const parts = [entry.tag ?? '?', entry.commit ? entry.commit.slice(0, 7) : t('cli.log.tagMissing'), entry.source?.file ?? '-', entry.source ? `sha256 ${entry.source.sha256.slice(0, 12)}` : ''];
          if (entry.note) parts.push(t('cli.log.note', { note: entry.note.split('\n')[0]! }));
          rows.push([range, ...parts]);
        } else {
          const evidence = await Promise.all((entry.evidence ?? []).map((e) => store.describeEvidence(ledger.slug, ledger, e)));
          rows.push([range, notArchived, evidence.length > 0 ? t('cli.log.listedOn', { evidence: evidence.join('; ') }) : '']);
        }
      }
      ctx.out.write(t('cli.log.header', { slug: ledger.slug, city: inert(ledger.city, 'terminal', { singleLine: true }), known: entries.length, archived: entries.filter((e) => e.archived).length }) + '\n');
      // Archived and not-archived rows have different columns: align each kind on its own, the range column for all.
      const rangeWidth = Math.max(...rows.map((r) => displayWidth(r[0]!)));
      const archived = padColumns(rows.filter((r) => r[1] !== notArchived).map((r) => r.slice(1)));
      let a = 0;
      for (const row of rows) {
        const rest = row[1] === notArchived ? row.slice(1).filter(Boolean).join('  ') : archived[a++]!;
        ctx.out.write(`${row[0]!}${' '.repeat(rangeWidth - displayWidth(row[0]!))}  ${rest}`.trimEnd() + '\n');
      }
    });
};
