import { describe, expect, it } from 'vitest';
import { diffWordsKorean, isEditorialOnly, newTextOf, oldTextOf } from '../../src/domain/diff/index.js';
import { diffArrays } from 'diff';
import { diffWordKeys } from '../../src/domain/diff/words.js';

const substantive = (a: string, b: string) => diffWordsKorean(a, b).filter((w) => w.op !== 'equal' && !w.editorial);

describe('diffWordsKorean', () => {
  it('marks exactly one syllable when 보유합니다 becomes 보관합니다', () => {
    const words = diffWordsKorean('개인정보를 보유합니다.', '개인정보를 보관합니다.');
    expect(words).toEqual([
      { op: 'equal', text: '개인정보를 보' },
      { op: 'delete', text: '유' },
      { op: 'insert', text: '관' },
      { op: 'equal', text: '합니다.' },
    ]);
  });

  it('replaces a date or phone number whole, as a reader reads it, not digit by digit', () => {
    expect(substantive('이 개인정보 방침은 2020년 07월 17일부터 적용됩니다.', '이 개인정보 방침은 2025년 01월 01일부터 적용됩니다.')).toEqual([
      { op: 'delete', text: '2020년' },
      { op: 'insert', text: '2025년' },
      { op: 'delete', text: '07월' },
      { op: 'insert', text: '01월' },
      { op: 'delete', text: '17일부터' },
      { op: 'insert', text: '01일부터' },
    ]);
    expect(substantive('전화번호 031-8075-2593', '전화번호 031-8075-2600')).toEqual([
      { op: 'delete', text: '031-8075-2593' },
      { op: 'insert', text: '031-8075-2600' },
    ]);
  });

  it('still shows only the bracket when a dated link loses its brackets', () => {
    expect(substantive('[2024년 9월 30일 이전', '2024년 9월 30일 이전')).toEqual([{ op: 'delete', text: '[' }]);
  });

  it('treats whitespace-only changes as editorial: spacing, line breaks, joined and split words', () => {
    for (const [a, b] of [
      ['개인정보 보호법 제30조에 따라', '개인정보  보호법\n제30조에   따라'],
      ['개인 정보를 처리합니다', '개인정보를 처리합니다'],
      ['접근권한의 부여, 변경, 말소를', '접근권한의 부여, 변\n\n경, 말소를'],
    ] as const) {
      const words = diffWordsKorean(a, b);
      expect(isEditorialOnly(words), `${a} → ${b}`).toBe(true);
      expect(substantive(a, b)).toEqual([]);
    }
  });

  it('treats look-alike characters as editorial', () => {
    expect(isEditorialOnly(diffWordsKorean('수립·공개합니다 “의정부시”', '수립ㆍ공개합니다 "의정부시"'))).toBe(true);
    expect(isEditorialOnly(diffWordsKorean('ＡＢＣ１２３', 'ABC123'))).toBe(true);
  });

  it('shows a replaced word as a whole when it has little in common with the old one', () => {
    const words = diffWordsKorean('담당자 : 임재강', '담당자 : 홍길동');
    expect(substantive('담당자 : 임재강', '담당자 : 홍길동')).toEqual([
      { op: 'delete', text: '임재강' },
      { op: 'insert', text: '홍길동' },
    ]);
    expect(oldTextOf(words)).toBe('담당자 : 임재강');
    expect(newTextOf(words)).toBe('담당자 : 홍길동');
  });

  it('reconstructs both texts from its pieces (whitespace collapsed)', () => {
    const pairs = [
      ['최소 6개월 이상 보관, 관리하고 있으며', '최소 1년 이상 보관·관리하고 있으며, 점검합니다'],
      ['', '새 문장입니다'],
      ['지울 문장입니다', ''],
      ['가 나 다', '다 나 가'],
    ] as const;
    for (const [a, b] of pairs) {
      const words = diffWordsKorean(a, b);
      expect(oldTextOf(words)).toBe(a);
      expect(newTextOf(words)).toBe(b);
    }
  });

  it('reports an inserted word as an insertion, not an editorial change', () => {
    const words = substantive('10일 이내에 조치', '10일 이내에 서면으로 조치');
    expect(words).toEqual([{ op: 'insert', text: ' 서면으로' }]);
  });
});

describe('diffWordKeys', () => {
  /** A small fixed-seed generator: runs differ, but every run tests the same cases. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  it('finds the runs jsdiff diffArrays finds, tie for tie (few distinct words, so ties abound)', () => {
    const next = random(7);
    const words = (length: number, alphabet: number): string[] => Array.from({ length }, () => `w${Math.floor(next() * alphabet)}`);
    for (let round = 0; round < 3000; round++) {
      const alphabet = 1 + Math.floor(next() * 5);
      const oldKeys = words(Math.floor(next() * 14), alphabet);
      // Half the cases edit the old words (the usual amendment), half are unrelated.
      const newKeys = next() < 0.5 ? words(Math.floor(next() * 14), alphabet) : oldKeys.flatMap((w) => (next() < 0.2 ? [] : next() < 0.2 ? [w, ...words(1, alphabet)] : [w]));
      const expected = diffArrays(oldKeys, newKeys).map((c) => ({ count: c.count, added: c.added, removed: c.removed }));
      expect(diffWordKeys(oldKeys, newKeys), `${oldKeys.join(' ')} → ${newKeys.join(' ')}`).toEqual(expected);
    }
  });
});
