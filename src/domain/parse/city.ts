/**
 * The city a policy belongs to, guessed from its text when the caller does not say, and its slug
 * (Revised Romanization of the name without 시/군/구/특례시: 의정부 → uijeongbu).
 */

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = [
  'a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i',
];
const FINALS = [
  '', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't',
];
const RIEUL_INITIAL = 5;
const RIEUL_FINAL = 8;

/** Syllable-by-syllable Revised Romanization (no sound-change rules beyond ㄹㄹ → ll); '' for non-Hangul. */
export function romanize(hangul: string): string {
  let out = '';
  let previousFinal = -1;
  for (const ch of hangul) {
    const code = ch.codePointAt(0)! - 0xac00;
    if (code < 0 || code > 11171) return '';
    const initial = Math.floor(code / 588);
    const vowel = Math.floor((code % 588) / 28);
    const final = code % 28;
    const initialText = initial === RIEUL_INITIAL && previousFinal === RIEUL_FINAL ? 'l' : INITIALS[initial];
    out += `${initialText}${VOWELS[vowel]}${FINALS[final]}`;
    previousFinal = final;
  }
  return out;
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Words that end in 시/구/군 and follow a subject particle but are not places (…가입시, 열람요구를).
const NOT_A_PLACE = /(요|연|가입|탈퇴|처리|체결|잔존|동의|요청|수집|접수|신청|방문|이용|게시|표시|발생|작성|제출|필요|변경|정지)$/u;
const PLACE_PATTERN = /(?<![가-힣])([가-힣]{2,5}?)(특례시|시|군|구)(?=[는은이가의에를을와과도로】\]）)\s,.·]|$)/gu;

export interface CityGuess {
  city: string;
  slug: string;
}

/** The most frequent `XX시` (군, 구) named in the text, as display name and slug; null when none. */
export function guessCity(text: string): CityGuess | null {
  const counts = new Map<string, { count: number; suffixes: Map<string, number> }>();
  for (const m of text.matchAll(PLACE_PATTERN)) {
    let base = m[1]!;
    let suffix = m[2]!;
    if (base.endsWith('특례') && suffix === '시') {
      base = base.slice(0, -2);
      suffix = '특례시';
    }
    if (base.length < 2 || NOT_A_PLACE.test(base)) continue;
    const entry = counts.get(base) ?? { count: 0, suffixes: new Map<string, number>() };
    entry.count++;
    entry.suffixes.set(suffix, (entry.suffixes.get(suffix) ?? 0) + 1);
    counts.set(base, entry);
  }
  const best = [...counts.entries()].sort((a, b) => b[1].count - a[1].count)[0];
  if (!best) return null;
  const [base, { suffixes }] = best;
  // A 특례시 names itself so in its header even where the text says 고양시.
  const suffix = suffixes.has('특례시')
    ? '특례시'
    : [...suffixes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const slug = romanize(base);
  return { city: base + suffix, slug: SLUG_PATTERN.test(slug) ? slug : 'unknown' };
}
