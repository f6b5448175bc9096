/**
 * Calendar arithmetic and the date spellings Korean policy pages use. Dates are ISO `YYYY-MM-DD`
 * strings computed in UTC, so no time zone can shift a day.
 */
import type { IsoDate } from '../model.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

function partsOf(date: IsoDate): DateParts {
  const match = ISO_DATE.exec(date);
  if (!match || !isIsoDate(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** `2025-01-01` + -1 → `2024-12-31`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = partsOf(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** 고양: `2020. 07. 17.` (zero-padded, as its page lists ranges). */
export function dottedPadded(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${year}. ${pad(month)}. ${pad(day)}.`;
}

/** The official (법제처) spelling: `2020. 7. 17.` */
export function dotted(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${year}. ${month}. ${day}.`;
}

/** 고양's effective sentence: `2020년 07월 17일` (zero-padded). */
export function koreanPadded(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${year}년 ${pad(month)}월 ${pad(day)}일`;
}

/** 파주, 남양주, the default: `2024년 9월 30일`. */
export function korean(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${year}년 ${month}월 ${day}일`;
}
