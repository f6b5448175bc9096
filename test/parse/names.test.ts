/**
 * The body's name: from the title, the preamble's subject or the site name, for every kind of public
 * body (시·군·구, 공단, 공사, 재단, 도서관, 교육지원청, 교육청, 센터, 구청, 의회, 병원, 대학, 위원회);
 * never a word of the text (열람청구, 의사표시, 정보주체, 개인정보 보호책임자). When no name is found
 * the version says 'unknown' with a warning, and import asks for it.
 */
import { describe, expect, it } from 'vitest';
import { findBodyName, nameInTitle, slugFor, subjectName } from '../../src/domain/parse/city.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { SEED_SLUGS, seedBytes } from './seeds.js';

const NO_NAME_WARNING = '본문에서 기관을 알아내지 못했습니다: 기관 이름과 슬러그를 주세요';

describe('the title names the body', () => {
  it.each([
    ['【의정부시】 개인정보 처리방침', '의정부시'],
    ['남양주시 개인정보 처리방침', '남양주시'],
    ['중랑구시설관리공단 개인정보 처리방침', '중랑구시설관리공단'],
    ['(재)양산시복지재단 개인정보처리방침', '양산시복지재단'],
    ['경기도안성교육지원청 개인정보 처리방침', '경기도안성교육지원청'],
    ['[전북특별자치도임실교육지원청] 개인정보처리방침', '전북특별자치도임실교육지원청'],
    ['대구2·28기념학생도서관 개인정보처리방침', '대구2·28기념학생도서관'],
    ['• 제주관광공사 개인정보 처리방침', '제주관광공사'],
    ['국민건강보험공단 홈페이지 개인정보처리방침', '국민건강보험공단'],
    ['강남구의회 개인정보 처리방침 (2024. 3. 1. 시행)', '강남구의회'],
    ['서울특별시교육청 개인정보 처리방침', '서울특별시교육청'],
    ['강서구청의 개인정보 처리방침', '강서구청'],
    ['한국인터넷진흥원 개인정보 처리방침', '한국인터넷진흥원'],
    ['개인정보보호위원회 개인정보 처리방침', '개인정보보호위원회'],
  ])('%s → %s', (title, name) => {
    expect(nameInTitle(title)).toBe(name);
  });

  it.each([
    ['개인정보 처리방침'],
    ['개인정보처리방침'],
    ['개인정보처리방침 안내 바로가기'],
    ['홈페이지 개인정보처리방침'],
    ['이전 개인정보 처리방침'],
    ['변경된 개인정보 처리방침'],
  ])('%s names no body', (title) => {
    expect(nameInTitle(title)).toBeNull();
  });
});

describe('the preamble\'s subject names the body', () => {
  it.each([
    ["한국교통안전공단(이하 '공단'이라 한다)은 「개인정보 보호법」 제30조에 따라 정보주체의 개인정보를 보호하고", '한국교통안전공단'],
    ['「개인정보 보호법」 제30조에 따라 서울특별시 서부교육지원청(이하 “교육지원청”이라 한다)은 다음과 같이', '서울특별시 서부교육지원청'],
    ['(재)양산시복지재단(이하 복지재단)은 개인정보 보호법 제30조에 따라', '양산시복지재단'],
    ['재단법인 천주교한마음한몸운동본부(이하 “본부”라 한다)는 정보주체의 권리 보호를 위해', '천주교한마음한몸운동본부'],
    ['화천군 공공도서관이 취급하는 모든 개인정보는 관련 법령에 근거하여 수집·보유 및 처리되고 있습니다.', '화천군 공공도서관'],
    ['은평구립도서관·녹번만화도서관은「개인정보보호법」제30조에 따라 정보주체에게', '은평구립도서관·녹번만화도서관'],
    ['평창교육도서관 은 정보주체의 개인정보보호와 관련하여 업무처리 목적에 부합한 최소한의 개인정보만을', '평창교육도서관'],
    ['[전북특별자치도임실교육지원청]은 개인정보 보호법 제30조에 따라', '전북특별자치도임실교육지원청'],
    ['경상남도창녕교육지원청(이하 창녕교육지원청)은 정보주체의 자유와 권리 보호를 위해', '경상남도창녕교육지원청'],
    ['파주시는 개인정보 보호법 제30조에 따라 정보주체의 개인정보를 보호하고', '파주시'],
    ['서울특별시 강서구는 「개인정보 보호법」 제30조에 따라', '서울특별시 강서구'],
    ['중구는 개인정보 보호법 제30조에 따라', '중구'],
    ['안동시는 정보주체의 자유와 권리 보호를 위해', '안동시'],
    ['유네스코한국위원회는 개인정보 보호법 제30조에 따라 후원자의 개인정보를 보호하고', '유네스코한국위원회'],
    ['국립암센터는 「개인정보 보호법」 제30조에 따라', '국립암센터'],
    ['서울대학교병원(이하 "병원"이라 한다)은 환자의 개인정보를 보호하고', '서울대학교병원'],
    ['한빛대학교는 개인정보 보호법에 따라 이용자의 개인정보를 보호하고', '한빛대학교'],
    ['영등포구립도서관(대림,문래,선유)이 취급하는 모든 개인정보는', '영등포구립도서관'],
    ['국세청은 「개인정보 보호법」 제30조에 따라', '국세청'],
    ['「개인정보 보호법」 제30조에 따라 가온시설관리공단은 개인정보 처리방침을 수립·공개합니다.', '가온시설관리공단'],
    ['가온문화재단 개인정보 처리방침은 다음과 같습니다.', '가온문화재단'],
  ])('%s → %s', (line, name) => {
    expect(subjectName(line)).toBe(name);
  });

  it.each([
    ['정보주체는 개인정보 보호법 제35조에 따라 개인정보의 열람을 청구할 수 있습니다.'],
    ['열람청구는 아래의 부서에 할 수 있습니다.'],
    ['개인정보 보호책임자는 다음과 같습니다.'],
    ['의사표시는 서면 또는 전자우편으로 합니다.'],
    ['정보공개청구는 정보공개포털을 이용하시기 바랍니다.'],
    ['공단은 다음의 목적을 위하여 개인정보를 처리합니다.'],
    ['본 대학은 개인정보보호법에 따라 이용자의 개인정보보호 및 권익을 보호하고'],
    ['당 재단은 개인정보를 안전하게 관리합니다.'],
    ['회원가입 시는 법정대리인의 동의를 받는다.'],
    ['개인정보침해신고센터는 한국인터넷진흥원이 운영합니다.'],
    ['개인정보 처리방침은 다음과 같습니다.'],
    ['이용자는 언제든지 동의를 철회할 수 있습니다.'],
    ['「개인정보 보호법」(이하 "법"이라 한다)에 따라'],
    ['정보주체(이하 "이용자"라 한다)는 권리를 행사할 수 있습니다.'],
    ['준영구는 영구적으로 보관함을 말합니다.'],
    ['「개인정보 보호법」 제35조에 따라 열람청구는 아래 부서에 할 수 있습니다.'],
  ])('%s names no body', (line) => {
    expect(subjectName(line)).toBeNull();
  });
});

describe('slugs', () => {
  it.each([
    ['의정부시', 'uijeongbu'],
    ['고양특례시', 'goyang'],
    ['중구', 'jung'],
    ['서울특별시 강서구', 'seoul-gangseo'],
    ['중랑구시설관리공단', 'jungranggusiseolgwanrigongdan'],
    ['대구2·28기념학생도서관', 'daegu2-28ginyeomhaksaengdoseogwan'],
    ['은평구립도서관·녹번만화도서관', 'eunpyeongguripdoseogwan-nokbeonmanhwadoseogwan'],
    ['KB국민은행', 'kbgukmineunhaeng'],
  ])('%s → %s', (name, slug) => {
    expect(slugFor(name)).toBe(slug);
  });

  it('a name with nothing to romanise has no slug', () => {
    expect(slugFor('···')).toBeNull();
  });
});

/** A short but whole policy of a body: header lines, title, preamble, articles (with a 라벨링 box). */
function policy(head: string[], preamble: string, firstArticleBody: string): string {
  return [
    ...head,
    ...(preamble ? [preamble] : []),
    '주요 개인정보 처리 표시(라벨링)',
    '일반 개인정보 수집',
    '처리목적',
    '열람청구',
    '제1조(개인정보의 처리 목적)',
    firstArticleBody,
    '제2조(개인정보의 열람청구)',
    '열람청구는 아래의 부서에 할 수 있습니다. 열람청구 접수·처리 부서: 총무과',
    '제3조(개인정보 처리방침의 변경)',
    '이 개인정보 처리방침은 2024년 1월 1일부터 적용됩니다. 정보주체의 의사표시가 없는 한 그러합니다.',
  ].join('\n');
}

describe('parsing a whole policy: where the name is, and where it is not', () => {
  it('the five seeds keep their names and slugs', () => {
    expect(SEED_SLUGS.map((slug) => [parsePolicy(seedBytes(slug)).version.city, parsePolicy(seedBytes(slug)).version.slug])).toEqual([
      ['의정부시', 'uijeongbu'],
      ['남양주시', 'namyangju'],
      ['고양특례시', 'goyang'],
      ['파주시', 'paju'],
      ['익산시', 'iksan'],
    ]);
  });

  it('an agency that calls itself only "공단" in a text full of 열람청구 and 의사표시 is unknown, not 열람청구', () => {
    const { version, report } = parsePolicy(policy(['개인정보 처리방침'], '공단은 개인정보 보호법 제30조에 따라 개인정보 처리방침을 수립·공개합니다.', '공단은 다음의 목적을 위하여 개인정보를 처리합니다.'));
    expect([version.city, version.slug]).toEqual(['unknown', 'unknown']);
    expect(report.warnings.map((w) => w.message)).toContain(NO_NAME_WARNING);
  });

  it('the same text under its title is 한국도로시설관리공단', () => {
    const { version, report } = parsePolicy(policy(['한국도로시설관리공단 개인정보 처리방침'], '공단은 개인정보 보호법 제30조에 따라 수립·공개합니다.', '공단은 다음의 목적을 위하여 개인정보를 처리합니다.'));
    expect([version.city, version.slug]).toEqual(['한국도로시설관리공단', 'hangukdorosiseolgwanrigongdan']);
    expect(report.warnings.map((w) => w.message)).not.toContain(NO_NAME_WARNING);
  });

  it('with no title and no subject, the first article\'s subject names it', () => {
    const { version } = parsePolicy(policy(['개인정보 처리방침'], '', '가온시설관리공단은 다음의 목적을 위하여 개인정보를 처리합니다.'));
    expect(version.city).toBe('가온시설관리공단');
  });

  it('a copyright line names it when nothing else does; an English one does not', () => {
    const korean = policy(['개인정보 처리방침'], '', '다음의 목적을 위하여 개인정보를 처리합니다.') + '\nCopyright © 2024 가온시설관리공단. All rights reserved.';
    expect(parsePolicy(korean).version.city).toBe('가온시설관리공단');
    const english = policy(['개인정보 처리방침'], '', '다음의 목적을 위하여 개인정보를 처리합니다.') + '\nCOPYRIGHT © GAON FACILITIES CORPORATION. ALL RIGHTS RESERVED.';
    expect(parsePolicy(english).version.city).toBe('unknown');
  });

  it('a saved page\'s og:site_name or <title> names it when the text does not', () => {
    const articles = ['<h4>제1조(개인정보의 처리 목적)</h4><p>다음의 목적을 위하여 개인정보를 처리합니다.</p>', '<h4>제2조(개인정보 처리방침의 변경)</h4><p>이 방침은 2024년 1월 1일부터 적용됩니다.</p>'].join('');
    const og = `<!DOCTYPE html><html><head><meta property="og:site_name" content="가온구립도서관"><title>개인정보처리방침</title></head><body><h3>개인정보처리방침</h3>${articles}</body></html>`;
    expect(parsePolicy(og).version.city).toBe('가온구립도서관');
    const title = `<!DOCTYPE html><html><head><title>개인정보처리방침 &lt; 이용안내 &lt; 가온시청소년재단</title></head><body><h3>개인정보처리방침</h3>${articles}</body></html>`;
    expect(parsePolicy(title).version.city).toBe('가온시청소년재단');
  });

  it('a 특례시 names itself so where its header does, even when its preamble says 고양시', () => {
    const { version } = parsePolicy(policy(['고양특례시', '개인정보 처리방침'], '고양시는 개인정보 보호법 등 관련 법령상의 개인정보보호 규정을 준수하여', '고양시는 다음의 목적을 위하여 개인정보를 처리합니다.'));
    expect([version.city, version.slug]).toEqual(['고양특례시', 'goyang']);
  });

  it('a name given by the caller wins', () => {
    const { version } = parsePolicy(policy(['개인정보 처리방침'], '공단은 수립·공개합니다.', '공단은 처리합니다.'), { city: '가온공단', slug: 'gaon' });
    expect([version.city, version.slug]).toEqual(['가온공단', 'gaon']);
  });

  it('findBodyName says where it found the name', () => {
    const sources = { title: '', preamble: [], head: [], firstArticle: [], text: [], siteNames: [] };
    expect(findBodyName({ ...sources, title: '가온교육지원청 개인정보 처리방침' })?.source).toBe('title');
    expect(findBodyName({ ...sources, preamble: ['가온교육지원청은 「개인정보 보호법」 제30조에 따라'] })?.source).toBe('preamble');
    expect(findBodyName({ ...sources, siteNames: ['개인정보 처리방침 | 가온교육지원청'] })?.source).toBe('site');
    expect(findBodyName({ ...sources, firstArticle: ['가온교육지원청은 다음의 목적을 위하여'] })?.source).toBe('article');
    expect(findBodyName({ ...sources, preamble: ['열람청구는 아래 부서에 합니다.'], text: ['열람청구', '의사표시'] })).toBeNull();
  });
});
