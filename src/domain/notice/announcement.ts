/**
 * The announcement (공고문) as Korean public bodies post it: title, the legal basis and the body, then
 * numbered items — 변경 사유, 주요 변경 내용, 시행일, 문의처, where earlier versions are — and the date
 * of the 공고 with the body as signer.
 *
 * Each field says where it comes from: the reason is the officer's (`reason`), else a sentence naming
 * the changed articles, written from the diff; the body, its 문의처 and the policy page's address come
 * from the store's 기관 정보 (`office`) when the office filled it in, else from the policy itself (its
 * name, its 보호책임자 article, the page it was imported from). What neither gives is left out, never
 * made up: no 공고 number, no office-holder's title, no date the caller did not give.
 */
import type { ArticleEntry, PolicyDiff } from '../diff/types.js';
import { onlyRestyled, refLabel } from '../diff/labels.js';
import type { Article, IsoDate, NumberingScheme } from '../model.js';
import { korean } from './dates.js';
import { factDetail, refHeading, rowArticle } from './table.js';
import { articleHeading } from './text.js';
import { contactFromArticle, officerArticle, type Contact } from './contact.js';

export type { Contact } from './contact.js';

/** What an office fills in once (bangchim.yaml's `offices.<slug>`): every field optional. */
export interface Office {
  /** The body's name as it signs its notices (고양특례시). */
  name?: string;
  department?: string;
  phone?: string;
  email?: string;
  /** The address of the page where the policy (and its earlier versions) is published. */
  url?: string;
}

export const OFFICE_FIELDS = ['name', 'department', 'phone', 'email', 'url'] as const satisfies readonly (keyof Office)[];

/** The 문의처 and where it was read: the office's 기관 정보, or the policy's article (its heading). */
export type AnnouncementContact = Contact & ({ from: 'office' } | { from: 'policy'; article: string });

export interface Announcement {
  /** A first policy (수립), a change, or a change whose earlier text is not archived (nothing to compare). */
  kind: 'first' | 'change' | 'change-unarchived';
  title: string;
  /** The body, as it signs. */
  body: string;
  /** The reason as it will be posted: the officer's, else `suggestedReason`. */
  reason: string;
  /** The reason written from the diff (what `reason` is before the officer edits it). */
  suggestedReason: string;
  /** 주요 변경 내용, one line per changed article (and a count first). */
  changes: string[];
  effective: IsoDate;
  /** The date of the 공고; absent when the caller gave none. */
  announced?: IsoDate;
  contact: AnnouncementContact | null;
  /** The address of the policy page, from the office's 기관 정보 or the version's source. */
  url?: string;
  /** The new revision article's heading, where earlier versions are listed. */
  revisionHeading: string;
}

export interface AnnouncementInput {
  city: string;
  /** Null when the city has no earlier version: the policy is published for the first time. */
  diff: PolicyDiff | null;
  effective: IsoDate;
  revisionArticle: Article;
  /** The new version's articles (its 보호책임자 article gives the 문의처). */
  articles: readonly Article[];
  /** How the new version numbers its articles (default 'article', 제N조). */
  numbering?: NumberingScheme;
  /** Earlier versions are known (listed in the revision article) even when none can be compared. */
  hasEarlier?: boolean;
  /** The office's 기관 정보 for this body, if filled in. */
  office?: Office;
  /** The officer's reason; replaces the one written from the diff. */
  reason?: string;
  /** The address the policy was imported from, when the office gave no url. */
  sourceUrl?: string;
  /** The date of the 공고. */
  announced?: IsoDate;
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

const CONTACT_FACTS = new Set(['person', 'department', 'phone', 'email']);

/** "개인정보 보호책임자 연락처 변경", "가명정보의 처리 신설": what changed in an article, by its own title. */
function reasonPart(entry: ArticleEntry): string | null {
  const ref = entry.new[0] ?? entry.old[0];
  if (ref === undefined || entry.topic === 'revision') return null;
  if (entry.status === 'added') return `${ref.title} 신설`;
  if (entry.status === 'removed') return `${ref.title} 삭제`;
  if (entry.facts.length > 0 && entry.facts.every((fact) => CONTACT_FACTS.has(fact.kind))) return `${ref.title} 연락처 변경`;
  return `${ref.title} 변경`;
}

/** "A, B 및 C"; more than `max` names the first ones and counts the rest. */
function listed(parts: readonly string[], max = 4): string {
  if (parts.length > max) return `${parts.slice(0, max - 1).join(', ')} 등 ${parts.length}개 사항`;
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} 및 ${parts.at(-1)}`;
}

/** The reason a 공고 states, written from the diff: the changed articles by title, "… 변경에 따른 개정". */
export function suggestReason(diff: PolicyDiff | null): string {
  if (diff === null) return '개인정보 처리방침 수립';
  const parts = [...new Set(diff.articles.filter((e) => e.substantive).map(reasonPart).filter((p): p is string => p !== null))];
  if (parts.length > 0) return `${listed(parts)}에 따른 개정`;
  if (diff.articles.some((e) => e.renumbered)) return '조문 번호 정비에 따른 개정';
  return '시행일 변경에 따른 개정';
}

/** The 문의처: the office's when it gave any contact, else what the policy's 보호책임자 article prints. */
function contactOf(input: AnnouncementInput): AnnouncementContact | null {
  const office = input.office ?? {};
  if (office.department !== undefined || office.phone !== undefined || office.email !== undefined) {
    return { from: 'office', ...pickContact(office) };
  }
  const article = officerArticle(input.articles);
  if (article === undefined) return null;
  const found = contactFromArticle(article);
  return { from: 'policy', article: articleHeading(article, input.numbering), ...(found === null ? {} : pickContact(found)) };
}

function pickContact(from: Contact): Contact {
  const out: Contact = {};
  if (from.department !== undefined) out.department = from.department;
  if (from.phone !== undefined) out.phone = from.phone;
  if (from.email !== undefined) out.email = from.email;
  return out;
}

/** "정보통신담당관 (전화 031-8075-2593, 전자우편 …)"; with nothing printed, the article to read. */
export function contactText(contact: AnnouncementContact): string {
  const means = [contact.phone === undefined ? '' : `전화 ${contact.phone}`, contact.email === undefined ? '' : `전자우편 ${contact.email}`].filter(Boolean).join(', ');
  const said = [contact.department ?? '', means === '' ? '' : contact.department === undefined ? means : `(${means})`].filter(Boolean).join(' ');
  if (said !== '') return said;
  return contact.from === 'policy' ? `개인정보 처리방침 ${contact.article} 참조` : '';
}

function changeLines(input: AnnouncementInput, diff: PolicyDiff): string[] {
  const substantive = diff.articles.filter((e) => e.substantive);
  const renumbered = diff.articles.filter((e) => !e.substantive && e.renumbered);
  const items = substantive.map(itemOf).filter((item): item is string => item !== null);
  const max = input.maxItems ?? 8;
  const lines: string[] = [];
  const { added, removed, modified } = diff.summary;
  const counts = [added > 0 ? `신설 ${added}` : '', removed > 0 ? `삭제 ${removed}` : '', modified > 0 ? `개정 ${modified}` : ''].filter(Boolean);
  if (counts.length > 0) lines.push(`변경 조문: ${counts.join(', ')}`);
  lines.push(...items.slice(0, max));
  if (items.length > max) lines.push(`그 밖의 ${items.length - max}개 조문 변경 (신·구 대비표 참조)`);
  // A heading restyled in another scheme (가. → 제1조) is said once for all; a real renumbering pair by pair.
  const restyled = renumbered.filter((e) => onlyRestyled(e.old[0]!, e.new[0]!));
  const moved = renumbered.filter((e) => !restyled.includes(e));
  if (restyled.length > 0) {
    const first = restyled[0]!;
    lines.push(`조문 번호 표기 변경: ${refLabel(first.old[0]!)} → ${rowArticle(first)}${restyled.length > 1 ? ` 등 ${restyled.length}개 조문` : ''} (내용 변경 없음)`);
  }
  if (moved.length > 0) {
    // Name each renumbering when there are few; a long run is summarised (the table lists them all).
    const pairs = moved.map((e) => `${refLabel(e.old[0]!)} → ${rowArticle(e)}`);
    const named = pairs.length <= 3 ? pairs.join(', ') : `${pairs[0]} 등 ${pairs.length}개 조문`;
    lines.push(`조문 번호 변경: ${named} (내용 변경 없음)`);
  }
  if (items.length === 0 && renumbered.length === 0) lines.push('시행일 변경 외 내용 변경 없음');
  return lines;
}

/** The announcement laid out: its opening sentence, numbered items (주요 변경 내용 with sub-items), and the closing. */
export interface AnnouncementLayout {
  opening: string;
  items: { text: string; sub: string[] }[];
  /** The date of the 공고 (when given) and the body as signer. */
  closing: string[];
}

export function announcementLayout(a: Announcement): AnnouncementLayout {
  const first = a.kind === 'first';
  const opening = first
    ? `「개인정보 보호법」 제30조에 따라 ${a.body}의 개인정보 처리방침을 다음과 같이 수립하여 공고합니다.`
    : `「개인정보 보호법」 제30조 제2항에 따라 ${a.body}의 개인정보 처리방침을 다음과 같이 변경하여 공고합니다.`;
  const items: AnnouncementLayout['items'] = [{ text: `${first ? '수립' : '변경'} 사유: ${a.reason}`, sub: [] }];
  if (a.kind === 'change') items.push({ text: '주요 변경 내용', sub: a.changes });
  if (a.kind === 'change-unarchived') items.push({ text: '주요 변경 내용: 변경 전 개인정보 처리방침의 본문이 보관되어 있지 않아 비교하지 못했습니다', sub: [] });
  items.push({ text: `시행일: ${korean(a.effective)}`, sub: [] });
  const contact = a.contact === null ? '' : contactText(a.contact);
  if (contact !== '') items.push({ text: `문의처: ${contact}`, sub: [] });
  // The address last and apart, so that nothing glued to it is taken for part of it.
  if (!first) items.push({ text: `이전 개인정보 처리방침: 개인정보 처리방침 ${a.revisionHeading}에서 확인하실 수 있습니다${a.url === undefined ? '' : ` (${a.url})`}.`, sub: [] });
  else if (a.url !== undefined) items.push({ text: `게시 위치: ${a.url}`, sub: [] });
  return { opening, items, closing: [...(a.announced === undefined ? [] : [korean(a.announced)]), a.body] };
}

/** The announcement as plain lines ("1. …", sub-items "   - …", '' between blocks): the text and JSON forms. */
export function announcementLines(a: Announcement): string[] {
  const { opening, items, closing } = announcementLayout(a);
  return [opening, '', ...items.flatMap((item, k) => [`${k + 1}. ${item.text}`, ...item.sub.map((sub) => `   - ${sub}`)]), '', ...closing];
}

/** The announcement with the officer's reason (an empty one restores the reason written from the diff). */
export function withReason(a: Announcement, reason: string): Announcement {
  // One sentence on one line, however it was typed or pasted.
  const given = reason.replace(/\s+/gu, ' ').trim();
  return { ...a, reason: given === '' ? a.suggestedReason : given };
}

export function writeAnnouncement(input: AnnouncementInput): Announcement {
  const kind = input.diff !== null ? 'change' : input.hasEarlier === true ? 'change-unarchived' : 'first';
  // With nothing to compare, the diff cannot say what changed: the officer says it (the UI and --reason ask).
  const suggestedReason = kind === 'change-unarchived' ? '개인정보 처리방침 변경' : suggestReason(input.diff);
  const url = input.office?.url ?? input.sourceUrl;
  return withReason(
    {
      kind,
      title: kind === 'first' ? '개인정보 처리방침 수립 공고' : '개인정보 처리방침 변경 공고',
      body: input.office?.name ?? input.city,
      reason: suggestedReason,
      suggestedReason,
      changes: input.diff === null ? [] : changeLines(input, input.diff),
      effective: input.effective,
      ...(input.announced === undefined ? {} : { announced: input.announced }),
      contact: contactOf(input),
      ...(url === undefined ? {} : { url }),
      revisionHeading: articleHeading(input.revisionArticle, input.numbering),
    },
    input.reason ?? '',
  );
}
