/**
 * The notice writes the next revision article in the page's own style, for every style the parser
 * reads: what it writes, the parser reads back as the same effective date, style and earlier versions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry, RevisionStyle } from '../../src/domain/model.js';
import { earlierPeriodsFromLedger, earlierPeriodsFromRevision, writeRevisionArticle } from '../../src/domain/notice/revision.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { renderClauses } from '../../src/domain/render.js';

const BASE = readFileSync(fileURLToPath(new URL('../parse/fixtures/revisions/base-articles.txt', import.meta.url)), 'utf8');
const PREAMBLE = '한빛공단 개인정보 처리방침\n한빛공단은 「개인정보 보호법」 제30조에 따라 정보주체의 개인정보를 보호하기 위하여 다음과 같이 개인정보 처리방침을 수립·공개합니다.\n';

// A 공단's ledger: a version known only by its month (2018-11), the others by their day; 2023-07-26 in force.
const ledger: LedgerEntry[] = [
  { effective: '2016-04-01', until: '2018-10-31', archived: false },
  { effective: null, effectiveMonth: '2018-11', until: '2021-03-01', archived: false },
  { effective: '2021-03-02', until: '2023-07-25', archived: false },
  { effective: '2023-07-26', until: null, archived: true, tag: 'hanbit@2023-07-26' },
];

function written(style: RevisionStyle) {
  return writeRevisionArticle({ style, number: 12, newEffective: '2025-01-01', earlier: earlierPeriodsFromLedger(ledger, '2025-01-01'), city: '한빛공단' });
}

function readBack(text: string) {
  return parsePolicy(`${PREAMBLE}${BASE}${text}\n`).version.revision!;
}

describe('earlierPeriodsFromLedger with a month-only version', () => {
  it('keeps the month as the start, never a day', () => {
    expect(earlierPeriodsFromLedger(ledger, '2025-01-01')).toEqual([
      { from: '2016-04-01', until: '2018-10-31' },
      { from: '2018-11', until: '2021-03-01' },
      { from: '2021-03-02', until: '2023-07-25' },
      { from: '2023-07-26', until: '2024-12-31' },
    ]);
  });
});

describe('writeRevisionArticle in the new styles', () => {
  it('cumulative: one sentence with every date, the new one last', () => {
    expect(written('cumulative').text).toBe(
      [
        '제12조(개인정보 처리방침의 변경)',
        '이 개인정보 처리방침은 2016. 4. 1.부터 시행되며, 2018. 11., 2021. 3. 2., 2023. 7. 26., 2025. 1. 1. 변경되었으며 즉시 적용됩니다.',
      ].join('\n'),
    );
  });

  it('history-table: 차수 | 시행일자 | 주요 내용, the new row last; the contents kept from the version in force', () => {
    const oldRevision = readBack(
      [
        '제12조(개인정보 처리방침의 변경)',
        '이 개인정보 처리방침은 2023. 7. 26.부터 적용됩니다.',
        '차수\t시행일자\t주요 내용',
        '1차\t2016. 4. 1.\t개인정보 처리방침 제정',
        '2차\t2018. 11.\t위탁업체 변경',
        '3차\t2021. 3. 2.\t보호책임자 변경',
        '4차\t2023. 7. 26.\t라벨링 도입',
      ].join('\n'),
    );
    const article = writeRevisionArticle({ style: 'history-table', number: 12, newEffective: '2025-01-01', earlier: earlierPeriodsFromLedger(ledger, '2025-01-01'), city: '한빛공단', oldRevision });
    expect(article.text).toBe(
      [
        '제12조(개인정보 처리방침의 변경)',
        '이 개인정보 처리방침은 2025. 1. 1.부터 적용됩니다.',
        '개인정보 처리방침의 변경 이력은 다음과 같습니다.',
        '  차수 | 시행일자 | 주요 내용',
        '  1차 | 2016. 4. 1. | 개인정보 처리방침 제정',
        '  2차 | 2018. 11. | 위탁업체 변경',
        '  3차 | 2021. 3. 2. | 보호책임자 변경',
        // The row of the version in force is not an earlier version: its own 주요 내용 is not kept.
        '  4차 | 2023. 7. 26. | 개인정보 처리방침 변경',
        '  5차 | 2025. 1. 1. | 개인정보 처리방침 변경',
      ].join('\n'),
    );
  });

  it('links: 개정일자 lines, newest first', () => {
    expect(written('links').text).toBe(
      [
        '제12조(개인정보 처리방침의 변경)',
        '이 개인정보처리방침은 2025. 1. 1.부터 적용됩니다.',
        '이전 개인정보처리방침 보기',
        '  개정일자 : 2023. 7. 26. 이전 자료보기',
        '  개정일자 : 2021. 3. 2. 이전 자료보기',
        '  개정일자 : 2018. 11. 이전 자료보기',
        '  개정일자 : 2016. 4. 1. 이전 자료보기',
      ].join('\n'),
    );
  });

  it('dropdown: the selector\'s options, the new version "~ 현재" first', () => {
    expect(written('dropdown').text).toBe(
      [
        '제12조(개인정보 처리방침의 변경)',
        '이 개인정보 처리방침은 2025년 1월 1일부터 적용됩니다.',
        '이전의 개인정보 처리방침은 아래에서 선택하여 보실 수 있습니다.',
        '  - 선택 -',
        '  2025. 1. 1. ~ 현재',
        '  2023. 7. 26. ~ 2024. 12. 31.',
        '  2021. 3. 2. ~ 2023. 7. 25.',
        '  2018. 11. ~ 2021. 3. 1.',
        '  2016. 4. 1. ~ 2018. 10. 31.',
      ].join('\n'),
    );
  });

  it.each(['cumulative', 'history-table', 'links', 'dropdown', 'enactments', 'supplementary'] as const)('%s: the parser reads the written article back as written', (style) => {
    const article = written(style);
    // As the policy file renders it (table rows as TAB-separated cells); 부칙 after the article.
    const body = renderClauses(article.article.body).join('\n');
    const back = readBack(style === 'supplementary' ? `제12조(개인정보 처리방침의 변경)\n이 방침의 변경은 누리집에 공지합니다.\n부칙\n${body}` : `제12조(개인정보 처리방침의 변경)\n${body}`);
    expect(back.style).toBe(style);
    expect(back.effective).toBe('2025-01-01');
    expect(back.earlier.map((e) => [e.from, e.until])).toEqual(article.revision.earlier.map((e) => [e.from, e.until]));
    expect(back.earlier.some((e) => e.from === '2018-11')).toBe(true);
  });
});

describe('earlierPeriodsFromRevision (files outside a store)', () => {
  it('a change-history table\'s rows, each until the next row begins, then the version in force', () => {
    const page = readFileSync(fileURLToPath(new URL('../parse/fixtures/revisions/history-table.txt', import.meta.url)), 'utf8');
    const revision = readBack(page);
    const periods = earlierPeriodsFromRevision(revision, revision.effective, '2025-01-01');
    expect(periods).toHaveLength(10);
    expect(periods[0]).toEqual({ from: '2012-03-30', until: '2013-09-30' });
    expect(periods.slice(-2)).toEqual([
      { from: '2023-09-15', until: '2024-02-29' },
      { from: '2024-03-01', until: '2024-12-31' },
    ]);
    const article = writeRevisionArticle({ style: revision.style, number: 12, newEffective: '2025-01-01', earlier: periods, city: '한빛공단', oldRevision: revision });
    expect(article.text.split('\n').slice(-2)).toEqual(['  10차 | 2024. 3. 1. | 개인정보 처리방침 변경', '  11차 | 2025. 1. 1. | 개인정보 처리방침 변경']);
    expect(article.text).toContain('  3차 | 2015. 2. 16. | 주민등록번호 처리 제한 반영');
  });

  it('a month-only cut-off closes the version before it in that month, without a day', () => {
    const revision = readBack(['제12조(개인정보 처리방침의 변경)', '이 개인정보처리방침은 2023년 7월 26일부터 적용되며, 이전의 개인정보 처리방침은 아래에서 확인할 수 있습니다.', '- 2021. 03. 이전 개인정보처리방침 보기'].join('\n'));
    expect(revision.earlier).toEqual([{ before: '2021-03', text: '2021. 03. 이전 개인정보처리방침 보기' }]);
    expect(earlierPeriodsFromRevision(revision, '2023-07-26', '2025-01-01')).toEqual([
      { from: null, until: '2021-03' },
      { from: '2023-07-26', until: '2024-12-31' },
    ]);
  });
});
