import { describe, expect, it } from 'vitest';
import { extractFactsFromText, extractFacts, compareFacts, formatFactChange } from '../../src/domain/diff/index.js';
import type { Fact } from '../../src/domain/diff/index.js';

const values = (text: string, kind: Fact['kind']) => extractFactsFromText(text).filter((f) => f.kind === kind).map((f) => f.value);

describe('fact extraction', () => {
  it('reads phones in the forms the seeds use', () => {
    expect(values('연 락 처 : 031)828-2642', 'phone')).toEqual(['031-828-2642']);
    expect(values('개인정보 보호책임자 : 자치행정국장 한상규(031-828-2021)', 'phone')).toEqual(['031-828-2021']);
    expect(values('개인정보 침해신고센터 : (국번없이) 118(내선2번)', 'phone')).toEqual(['(국번없이) 118']);
    expect(values('경찰청 사이버안전과 : (국번없이)182 (police.go.kr/www/security/cyber.jsp)', 'phone')).toEqual(['(국번없이) 182']);
    expect(values('정보보호마크인증위원회 : 02-580-0533~4 (<http://eprivacy.or.kr>)', 'phone')).toEqual(['02-580-0533~4']);
    expect(values('경찰청 사이버테러대응센터 : 1566-0112', 'phone')).toEqual(['1566-0112']);
    // a postal code is not a phone
    expect(values('주 소 : (138-950) 서울시 송파구 중대로 135', 'phone')).toEqual([]);
  });

  it('reads people, departments and emails next to their labels', () => {
    const text = '개인정보 총괄부서: 정보통신과(임재강 / 031-828-2642 / negajoa@korea.kr)';
    expect(values(text, 'department')).toEqual(['정보통신과']);
    expect(values(text, 'email')).toEqual(['negajoa@korea.kr']);
    expect(values('담 당 자 : 임재강', 'person')).toEqual(['임재강']);
    expect(values('나. 성 명 : 김 태 훈', 'person')).toEqual(['김태훈']);
    expect(values('개인정보 보호책임자 : 자치행정국장 한상규(031-828-2021)', 'person')).toEqual(['한상규']);
    expect(values('성명 | 최영수 | 성명 | 위대환', 'person')).toEqual(['최영수', '위대환']);
    // 담당자를 지정, 책임자에게 문의: no name there
    expect(values('아래와 같이 개인정보 보호책임자 및 실무담당자를 지정하고 있습니다. 책임자에게 문의할 수 있습니다.', 'person')).toEqual([]);
  });

  it('reads periods with what they govern, and not dates or ages as periods', () => {
    const facts = extractFacts({
      body: [
        { marker: '○', text: '접속기록의 보관 및 위변조 방지' },
        { text: '개인정보처리시스템에 접속한 기록(웹 로그, 요약정보 등)을 최소 6개월 이상 보관, 관리하고 있으며' },
      ],
    });
    expect(facts.filter((f) => f.kind === 'period')).toEqual([{ kind: 'period', value: '6개월', label: '접속기록 보관' }]);
    expect(values('민원사무 처리 : 민원처리 종료 후 3년', 'period')).toEqual(['3년']);
    expect(values('이 개인정보 방침은 2020년 07월 17일부터 적용됩니다. 만 14세 미만', 'period')).toEqual([]);
    expect(values('이 개인정보 방침은 2020년 07월 17일부터 적용됩니다.', 'date')).toEqual(['2020-07-17']);
    expect(values('- 2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)', 'date')).toEqual(['2011-11-07', '2016-05-13']);
  });

  it('normalises statute references', () => {
    expect(values('같은 법 제35조 제4항에 의하여', 'statute')).toEqual(['개인정보 보호법 제35조 제4항']);
    expect(values('「개인정보 보호법」 제29조에 따라', 'statute')).toEqual(['개인정보 보호법 제29조']);
    expect(values('개인정보보호법 제29조에 따라', 'statute')).toEqual(['개인정보 보호법 제29조']);
    expect(values('「개인정보 보호법」 시행령 제41조 제1항에 따라', 'statute')).toEqual(['개인정보 보호법 시행령 제41조 제1항']);
    expect(values('「개인정보보호법」 제11조의2에 따라', 'statute')).toEqual(['개인정보 보호법 제11조의2']);
  });

  it('reads URLs without their scheme, and not dates as domains', () => {
    expect(values('홈페이지 : <http://privacy.kisa.or.kr>', 'url')).toEqual(['privacy.kisa.or.kr']);
    expect(values('개인정보 포털( https://www.privacy.go.kr ) 메뉴', 'url')).toEqual(['www.privacy.go.kr']);
    expect(values('2012.03.26.이전 개인정보처리방침 보기', 'url')).toEqual([]);
  });
});

describe('fact comparison', () => {
  it('reports a changed period with its label, and nothing for unchanged facts', () => {
    const oldFacts: Fact[] = [
      { kind: 'period', value: '6개월', label: '접속기록 보관' },
      { kind: 'phone', value: '031-828-2642' },
    ];
    const newFacts: Fact[] = [
      { kind: 'phone', value: '031-828-2642' },
      { kind: 'period', value: '1년', label: '접속기록 보관' },
    ];
    const changes = compareFacts(oldFacts, newFacts, '제8조');
    expect(changes).toEqual([{ kind: 'period', old: '6개월', new: '1년', article: '제8조', label: '접속기록 보관' }]);
    expect(formatFactChange(changes[0]!)).toBe('접속기록 보관: 6개월 → 1년');
  });

  it('reports added and removed facts', () => {
    const changes = compareFacts([{ kind: 'email', value: 'a@korea.kr' }], [{ kind: 'phone', value: '031-000-0000' }], '제9조');
    expect(changes).toEqual([
      { kind: 'phone', old: null, new: '031-000-0000', article: '제9조' },
      { kind: 'email', old: 'a@korea.kr', new: null, article: '제9조' },
    ]);
  });
});
