/** Clause markers and nesting on concrete seed passages. */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { seedBytes, type SeedSlug } from './seeds.js';

function article(slug: SeedSlug, number: number): Article {
  return parsePolicy(seedBytes(slug)).version.articles.find((a) => a.number === number)!;
}

describe('clause structure in the seeds', () => {
  it('의정부 제2조: bullets nested by indentation, an indented unmarked line is its bullet\'s paragraph', () => {
    expect(article('uijeongbu', 2).body).toEqual([
      { text: '의정부시는 법령에 따른 개인정보 보유·이용기간 또는 정보주체로 부터 개인정보를 수집 시에 동의 받은 개인정보 보유·이용기간 내에서 개인정보를 처리·보유합니다.' },
      {
        text: '각각의 개인정보 처리 및 보유 기간은 다음과 같습니다.',
        children: [
          {
            marker: '•',
            text: '의정부시 홈페이지 회원가입 및 관리',
            children: [
              { text: '홈페이지 회원 탈퇴시까지(다만, 다음의 사유에 해당하는 경우에는 해당 사유 종료시까지)' },
              { marker: '•', text: '관계 법령 위반에 따른 수사·조사 등이 진행 중인 경우에는 해당 수사·조사 종료시까지' },
              { marker: '•', text: '홈페이지 이용에 따른 채권·채무관계 잔존시에는 해당 채권·채무 관계 정산시까지' },
            ],
          },
          { marker: '•', text: '민원사무 처리 : 민원처리 종료 후 3년' },
          { marker: '•', text: '개인정보보호법 제32조에 따라 등록·공개하는 개인정보파일의 보유기간은 다음의 개인정보파일 목록에서 안내하고 있습니다.' },
        ],
      },
      { marker: '※', text: '개인정보 포털(www.privacy.go.kr) >> 개인서비스 >> 정보주체권리행사 >> 개인정보 열람등요구 >> 개인정보파일 검색 >> 기관명 “의정부시”로 검색 후 “파일명” 선택' },
      { marker: '※', text: '참조 : 개인정보파일 목록 바로가기' },
    ]);
  });

  it('의정부 제9조: four levels of bullets by indentation depth', () => {
    const first = article('uijeongbu', 9).body[0]!;
    expect(first.marker).toBe('•');
    const access = first.children![0]!;
    expect(access.text).toMatch(/^개인정보의 열람요구 :/);
    const hindrance = access.children![2]!;
    expect(hindrance.text).toBe('다음 항목의 업무를 수행할 때 중대한 지장을 초래하는 경우');
    expect(hindrance.children!.map((c) => c.text)).toEqual([
      '조세의 부과·징수 또는 환급에 관한 업무',
      '「초·중등교육법」및「고등교육법」에 따른 각급학교,「평생교육법」에 따른 평생교육시설, 그 밖의 다른 법률에 따라 설치된 고등교육 기관에서의 성적 평가 또는 입학자 선발에 관한 업무',
      '학력·기능 및 채용에 관한 시험, 자격심사에 관한 업무',
      '보상금·급부금 산정 등에 대하여 진행 중인 평가 또는 판단에 한 업무',
      '다른 법률에 따라 진행 중인 감사 및 조사에 관한 업무',
    ]);
  });

  it('의정부 제11조: NBSP-indented "-" items are children of item 2., and 3. is its sibling', () => {
    const body = article('uijeongbu', 11).body;
    expect(body.map((c) => c.marker)).toEqual([undefined, '1.', '2.', '3.']);
    expect(body[2]!.children).toEqual([
      { marker: '-', text: 'Internet Explorer : 웹브라우저 우측 상단의 도구 메뉴 > 인터넷 옵션 > 개인정보 > 설정 > 고급' },
      { marker: '-', text: 'Edge : 웹브라우저 우측 상단의 설정 메뉴 > 쿠키 및 사이트 권한 > 쿠키 및 사이트 데이터 관리 및 삭제' },
      { marker: '-', text: 'Chrome : 웹브라우저 우측 상단의 설정 메뉴 > 개인정보 및 보안 > 쿠키 및 기타 사이트 데이터' },
    ]);
  });

  it('파주 제1조: flat "가." lines are children of the "2." before them', () => {
    expect(article('paju', 1).body).toEqual([
      { marker: '1.', text: '파주시가 처리하고 있는 개인정보는 처리 및 보유 목적에 따라 수집하고 있으며, 목적 이외의 용도로는 이용되지 않습니다. 단, 이용 목적이 변경되는 경우에는 개인정보보호법 제18조에 따라 별도의 동의를 받는 등 필요한 조치를 이행합니다.' },
      {
        marker: '2.',
        text: '파주시가 개인정보보호법 제32조에 따라 등록 · 공개하는 개인정보파일의 처리목적은 다음과 같습니다.',
        children: [
          { marker: '가.', text: '개인정보보호 포털(www.privacy.go.kr) ⇒ 개인서비스 ⇒ 개인정보 열람등 요구 ⇒ 개인정보파일 목록 검색' },
          { marker: '나.', text: '기관명에 “파주시” 로 입력 조회 후 개인정보 파일 상세조회의 “개인정보파일의 운영 목적” 을 개인정보 처리 목적으로 같음합니다.' },
        ],
      },
      { text: '[개인정보파일의 처리목적 바로가기]' },
      { marker: '3.', text: '파주시가 처리하는 개인정보처리시스템은 다음과 같습니다.' },
      { text: '[개인정보처리시스템 현황 다운로드]' },
    ]);
  });

  it('파주 제5조: ※ notes attach to the item before them; ▶ opens a list of 가. items under 8.', () => {
    const body = article('paju', 5).body;
    expect(body.map((c) => c.marker)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
    expect(body[0]!.children!.map((c) => c.marker)).toEqual(['※']);
    expect(body[2]!.children).toEqual([{ marker: '※', text: '위임장 다운로드' }]);
    const office = body[7]!.children![0]!;
    expect(office).toMatchObject({ marker: '▶', text: '개인정보 열람 등 청구 접수·처리 부서' });
    expect(office.children!.map((c) => `${c.marker} ${c.text}`)).toEqual([
      '가. 부서명: 정보통신과',
      '나. 연락처: 031-940-5332',
      '다. 이메일: kimyk5370@korea.kr',
      '라. FAX: 031-940-4149',
    ]);
  });

  it('고양 제9조: tab-separated table rows stay rows, empty cells kept', () => {
    const rows = article('goyang', 9).body.filter((c) => c.row).map((c) => c.row);
    expect(rows).toEqual([
      ['개인정보 보호책임자', '', '개인정보 보호담당자', ''],
      ['담당부서', '기획조정실', '담당부서', '정보통신담당관'],
      ['성명', '최영수', '성명', '위대환'],
      ['전화번호', '031-8075-2020', '전화번호', '031-8075-2593'],
      ['변경일', '2022. 07. 18.', '변경일', '2021. 4. 3.'],
    ]);
  });

  it('고양 제5조: "- 1." keeps "-" as the marker and "1. …" in the text; the table row keeps its two cells', () => {
    const body = article('goyang', 5).body;
    expect(body.slice(0, 8).map((c) => c.marker)).toEqual(['-', '-', '-', '-', '-', '-', '-', '-']);
    expect(body[0]!.text).toMatch(/^1\. 정보주체\(만14세 미만인 경우에는 법정대리인을 말함\)는/);
    expect(body[8]).toEqual({ row: ['온라인(인터넷)', '오프라인(서면)'] });
    expect(body[9]!.row).toHaveLength(2);
    expect(body[9]!.row![0]).toMatch(/^① 개인정보보호 종합포털/);
  });

  it('남양주: a lone Latin "o" is a marker, like ○', () => {
    const safety = article('namyangju', 8).body;
    expect(safety).toContainEqual({ marker: 'o', text: '해킹 등에 대비한 기술적 대책' });
    expect(safety).toContainEqual({ marker: '○', text: '개인정보의 암호화' });
    const officer = article('namyangju', 9).body;
    expect(officer.filter((c) => c.marker === 'o').map((c) => c.text)).toEqual([
      '개인정보 보호책임자 유',
      '개인정보 보호담당자 박',
    ]);
  });

  it('남양주 제1조: " - ※" one space deeper is a child of the "-" above it', () => {
    expect(article('namyangju', 1).body[1]).toEqual({
      marker: '-',
      text: '회원 가입 및 관리 : 회원가입 및 회원제 서비스 이용 및 제한적 본인 확인절차에 따른 본인확인, 만14세 미만 아동의 개인정보 처리시 법정대리인의 동의여부 확인, 개인식별, 부정이용방지, 비인가 이용방지, 가입 의사 확인, 고지사항 전달 등을 목적으로 개인정보를 처리',
      children: [{ marker: '-', text: '※ 만14세 미만 아동의 회원가입 시는 법정대리인의 동의를 받는다.' }],
    });
  });

  it('익산: "○개인정보 열람 요구" (no space) is a ○ item; flat "가." items nest under the "-" before them', () => {
    const body = article('iksan', 5).body;
    expect(body[1]).toEqual({ marker: '○', text: '개인정보 열람 요구' });
    const hindrance = body.find((c) => c.text?.startsWith('공공기관이 다음 각 목의'))!;
    expect(hindrance.marker).toBe('-');
    expect(hindrance.children!.map((c) => c.marker)).toEqual(['가.', '나.', '다.', '라.', '마.']);
    expect(body.filter((c) => c.marker === '○').map((c) => c.text)).toEqual([
      '개인정보 열람 요구',
      '개인정보 정정·삭제 요구',
      '개인정보 처리정지 요구',
    ]);
  });
});
