import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../src/domain/model.js';
import { earlierPeriodsFromLedger, writeRevisionArticle } from '../../src/domain/notice/revision.js';
import { addDays, isIsoDate } from '../../src/domain/notice/dates.js';

// 고양's ledger as its 2020 revision article states it (seed 002): three earlier versions known only
// from that article, and the 2020-07-17 version in force.
const goyangLedger: LedgerEntry[] = [
  { effective: '2011-11-07', until: '2016-05-13', archived: false },
  { effective: '2016-05-16', until: '2016-12-01', archived: false },
  { effective: '2016-12-02', until: '2020-07-16', archived: false },
  { effective: '2020-07-17', until: null, archived: true, tag: 'goyang@2020-07-17' },
];

// 파주's cut-off dates (seed 003), put in date order: the oldest version's start is unknown.
const pajuCutoffs = ['2015-02-11', '2015-09-20', '2017-05-19', '2018-10-31', '2019-06-20', '2021-03-11', '2022-09-16', '2023-04-11', '2023-07-02', '2023-11-20', '2024-09-30'];
const pajuLedger: LedgerEntry[] = [
  ...pajuCutoffs.map((cutoff, i) => ({ effective: i === 0 ? null : pajuCutoffs[i - 1]!, until: addDays(cutoff, -1), archived: false })),
  { effective: '2024-09-30', until: null, archived: true },
];

describe('dates', () => {
  it('steps back across month and year ends and leap days', () => {
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(isIsoDate('2023-02-29')).toBe(false);
  });
});

describe('earlierPeriodsFromLedger', () => {
  it('closes the version in force on the day before the new one', () => {
    const periods = earlierPeriodsFromLedger(goyangLedger, '2025-01-01');
    expect(periods.at(-1)).toEqual({ from: '2020-07-17', until: '2024-12-31' });
    expect(periods).toHaveLength(4);
  });

  it('leaves out the new version itself once it is in the ledger', () => {
    const imported = [...goyangLedger.slice(0, 3), { ...goyangLedger[3]!, until: '2024-12-31' }, { effective: '2025-01-01', until: null, archived: true }];
    expect(earlierPeriodsFromLedger(imported, '2025-01-01')).toEqual(earlierPeriodsFromLedger(goyangLedger, '2025-01-01'));
  });
});

describe('writeRevisionArticle', () => {
  it('고양 2025: ranges style, the 2020 version closed on 2024-12-31 after the three earlier ranges', () => {
    const written = writeRevisionArticle({
      style: 'ranges',
      number: 12,
      title: '개인정보 처리방침 변경',
      newEffective: '2025-01-01',
      earlier: earlierPeriodsFromLedger(goyangLedger, '2025-01-01'),
      city: '고양특례시',
    });
    expect(written.text).toBe(
      [
        '제12조(개인정보 처리방침 변경)',
        '1. 이 개인정보 처리방침은 2025년 01월 01일부터 적용됩니다.',
        '2. 이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.',
        '  - 2011. 11. 07. ~ 2016. 05. 13. 적용',
        '  - 2016. 05. 16. ~ 2016. 12. 01. 적용',
        '  - 2016. 12. 02. ~ 2020. 07. 16. 적용',
        '  - 2020. 07. 17. ~ 2024. 12. 31. 적용',
      ].join('\n'),
    );
    expect(written.article.topic).toBe('revision');
    expect(written.revision).toMatchObject({ style: 'ranges', effective: '2025-01-01' });
    expect(written.revision.earlier.at(-1)).toEqual({ from: '2020-07-17', until: '2024-12-31', text: '2020. 07. 17. ~ 2024. 12. 31. 적용' });
  });

  it('파주: cut-off style, newest first, unpadded, the 2024-09-30 version now listed', () => {
    const written = writeRevisionArticle({
      style: 'cutoffs',
      number: 15,
      title: '개인정보처리 방침의 변경',
      newEffective: '2025-03-01',
      earlier: earlierPeriodsFromLedger(pajuLedger, '2025-03-01'),
      city: '파주시',
    });
    const lines = written.text.split('\n');
    expect(lines[0]).toBe('제15조(개인정보처리 방침의 변경)');
    expect(lines[1]).toBe('이 개인정보처리방침은 2025년 3월 1일부터 적용되며, 이전의 개인정보 처리방침은 아래에서 확인할 수 있습니다.');
    expect(lines.slice(2, 4)).toEqual(['  - 2025년 3월 1일 이전 개인정보처리방침', '  - 2024년 9월 30일 이전 개인정보처리방침']);
    expect(lines.at(-1)).toBe('  - 2015년 2월 11일 이전 개인정보처리방침');
    expect(lines).toHaveLength(2 + 12);
    expect(written.revision.earlier[0]).toEqual({ before: '2015-02-11', until: '2015-02-10', text: '2015년 2월 11일 이전 개인정보처리방침' });
  });

  it('남양주: keeps 공고일자 and 시행일자 of the first publication, 변경일자 becomes the new date', () => {
    const written = writeRevisionArticle({
      style: 'dated',
      number: 10,
      title: '개인정보 처리방침의 변경',
      newEffective: '2025-01-01',
      earlier: [{ from: '2015-08-26', until: '2024-12-31' }],
      city: '남양주시',
      oldRevision: { style: 'dated', effective: '2015-08-26', announced: '2011-09-30', enforced: '2011-09-30', changed: '2015-08-26', earlier: [] },
    });
    expect(written.text.split('\n').slice(2)).toEqual([
      '공고일자 : 2011년 9월 30일',
      '시행일자 : 2011년 9월 30일',
      '변경일자 : 2025년 1월 1일',
      '이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.',
      '  - 2015년 8월 26일 ~ 2024년 12월 31일 적용',
    ]);
    expect(written.revision).toMatchObject({ announced: '2011-09-30', enforced: '2011-09-30', changed: '2025-01-01' });
  });

  it('의정부 (no date stated): a plain article that now states the date and lists the earlier version', () => {
    const written = writeRevisionArticle({
      style: 'plain',
      number: 17,
      title: '개인정보 처리방침의 변경',
      newEffective: '2025-01-01',
      earlier: [{ from: '2023-05-01', until: '2024-12-31' }],
      city: '의정부시',
    });
    expect(written.text).toBe(
      [
        '제17조(개인정보 처리방침의 변경)',
        '1. 이 개인정보 처리방침은 2025년 1월 1일부터 적용됩니다.',
        '2. 이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.',
        '  - 2023. 5. 1. ~ 2024. 12. 31. 적용',
      ].join('\n'),
    );
  });

  it('a city with no earlier version states only the effective date, in every style', () => {
    for (const style of ['ranges', 'cutoffs', 'plain'] as const) {
      const written = writeRevisionArticle({ style, number: 9, newEffective: '2025-01-01', earlier: [], city: '가상시' });
      expect(written.text.split('\n')).toHaveLength(2);
      expect(written.text).toMatch(/2025년 0?1월 0?1일부터 적용됩니다\.$/u);
      expect(written.revision.earlier).toEqual([]);
    }
    const dated = writeRevisionArticle({ style: 'dated', number: 9, newEffective: '2025-01-01', earlier: [], city: '가상시' });
    expect(dated.text).toContain('공고일자 : 2025년 1월 1일');
    expect(dated.text).not.toContain('이전의');
  });
});
