import { displayWidth } from '../../domain/presentation/width.js';
import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { RefError } from '../../domain/errors.js';
import { SLUG_PATTERN } from '../../domain/schema.js';
import { inert } from '../../domain/presentation/inert.js';
import { STATUS_LABELS, versionStatus } from '../../domain/ledger.js';
import { todayFrom } from '../../app/today.js';

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
    .description("list every known version of a city, oldest first: archived ones with tag, commit and source; the others with the page line that reveals them")
    .argument('<city>', 'the city slug (goyang)')
    .option('--json', 'print JSON')
    .action(async (city, options) => {
      if (!SLUG_PATTERN.test(city)) throw new RefError(`"${city}" is not a city slug`, { where: city, hint: 'give a slug like goyang; `bangchim list` shows them' });
      const store = await ctx.session();
      const { ledger, entries } = await store.log(city);
      const today = todayFrom(ctx.env);
      const status = (entry: (typeof entries)[number]) => versionStatus(ledger, ledger.versions.find((v) => v.effective === entry.effective && v.until === entry.until) ?? entry, today);
      if (options.json) {
        writeJson(ctx.out, { slug: ledger.slug, city: ledger.city, today, versions: entries.map((entry) => ({ ...entry, status: status(entry) })) });
        return;
      }
      const rows: string[][] = [];
      for (const entry of entries) {
        const state = status(entry);
        const range = `${entry.effective ?? '(start not stated)'} … ${entry.until ?? ''}${state === 'superseded' ? '' : `${entry.until ? ' ' : ''}(${STATUS_LABELS[state]})`}`;
        if (entry.archived) {
          const parts = [entry.tag ?? '?', entry.commit ? entry.commit.slice(0, 7) : '(tag missing)', entry.source?.file ?? '-', entry.source ? `sha256 ${entry.source.sha256.slice(0, 12)}` : ''];
          if (entry.note) parts.push(`note: ${entry.note.split('\n')[0]}`);
          rows.push([range, ...parts]);
        } else {
          const evidence = await Promise.all((entry.evidence ?? []).map((e) => store.describeEvidence(ledger.slug, ledger, e)));
          rows.push([range, 'text not archived', evidence.length > 0 ? `(listed on ${evidence.join('; ')})` : '']);
        }
      }
      ctx.out.write(`${ledger.slug} (${inert(ledger.city, 'terminal', { singleLine: true })}): ${entries.length} version${entries.length === 1 ? '' : 's'} known, ${entries.filter((e) => e.archived).length} archived\n`);
      // Archived and not-archived rows have different columns: align each kind on its own, the range column for all.
      const rangeWidth = Math.max(...rows.map((r) => displayWidth(r[0]!)));
      const archived = padColumns(rows.filter((r) => r[1] !== 'text not archived').map((r) => r.slice(1)));
      let a = 0;
      for (const row of rows) {
        const rest = row[1] === 'text not archived' ? row.slice(1).filter(Boolean).join('  ') : archived[a++]!;
        ctx.out.write(`${row[0]!}${' '.repeat(rangeWidth - displayWidth(row[0]!))}  ${rest}`.trimEnd() + '\n');
      }
    });
};
