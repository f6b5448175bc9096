/**
 * The new version's own revision article against the ledger, on real data: 고양's seed and the sample
 * draft (drafts/goyang.txt), 파주's twelve known versions, and two bodies written for these tests in other
 * styles (a 재단's 제정/개정 list, a 공사's 변경 이력 table). Each with a ledger that agrees and one that does not;
 * ledgers are built by the store's own merge from real parsed versions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNotice, renderNotice, type Notice } from '../../src/domain/notice/index.js';
import { gitBlobId, mergeArchivedVersion, tagName } from '../../src/domain/ledger.js';
import type { Ledger, PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { applyEdits, GOYANG_CONTENT_EDITS, GOYANG_EDITS, ledgerOf, PAJU_EDITS, parseSeed, parseText, seedText } from './seeds.js';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const parseBody = (text: string, slug: string): PolicyVersion => parsePolicy(text, { slug, sourceFile: `${slug}.txt` } as Parameters<typeof parsePolicy>[1]).version;

/** `ledger` after archiving `version` too, as `import` does. */
function archive(ledger: Ledger, version: PolicyVersion): Ledger {
  const effective = version.effective!;
  return mergeArchivedVersion(ledger, version, { effective, tag: tagName(version.slug, effective), blob: gitBlobId(JSON.stringify(version)), source: version.source }).ledger;
}

function notice(from: PolicyVersion, draft: PolicyVersion, effective: string, ledger: Ledger): Notice {
  return buildNotice({ from: { label: 'in-force', version: from }, to: { label: 'draft.txt', version: draft }, effective, ledger: ledger.versions });
}

const kinds = (n: Notice): string[] => n.revisionCheck!.disagreements.map((d) => d.kind);

describe('고양: the sample draft (2027-03-01)', () => {
  const seed = parseSeed('goyang');
  const draft = parseText(read('../../drafts/goyang.txt'), 'goyang', 'drafts/goyang.txt');

  it('agrees with the ledger of the 2020 version: published as written, nothing for the officer', () => {
    const n = notice(seed, draft, '2027-03-01', ledgerOf(seed));
    expect(n.articleSource).toBe('own');
    expect(n.article.text.split('\n').slice(1, 2)).toEqual(['1. 이 개인정보 방침은 2027년 03월 01일부터 적용됩니다.']);
    expect(n.article.text.split('\n').at(-1)).toBe('  - 2020. 07. 17. ~ 2027. 02. 28. 적용(클릭)');
    expect(n.revisionCheck).toEqual({ disagreements: [], corrected: null });
  });

  it('disagrees once 2025-01-01 is archived: the 2020 line ends too late, the 2025 version is missing; the corrected article keeps its wording', () => {
    const ledger = archive(ledgerOf(seed), { ...parseText(applyEdits(seedText('goyang'), GOYANG_EDITS), 'goyang', 'v2025.txt'), effective: '2025-01-01' });
    const n = notice(seed, draft, '2027-03-01', ledger);
    expect(n.revisionCheck!.disagreements).toEqual([
      { kind: 'end-date', line: '2020. 07. 17. ~ 2027. 02. 28. 적용(클릭)', stated: '2027-02-28', expected: '2024-12-31', period: { from: '2020-07-17', until: '2024-12-31' }, suggestion: '2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)' },
      { kind: 'missing-version', period: { from: '2025-01-01', until: '2027-02-28' }, suggestion: '2025. 01. 01. ~ 2027. 02. 28. 적용(클릭)' },
    ]);
    expect(n.revisionCheck!.corrected!.text.split('\n').slice(-2)).toEqual(['  - 2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)', '  - 2025. 01. 01. ~ 2027. 02. 28. 적용(클릭)']);
    // The public text is the draft's own; the notes are not in it.
    const text = renderNotice(n, 'text');
    expect(text).toContain('2020. 07. 17. ~ 2027. 02. 28. 적용(클릭)');
    expect(text).not.toContain('2025. 01. 01. ~ 2027. 02. 28.');
  });

  it('a period the ledger does not know is reported, and left out of the corrected article', () => {
    const text = applyEdits(read('../../drafts/goyang.txt'), [['- 2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)', '- 2016. 12. 02. ~ 2018. 03. 01. 적용(클릭)\n\n- 2018. 03. 02. ~ 2020. 07. 16. 적용(클릭)']]);
    const n = notice(seed, parseText(text, 'goyang', 'draft.txt'), '2027-03-01', ledgerOf(seed));
    expect(n.revisionCheck!.disagreements.map((d) => [d.kind, d.line])).toEqual([
      ['end-date', '2016. 12. 02. ~ 2018. 03. 01. 적용(클릭)'],
      ['unknown-period', '2018. 03. 02. ~ 2020. 07. 16. 적용(클릭)'],
    ]);
    expect(n.revisionCheck!.corrected!.text).not.toContain('2018. 03.');
    expect(n.revisionCheck!.corrected!.text).toContain('  - 2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)');
  });

  it('the seed copied with its date unchanged: the stale date and the version in force left out', () => {
    const n = notice(seed, parseText(applyEdits(seedText('goyang'), GOYANG_CONTENT_EDITS), 'goyang', 'draft.txt'), '2025-01-01', ledgerOf(seed));
    expect(kinds(n)).toEqual(['effective-date', 'missing-version']);
    expect(n.revisionCheck!.corrected!.text.split('\n')[1]).toBe('1. 이 개인정보 방침은 2025년 01월 01일부터 적용됩니다.');
  });
});

describe('파주: twelve known versions, cut-offs newest first', () => {
  const seed = parseSeed('paju');
  const ledger = ledgerOf(seed);

  it('the ledger knows twelve versions; the draft listing the 2024 one agrees', () => {
    expect(ledger.versions).toHaveLength(12);
    const n = notice(seed, parseText(applyEdits(seedText('paju'), PAJU_EDITS), 'paju', 'draft.txt'), '2025-03-01', ledger);
    expect(n.revisionCheck).toEqual({ disagreements: [], corrected: null });
    expect(n.article.text.split('\n')[2]).toBe('[2025년 3월 1일 이전 개인정보처리방침 다운로드]');
  });

  it('a copy with the old date: the corrected article gains the cut-off line first, in the page\'s own wording', () => {
    const n = notice(seed, parseText(seedText('paju'), 'paju', 'draft.txt'), '2025-03-01', ledger);
    expect(kinds(n)).toEqual(['effective-date', 'missing-version']);
    expect(n.revisionCheck!.disagreements[1]!.suggestion).toBe('2025년 3월 1일 이전 개인정보처리방침 다운로드');
    expect(n.revisionCheck!.corrected!.text.split('\n').slice(1, 4)).toEqual([
      '이 개인정보처리방침은 2025년 3월 1일부터 적용되며, 이전의 개인정보 처리방침은 아래에서 확인할 수 있습니다.',
      '[2025년 3월 1일 이전 개인정보처리방침 다운로드]',
      '[2024년 9월 30일 이전 개인정보처리방침 다운로드]',
    ]);
  });

});

describe('a 재단 with a 제정/개정 list', () => {
  const v2023 = parseBody(read('./fixtures/foundation-enactments.txt'), 'hanbit-arts');
  const draftText = applyEdits(read('./fixtures/foundation-enactments.txt'), [
    ['2023. 9. 15.부터 시행합니다.', '2025. 3. 1.부터 시행합니다.'],
    ['- 개정 2023. 9. 15.\n', '- 개정 2023. 9. 15.\n- 개정 2025. 3. 1.\n'],
  ]);
  const draft = parseBody(draftText, 'hanbit-arts');

  it('the list brought up to date agrees with the ledger', () => {
    expect(notice(v2023, draft, '2025-03-01', ledgerOf(v2023)).revisionCheck!.disagreements).toEqual([]);
  });

  it('a 2021 version the list forgot: the corrected article adds "- 개정 2021. 4. 1." between 2019 and 2023', () => {
    const v2021 = parseBody(applyEdits(read('./fixtures/foundation-enactments.txt'), [['2023. 9. 15.부터', '2021. 4. 1.부터'], ['- 개정 2023. 9. 15.', '- 개정 2021. 4. 1.']]), 'hanbit-arts');
    const ledger = archive(ledgerOf(v2021), v2023);
    const n = notice(v2023, draft, '2025-03-01', ledger);
    expect(n.revisionCheck!.disagreements).toEqual([{ kind: 'missing-version', period: { from: '2021-04-01', until: '2023-09-14' }, suggestion: '개정 2021. 4. 1.' }]);
    expect(n.revisionCheck!.corrected!.text.split('\n').slice(-6)).toEqual(['  - 제정 2012. 5. 1.', '  - 개정 2015. 7. 1.', '  - 개정 2019. 1. 2.', '  - 개정 2021. 4. 1.', '  - 개정 2023. 9. 15.', '  - 개정 2025. 3. 1.']);
  });

  it('a copy with the old date whose list names it as its own: written anew in the 제정/개정 style', () => {
    const n = notice(v2023, v2023, '2025-03-01', ledgerOf(v2023));
    expect(kinds(n)).toEqual(['effective-date']);
    expect(n.revisionCheck!.corrected!.text.split('\n').slice(-2)).toEqual(['  - 개정 2023. 9. 15.', '  - 개정 2025. 3. 1.']);
  });
});

describe('a 공사 with a 변경 이력 table', () => {
  const fixture = read('./fixtures/corporation-history-table.txt');
  const v2023 = parseBody(fixture, 'nuri-dosi');
  const draft = parseBody(applyEdits(fixture, [['2023. 9. 15.부터 적용됩니다.', '2025. 3. 1.부터 적용됩니다.'], ['5차\t2023. 9. 15.\t개정 「개인정보 보호법」 반영\n', '5차\t2023. 9. 15.\t개정 「개인정보 보호법」 반영\n6차\t2025. 3. 1.\t임대주택 입주자 모집 항목 정비\n']]), 'nuri-dosi');

  it('the table with its new row agrees with the ledger', () => {
    expect(notice(v2023, draft, '2025-03-01', ledgerOf(v2023)).revisionCheck!.disagreements).toEqual([]);
  });

  it('a version the table leaves out: the corrected article is the table written anew, rows renumbered, contents kept', () => {
    const v2022 = parseBody(applyEdits(fixture, [['2023. 9. 15.부터', '2022. 5. 2.부터'], ['5차\t2023. 9. 15.\t개정 「개인정보 보호법」 반영', '5차\t2022. 5. 2.\t주차 정기권 발급 추가']]), 'nuri-dosi');
    const n = notice(v2023, draft, '2025-03-01', archive(ledgerOf(v2022), v2023));
    expect(n.revisionCheck!.disagreements).toEqual([{ kind: 'missing-version', period: { from: '2022-05-02', until: '2023-09-14' } }]);
    const rows = n.revisionCheck!.corrected!.text.split('\n').filter((l) => /차 \|/u.test(l)).map((l) => l.trim());
    expect(rows).toEqual([
      '1차 | 2013. 4. 1. | 개인정보 처리방침 제정',
      '2차 | 2016. 1. 4. | 조직 개편에 따른 부서명 변경',
      '3차 | 2019. 7. 1. | 위탁업체 변경',
      '4차 | 2021. 3. 2. | 임대주택 입주자 관리 항목 추가',
      '5차 | 2022. 5. 2. | 개인정보 처리방침 변경',
      '6차 | 2023. 9. 15. | 개정 「개인정보 보호법」 반영',
      '7차 | 2025. 3. 1. | 개인정보 처리방침 변경',
    ]);
  });
});
