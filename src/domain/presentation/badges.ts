/**
 * What a diff shows of each article entry, decided once for the diff report (text and Markdown) and
 * the diff screen: whether the entry is listed, and its badges. A badge is a semantic token; its
 * words come from the message catalogue and its colour from the UI's theme (src/ui/theme.tsx).
 */
import type { ArticleEntry } from '../diff/types.js';
import { t, type MessageKey } from './messages/index.js';

/** The status of an entry (신설 삭제 수정 분할 병합), its structural changes, and 편집 for editorial-only ones. */
export type BadgeToken = 'added' | 'removed' | 'modified' | 'split' | 'merged' | 'renumbered' | 'retitled' | 'moved' | 'editorial';

export interface Badge {
  token: BadgeToken;
  /** The entry carrying it is a substantive change (a renumbering of a rewritten article weighs more than one of an untouched article). */
  substantive: boolean;
}

/** How an entry is listed: as a substantive change, as an editorial one (only when editorial changes are shown), or not at all. */
export type Listing = 'substantive' | 'editorial' | undefined;

export function listing(entry: ArticleEntry, editorial: boolean): Listing {
  if (entry.substantive) return 'substantive';
  return editorial && (entry.status === 'modified' || entry.renumbered) ? 'editorial' : undefined;
}

/** Whether the report lists the entry and the screen marks it: substantive changes always, editorial ones on request. */
export function isListed(entry: ArticleEntry, editorial: boolean): boolean {
  return listing(entry, editorial) !== undefined;
}

/** A substantive change: the entries `n`/`N` visit, the screen opens on and the summary counts as 실질. */
export function isSubstantive(entry: ArticleEntry): boolean {
  return listing(entry, false) === 'substantive';
}

const STATUS_TOKENS: Readonly<Record<ArticleEntry['status'], BadgeToken | undefined>> = {
  unchanged: undefined,
  modified: 'modified',
  added: 'added',
  removed: 'removed',
  split: 'split',
  merged: 'merged',
};

/**
 * The badges of an entry, in order: its status (수정 only when substantive), then 번호변경 / 제목변경 /
 * 이동, then 편집 for an article whose text changed only editorially, when editorial changes are shown.
 */
export function entryBadges(entry: ArticleEntry, options: { editorial: boolean }): Badge[] {
  const tokens: BadgeToken[] = [];
  const status = STATUS_TOKENS[entry.status];
  // An article changed only editorially is no 수정: it gets 편집, and only when editorial changes are shown.
  if (status !== undefined && entry.substantive) tokens.push(status);
  if (entry.renumbered) tokens.push('renumbered');
  if (entry.retitled) tokens.push('retitled');
  if (entry.moved) tokens.push('moved');
  if (options.editorial && entry.status === 'modified' && !entry.substantive) tokens.push('editorial');
  return tokens.map((token) => ({ token, substantive: entry.substantive }));
}

const LABEL_KEYS: Readonly<Record<BadgeToken, MessageKey>> = {
  added: 'badge.added',
  removed: 'badge.removed',
  modified: 'badge.modified',
  split: 'badge.split',
  merged: 'badge.merged',
  renumbered: 'badge.renumbered',
  retitled: 'badge.retitled',
  moved: 'badge.moved',
  editorial: 'badge.editorial',
};

/** The badge's word: 신설, 삭제, 수정, 분할, 병합, 번호변경, 제목변경, 이동, 편집. */
export function badgeLabel(token: BadgeToken): string {
  return t(LABEL_KEYS[token]);
}
