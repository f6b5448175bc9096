/**
 * The announcement (개인정보 처리방침 변경 안내): the city, what changed in a few lines (from the diff's
 * summary and facts), the effective date, and where earlier versions can be read.
 */
import type { ArticleEntry, PolicyDiff } from '../diff/types.js';
import { onlyRestyled, refLabel } from '../diff/labels.js';
import type { Article, IsoDate, NumberingScheme } from '../model.js';
import { korean } from './dates.js';
import { factDetail, refHeading, rowArticle } from './table.js';
import { articleHeading } from './text.js';

export interface Announcement {
  title: string;
  /** Paragraphs and list items, in order; items start with "- ". */
  lines: string[];
}

export interface AnnouncementInput {
  city: string;
  /** Null when the city has no earlier version: the policy is published for the first time. */
  diff: PolicyDiff | null;
  effective: IsoDate;
  revisionArticle: Article;
  /** How the new version numbers its articles (default 'article', 제N조). */
  numbering?: NumberingScheme;
  /** Earlier versions are known (listed in the revision article) even when none can be compared. */
  hasEarlier?: boolean;
  /** How many changed articles to name before "외 N개 조문". */
  maxItems?: number;
}

function titled(entry: ArticleEntry): string {
  const ref = entry.new[0] ?? entry.old[0];
  return ref === undefined ? '' : refHeading(ref);
}

function itemOf(entry: ArticleEntry): string | null {
  if (entry.status === 'added') return `${titled(entry)} 신설`;
  if (entry.status === 'removed') return `현행 ${titled(entry)} 삭제`;
  if (entry.topic === 'revision') return null; // the effective date line says it
  const details = entry.facts.map((fact) => factDetail(fact));
  if (entry.status === 'split') return `${titled(entry)}: 조문 분리`;
  if (entry.status === 'merged') return `${titled(entry)}: 조문 통합`;
  if (details.length > 0) return `${titled(entry)}: ${details.slice(0, 3).join(', ')}${details.length > 3 ? ` 외 ${details.length - 3}건` : ''}`;
  if (entry.retitled) return `${titled(entry)}: 제목 및 내용 변경`;
  return `${titled(entry)}: 내용 변경`;
}

export function writeAnnouncement(input: AnnouncementInput): Announcement {
  const date = korean(input.effective);
  const where = `이전의 개인정보 처리방침은 ${articleHeading(input.revisionArticle, input.numbering)}에서 확인하실 수 있습니다.`;
  if (input.diff === null && input.hasEarlier === true) {
    // Earlier versions exist but none is archived to compare with: say it changed, not what.
    return {
      title: '개인정보 처리방침 변경 안내',
      lines: [`${input.city}의 개인정보 처리방침이 변경되어 ${date}부터 적용됩니다.`, '', `시행일: ${date}`, where],
    };
  }
  if (input.diff === null) {
    return {
      title: '개인정보 처리방침 안내',
      lines: [`${input.city}의 개인정보 처리방침을 다음과 같이 수립하여 ${date}부터 적용합니다.`, `- 시행일: ${date}`],
    };
  }
  const substantive = input.diff.articles.filter((e) => e.substantive);
  const renumbered = input.diff.articles.filter((e) => !e.substantive && e.renumbered);
  const items = substantive.map(itemOf).filter((item): item is string => item !== null);
  const max = input.maxItems ?? 8;
  const lines = [`${input.city}의 개인정보 처리방침이 다음과 같이 변경되어 ${date}부터 적용됩니다.`, '', '주요 변경 내용'];
  const { added, removed, modified } = input.diff.summary;
  const counts = [added > 0 ? `신설 ${added}` : '', removed > 0 ? `삭제 ${removed}` : '', modified > 0 ? `개정 ${modified}` : ''].filter(Boolean);
  if (counts.length > 0) lines.push(`- 변경 조문: ${counts.join(', ')}`);
  for (const item of items.slice(0, max)) lines.push(`- ${item}`);
  if (items.length > max) lines.push(`- 그 밖의 ${items.length - max}개 조문 변경 (신·구 대비표 참조)`);
  // A heading restyled in another scheme (가. → 제1조) is said once for all; a real renumbering pair by pair.
  const restyled = renumbered.filter((e) => onlyRestyled(e.old[0]!, e.new[0]!));
  const moved = renumbered.filter((e) => !restyled.includes(e));
  if (restyled.length > 0) {
    const first = restyled[0]!;
    lines.push(`- 조문 번호 표기 변경: ${refLabel(first.old[0]!)} → ${rowArticle(first)}${restyled.length > 1 ? ` 등 ${restyled.length}개 조문` : ''} (내용 변경 없음)`);
  }
  if (moved.length > 0) {
    // Name each renumbering when there are few; a long run is summarised (the table lists them all).
    const pairs = moved.map((e) => `${refLabel(e.old[0]!)} → ${rowArticle(e)}`);
    const named = pairs.length <= 3 ? pairs.join(', ') : `${pairs[0]} 등 ${pairs.length}개 조문`;
    lines.push(`- 조문 번호 변경: ${named} (내용 변경 없음)`);
  }
  if (items.length === 0 && renumbered.length === 0) lines.push('- 시행일 변경 외 내용 변경 없음');
  lines.push('', `시행일: ${date}`, where);
  return { title: '개인정보 처리방침 변경 안내', lines };
}
