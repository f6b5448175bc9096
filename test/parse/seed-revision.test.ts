/** The revision article of each seed: effective date, earlier versions, style. And Korean dates. */
import { describe, expect, it } from 'vitest';
import { parseKoreanDate, parsePolicy } from '../../src/domain/parse/index.js';
import { seedBytes, type SeedSlug } from './seeds.js';

function revisionOf(slug: SeedSlug) {
  const { version } = parsePolicy(seedBytes(slug));
  return { effective: version.effective, revision: version.revision! };
}

describe('Korean dates', () => {
  it.each([
    ['2020년 07월 17일', '2020-07-17'],
    ['2020년 7월 17일', '2020-07-17'],
    ['2011. 11. 07.', '2011-11-07'],
    ['2012.03.26', '2012-03-26'],
    ['2012.03.26.', '2012-03-26'],
    ['2024. 3. 12.', '2024-03-12'],
    ['2022-07-19', '2022-07-19'],
    ['2022/07/19', '2022/07/19'.replaceAll('/', '-')],
    ['최종수정일 : 2022-07-19 09:55:47', '2022-07-19'],
    ['[2024년 9월 30일 이전 개인정보처리방침 다운로드]', '2024-09-30'],
    ['2024년 2월 29일', '2024-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseKoreanDate(text)).toBe(iso);
  });

  it.each(['2023-02-30', '2023년 2월 29일', '2020. 13. 01.', '2020. 4. 31.', '게시일부터', '031-8075-2593', ''])(
    '"%s" is not a date',
    (text) => {
      expect(parseKoreanDate(text)).toBeNull();
    },
  );
});

describe('seed revision articles', () => {
  it('고양: 2020-07-17, three earlier versions as date ranges', () => {
    expect(revisionOf('goyang')).toEqual({
      effective: '2020-07-17',
      revision: {
        style: 'ranges',
        effective: '2020-07-17',
        effectiveText: '이 개인정보 방침은 2020년 07월 17일부터 적용됩니다.',
        earlier: [
          { from: '2011-11-07', until: '2016-05-13', text: '2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)' },
          { from: '2016-05-16', until: '2016-12-01', text: '2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)' },
          { from: '2016-12-02', until: '2020-07-16', text: '2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)' },
        ],
      },
    });
  });

  it('파주: 2024-09-30, eleven cut-off dates sorted oldest first, flagged as listed out of order', () => {
    const { effective, revision } = revisionOf('paju');
    expect(effective).toBe('2024-09-30');
    expect(revision.style).toBe('cutoffs');
    expect(revision.effectiveText).toBe(
      '이 개인정보처리방침은 2024년 9월 30일부터 적용되며, 이전의 개인정보 처리방침은 아래에서 확인할 수 있습니다.',
    );
    expect(revision.earlier.map((e) => e.before)).toEqual([
      '2015-02-11', '2015-09-20', '2017-05-19', '2018-10-31', '2019-06-20', '2021-03-11',
      '2022-09-16', '2023-04-11', '2023-07-02', '2023-11-20', '2024-09-30',
    ]);
    expect(revision.earlier[0]!.text).toBe('2015년 2월 11일 이전 개인정보처리방침 다운로드');
    expect(revision.earlier.every((e) => e.from === undefined && e.until === undefined)).toBe(true);
    expect(revision.listedOutOfOrder).toBe(true);
  });

  it('남양주: 공고일자/시행일자/변경일자 (dated); in force since the 변경일자', () => {
    expect(revisionOf('namyangju')).toEqual({
      effective: '2015-08-26',
      revision: {
        style: 'dated',
        effective: '2015-08-26',
        effectiveText:
          '이 개인정보처리방침은 시행일로부터 적용되며, 법령 및 방침에 따른 변경내용의 추가, 삭제 및 정정이 있는 경우에는 공지사항을 통하여 고지할 것입니다.',
        announced: '2011-09-30',
        enforced: '2011-09-30',
        changed: '2015-08-26',
        earlier: [{ from: '2011-09-30', before: '2015-08-26', text: '시행일자 : 2011년 9월 30일' }],
      },
    });
  });

  it('익산: 2012-03-26 with one cut-off ("2012.03.26.이전 개인정보처리방침 보기")', () => {
    expect(revisionOf('iksan')).toEqual({
      effective: '2012-03-26',
      revision: {
        style: 'cutoffs',
        effective: '2012-03-26',
        effectiveText: '이 개인정보처리방침은 2012.03.26일부터 적용되며 이전의 개인정보 처리방침은 아래에서 확인할 수 있습니다.',
        earlier: [{ before: '2012-03-26', text: '2012.03.26.이전 개인정보처리방침 보기' }],
      },
    });
  });

  it('의정부: no date at all ("게시일부터 적용"): plain, effective null, and a warning to supply it', () => {
    expect(revisionOf('uijeongbu')).toEqual({
      effective: null,
      revision: {
        style: 'plain',
        effective: null,
        effectiveText: '이 개인정보 처리방침은 게시일부터 적용됩니다.',
        earlier: [],
      },
    });
    const { report } = parsePolicy(seedBytes('uijeongbu'));
    expect(report.warnings.map((w) => w.message)).toContain('방침에 시행일이 적혀 있지 않습니다: 가져올 때 시행일을 주세요');
  });
});
