/**
 * `bangchim office CITY [--name …] [--department …] [--phone …] [--email …] [--url …] [--json]`: shows the
 * body's 기관 정보 (bangchim.yaml `offices.<slug>`), or sets the fields given (one commit; `""` removes a
 * field). The 공고문 uses them in place of what it reads from the policy: the name it signs with, the
 * 문의처, the address of the policy page.
 */
import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { RefError } from '../../domain/errors.js';
import { SLUG_PATTERN } from '../../domain/schema.js';
import { t } from '../../domain/presentation/messages/index.js';
import { OFFICE_FIELDS, type Office } from '../../domain/notice/announcement.js';
import { contactFromArticle, officerArticle } from '../../domain/notice/contact.js';
import { articleHeading } from '../../domain/notice/text.js';
import { readOffice, setOffice, type OfficeField } from '../../store/config.js';
import { locateWritable } from '../../app/session.js';
import { STORE_MARKER } from '../../store/paths.js';
import { padColumns } from './log.js';

const FIELD_LABELS: Record<OfficeField, () => string> = {
  name: () => t('cli.office.field.name'),
  department: () => t('cli.office.field.department'),
  phone: () => t('cli.office.field.phone'),
  email: () => t('cli.office.field.email'),
  url: () => t('cli.office.field.url'),
};

export const registerOffice: RegisterCommand = (program, ctx) => {
  program
    .command('office')
    .description(t('cli.office.description'))
    .argument('<city>', t('cli.arg.city'))
    .option('--name <name>', t('cli.office.optName'))
    .option('--department <department>', t('cli.office.optDepartment'))
    .option('--phone <phone>', t('cli.office.optPhone'))
    .option('--email <email>', t('cli.office.optEmail'))
    .option('--url <url>', t('cli.office.optUrl'))
    .option('--json', t('cli.office.optJson'))
    .action(async (given, options) => {
      const changes: Partial<Record<OfficeField, string>> = {};
      for (const field of OFFICE_FIELDS) if (options[field] !== undefined) changes[field] = options[field];
      // Setting writes the store: never the hidden sample store (as draft and publish), showing reads any.
      const session = Object.keys(changes).length > 0 ? await locateWritable(ctx.place()) : await ctx.session();
      // A body's Korean name (고양, 고양특례시) works where a slug does.
      const city = await session.citySlug(given);
      if (!SLUG_PATTERN.test(city)) throw new RefError(t('cli.office.notSlug', { city }), { where: city, hint: t('cli.office.notSlugHint') });
      const ledger = await session.ledger(city);
      let office: Office;
      let commit: string | null = null;
      if (Object.keys(changes).length > 0) ({ office, commit } = await setOffice(session.store, city, changes));
      else office = readOffice(session.dir, city);
      // What the notice uses for the fields left empty: the policy's own name and 문의처.
      const newest = await session.resolve(city).catch(() => null);
      const article = newest ? officerArticle(newest.version.articles) : undefined;
      const fromPolicy = article ? contactFromArticle(article) : null;
      if (options.json) {
        writeJson(ctx.out, {
          slug: city,
          city: ledger.city,
          office,
          commit,
          policyContact: article === undefined ? null : { article: articleHeading(article, newest!.version.numbering), ...(fromPolicy ?? {}) },
        });
        return;
      }
      if (commit !== null) ctx.err.write(t('cli.office.wrote', { file: STORE_MARKER, commit: commit.slice(0, 7) }) + '\n');
      else if (Object.keys(changes).length > 0) ctx.err.write(t('cli.office.unchanged') + '\n');
      ctx.out.write(t('cli.office.heading', { city: ledger.city, slug: city, file: STORE_MARKER }) + '\n');
      ctx.out.write(padColumns(OFFICE_FIELDS.map((field) => ['  ' + FIELD_LABELS[field](), office[field] ?? t('cli.office.empty')])).join('\n') + '\n');
      const contactGiven = office.department !== undefined || office.phone !== undefined || office.email !== undefined;
      if (!contactGiven) {
        const said = [fromPolicy?.department, fromPolicy?.phone, fromPolicy?.email].filter((v) => v !== undefined).join(', ');
        ctx.out.write(
          (article === undefined
            ? t('cli.office.noPolicyContact')
            : t('cli.office.policyContact', { article: articleHeading(article, newest!.version.numbering), contact: said === '' ? t('cli.office.nothingPrinted') : said })) + '\n',
        );
      }
      if (office.name === undefined) ctx.out.write(t('cli.office.nameFromPolicy', { city: ledger.city }) + '\n');
      if (Object.keys(changes).length === 0 && Object.keys(office).length === 0) ctx.out.write(t('cli.office.howToSet', { slug: city }) + '\n');
    });
};
