/**
 * The revision article in every style real pages use (cumulative "… 변경되었으며" sentences, change-history
 * tables, 개정일자 … 이전 자료보기 links, version drop-downs, 제정/개정 lists, 부칙, month-only dates), and
 * three whole policies of other bodies (a 공단, a 도서관, a 교육지원청) with long histories.
 * Each fixture is text written for these tests in the style observed on real pages.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { findStatedDates } from '../../src/domain/parse/dates.js';
import { renderPolicyText } from '../../src/domain/render.js';
import { loadVersionYaml, versionToYaml } from '../../src/domain/yaml.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const read = (path: string): string => readFileSync(FIXTURES + path, 'utf8');

const PREAMBLE = [
  '한빛공단 개인정보 처리방침',
  '한빛공단은 「개인정보 보호법」 제30조에 따라 정보주체의 개인정보를 보호하고 이와 관련한 고충을 신속하고 원활하게 처리할 수 있도록 다음과 같이 개인정보 처리방침을 수립·공개합니다.',
].join('\n');

/** A whole policy: title, preamble, eleven articles, then the revision article (and 부칙) under test. */
function policyWith(revisionArticle: string): string {
  return `${PREAMBLE}\n${read('revisions/base-articles.txt')}${revisionArticle}`;
}

function parseArticle(name: string) {
  return parsePolicy(policyWith(read(`revisions/${name}.txt`)));
}

function parseBody(name: string) {
  return parsePolicy(read(`bodies/${name}.txt`), { sourceFile: `test/parse/fixtures/bodies/${name}.txt` });
}

const messages = (result: ReturnType<typeof parsePolicy>): string[] => result.report.warnings.map((w) => w.message);

function textModel(version: PolicyVersion) {
  const { title, preamble, articles, appendix, revision, effective } = version;
  return { title, preamble, articles, appendix, revision, effective };
}

/** parse → YAML → load is the identity, and parse → text → parse a fixed point. */
function expectRoundTrips(version: PolicyVersion): void {
  expect(loadVersionYaml(versionToYaml(version), 'round-trip.yaml')).toEqual(version);
  expect(textModel(parsePolicy(renderPolicyText(version)).version)).toEqual(textModel(version));
}

describe('month-only dates', () => {
  it.each([
    ['2022. 09.', [['2022-09', true]]],
    ['2022.09', [['2022-09', true]]],
    ['2022년 9월', [['2022-09', true]]],
    ['개인정보처리방침(2021.09~2022.08)', [['2021-09', true], ['2022-08', true]]],
    ['2022. 9. 1.', [['2022-09-01', false]]],
    ['2022년 9월 1일', [['2022-09-01', false]]],
    ['v3.0 (2022.09.01)', [['2022-09-01', false]]],
    ['2023-02-30', []],
    ['2022. 13.', []],
    ['031-8075-2593', []],
  ])('%s', (text, expected) => {
    expect(findStatedDates(text).map((d) => [d.iso, d.month])).toEqual(expected);
  });
});

describe('revision articles, one per style', () => {
  it('cumulative: "2013. 1. 1.부터 시행되며, …, 2023. 9. 15. 변경되었으며 즉시 적용": the last change is in force, every earlier date a version', () => {
    const result = parseArticle('cumulative');
    const sentence =
      '이 개인정보 처리방침은 2013. 1. 1.부터 시행되며, 2014. 8. 7., 2016. 3. 2., 2017. 10. 19., 2019. 6. 1., 2020. 8. 5., 2021. 11. 22., 2023. 3. 14., 2023. 9. 15. 변경되었으며 즉시 적용됩니다.';
    expect(result.version.effective).toBe('2023-09-15');
    expect(result.version.revision).toEqual({
      style: 'cumulative',
      effective: '2023-09-15',
      effectiveText: sentence,
      earlier: ['2013-01-01', '2014-08-07', '2016-03-02', '2017-10-19', '2019-06-01', '2020-08-05', '2021-11-22', '2023-03-14'].map((from) => ({ from, text: sentence })),
    });
    expect(messages(result)).toEqual([]);
  });

  it('cumulative with a separate date in force: "… 변경되었으며, 2024. 1. 2.부터 변경된 방침을 적용합니다"', () => {
    const article = [
      '제12조(개인정보 처리방침의 변경)',
      '이 개인정보 처리방침은 2019. 3. 1.부터 적용되며, 2020. 5. 1., 2021. 7. 1. 변경되었으며, 2024. 1. 2.부터 변경된 방침을 적용합니다.',
    ].join('\n');
    const { version } = parsePolicy(policyWith(article));
    expect(version.effective).toBe('2024-01-02');
    expect(version.revision!.style).toBe('cumulative');
    expect(version.revision!.earlier.map((e) => e.from)).toEqual(['2019-03-01', '2020-05-01', '2021-07-01']);
  });

  it('history-table: one row per version (차수 | 시행일자 | 주요 내용); the row of the version in force is not an earlier one', () => {
    const result = parseArticle('history-table');
    expect(result.version.effective).toBe('2024-03-01');
    expect(result.version.revision!.style).toBe('history-table');
    expect(result.version.revision!.earlier).toEqual([
      { from: '2012-03-30', text: '1차 | 2012. 3. 30. | 개인정보 처리방침 제정' },
      { from: '2013-10-01', text: '2차 | 2013. 10. 1. | 개인정보 보호책임자 변경' },
      { from: '2015-02-16', text: '3차 | 2015. 2. 16. | 주민등록번호 처리 제한 반영' },
      { from: '2016-09-30', text: '4차 | 2016. 9. 30. | 처리 위탁 업체 변경' },
      { from: '2018-05-28', text: '5차 | 2018. 5. 28. | 영상정보처리기기 운영 조항 신설' },
      { from: '2019-12-02', text: '6차 | 2019. 12. 2. | 개인정보파일 등록 현황 갱신' },
      { from: '2021-04-05', text: '7차 | 2021. 4. 5. | 열람청구 접수 부서 변경' },
      { from: '2022-07-11', text: '8차 | 2022. 7. 11. | 가명정보 처리 조항 신설' },
      { from: '2023-09-15', text: '9차 | 2023. 9. 15. | 개정 「개인정보 보호법」 반영' },
    ]);
    expect(result.version.revision!.listedOutOfOrder).toBeUndefined();
    expect(messages(result)).toEqual([]);
  });

  it('links: "개정일자 : … 이전 자료보기", month-only dates kept as months, the page\'s newest-first order not flagged', () => {
    const { version } = parseArticle('links');
    expect(version.effective).toBe('2023-07-26');
    expect(version.revision).toEqual({
      style: 'links',
      effective: '2023-07-26',
      effectiveText: '이 개인정보처리방침은 2023. 7. 26.부터 적용됩니다.',
      earlier: [
        { from: '2017-06-01', text: '개정일자 : 2017. 6. 1. 이전 자료보기' },
        { from: '2018-11', text: '개정일자 : 2018. 11. 이전 자료보기' },
        { from: '2020-01-15', text: '개정일자 : 2020. 1. 15. 이전 자료보기' },
        { from: '2021-03', text: '개정일자 : 2021. 03. 이전 자료보기' },
        { from: '2022-09', text: '개정일자 : 2022. 09. 이전 자료보기' },
      ],
    });
  });

  it('dropdown: "- 선택 -", "2023. 7. 26. ~ 현재" (this version) and the earlier ranges', () => {
    const result = parseArticle('dropdown');
    expect(result.version.effective).toBe('2023-07-26');
    expect(result.version.revision!.style).toBe('dropdown');
    expect(result.version.revision!.earlier).toEqual([
      { from: '2019-05-20', until: '2021-01-03', text: '2019. 5. 20. ~ 2021. 1. 3.' },
      { from: '2021-01-04', until: '2022-08-31', text: '2021. 1. 4. ~ 2022. 8. 31.' },
      { from: '2022-09-01', until: '2023-07-25', text: '2022. 9. 1. ~ 2023. 7. 25.' },
    ]);
    expect(messages(result)).toEqual([]);
  });

  it('dropdown whose "~ 현재" option disagrees with the sentence: a warning naming both', () => {
    const text = read('revisions/dropdown.txt').replace('2023. 7. 26. ~ 현재', '2023. 8. 1. ~ 현재');
    const result = parsePolicy(policyWith(text));
    expect(result.version.effective).toBe('2023-07-26');
    expect(messages(result)).toContain('버전 목록은 "2023. 8. 1. ~ 현재"을(를) 현재 방침으로 적었지만 시행 문장은 2023-07-26부터 적용된다고 합니다: 어느 날짜가 맞는지 확인하세요');
  });

  it('enactments: "- 제정 2011. 9. 30." / "- 개정 …" in the article, each version until the next', () => {
    const { version } = parseArticle('enactments');
    expect(version.effective).toBe('2022-12-19');
    expect(version.revision!.style).toBe('enactments');
    expect(version.revision!.earlier).toEqual([
      { from: '2011-09-30', before: '2014-08-07', text: '제정 2011. 9. 30.' },
      { from: '2014-08-07', before: '2017-02-06', text: '개정 2014. 8. 7.' },
      { from: '2017-02-06', before: '2019-10-14', text: '개정 2017. 2. 6.' },
      { from: '2019-10-14', before: '2022-12-19', text: '개정 2019. 10. 14.' },
    ]);
  });

  it('supplementary: three 부칙, the newest in force, the others earlier versions', () => {
    const result = parseArticle('supplementary');
    expect(result.version.effective).toBe('2023-07-26');
    expect(result.version.revision).toEqual({
      style: 'supplementary',
      effective: '2023-07-26',
      effectiveText: '이 방침은 2023년 7월 26일부터 시행한다.',
      earlier: [
        { from: '2016-01-04', text: '이 방침은 2016년 1월 4일부터 시행한다.' },
        { from: '2019-03-01', text: '이 방침은 2019년 3월 1일부터 시행한다.' },
      ],
    });
    expect(messages(result)).toContain('시행일 2023-07-26을(를) 부칙에서 읽었습니다');
  });

  it('a 부칙 that disagrees with the article\'s sentence is reported', () => {
    const text = read('revisions/cumulative.txt') + '부칙\n이 방침은 2023년 10월 4일부터 시행한다.\n';
    const result = parsePolicy(policyWith(text));
    expect(result.version.effective).toBe('2023-09-15');
    expect(messages(result)).toContain(
      '부칙은 2023-10-04부터 시행한다고 하고("이 방침은 2023년 10월 4일부터 시행한다.") 개인정보 처리방침의 변경 조항은 2023-09-15이라고 합니다: 어느 날짜가 맞는지 확인하세요',
    );
  });

  it('month-only: "2022. 09.부터 적용" leaves effective null with effectiveMonth, and the warning asks for the day', () => {
    const result = parseArticle('month-only');
    expect(result.version.effective).toBeNull();
    expect(result.version.revision).toEqual({
      style: 'ranges',
      effective: null,
      effectiveMonth: '2022-09',
      effectiveText: '이 개인정보 처리방침은 2022. 09.부터 적용됩니다.',
      earlier: [
        { from: '2018-01', until: '2020-02', text: '2018. 01. ~ 2020. 02. 적용(클릭)' },
        { from: '2020-03', until: '2022-08', text: '2020. 03. ~ 2022. 08. 적용(클릭)' },
      ],
    });
    expect(messages(result)).toContain('시행일이 2022년 09월로 일자 없이 적혀 있습니다: 가져올 때 시행일(YYYY-MM-DD)을 주세요');
  });

  it('a list that runs past the sentence\'s date gets a warning; the sentence\'s date stands', () => {
    const result = parseArticle('disagree');
    expect(result.version.effective).toBe('2023-03-02');
    expect(messages(result)).toEqual([
      '개인정보 처리방침의 변경 조항의 목록 "2021. 5. 3. ~ 2023. 7. 25. 적용(클릭)"에 적힌 2023-07-25은(는) 시행 문장의 시행일 2023-03-02보다 늦습니다: 시행 문장과 목록 중 어느 쪽이 맞는지 확인하세요',
    ]);
  });

  it.each(['cumulative', 'history-table', 'links', 'dropdown', 'enactments', 'supplementary', 'month-only'])('%s round-trips through YAML and text', (name) => {
    expectRoundTrips(parseArticle(name).version);
  });
});

describe('whole policies of other bodies', () => {
  it('공단 (cumulative sentence, 10 versions): 2023-09-15, nine earlier versions, the 라벨링 box\'s date ignored', () => {
    const result = parseBody('gongdan-cumulative');
    const { version } = result;
    expect(version.articles).toHaveLength(13);
    expect(version.effective).toBe('2023-09-15');
    expect(version.revision!.style).toBe('cumulative');
    expect(version.revision!.earlier.map((e) => e.from)).toEqual([
      '2016-04-01', '2016-12-19', '2017-08-01', '2018-07-02', '2019-03-04', '2020-02-03', '2020-11-16', '2021-01-04', '2022-06-27',
    ]);
    expect(new Set(version.revision!.earlier.map((e) => e.text))).toEqual(new Set([version.revision!.effectiveText]));
    expect(messages(result).filter((m) => m.includes('시행'))).toEqual([]);
    expectRoundTrips(version);
  });

  it('도서관 (개정일자 links, months, a version drop-down above the policy): 2023-07-26, nine earlier versions in date order, flagged as listed out of order', () => {
    const { version } = parseBody('library-links');
    expect(version.articles).toHaveLength(13);
    expect(version.effective).toBe('2023-07-26');
    expect(version.revision!.style).toBe('links');
    expect(version.revision!.earlier).toEqual([
      { from: '2012-03-30', text: '개정일자 : 2012. 3. 30. 이전 자료보기' },
      { from: '2014-08-07', text: '개정일자 : 2014. 8. 7. 이전 자료보기' },
      { from: '2016-02', text: '개정일자 : 2016. 02. 이전 자료보기' },
      { from: '2017-05-15', text: '개정일자 : 2017. 5. 15. 이전 자료보기' },
      { from: '2018-11', text: '개정일자 : 2018. 11. 이전 자료보기' },
      { from: '2019-06-10', text: '개정일자 : 2019. 6. 10. 이전 자료보기' },
      { from: '2020-01', text: '개정일자 : 2020. 01. 이전 자료보기' },
      { from: '2021-03-02', text: '개정일자 : 2021. 3. 2. 이전 자료보기' },
      { from: '2022-09-01', text: '개정일자 : 2022. 9. 1. 이전 자료보기' },
    ]);
    expect(version.revision!.listedOutOfOrder).toBe(true);
    expectRoundTrips(version);
  });

  it('교육지원청 (change-history table with 변경일자 and 시행일, 부칙, a sentence in the preamble): the 시행일 column dates each version; the newest row contradicts the sentence', () => {
    const result = parseBody('education-office-table');
    const { version } = result;
    expect(version.articles).toHaveLength(12);
    expect(version.effective).toBe('2024-03-01');
    expect(version.revision!.style).toBe('history-table');
    expect(version.revision!.earlier.map((e) => e.from)).toEqual([
      '2012-03-30', '2013-09-02', '2015-03-16', '2017-01-02', '2018-03-02', '2019-07-01', '2020-09-01', '2021-11-08', '2022-12-19', '2023-09-15', '2024-03-04',
    ]);
    expect(version.revision!.earlier[0]!.text).toBe('1차 | 2012. 3. 19. | 개인정보 처리방침 제정 | 2012. 3. 30.');
    expect(version.revision!.listedOutOfOrder).toBeUndefined();
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        '개인정보 처리방침의 변경 조항의 목록 "11차 | 2024. 2. 20. | 개정 「개인정보 보호법」 반영, 라벨링 도입 | 2024. 3. 4."에 적힌 2024-03-04은(는) 시행 문장의 시행일 2024-03-01보다 늦습니다: 시행 문장과 목록 중 어느 쪽이 맞는지 확인하세요',
      ]),
    );
    expectRoundTrips(version);
  });
});

describe('dates that are not the effective date', () => {
  it('a 라벨링 box\'s date and a drop-down above the policy are not taken when the sentence states no date', () => {
    const library = read('bodies/library-links.txt').replace('이 개인정보처리방침은 2023. 7. 26.부터 적용됩니다.', '이 개인정보처리방침은 게시한 날부터 적용됩니다.');
    const fromLibrary = parsePolicy(library).version;
    expect(fromLibrary.effective).toBeNull();
    expect(fromLibrary.revision!.effectiveText).toBe('이 개인정보처리방침은 게시한 날부터 적용됩니다.');

    const gongdan = read('bodies/gongdan-cumulative.txt').replace(/① 이 개인정보 처리방침은 .*\n/u, '① 이 개인정보 처리방침은 게시한 날부터 적용됩니다.\n');
    expect(parsePolicy(gongdan).version.effective).toBeNull();
  });

  it('the preamble\'s own sentence ("․ 본 방침은 2024년 3월 1일부터 시행됩니다.") dates the policy when the article does not, with a note', () => {
    const text = read('bodies/education-office-table.txt').replace('① 이 개인정보 처리방침은 2024. 3. 1.부터 적용됩니다.', '① 이 개인정보 처리방침을 변경하는 경우 누리집을 통하여 공지합니다.').replace(/부칙\n.*\n/u, '');
    const result = parsePolicy(text);
    // The table's last row would say 2024-03-04: the sentence above the articles wins over a list.
    expect(result.version.effective).toBe('2024-03-01');
    expect(messages(result)).toContain('시행일 2024-03-01은(는) 개인정보 처리방침의 변경 조항이 아니라 머리말("․ 본 방침은 2024년 3월 1일부터 시행됩니다.")에서 읽었습니다');
  });
});

describe('revision articles under other titles', () => {
  it.each(['개인정보 처리방침의 변경', '개인정보처리방침 변경에 관한 사항', '개인정보 처리방침의 시행 및 변경', '고지의 의무', '개인정보처리방침의 개정'])('"%s" is the revision article', (title) => {
    const text = read('revisions/history-table.txt').replace('제12조(개인정보 처리방침의 변경)', `제12조(${title})`);
    const { version } = parsePolicy(policyWith(text));
    expect(version.articles.at(-1)!.topic).toBe('revision');
    expect(version.effective).toBe('2024-03-01');
  });
});

describe('more ways pages write the same things', () => {
  const parseWith = (lines: string[]) => parsePolicy(policyWith(`${lines.join('\n')}\n`));

  it('ranges written "… 부터 … 까지 적용"', () => {
    const { version } = parseWith([
      '제12조(개인정보 처리방침의 변경)',
      '① 이 개인정보 처리방침은 2024년 1월 2일부터 적용됩니다.',
      '② 이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.',
      '- 2021. 6. 1.부터 2024. 1. 1.까지 적용',
      '- 2018. 3. 5.부터 2021. 5. 31.까지 적용',
    ]);
    expect(version.revision!.style).toBe('ranges');
    expect(version.revision!.earlier.map((e) => [e.from, e.until])).toEqual([
      ['2018-03-05', '2021-05-31'],
      ['2021-06-01', '2024-01-01'],
    ]);
  });

  it('a cumulative sentence without 시행/적용: "… 제정되었으며, …, 2022. 4. 11. 개정되었습니다."', () => {
    const { version } = parseWith([
      '제12조(개인정보 처리방침의 변경)',
      '이 방침은 2012. 3. 30. 제정되었으며, 2015. 7. 1., 2018. 10. 22., 2022. 4. 11. 개정되었습니다.',
    ]);
    expect(version.effective).toBe('2022-04-11');
    expect(version.revision!.style).toBe('cumulative');
    expect(version.revision!.earlier.map((e) => e.from)).toEqual(['2012-03-30', '2015-07-01', '2018-10-22']);
  });

  it('a 시행일자 label dates the version even when a list of earlier versions follows', () => {
    const { version } = parseWith([
      '제12조(개인정보 처리방침의 변경)',
      '이 개인정보처리방침은 시행일로부터 적용됩니다.',
      '시행일자 : 2023년 9월 15일',
      '이전 개인정보처리방침 보기',
      '- 2021. 1. 4. 개인정보처리방침 보기',
      '- 2019. 3. 4. 개인정보처리방침 보기',
    ]);
    expect(version.effective).toBe('2023-09-15');
    expect(version.revision!.style).toBe('links');
    expect(version.revision!.earlier).toEqual([
      { from: '2019-03-04', text: '2019. 3. 4. 개인정보처리방침 보기' },
      { from: '2021-01-04', text: '2021. 1. 4. 개인정보처리방침 보기' },
    ]);
  });

  it('a drop-down of version labels ("v3.0 (2022.09.01)") under "- 선택 -"', () => {
    const { version } = parseWith([
      '제12조(개인정보 처리방침의 변경)',
      '① 이 개인정보 처리방침은 2023. 7. 26.부터 적용됩니다.',
      '② 이전 개인정보 처리방침',
      '- 선택 -',
      'v3.0 (2022.09.01)',
      'v2.0 (2020.03.02)',
      'v1.0 (2017.06.01)',
    ]);
    expect(version.revision!.style).toBe('dropdown');
    expect(version.revision!.earlier).toEqual([
      { from: '2017-06-01', text: 'v1.0 (2017.06.01)' },
      { from: '2020-03-02', text: 'v2.0 (2020.03.02)' },
      { from: '2022-09-01', text: 'v3.0 (2022.09.01)' },
    ]);
  });

  it('a ranges list whose first line is "… ~ 현재 적용" stays ranges; the current line is not an earlier version', () => {
    const { version } = parseWith([
      '제12조(개인정보 처리방침의 변경)',
      '1. 이 개인정보 처리방침은 2023. 7. 26.부터 적용됩니다.',
      '2. 이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.',
      '- 2023. 07. 26. ~ 현재 적용',
      '- 2020. 07. 17. ~ 2023. 07. 25. 적용(클릭)',
    ]);
    expect(version.revision!.style).toBe('ranges');
    expect(version.revision!.earlier).toEqual([{ from: '2020-07-17', until: '2023-07-25', text: '2020. 07. 17. ~ 2023. 07. 25. 적용(클릭)' }]);
  });
});

describe('dated labels and two listings in one article', () => {
  const parseWith = (lines: string[]) => parsePolicy(policyWith(`${lines.join('\n')}\n`));

  it('"공고일자 : … / 시행일자 : …" on one line: both read, the 시행일자 in force', () => {
    const { version } = parseWith(['제12조(개인정보 처리방침의 변경)', '이 개인정보처리방침은 시행일로부터 적용됩니다.', '공고일자 : 2023. 7. 19. / 시행일자 : 2023. 7. 26.']);
    expect(version.effective).toBe('2023-07-26');
    expect(version.revision).toMatchObject({ style: 'dated', announced: '2023-07-19', enforced: '2023-07-26' });
  });

  it('"시행일자 : 2022. 09." dates the version by its month only', () => {
    const { version } = parseWith(['제12조(개인정보 처리방침의 변경)', '이 개인정보처리방침은 시행일로부터 적용됩니다.', '시행일자 : 2022. 09.']);
    expect(version.effective).toBeNull();
    expect(version.revision!.effectiveMonth).toBe('2022-09');
  });

  it('a cumulative sentence and a change-history table that name different versions: a warning naming the dates', () => {
    const result = parseWith([
      '제12조(개인정보 처리방침의 변경)',
      '① 이 개인정보 처리방침은 2016. 4. 1.부터 시행되며, 2019. 3. 4., 2023. 9. 15. 변경되었으며 즉시 적용됩니다.',
      '② 변경 이력',
      '차수\t시행일자\t주요 내용',
      '1차\t2016. 4. 1.\t제정',
      '2차\t2019. 3. 4.\t보호책임자 변경',
      '3차\t2021. 1. 4.\t위탁업체 변경',
      '4차\t2023. 9. 15.\t라벨링 도입',
    ]);
    expect(result.version.effective).toBe('2023-09-15');
    expect(result.version.revision!.earlier).toEqual([
      { from: '2016-04-01', text: '1차 | 2016. 4. 1. | 제정' },
      { from: '2019-03-04', text: '2차 | 2019. 3. 4. | 보호책임자 변경' },
      { from: '2021-01-04', text: '3차 | 2021. 1. 4. | 위탁업체 변경' },
    ]);
    expect(messages(result)).toContain(
      '시행 문장("이 개인정보 처리방침은 2016. 4. 1.부터 시행되며, 2019. 3. 4., 2023. 9. 15. 변경되었으며 즉시 적용됩니다.")에 없는 날짜 2021-01-04이(가) 변경 이력 목록에 있습니다: 시행 문장과 목록 중 어느 쪽이 맞는지 확인하세요',
    );
  });
});

describe('부칙 written inside the revision article', () => {
  it('each "부칙 <date>" and its sentence is a version; the newest is in force, not the first sentence', () => {
    const result = parsePolicy(
      policyWith(
        [
          '제12조(개인정보 처리방침의 변경)',
          '이 개인정보 처리방침의 내용 추가, 삭제 및 수정이 있을 시에는 시행 7일 전부터 누리집 공지사항을 통하여 고지합니다.',
          '부칙 <2014. 8. 7.>',
          '이 방침은 2014년 8월 7일부터 시행한다.',
          '부칙 <2018. 5. 28.>',
          '이 방침은 2018년 5월 28일부터 시행한다.',
          '부칙 <2022. 12. 19.>',
          '이 방침은 2022년 12월 19일부터 시행한다.',
          '',
        ].join('\n'),
      ),
    );
    expect(result.version.effective).toBe('2022-12-19');
    expect(result.version.revision).toEqual({
      style: 'supplementary',
      effective: '2022-12-19',
      effectiveText: '이 방침은 2022년 12월 19일부터 시행한다.',
      earlier: [
        { from: '2014-08-07', text: '이 방침은 2014년 8월 7일부터 시행한다.' },
        { from: '2018-05-28', text: '이 방침은 2018년 5월 28일부터 시행한다.' },
      ],
    });
  });

  it('a sentence that only mentions a 부칙 is not one', () => {
    const { version } = parsePolicy(policyWith('제12조(개인정보 처리방침의 변경)\n부칙 제2조에 따른 경과조치는 별도로 공지합니다.\n이 개인정보 처리방침은 2023. 7. 26.부터 적용됩니다.\n'));
    expect(version.effective).toBe('2023-07-26');
    expect(version.revision!.earlier).toEqual([]);
    expect(version.appendix).toEqual([]);
  });
});
