/**
 * Korean date forms as public bodies write them: 2020년 07월 17일, 2011. 11. 07., 2012.03.26, 2022-07-19,
 * 2022/07/19, and month-only dates (2022. 09., 2022년 9월, 2021.09~2022.08) that pages give without a day.
 * Dates are validated against the calendar: 2023-02-30 is not a date (nor is it read as the month 2023-02).
 */
import type { IsoDate, IsoMonth } from '../model.js';

export interface DateMatch {
  /** `YYYY-MM-DD`, or `YYYY-MM` when `month` is true. */
  iso: IsoDate | IsoMonth;
  /** True when the page states only the year and month. */
  month: boolean;
  /** Offset of the first character of the date in the searched text. */
  start: number;
  /** Offset just past the last character of the date (after 일/월 for the 년/월/일 form, after a month's dot). */
  end: number;
}

// One pattern, so that matches come out in text order whatever their form; at each position a whole
// date is tried before a month, so "2022. 9. 1." is never read as the month 2022-09.
const DATE_PATTERN = new RegExp(
  [
    /(?<!\d)(?<ky>\d{4})\s*년\s*(?<km>\d{1,2})\s*월\s*(?<kd>\d{1,2})\s*일/u.source,
    /(?<!\d)(?<ny>\d{4})\s*(?<sep>[./-])\s*(?<nm>\d{1,2})\s*\k<sep>\s*(?<nd>\d{1,2})(?!\d)/u.source,
    /(?<!\d)(?<my>\d{4})\s*년\s*(?<mm>\d{1,2})\s*월(?!\s*\d)/u.source,
    // 2022. 09. / 2022.09 / 2022-09 (not followed by a third number: that would be a day)
    /(?<!\d)(?<dy>\d{4})\s*(?<msep>[./-])\s*(?<dm>\d{1,2})(?!\d)(?:\s*\.)?(?!\s*\k<msep>?\s*\d)/u.source,
  ].join('|'),
  'gu',
);

export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoMonth(year: number, month: number): IsoMonth | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** True for `YYYY-MM` (a month the page states without its day). */
export function isMonthOnly(value: string): boolean {
  return /^\d{4}-\d{2}$/u.test(value);
}

/** Every valid date and month-only date in `text`, in order. */
export function findStatedDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const g = m.groups ?? {};
    const at = { start: m.index, end: m.index + m[0].length };
    if (g.ky !== undefined || g.ny !== undefined) {
      const [year, month, day] = g.ky !== undefined ? [g.ky, g.km, g.kd] : [g.ny, g.nm, g.nd];
      const iso = isoDate(Number(year), Number(month), Number(day));
      if (iso) found.push({ iso, month: false, ...at });
    } else {
      const [year, month] = g.my !== undefined ? [g.my, g.mm] : [g.dy, g.dm];
      const iso = isoMonth(Number(year), Number(month));
      if (iso) found.push({ iso, month: true, ...at });
    }
  }
  return found;
}

/** Every valid whole date in `text`, in order. Impossible dates (2023-02-30) and month-only dates are skipped. */
export function findKoreanDates(text: string): DateMatch[] {
  return findStatedDates(text).filter((d) => !d.month);
}

/** The first valid date written in `text`, as `YYYY-MM-DD`; null when there is none. */
export function parseKoreanDate(text: string): string | null {
  return findKoreanDates(text)[0]?.iso ?? null;
}
