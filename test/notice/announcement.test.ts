/**
 * The 공고문's fields come from the right places: the reason from the diff (or the officer), the
 * 문의처 from the policy's own 보호책임자 article (found by its topic, in any numbering scheme, in every
 * layout the real pages use) unless the office filled in its 기관 정보, the address of the policy page
 * from the 기관 정보 or the version's source, and every format carries them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { announcementLines, buildNotice, renderNotice, withReason, type Notice, type Office } from '../../src/domain/notice/index.js';
import { contactFromArticle, officerArticle } from '../../src/domain/notice/contact.js';
import type { PolicyVersion } from '../../src/domain/model.js';
import { noticeKey, initialNoticeState, type NoticeState } from '../../src/ui/notice/notice-state.js';
import { applyEdits, GOYANG_EDITS, ledgerOf, PAJU_EDITS, parseSeed, parseText, seedText, SEEDS, type SeedCity } from './seeds.js';

function seedNotice(city: SeedCity, edits: readonly (readonly [string, string])[], effective: string, extra: { office?: Office; reason?: string } = {}): Notice {
  const old = parseSeed(city);
  const draft = parseText(applyEdits(seedText(city), edits), city, 'draft.txt');
  return buildNotice({ from: { label: `${city}@${old.effective}`, version: old }, to: { label: 'draft.txt', version: draft }, effective, ledger: ledgerOf(old).versions, announced: '2024-12-02', ...extra });
}

const LIBRARY = readFileSync(new URL('./fixtures/hanbit-library.txt', import.meta.url), 'utf8');
const library = (text: string): PolicyVersion => parsePolicy(text, { slug: 'hanbit-library', sourceFile: 'hanbit-library.txt' } as Parameters<typeof parsePolicy>[1]).version;

describe('문의처 from the policy\'s own 보호책임자 article', () => {
  it('every seed: the working department, its phone and e-mail as printed, whatever the layout', () => {
    const expected: Record<SeedCity, object> = {
      goyang: { department: '정보통신담당관', phone: '031-8075-2593' }, // a table with 책임자 and 담당자 side by side
      paju: { department: '정보통신과', phone: '031-940-5332' }, // nested 가./나./다. under "2. 개인정보보호담당자"
      uijeongbu: { department: '정보통신과', phone: '031)828-2642', email: 'negajoa@korea.kr' }, // "총괄부서 : …" with its contacts under it
      namyangju: { department: '정보통신과', phone: '031)590-4214' }, // flat lines after the role line
      iksan: { department: '교육정보과', phone: '063-859-5812', email: 'lss1025@korea.kr' }, // one line per person
    };
    for (const city of Object.keys(SEEDS) as SeedCity[]) {
      const article = officerArticle(parseSeed(city).articles)!;
      expect([city, contactFromArticle(article)]).toEqual([city, expected[city]]);
    }
  });

  it('a library numbered Ⅰ. Ⅱ. …: its Ⅸ. article, a 구분 | 부서명 | 성명 | 연락처 | 이메일 table, named in its own scheme', () => {
    const old = library(LIBRARY);
    expect(old.numbering).toBe('roman');
    const draft = library(
      applyEdits(LIBRARY, [
        ['접속기록의 보관(1년)', '접속기록의 보관(2년)'],
        ['개인정보 보호담당자	자료봉사팀	주무관 이서준	061-550-7123', '개인정보 보호담당자	정보자료팀	주무관 이서준	061-550-7124'],
      ]),
    );
    const notice = buildNotice({ from: { label: 'hanbit-library@2024-03-01', version: old }, to: { label: 'draft.txt', version: draft }, effective: '2025-07-01', ledger: ledgerOf(old).versions });
    // The new text's contact (the department moved), not the old one, and not the 책임자's.
    expect(notice.announcement.contact).toEqual({ from: 'policy', article: 'Ⅸ. 개인정보 보호책임자', department: '정보자료팀', phone: '061-550-7124', email: 'privacy.library@hanbit.go.kr' });
    const text = announcementLines(notice.announcement);
    expect(text).toContain('4. 문의처: 정보자료팀 (전화 061-550-7124, 전자우편 privacy.library@hanbit.go.kr)');
    expect(text).toContain('5. 이전 개인정보 처리방침: 개인정보 처리방침 Ⅺ. 개인정보 처리방침의 변경에서 확인하실 수 있습니다.');
    expect(notice.announcement.reason).toBe('개인정보의 안전성 확보조치 변경 및 개인정보 보호책임자 연락처 변경에 따른 개정');
    expect(notice.announcement.body).toBe('한빛시립도서관');
    // No date was given: the closing is the signer alone, nothing made up.
    expect(text.at(-1)).toBe('한빛시립도서관');
    expect(text.at(-2)).toBe('');
  });

  it('a policy without a 보호책임자 article names no 문의처; one that prints none points at the article', () => {
    const old = parseSeed('goyang');
    const withoutOfficer = { ...old, articles: old.articles.filter((a) => a.topic !== 'officer') };
    const none = buildNotice({ from: { label: 'goyang@2020-07-17', version: old }, to: { label: 'draft.txt', version: withoutOfficer }, effective: '2025-01-01', ledger: [] });
    expect(none.announcement.contact).toBeNull();
    expect(announcementLines(none.announcement).some((l) => l.includes('문의처'))).toBe(false);
    const bare = { ...old, articles: old.articles.map((a) => (a.topic === 'officer' ? { ...a, body: [{ text: '개인정보 보호책임자는 홈페이지 조직도를 참고하시기 바랍니다.' }] } : a)) };
    const pointed = buildNotice({ from: { label: 'goyang@2020-07-17', version: old }, to: { label: 'draft.txt', version: bare }, effective: '2025-01-01', ledger: [] });
    expect(announcementLines(pointed.announcement)).toContain('4. 문의처: 개인정보 처리방침 제9조(개인정보 보호책임자) 참조');
  });
});

describe('the 공고문 of 고양 and 파주 (real seeds, known edits)', () => {
  it('고양: title, body, reason naming the changed articles, changes, 시행일, 문의처 from 제9조, earlier versions, date and signer', () => {
    const a = seedNotice('goyang', GOYANG_EDITS, '2025-01-01').announcement;
    expect(a.title).toBe('개인정보 처리방침 변경 공고');
    expect(a.body).toBe('고양특례시');
    expect(a.reason).toBe('개인정보의 안전성 확보조치 변경, 개인정보 보호책임자 연락처 변경, 권익침해 구제방법 변경 및 개인정보 자동 수집 장치의 설치·운영 및 거부에 관한 사항 신설에 따른 개정');
    expect(a.changes).toContain('제9조(개인정보 보호책임자): 담당자: 최영수 → 김하늘, 전화: 031-8075-2020 → 031-8075-2021');
    // 제9조's 보호책임자 changed; the 문의처 is its working department, which did not.
    expect(a.contact).toEqual({ from: 'policy', article: '제9조(개인정보 보호책임자)', department: '정보통신담당관', phone: '031-8075-2593' });
    expect(announcementLines(a)).toEqual(
      expect.arrayContaining([
        '3. 시행일: 2025년 1월 1일',
        '4. 문의처: 정보통신담당관 (전화 031-8075-2593)',
        '5. 이전 개인정보 처리방침: 개인정보 처리방침 제13조(개인정보 처리방침 변경)에서 확인하실 수 있습니다.',
      ]),
    );
    expect(announcementLines(a).slice(-2)).toEqual(['2024년 12월 2일', '고양특례시']);
  });

  it('파주: the 문의처 is 제10조\'s 담당자 (031-940-5332), not 제5조\'s 열람청구 department whose phone the edit changed', () => {
    const a = seedNotice('paju', PAJU_EDITS, '2025-03-01').announcement;
    expect(a.contact).toMatchObject({ from: 'policy', article: '제10조(개인정보 보호책임자)', department: '정보통신과', phone: '031-940-5332' });
    expect(a.reason).toMatch(/^정보주체와 법정대리인의 권리·의무 및 그 행사방법에 관한 사항 연락처 변경, 개인정보 보호수준 평가 결과 변경 및 영상정보처리기의 운영·관리에 관한 사항 삭제에 따른 개정$/u);
    expect(a.changes).toContain('현행 제14조(영상정보처리기의 운영·관리에 관한 사항) 삭제');
  });

  it('the office\'s 기관 정보 replaces the policy\'s name, 문의처 and address; a partial one only what it fills', () => {
    const office = { name: '파주시', department: '정보통신과 개인정보보호팀', phone: '031-940-5333', email: 'privacy@paju.go.kr', url: 'https://www.paju.go.kr/user/privacy.do' };
    const a = seedNotice('paju', PAJU_EDITS, '2025-03-01', { office }).announcement;
    expect(a.contact).toEqual({ from: 'office', department: '정보통신과 개인정보보호팀', phone: '031-940-5333', email: 'privacy@paju.go.kr' });
    expect(announcementLines(a)).toContain('5. 이전 개인정보 처리방침: 개인정보 처리방침 제14조(개인정보처리 방침의 변경)에서 확인하실 수 있습니다 (https://www.paju.go.kr/user/privacy.do).');
    const urlOnly = seedNotice('paju', PAJU_EDITS, '2025-03-01', { office: { url: 'https://www.paju.go.kr/user/privacy.do' } }).announcement;
    expect(urlOnly.contact).toMatchObject({ from: 'policy', phone: '031-940-5332' });
    expect(urlOnly.url).toBe('https://www.paju.go.kr/user/privacy.do');
    expect(urlOnly.body).toBe('파주시');
  });

  it('the officer\'s reason replaces the one written from the diff; an empty one puts it back', () => {
    const given = seedNotice('goyang', GOYANG_EDITS, '2025-01-01', { reason: '접속기록 보관기간 연장 및 보호책임자 변경에 따른 개정' }).announcement;
    expect(given.reason).toBe('접속기록 보관기간 연장 및 보호책임자 변경에 따른 개정');
    expect(given.suggestedReason).toMatch(/^개인정보의 안전성 확보조치 변경, /u);
    expect(announcementLines(given)[2]).toBe('1. 변경 사유: 접속기록 보관기간 연장 및 보호책임자 변경에 따른 개정');
    expect(withReason(given, '  ').reason).toBe(given.suggestedReason);
  });

  it('every format carries every field: text, Markdown, HTML and JSON', () => {
    const office = { name: '고양특례시', department: '정보통신담당관', phone: '031-8075-2593', url: 'https://www.goyang.go.kr/www/privacy.do' };
    const notice = seedNotice('goyang', GOYANG_EDITS, '2025-01-01', { office, reason: '보호책임자 변경에 따른 개정' });
    const fields = ['개인정보 처리방침 변경 공고', '변경 사유: 보호책임자 변경에 따른 개정', '주요 변경 내용', '시행일: 2025년 1월 1일', '문의처: 정보통신담당관 (전화 031-8075-2593)', 'https://www.goyang.go.kr/www/privacy.do', '2024년 12월 2일'];
    for (const format of ['text', 'markdown', 'html'] as const) {
      const out = renderNotice(notice, format, { parts: ['announcement'], width: 200 });
      for (const field of fields) expect([format, out.includes(field.replace('031-8075-2593', format === 'html' ? '<span class="nowrap">031-8075-2593</span>' : '031-8075-2593'))]).toEqual([format, true]);
    }
    const html = renderNotice(notice, 'html', { parts: ['announcement'] });
    expect(html).toMatch(/<ol class="items">\n<li>변경 사유/u);
    expect(html).toContain('<p class="closing">2024년 12월 2일<br>고양특례시</p>');
    const json = JSON.parse(renderNotice(notice, 'json', { parts: ['announcement'] })).announcement;
    expect(json).toMatchObject({ title: '개인정보 처리방침 변경 공고', body: '고양특례시', reason: '보호책임자 변경에 따른 개정', effective: '2025-01-01', announced: '2024-12-02', url: office.url });
    expect(json.contact).toEqual({ department: '정보통신담당관', phone: '031-8075-2593', from: 'office' });
  });
});

describe('the notice screen edits the reason (r)', () => {
  const layout = { length: 100, height: 20, partStarts: [0, 12, 25], reason: '제9조 변경에 따른 개정' };
  const press = (state: NoticeState, keys: (string | Record<string, boolean>)[]): NoticeState => {
    let s = state;
    for (const k of keys) {
      const [input, key] = typeof k === 'string' ? [k, {}] : ['', k];
      const outcome = noticeKey(s, layout, '/work/out', input, key as never);
      if (outcome.kind === 'state') s = outcome.state;
    }
    return s;
  };

  it('r opens a prompt holding the reason shown; Enter keeps the edit, Esc drops it', () => {
    const asked = press(initialNoticeState, ['r']);
    expect(asked.asking).toBe('reason');
    expect(asked.prompt?.value).toBe('제9조 변경에 따른 개정');
    const edited = press(initialNoticeState, ['r', ...' 보호책임자 변경'.split(''), { return: true }]);
    expect(edited.prompt).toBeUndefined();
    expect(edited.reason).toBe('제9조 변경에 따른 개정 보호책임자 변경');
    const cleared = press(initialNoticeState, ['r', 'x', { escape: true }]);
    expect(cleared.reason).toBeUndefined();
    // Writing afterwards still asks for the directory, not the reason.
    expect(press(edited, ['w']).asking).toBe('dir');
  });
});
