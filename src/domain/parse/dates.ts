/**
 * Korean date forms as cities write them: 2020년 07월 17일, 2011. 11. 07., 2012.03.26, 2022-07-19, 2022/07/19.
 * Dates are validated against the calendar: 2023-02-30 is not a date.
 */
import type { IsoDate } from '../model.js';

export interface DateMatch {
  iso: IsoDate;
  /** Offset of the first character of the date in the searched text. */
  start: number;
  /** Offset just past the last character of the date (after 일 for the 년/월/일 form). */
  end: number;
}

// One pattern, so that matches come out in text order whatever their form.
const DATE_PATTERN =
  /(?<!\d)(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일|(?<!\d)(\d{4})\s*([./-])\s*(\d{1,2})\s*\5\s*(\d{1,2})(?!\d)/gu;

export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every valid date in `text`, in order. Impossible dates (2023-02-30) are skipped. */
export function findKoreanDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const [year, month, day] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[6], m[7]];
    const iso = isoDate(Number(year), Number(month), Number(day));
    if (iso) found.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The first valid date written in `text`, as `YYYY-MM-DD`; null when there is none. */
export function parseKoreanDate(text: string): string | null {
  return findKoreanDates(text)[0]?.iso ?? null;
}
