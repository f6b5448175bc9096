/**
 * What the revision article (개인정보 처리방침의 변경) states: the effective date, the earlier versions it
 * lists, and the style it is written in, so that the notice can write the next one the same way.
 *
 * The effective date is the one the article's 시행/적용 sentence states ("… 2023. 7. 26.부터 적용됩니다",
 * "… 변경되었으며 즉시 적용됩니다", "이 방침은 2023년 7월 26일부터 시행한다"); failing that the 부칙's,
 * then the preamble's own sentence. A date in a list, a version drop-down or a 라벨링 box never is.
 * Every line that names an earlier version is kept as its evidence; a list that contradicts the
 * sentence is reported.
 */
import type { Clause, EarlierVersion, IsoDate, IsoMonth, Revision, RevisionStyle, Section } from '../model.js';
import { findKoreanDates, findStatedDates, type DateMatch } from './dates.js';
import { t } from '../presentation/messages/index.js';

/** Each clause's text in document order (rows as their cells joined), depth first. */
export function clauseTexts(clauses: readonly Clause[]): string[] {
  return clauses.flatMap((c) => [c.text ?? (c.row ?? []).join(' '), ...clauseTexts(c.children ?? [])]);
}

/** A line of the article: its text, and its cells when it is a table row. */
interface Line {
  text: string;
  cells?: string[];
}

function linesOf(clauses: readonly Clause[]): Line[] {
  return clauses.flatMap((c): Line[] => [c.row ? { text: c.row.join(' '), cells: c.row } : { text: c.text ?? '' }, ...linesOf(c.children ?? [])]);
}

const EFFECTIVE_SENTENCE = /(부터|로부터)\s*(적용|시행)|적용됩니다|적용한다|적용합니다|시행합니다|시행한다|시행됩니다|즉시\s*적용/u;
/** The policy as a sentence's subject: "이 방침은", "본 개인정보 처리방침은". */
const SUBJECT = /(이|본|당|해당)?\s*(개인정보\s*)?(처리|취급)?\s*방침[은는이]/u;
/** "… 2020. 5. 1., 2021. 7. 1. 변경되었으며": the sentence itself lists every change. */
const CHANGED_PHRASE = /(변경|개정)\s*(되었|됐|하였|했)/u;
const RANGE_BETWEEN = /^\s*\.?\s*(일\s*)?([~∼〜～-]|부터\s*[~∼〜～-]?)\s*$/u;
const TO_PRESENT = /^\s*\.?\s*[~∼〜～-]\s*(현재|현행)/u;
const CUTOFF_AFTER = /^\.?\s*일?\s*이전/u;
const FROM_AFTER = /^\.?\s*일?\s*(부터|로부터)/u;
/** "… 2023. 7. 26. 시행합니다", "… 2023. 7. 26.자로 적용": a date the sentence puts in force without 부터. */
const IN_FORCE_AFTER = /^\.?\s*일?\s*(자로|에|자)?\s*(시행|적용)/u;
const DATED_LINE = /^(공고|시행|변경|개정)\s*일\s*자?\s*[:：]?/u;
const DATED_LABELS = /(공고|시행|변경|개정)\s*일\s*자?\s*[:：]?\s*/gu;
const ENACTMENT = /(제정|전부\s*개정|일부\s*개정|개정)\s*[:：]?\s*(?=\d{4})/gu;
const ENACTMENT_LINE = /^[\s\-·•]*(제정|개정|전부\s*개정|일부\s*개정)\s*[:：]?\s*\d{4}/u;
/** Words of a line that links to an earlier version's text. */
const LINK_WORD = /보기|다운로드|바로\s*가기|클릭|자료|열람|내려받기|\.pdf|\.hwp/iu;
const SENTENCE_END = /(니다|한다|된다|있다)\s*\.?\s*$/u;
/** A version drop-down's placeholder option. */
const SELECT_PLACEHOLDER = /^[\s\-–—=:]*(버전\s*)?선택[\s\-–—=:]*$|^이전\s*(버전|방침)\s*(선택|보기)\s*$/u;
/** A change-history table's header cells. */
const HISTORY_HEADER = /차수|순번|번호|연번|개정\s*일|변경\s*일|시행\s*일|적용\s*일|공고\s*일|일자|버전/u;
const SUPPLEMENTARY_TITLE = /부\s*칙/u;

/** The evidence text of a listed version: the line without its [ ] wrapper. */
function evidenceText(text: string): string {
  const trimmed = text.trim();
  return /^\[.*\]$/u.test(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
}

/**
 * Orders `YYYY-MM-DD` and `YYYY-MM` at the precision both have: 2022-09 and 2022-09-15 are the same month.
 * Digits and dashes in fixed places order by code unit (a collator, cold, costs ~15 ms to build and ask).
 */
function compareStated(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  const [x, y] = [a.slice(0, length), b.slice(0, length)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function startOf(v: EarlierVersion): string {
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

/** What one line of a listing says. */
type Listed =
  | { kind: 'ranges' | 'cutoffs' | 'links' | 'history-table' | 'enactments'; versions: EarlierVersion[] }
  | { kind: 'current'; from: string; text: string }
  | { kind: 'placeholder' };

/** The date the effective sentence puts in force, and for a cumulative sentence the earlier dates it lists. */
interface Sentence {
  text: string;
  date: DateMatch | null;
  cumulative: DateMatch[] | null;
}

function readSentence(text: string): Sentence {
  const dates = findStatedDates(text);
  const changed = CHANGED_PHRASE.exec(text);
  if (changed && dates.length > 0 && dates[0]!.start < changed.index) {
    // 2019. 3. 1.부터 시행되며, 2020. 5. 1., 2021. 7. 1. 변경되었으며 [2022. 1. 1.부터 변경된 방침을 적용합니다]
    const listed = dates.filter((d) => d.start < changed.index);
    const after = dates.find((d) => d.start > changed.index && (FROM_AFTER.test(text.slice(d.end)) || IN_FORCE_AFTER.test(text.slice(d.end))));
    if (after) return { text, date: after, cumulative: listed };
    return { text, date: listed[listed.length - 1]!, cumulative: listed.slice(0, -1) };
  }
  const date =
    dates.find((d) => FROM_AFTER.test(text.slice(d.end))) ?? dates.find((d) => IN_FORCE_AFTER.test(text.slice(d.end))) ?? null;
  return { text, date, cumulative: null };
}

function isLinkLine(text: string): boolean {
  return LINK_WORD.test(text) && !SENTENCE_END.test(text);
}

/** The effective sentence: the first sentence (not a list line) that puts a date in force, else the first that states none. */
function findSentence(lines: readonly Line[]): Sentence | null {
  let undated: Sentence | null = null;
  for (const line of lines) {
    if (line.cells || isLinkLine(line.text)) continue;
    const stating = EFFECTIVE_SENTENCE.test(line.text);
    // "이 방침은 2019. 3. 1. 제정되었으며, 2020. 5. 1. 개정되었습니다." states its dates without 시행/적용.
    if (!stating && !(CHANGED_PHRASE.test(line.text) && SUBJECT.test(line.text))) continue;
    const sentence = readSentence(line.text);
    if (sentence.date) return sentence;
    if (stating) undated ??= sentence;
  }
  return undated;
}

/** The column of a change-history table that dates each version: 시행일 when the table has one. */
function dateColumn(header: readonly string[]): number | null {
  const pick = (pattern: RegExp): number => header.findIndex((cell) => pattern.test(cell));
  for (const pattern of [/시행|적용/u, /개정|변경|공고/u, /일자|날짜|일시/u]) {
    const index = pick(pattern);
    if (index >= 0) return index;
  }
  return null;
}

function enactmentsOf(text: string): EarlierVersion[] {
  const found: EarlierVersion[] = [];
  for (const m of text.matchAll(ENACTMENT)) {
    const date = findStatedDates(text.slice(m.index + m[0].length))[0];
    if (date && date.start === 0) found.push({ from: date.iso, text: evidenceText(text) });
  }
  return found;
}

/** Consecutive 제정/개정 dates: each version runs until the next one begins. */
function chained(versions: readonly EarlierVersion[]): EarlierVersion[] {
  const sorted = [...versions].sort((a, b) => compareStated(startOf(a), startOf(b)));
  return sorted.map((v, i) => (sorted[i + 1] ? { ...v, before: sorted[i + 1]!.from! } : { ...v }));
}

/** Reads one line of the article other than its effective sentence. */
function readListed(line: Line, table: { column: number | null } | null): Listed | null {
  const text = line.text;
  const trimmed = evidenceText(text);
  if (SELECT_PLACEHOLDER.test(trimmed)) return { kind: 'placeholder' };
  const dates = findStatedDates(text);
  if (dates.length === 0) return null;
  if (line.cells && table) {
    const cell = table.column === null ? undefined : line.cells[table.column];
    const date = (cell === undefined ? undefined : findStatedDates(cell)[0]) ?? dates[0]!;
    return { kind: 'history-table', versions: [{ from: date.iso, text: line.cells.map((c) => c.trim()).join(' | ') }] };
  }
  for (let i = 0; i < dates.length; i++) {
    const [a, b] = [dates[i]!, dates[i + 1]];
    if (b && RANGE_BETWEEN.test(text.slice(a.end, b.start))) return { kind: 'ranges', versions: [{ from: a.iso, until: b.iso, text: trimmed }] };
    if (TO_PRESENT.test(text.slice(a.end))) return { kind: 'current', from: a.iso, text: trimmed };
  }
  const label = DATED_LINE.exec(trimmed);
  if (ENACTMENT_LINE.test(trimmed)) {
    const versions = enactmentsOf(trimmed);
    if (versions.length > 0) return { kind: 'enactments', versions };
  }
  // "개정일자 : 2022. 9. 1. 이전 자료보기" dates the version by its label; "2024년 9월 30일 이전 …" by its end.
  if (label || isLinkLine(text) || (dates.length === 1 && !SENTENCE_END.test(text) && trimmed.length <= 60)) {
    const cutoff = !label && dates.find((d) => CUTOFF_AFTER.test(text.slice(d.end)));
    if (cutoff) return { kind: 'cutoffs', versions: [{ before: cutoff.iso, text: trimmed }] };
    return { kind: 'links', versions: [{ from: dates[0]!.iso, text: trimmed }] };
  }
  const cutoff = dates.find((d) => CUTOFF_AFTER.test(text.slice(d.end)));
  if (cutoff) return { kind: 'cutoffs', versions: [{ before: cutoff.iso, text: trimmed }] };
  return null;
}

/** Fewest dated options that make a run of lines a version drop-down rather than a stray date. */
const MIN_DROP_DOWN_OPTIONS = 2;

/**
 * A version drop-down among lines outside the articles (a page's head above the policy): the run of
 * lines that are its placeholder ("- 선택 -") and its options, each a range ("2022. 9. 1. ~ 2023. 7. 25.")
 * or this version ("2023. 7. 26. ~ 현재"). Its lines, in the page's order; none when there is no such run.
 */
export function versionDropDown(lines: readonly string[]): string[] {
  let run: string[] = [];
  let options = 0;
  for (const text of lines) {
    const listed = readListed({ text }, null);
    if (listed && (listed.kind === 'placeholder' || listed.kind === 'current' || listed.kind === 'ranges')) {
      run.push(text);
      if (listed.kind !== 'placeholder') options++;
      continue;
    }
    if (options >= MIN_DROP_DOWN_OPTIONS) return run;
    run = [];
    options = 0;
  }
  return options >= MIN_DROP_DOWN_OPTIONS ? run : [];
}

/** A line that is only a 부칙's heading: "부칙", "부 칙 <2019. 3. 1.>", "[부칙]", "부칙(제12호, 2019년 3월 1일)". */
const SUPPLEMENTARY_LINE = /^[\s<\[(【〈]*부\s*칙[^가-힣]*((제|호|년|월|일)[^가-힣]*)*$/u;

/** 부칙 written inside the revision article (the page did not set them apart): the lines from the first one on. */
function splitSupplementary(all: readonly Line[]): { lines: Line[]; parts: Section[] } {
  const first = all.findIndex((line) => !line.cells && SUPPLEMENTARY_LINE.test(line.text));
  if (first === -1) return { lines: [...all], parts: [] };
  const parts: Section[] = [];
  for (const line of all.slice(first)) {
    if (!line.cells && SUPPLEMENTARY_LINE.test(line.text)) parts.push({ title: line.text, body: [] });
    else parts.at(-1)!.body.push({ text: line.text });
  }
  return { lines: all.slice(0, first), parts };
}

/** 부칙: each "이 방침은 … 시행한다" (or a title "부칙 (2019. 3. 1.)") dates one version, in page order. */
function supplementaryVersions(sections: readonly Section[]): { from: string; text: string; month: boolean }[] {
  const found: { from: string; text: string; month: boolean }[] = [];
  for (const section of sections) {
    const sentences = clauseTexts(section.body)
      .filter((text) => EFFECTIVE_SENTENCE.test(text))
      .map((text) => ({ text, date: readSentence(text).date }))
      .filter((s): s is { text: string; date: DateMatch } => s.date !== null);
    const titled = findStatedDates(section.title)[0];
    if (sentences.length === 0 && titled) found.push({ from: titled.iso, text: section.title.trim(), month: titled.month });
    for (const s of sentences) if (!found.some((f) => f.from === s.date.iso)) found.push({ from: s.date.iso, text: s.text.trim(), month: s.date.month });
  }
  return found;
}

interface Dated {
  iso: IsoDate;
  text: string;
}

/**
 * Reads the revision article's clauses; `preamble` may hold a 제정/개정 list or the policy's own 시행
 * sentence, and `supplementary` (the 부칙 sections) may state the effective date when the article does not.
 */
export function extractRevision(
  article: readonly Clause[] | null,
  preamble: readonly Clause[],
  supplementary: readonly Section[],
): RevisionFindings {
  const notes: string[] = [];
  const { lines, parts } = splitSupplementary(article ? linesOf(article) : []);
  const sentence = findSentence(lines);
  let effectiveDate: DateMatch | null = sentence?.date ?? null;
  let effectiveText = sentence?.text;
  const earlier: EarlierVersion[] = [];
  const kinds = new Map<RevisionStyle | 'current' | 'placeholder', number>();
  const count = (kind: RevisionStyle | 'current' | 'placeholder'): void => void kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  const current: { from: string; text: string }[] = [];
  const dated: Partial<Record<'announced' | 'enforced' | 'changed', Dated>> = {};
  /** "시행일자 : 2022. 09.": a label that dates this version by its month only. */
  let labelledMonth: DateMatch | undefined;

  if (sentence?.cumulative) {
    for (const d of sentence.cumulative) earlier.push({ from: d.iso, text: sentence.text });
    count('cumulative');
  }

  // A label (개정일자 …) written on several lines lists versions; written once (남양주) it dates this one.
  const labelCounts = new Map<string, number>();
  for (const line of lines) {
    const label = DATED_LINE.exec(evidenceText(line.text))?.[1];
    if (label) labelCounts.set(label, (labelCounts.get(label) ?? 0) + 1);
  }
  const repeatedLabels = new Set([...labelCounts].filter(([, n]) => n > 1).map(([label]) => label));

  let table: { column: number | null } | null = null;
  const enactments: EarlierVersion[] = [];
  for (const line of lines) {
    if (line.text === sentence?.text && !line.cells) continue;
    if (line.cells && findStatedDates(line.text).length === 0 && line.cells.some((c) => HISTORY_HEADER.test(c))) {
      table = { column: dateColumn(line.cells) };
      continue;
    }
    const trimmed = evidenceText(line.text);
    const label = DATED_LINE.exec(trimmed);
    if (!line.cells && label && !repeatedLabels.has(label[1]!) && !isLinkLine(trimmed) && findStatedDates(trimmed).length > 0) {
      // "공고일자 : 2023. 7. 19. / 시행일자 : 2023. 7. 26." may share a line: each label dates what follows it.
      for (const m of trimmed.matchAll(DATED_LABELS)) {
        const date = findStatedDates(trimmed.slice(m.index + m[0].length))[0];
        if (!date || date.start !== 0) continue;
        if (date.month) {
          labelledMonth ??= date;
          continue;
        }
        const kind = m[1] === '공고' ? 'announced' : m[1] === '시행' ? 'enforced' : 'changed';
        dated[kind] ??= { iso: date.iso, text: line.text };
      }
      continue;
    }
    const listed = readListed(line, line.cells ? (table ?? { column: null }) : null);
    if (!listed) continue;
    if (listed.kind === 'placeholder') count('placeholder');
    else if (listed.kind === 'current') {
      count('current');
      current.push({ from: listed.from, text: listed.text });
    } else {
      count(listed.kind);
      if (listed.kind === 'enactments') enactments.push(...listed.versions);
      else earlier.push(...listed.versions);
    }
  }
  earlier.push(...chained(enactments));

  const hasDated = dated.announced || dated.enforced || dated.changed || labelledMonth;
  const labelled = dated.changed ?? dated.enforced ?? dated.announced;
  if (labelled && (!effectiveDate || effectiveDate.month)) effectiveDate = { iso: labelled.iso, month: false, start: 0, end: 0 };
  if (!effectiveDate && labelledMonth) effectiveDate = labelledMonth;
  if (hasDated && earlier.length === 0) {
    if (dated.enforced && dated.changed && dated.enforced.iso < dated.changed.iso) {
      earlier.push({ from: dated.enforced.iso, before: dated.changed.iso, text: dated.enforced.text });
    }
  }

  // A drop-down's "2023. 7. 26. ~ 현재" names this version: its start, when the sentence names none.
  if (!effectiveDate && current.length > 0) {
    const start = findStatedDates(current[0]!.text)[0]!;
    effectiveDate = start;
    notes.push(t('parse.warn.effectiveFromList', { date: start.iso, text: current[0]!.text }));
  }

  // 부칙: "이 방침은 2024년 1월 1일부터 시행한다." — one per version, the newest is this one.
  const byParts = supplementaryVersions([...parts, ...supplementary.filter((s) => SUPPLEMENTARY_TITLE.test(s.title))]);
  let fromSupplementary = false;
  if (byParts.length > 0) {
    const newest = [...byParts].sort((a, b) => compareStated(a.from, b.from)).at(-1)!;
    if (!effectiveDate) {
      effectiveDate = { iso: newest.from, month: newest.month, start: 0, end: 0 };
      effectiveText ??= newest.text;
      fromSupplementary = true;
      notes.push(t('parse.warn.effectiveFromAddenda', { date: newest.from }));
    } else if (compareStated(newest.from, effectiveDate.iso) !== 0) {
      notes.push(t('parse.warn.addendaDisagree', { from: newest.from, text: newest.text, date: effectiveDate.iso }));
    }
    for (const part of byParts) if (part !== newest || !fromSupplementary) earlier.push({ from: part.from, text: part.text });
    if (fromSupplementary || byParts.length > 1) count('supplementary');
  }

  // The policy's own sentence above the articles ("본 방침은 2023년 3월 13일부터 시행됩니다.").
  if (!effectiveDate) {
    for (const text of clauseTexts(preamble)) {
      if (!/방침/u.test(text) || !EFFECTIVE_SENTENCE.test(text) || isLinkLine(text)) continue;
      const stated = readSentence(text);
      if (stated.date && !stated.cumulative) {
        effectiveDate = stated.date;
        effectiveText ??= text;
        notes.push(t('parse.warn.effectiveFromPreamble', { date: stated.date.iso, text }));
        break;
      }
    }
  }

  // 제정 2011. 9. 30. / 개정 2015. 8. 26. above the preamble: evidence of earlier versions.
  const preambleEnactments = clauseTexts(preamble)
    .filter((t) => ENACTMENT_LINE.test(t))
    .map((t) => ({ text: t, iso: findKoreanDates(t)[0]?.iso }))
    .filter((e): e is Dated => e.iso !== undefined)
    .sort((a, b) => (a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0));
  let fromEnactments = false;
  if (earlier.length === 0 && preambleEnactments.length > 0) {
    for (let i = 0; i + 1 < preambleEnactments.length; i++) {
      earlier.push({ from: preambleEnactments[i]!.iso, before: preambleEnactments[i + 1]!.iso, text: preambleEnactments[i]!.text });
    }
    fromEnactments = true;
    if (!effectiveDate) {
      const last = preambleEnactments[preambleEnactments.length - 1]!;
      effectiveDate = { iso: last.iso, month: false, start: 0, end: 0 };
      notes.push(t('parse.warn.effectiveFromEnactments', { date: last.iso, text: last.text }));
    }
  }

  // A change-history table dates this version in its last row when no sentence does.
  if (!effectiveDate && (kinds.get('history-table') ?? 0) > 0) {
    const newest = [...earlier].filter((v) => v.from).sort((a, b) => compareStated(a.from!, b.from!)).at(-1)!;
    effectiveDate = findStatedDates(newest.from!)[0] ?? null;
    notes.push(t('parse.warn.effectiveFromHistoryTable', { date: newest.from!, text: newest.text }));
  }

  if (!article && !fromEnactments && !effectiveDate) return { revision: null, notes };

  const effective = effectiveDate && !effectiveDate.month ? effectiveDate.iso : null;
  const effectiveMonth: IsoMonth | undefined = effectiveDate?.month ? effectiveDate.iso : undefined;
  const stated = effectiveDate?.iso ?? null;

  // The list names this version too (a table's last row, a link to the text in force): not an earlier one.
  // A version both the cumulative sentence and a list name is kept once, with the list's line as evidence.
  const keyOf = (v: EarlierVersion): string => `${v.from ?? ''}|${v.until ?? ''}|${v.before ?? ''}`;
  const listedKeys = new Set(earlier.filter((v) => v.text !== sentence?.text).map(keyOf));
  const listedEarlier = earlier.filter((v) => !(v.text === sentence?.text && listedKeys.has(keyOf(v)))).filter((v) => !(stated !== null && v.from !== undefined && v.until === undefined && v.before === undefined && compareStated(v.from, stated) === 0));
  if (stated !== null) {
    for (const v of listedEarlier) {
      // An earlier version ends before this one begins: its cut-off at the latest on, its last day before.
      const late = v.before !== undefined ? (compareStated(v.before, stated) > 0 ? v.before : null) : v.until !== undefined ? (compareStated(v.until, stated) >= 0 ? v.until : null) : compareStated(v.from!, stated) > 0 ? v.from! : null;
      if (late !== null) {
        notes.push(t('parse.warn.listedAfterEffective', { text: v.text, late, stated }));
      }
    }
    // A cumulative sentence and a list in the same article should name the same versions.
    if (sentence?.cumulative && sentence.date) {
      const told = new Set([...sentence.cumulative, sentence.date].map((d) => d.iso));
      const listedStarts = listedEarlier.filter((v) => v.text !== sentence.text && v.from !== undefined).map((v) => v.from!);
      const missing = listedStarts.filter((d) => !told.has(d));
      if (listedStarts.length > 0 && missing.length > 0) {
        notes.push(t('parse.warn.listedNotInSentence', { text: sentence.text, dates: missing.join(', ') }));
      }
    }
    for (const c of current) {
      if (compareStated(c.from, stated) !== 0) {
        notes.push(t('parse.warn.currentDisagrees', { text: c.text, stated }));
      }
    }
  }

  const listed = listedEarlier.map(startOf);
  const outOfOrder = !monotone(listed);
  listedEarlier.sort((a, b) => compareStated(startOf(a), startOf(b)) || startOf(a).length - startOf(b).length);
  const has = (kind: RevisionStyle | 'current' | 'placeholder'): boolean => (kinds.get(kind) ?? 0) > 0;
  // A selector's options are bare dates ("2022. 9. 1. ~ 2023. 7. 25."); a list's lines say more ("… 적용(클릭)").
  const bareOptions = current.length > 0 && listedEarlier.every((v) => v.until === undefined || !/[가-힣]/u.test(v.text));
  const style: RevisionStyle =
    has('placeholder') || bareOptions
      ? 'dropdown'
      : has('history-table')
        ? 'history-table'
        : has('ranges')
          ? 'ranges'
          : has('cutoffs')
            ? 'cutoffs'
            : has('links')
              ? 'links'
              : has('enactments')
                ? 'enactments'
                : hasDated || (fromEnactments && !article)
                  ? 'dated'
                  : has('cumulative') || (sentence !== null && CHANGED_PHRASE.test(sentence.text) && sentence.date !== null)
                    ? 'cumulative'
                    : has('supplementary')
                      ? 'supplementary'
                      : effectiveDate && !fromEnactments
                        ? 'cutoffs'
                        : 'plain';

  const revision: Revision = {
    style,
    effective,
    ...(effectiveMonth === undefined ? {} : { effectiveMonth }),
    ...(effectiveText === undefined ? {} : { effectiveText }),
    ...(dated.announced ? { announced: dated.announced.iso } : {}),
    ...(dated.enforced ? { enforced: dated.enforced.iso } : {}),
    ...(dated.changed ? { changed: dated.changed.iso } : {}),
    earlier: listedEarlier,
    ...(outOfOrder ? { listedOutOfOrder: true } : {}),
  };
  return { revision, notes };
}
