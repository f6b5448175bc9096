/**
 * Real seeds, parsed by the real parser, and known edits applied to their TEXT (then parsed again),
 * with the ledger built by the same pure functions the store uses.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { mergeArchivedVersion, gitBlobId, tagName } from '../../src/domain/ledger.js';
import type { Ledger, PolicyVersion } from '../../src/domain/model.js';
import { SEED_FILES as SEEDS, type SeedSlug as SeedCity } from '../parse/seeds.js';

export { SEED_FILES as SEEDS, type SeedSlug as SeedCity } from '../parse/seeds.js';

export function seedPath(city: SeedCity): string {
  return fileURLToPath(new URL(`../fixtures/seeds/${SEEDS[city]}`, import.meta.url));
}

export function seedText(city: SeedCity): string {
  return readFileSync(seedPath(city), 'utf8');
}

export function parseText(text: string, city: SeedCity, sourceFile: string = SEEDS[city]): PolicyVersion {
  return parsePolicy(text, { slug: city, sourceFile } as Parameters<typeof parsePolicy>[1]).version;
}

export function parseSeed(city: SeedCity): PolicyVersion {
  return parseText(seedText(city), city);
}

/** Applies `[before, after]` replacements; each `before` must occur exactly once (an edit that misses is a broken fixture). */
export function applyEdits(text: string, edits: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [before, after] of edits) {
    const count = out.split(before).length - 1;
    if (count !== 1) throw new Error(`edit expects exactly one occurrence of ${JSON.stringify(before)}, found ${count}`);
    out = out.replace(before, after);
  }
  return out;
}

/** The ledger a store holds after importing `version` alone: it and the versions its revision article names. */
export function ledgerOf(version: PolicyVersion, effective = version.effective ?? undefined): Ledger {
  if (effective === undefined) throw new Error(`${version.slug}: no effective date; pass one`);
  return mergeArchivedVersion(null, version, {
    effective,
    tag: tagName(version.slug, effective),
    blob: gitBlobId(JSON.stringify(version)),
    source: version.source,
  }).ledger;
}

/**
 * 고양's content edits: a new 보호책임자 and phone, 접속기록 kept 2 years instead of 1, the police URL moved,
 * and a new cookie article before the revision article, which is left as the page had it (a draft copied
 * from the page: its date and list still the 2020 version's).
 */
export const GOYANG_CONTENT_EDITS = [
  ['성명	최영수', '성명	김하늘'],
  ['전화번호	031-8075-2020', '전화번호	031-8075-2021'],
  ['최소 1년 이상 보관 관리하고', '최소 2년 이상 보관 관리하고'],
  ['(police.go.kr/www/security/cyber.jsp)', '(ecrm.police.go.kr/minwon/main)'],
  [
    '제12조. 개인정보 처리방침 변경',
    '제12조. 개인정보 자동 수집 장치의 설치·운영 및 거부에 관한 사항\n\n고양시는 이용자에게 개별적인 맞춤서비스를 제공하기 위해 이용정보를 저장하고 수시로 불러오는 쿠키(cookie)를 사용하지 않습니다.\n\n제13조. 개인정보 처리방침 변경',
  ],
] as const;

/** 고양's draft for 2025-01-01 as its officer writes it: the content edits, and the revision article's date, wording and list brought up to date. */
export const GOYANG_EDITS = [
  ...GOYANG_CONTENT_EDITS,
  ['1. 이 개인정보 방침은 2020년 07월 17일부터 적용됩니다.', '1. 이 개인정보 처리방침은 2025년 01월 01일부터 적용됩니다.'],
  ['- 2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)\n', '- 2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)\n\n- 2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)\n'],
] as const;

/**
 * 파주's draft for 2025-03-01: a new department phone and e-mail, a new 보호수준 평가 result replacing the 2023
 * one, the CCTV article removed, a line break mended (editorial), and its revision article dated 2025-03-01
 * with the 2024-09-30 version added to its list (newest first, as the page lists them).
 */
export const PAJU_EDITS = [
  ['나. 연락처: 031-940-5332', '나. 연락처: 031-940-5333'],
  ['다. 이메일: kimyk5370@korea.kr', '다. 이메일: privacy@paju.go.kr'],
  ['2. 파주시는 2023년 「공공기관 개인정보 관리수준 진단」 결과 ‘A 등급’을 획득하였습니다.', '2. 파주시는 2024년 「개인정보 보호수준 평가」 결과 ‘S 등급’을 획득하였습니다.'],
  ['제14조 영상정보처리기의 운영·관리에 관한 사항\n\n1. 파주시는 고정형 및 이동형 영상정보처리기기 운영방침을 별도로 수립하여 운영하고 있습니다.\n[파주시 영상정보 처리기기 운영방침 바로가기]\n\n', ''],
  ['제15조 개인정보처리 방침의 변경', '제14조 개인정보처리 방침의 변경'],
  ['법정대리인으로부터 별도의\n\n동의를 얻습니다.', '법정대리인으로부터 별도의 동의를 얻습니다.'],
  ['이 개인정보처리방침은 2024년 9월 30일부터 적용되며', '이 개인정보처리방침은 2025년 3월 1일부터 적용되며'],
  ['[2024년 9월 30일 이전 개인정보처리방침 다운로드]', '[2025년 3월 1일 이전 개인정보처리방침 다운로드]\n[2024년 9월 30일 이전 개인정보처리방침 다운로드]'],
] as const;
