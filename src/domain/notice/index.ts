/**
 * The change notice: the new revision article, the 신·구 대비표 and the announcement, built from two
 * versions and the city's ledger. Pure: the CLI resolves the versions and the ledger.
 *
 * The new version's own revision article is published as it is written; the notice compares it with the
 * ledger, and what disagrees (a stale date, an earlier version left out …) is for the officer, with the
 * corrected article, never in the public text. Only a version without one gets the article written here,
 * in the city's style.
 */
import { diffVersions } from '../diff/index.js';
import type { PolicyDiff } from '../diff/types.js';
import type { Article, IsoDate, LedgerEntry, PolicyVersion, RevisionStyle } from '../model.js';
import { InputError } from '../errors.js';
import { addDays, isIsoDate } from './dates.js';
import { compareRevisionWithLedger, earlierPeriodsFromLedger, earlierPeriodsFromRevision, writeRevisionArticle, DEFAULT_REVISION_TITLE, type RevisionComparison, type WrittenRevisionArticle } from './revision.js';
import { renderArticleText } from './text.js';
import { buildComparisonTable, type ComparisonRow } from './table.js';
import { writeAnnouncement, type Announcement, type Office } from './announcement.js';
import { t } from '../presentation/messages/index.js';

export * from './revision.js';
export * from './table.js';
export * from './announcement.js';
export { stripControls, articleHeading, renderArticleText } from './text.js';

export interface NoticeSide {
  /** How the version was named: `goyang@2020-07-17`, a file path. */
  label: string;
  version: PolicyVersion;
}

export interface NoticeInput {
  /** The version in force; null when the city has no earlier version. */
  from: NoticeSide | null;
  to: NoticeSide;
  /** The new version's effective date. */
  effective: IsoDate;
  /** The city's ledger (oldest first); empty without a store. */
  ledger: readonly LedgerEntry[];
  editorial?: boolean;
  /** The store's 기관 정보 for this body (name, 문의처, policy page), when the office filled it in. */
  office?: Office;
  /** The officer's reason for the change; replaces the one written from the diff. */
  reason?: string;
  /** The date of the 공고 (the caller's today, or the date the officer gives). */
  announced?: IsoDate;
}

export interface Notice {
  city: string;
  slug: string;
  from: { label: string; effective: IsoDate | null } | null;
  to: { label: string; effective: IsoDate | null };
  effective: IsoDate;
  style: RevisionStyle;
  /** The revision article as it will be published: the new version's own, or written from the ledger when it has none. */
  article: WrittenRevisionArticle;
  /** Where the article comes from: the new version's own text, or written by the notice. */
  articleSource: 'own' | 'written';
  /** The new version's own article against the ledger: for the officer, not the public text (null when written). */
  revisionCheck: RevisionComparison | null;
  /** The new version as it will be published (with its revision article). */
  published: PolicyVersion;
  diff: PolicyDiff | null;
  table: ComparisonRow[];
  announcement: Announcement;
}

function revisionArticleOf(version: PolicyVersion | undefined): Article | undefined {
  return version?.articles.find((article) => article.topic === 'revision');
}

export function buildNotice(input: NoticeInput): Notice {
  if (!isIsoDate(input.effective)) {
    throw new InputError(t('err.notice.notDate', { value: JSON.stringify(input.effective) }), { hint: t('err.notice.notDate.hint') });
  }
  const fromVersion = input.from?.version;
  if (fromVersion?.effective && fromVersion.effective >= input.effective) {
    throw new InputError(t('err.notice.notAfter', { date: input.effective, label: input.from!.label, from: fromVersion.effective }), {
      where: input.to.label,
      hint: t('err.notice.notAfter.hint'),
    });
  }
  const toVersion = input.to.version;
  const style: RevisionStyle = fromVersion?.revision?.style ?? toVersion.revision?.style ?? 'plain';
  const own = revisionArticleOf(toVersion);
  const ledgerPeriods = earlierPeriodsFromLedger(input.ledger, input.effective);
  const earlier =
    input.ledger.length > 0 ? ledgerPeriods : fromVersion ? earlierPeriodsFromRevision(fromVersion.revision, fromVersion.effective, input.effective) : [];
  let article: WrittenRevisionArticle;
  let revisionCheck: RevisionComparison | null = null;
  if (own && toVersion.revision) {
    article = { article: own, text: renderArticleText(own, toVersion.numbering), revision: toVersion.revision };
    revisionCheck = compareRevisionWithLedger({
      article: own,
      revision: toVersion.revision,
      ...(toVersion.numbering === undefined ? {} : { numbering: toVersion.numbering }),
      effective: input.effective,
      ledger: input.ledger,
      city: toVersion.city,
      earlierWithoutLedger: earlier,
    });
  } else {
    const existing = revisionArticleOf(fromVersion);
    article = writeRevisionArticle({
      style,
      number: Math.max(0, ...toVersion.articles.map((a) => a.number)) + 1,
      ...(toVersion.numbering === undefined ? {} : { numbering: toVersion.numbering }),
      articles: toVersion.articles,
      title: existing?.title ?? DEFAULT_REVISION_TITLE,
      newEffective: input.effective,
      earlier,
      city: toVersion.city,
      oldRevision: fromVersion?.revision ?? null,
    });
  }
  const articles = own ? toVersion.articles : [...toVersion.articles, article.article];
  const published: PolicyVersion = { ...toVersion, effective: input.effective, articles, revision: article.revision };

  const diff = input.from
    ? diffVersions(input.from.version, published, { editorial: input.editorial === true, oldLabel: input.from.label, newLabel: input.to.label })
    : null;
  const table = diff ? buildComparisonTable(diff, { editorial: input.editorial === true }) : [];
  // Where the policy is posted: the page the new version (or the one in force) was imported from.
  const sourceUrl = toVersion.source.url ?? fromVersion?.source.url;
  const announcement = writeAnnouncement({
    city: toVersion.city,
    diff,
    effective: input.effective,
    revisionArticle: article.article,
    articles: published.articles,
    ...(toVersion.numbering === undefined ? {} : { numbering: toVersion.numbering }),
    hasEarlier: earlier.length > 0,
    ...(input.office === undefined ? {} : { office: input.office }),
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    ...(input.announced === undefined ? {} : { announced: input.announced }),
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
  });
  return {
    city: toVersion.city,
    slug: toVersion.slug,
    from: input.from ? { label: input.from.label, effective: input.from.version.effective } : null,
    // A draft's own date is usually the stale one of its revision article: name it by the date it will take effect.
    to: { label: input.to.label, effective: input.effective },
    effective: input.effective,
    style,
    article,
    articleSource: own ? 'own' : 'written',
    revisionCheck,
    published,
    diff,
    table,
    announcement,
  };
}
export * from './render.js';
