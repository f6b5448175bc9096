/**
 * The message of a version's annotated tag: what was given at import that the source bytes cannot tell
 * (`verify --deep` compares the archived YAML with it), and how the city and the effective date were
 * chosen, so that verify knows which of them the page itself must say.
 *
 * ```
 * 고양특례시 개인정보처리방침, effective 2020-07-17
 *
 * source: sources/goyang/2020-07-17.txt
 * sha256: 0f3c…
 * city: 고양특례시
 * city-given: page            page (the parser reads it from the text) | --name | ledger (an earlier import's)
 * effective-given: page       page (the revision article states it) | --effective
 * url: https://…              only when given (--source)
 * retrieved: 2024-11-30       only when given
 * ```
 *
 * Values are validated fields (no newline reaches a line); tags written before the provenance lines
 * existed have the first four lines only.
 */
import type { IsoDate } from './model.js';

export const CITY_ORIGINS = ['page', '--name', 'ledger'] as const;
export type CityOrigin = (typeof CITY_ORIGINS)[number];
export const EFFECTIVE_ORIGINS = ['page', '--effective'] as const;
export type EffectiveOrigin = (typeof EFFECTIVE_ORIGINS)[number];

export interface VersionTagFields {
  city: string;
  effective: IsoDate;
  sourceFile: string;
  sha256: string;
  cityGiven: CityOrigin;
  effectiveGiven: EffectiveOrigin;
  url?: string;
  retrieved?: IsoDate;
}

export function versionTagMessage(fields: VersionTagFields): string {
  const lines = [`${fields.city} 개인정보처리방침, effective ${fields.effective}`, '', `source: ${fields.sourceFile}`, `sha256: ${fields.sha256}`, `city: ${fields.city}`, `city-given: ${fields.cityGiven}`, `effective-given: ${fields.effectiveGiven}`];
  if (fields.url !== undefined) lines.push(`url: ${fields.url}`);
  if (fields.retrieved !== undefined) lines.push(`retrieved: ${fields.retrieved}`);
  return lines.join('\n') + '\n';
}

/** What a tag message states; a field it lacks is absent. `problems` names lines missing or malformed (in Korean). */
export interface ReadTagMessage {
  city?: string;
  effective?: IsoDate;
  sourceFile?: string;
  sha256?: string;
  cityGiven?: CityOrigin;
  effectiveGiven?: EffectiveOrigin;
  url?: string;
  retrieved?: IsoDate;
  /** True when the message has the provenance lines (city-given, effective-given) of this format. */
  provenance: boolean;
  problems: string[];
}

const FIRST_LINE = /^(.+) 개인정보처리방침, effective (\d{4}-\d{2}-\d{2})$/;

/** Reads the message part of a tag object (after the header's blank line; a PGP signature is left out). */
export function readVersionTagMessage(message: string): ReadTagMessage {
  const text = message.split('-----BEGIN PGP SIGNATURE-----')[0]!;
  const lines = text.split('\n');
  const read: ReadTagMessage = { provenance: false, problems: [] };
  const first = FIRST_LINE.exec(lines[0] ?? '');
  if (first) {
    read.effective = first[2]!;
  } else read.problems.push(`첫 줄이 "<이름> 개인정보처리방침, effective YYYY-MM-DD"가 아닙니다`);
  const values = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const match = /^([a-z0-9-]+): (.*)$/.exec(line);
    if (match) values.set(match[1]!, [...(values.get(match[1]!) ?? []), match[2]!]);
  }
  const one = (key: string, required: boolean): string | undefined => {
    const found = values.get(key) ?? [];
    if (found.length > 1) read.problems.push(`"${key}:" 줄이 ${found.length}개 있습니다`);
    if (found.length === 0 && required) read.problems.push(`"${key}:" 줄이 없습니다`);
    return found[0];
  };
  read.sourceFile = one('source', true);
  read.sha256 = one('sha256', true);
  if (read.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(read.sha256)) read.problems.push(`"sha256: ${read.sha256.slice(0, 20)}"는 sha256 값이 아닙니다`);
  const cityGiven = one('city-given', false);
  const effectiveGiven = one('effective-given', false);
  read.provenance = cityGiven !== undefined || effectiveGiven !== undefined;
  // A message in this format has every provenance line; one without any is an older bangchim's.
  const city = one('city', read.provenance);
  if (read.provenance) {
    if (cityGiven === undefined) read.problems.push('"city-given:" 줄이 없습니다');
    else if (!(CITY_ORIGINS as readonly string[]).includes(cityGiven)) read.problems.push(`"city-given: ${cityGiven}"는 ${CITY_ORIGINS.join(', ')} 중 하나가 아닙니다`);
    else read.cityGiven = cityGiven as CityOrigin;
    if (effectiveGiven === undefined) read.problems.push('"effective-given:" 줄이 없습니다');
    else if (!(EFFECTIVE_ORIGINS as readonly string[]).includes(effectiveGiven)) read.problems.push(`"effective-given: ${effectiveGiven}"는 ${EFFECTIVE_ORIGINS.join(', ')} 중 하나가 아닙니다`);
    else read.effectiveGiven = effectiveGiven as EffectiveOrigin;
  }
  read.city = city ?? first?.[1];
  if (city !== undefined && first && first[1] !== city) read.problems.push(`첫 줄의 이름 "${first[1]}"과 "city: ${city}"가 다릅니다`);
  const url = one('url', false);
  if (url !== undefined) read.url = url;
  const retrieved = one('retrieved', false);
  if (retrieved !== undefined) read.retrieved = retrieved;
  return read;
}

/**
 * How an import chose its city and date: `page` whenever the text says the same (so verify can read it
 * again from the source), otherwise what supplied it. `pageCity` is the parser's reading without --name;
 * `stated` the date the revision article states.
 */
export function givenOrigins(chosen: { city: string; effective: IsoDate; fromLedger: boolean }, page: { city: string; stated: IsoDate | null }): { cityGiven: CityOrigin; effectiveGiven: EffectiveOrigin } {
  return {
    cityGiven: chosen.city === page.city ? 'page' : chosen.fromLedger ? 'ledger' : '--name',
    effectiveGiven: chosen.effective === page.stated ? 'page' : '--effective',
  };
}
