/**
 * What the revision article (개인정보 처리방침의 변경) states: the effective date, the earlier versions it
 * lists, and the style it is written in, so that the notice can write the next one the same way.
 */
import type { Clause, EarlierVersion, IsoDate, Revision, RevisionStyle } from '../model.js';
import { findKoreanDates, type DateMatch } from './dates.js';

/** Each clause's text in document order (rows as their cells joined), depth first. */
export function clauseTexts(clauses: readonly Clause[]): string[] {
  return clauses.flatMap((c) => [c.text ?? (c.row ?? []).join(' '), ...clauseTexts(c.children ?? [])]);
}

const EFFECTIVE_SENTENCE = /(부터|로부터)\s*(적용|시행)|적용됩니다|적용한다|시행합니다|시행한다/u;
const RANGE_BETWEEN = /^\s*\.?\s*[~∼〜～-]\s*$/u;
const CUTOFF_AFTER = /^\.?\s*일?\s*이전/u;
const FROM_AFTER = /^\.?\s*일?\s*(부터|로부터)/u;
const DATED_LINE = /^(공고|시행|변경|개정)\s*일\s*자?\s*[:：]?/u;
const ENACTMENT_LINE = /^(제정|개정|전부\s*개정|일부\s*개정)\s*[:：]?\s*/u;

/** The evidence text of a listed version: the line without its [ ] wrapper. */
function evidenceText(text: string): string {
  const trimmed = text.trim();
  return /^\[.*\]$/u.test(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
}

function rangeOf(text: string, dates: DateMatch[]): EarlierVersion | null {
  for (let i = 0; i + 1 < dates.length; i++) {
    const [a, b] = [dates[i]!, dates[i + 1]!];
    if (RANGE_BETWEEN.test(text.slice(a.end, b.start))) return { from: a.iso, until: b.iso, text: evidenceText(text) };
  }
  return null;
}

function cutoffOf(text: string, dates: DateMatch[]): EarlierVersion | null {
  const date = dates.find((d) => CUTOFF_AFTER.test(text.slice(d.end)));
  return date ? { before: date.iso, text: evidenceText(text) } : null;
}

function startOf(v: EarlierVersion): IsoDate {
  return v.from ?? v.before ?? v.until ?? '';
}

function monotone(values: readonly string[]): boolean {
  const up = values.every((v, i) => i === 0 || values[i - 1]! <= v);
  const down = values.every((v, i) => i === 0 || values[i - 1]! >= v);
  return up || down;
}

export interface RevisionFindings {
  revision: Revision | null;
  notes: string[];
}

/**
 * Reads the revision article's clauses; `preamble` may hold a 제정/개정 list, and `supplementary`
 * (부칙) may state the effective date when the article does not.
 */
export function extractRevision(
  article: readonly Clause[] | null,
  preamble: readonly Clause[],
  supplementary: readonly Clause[],
): RevisionFindings {
  const notes: string[] = [];
  const texts = article ? clauseTexts(article) : [];
  let effective: IsoDate | null = null;
  let effectiveText: string | undefined;
  const earlier: EarlierVersion[] = [];
  let listedRanges = 0;
  let listedCutoffs = 0;
  const dated: Partial<Record<'announced' | 'enforced' | 'changed', { iso: IsoDate; text: string }>> = {};

  for (const text of texts) {
    const dates = findKoreanDates(text);
    if (effectiveText === undefined && EFFECTIVE_SENTENCE.test(text)) {
      effectiveText = text;
      effective = dates.find((d) => FROM_AFTER.test(text.slice(d.end)))?.iso ?? null;
      continue;
    }
    const datedLine = DATED_LINE.exec(text);
    if (datedLine && dates[0]) {
      const kind = datedLine[1] === '공고' ? 'announced' : datedLine[1] === '시행' ? 'enforced' : 'changed';
      dated[kind] ??= { iso: dates[0].iso, text };
      continue;
    }
    const range = rangeOf(text, dates);
    if (range) {
      earlier.push(range);
      listedRanges++;
      continue;
    }
    const cutoff = cutoffOf(text, dates);
    if (cutoff) {
      earlier.push(cutoff);
      listedCutoffs++;
    }
  }

  const hasDated = dated.announced || dated.enforced || dated.changed;
  if (hasDated && earlier.length === 0) {
    effective = dated.changed?.iso ?? dated.enforced?.iso ?? dated.announced?.iso ?? effective;
    if (dated.enforced && dated.changed && dated.enforced.iso < dated.changed.iso) {
      earlier.push({ from: dated.enforced.iso, before: dated.changed.iso, text: dated.enforced.text });
    }
  }

  // 부칙: "이 방침은 2024년 1월 1일부터 시행한다."
  if (effective === null) {
    for (const text of clauseTexts(supplementary)) {
      if (!EFFECTIVE_SENTENCE.test(text)) continue;
      const date = findKoreanDates(text).find((d) => FROM_AFTER.test(text.slice(d.end)));
      if (date) {
        effective = date.iso;
        effectiveText ??= text;
        notes.push(`effective date ${date.iso} read from the 부칙`);
        break;
      }
    }
  }

  // 제정 2011. 9. 30. / 개정 2015. 8. 26. above the preamble: evidence of earlier versions.
  const enactments = clauseTexts(preamble)
    .filter((t) => ENACTMENT_LINE.test(t))
    .map((t) => ({ text: t, iso: findKoreanDates(t)[0]?.iso }))
    .filter((e): e is { text: string; iso: IsoDate } => e.iso !== undefined)
    .sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
  let fromEnactments = false;
  if (earlier.length === 0 && enactments.length > 0) {
    for (let i = 0; i + 1 < enactments.length; i++) {
      earlier.push({ from: enactments[i]!.iso, before: enactments[i + 1]!.iso, text: enactments[i]!.text });
    }
    fromEnactments = true;
    if (effective === null) {
      effective = enactments[enactments.length - 1]!.iso;
      notes.push(`effective date ${effective} taken from the 제정/개정 list above the preamble ("${enactments[enactments.length - 1]!.text}")`);
    }
  }

  if (!article && !fromEnactments && effective === null) return { revision: null, notes };

  const listed = earlier.map(startOf);
  const outOfOrder = !monotone(listed);
  earlier.sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0));
  const style: RevisionStyle =
    listedRanges > 0
      ? 'ranges'
      : listedCutoffs > 0
        ? 'cutoffs'
        : hasDated || (fromEnactments && !article)
          ? 'dated'
          : effective && !fromEnactments
            ? 'cutoffs'
            : 'plain';

  const revision: Revision = {
    style,
    effective,
    ...(effectiveText === undefined ? {} : { effectiveText }),
    ...(dated.announced ? { announced: dated.announced.iso } : {}),
    ...(dated.enforced ? { enforced: dated.enforced.iso } : {}),
    ...(dated.changed ? { changed: dated.changed.iso } : {}),
    earlier,
    ...(outOfOrder ? { listedOutOfOrder: true } : {}),
  };
  return { revision, notes };
}
