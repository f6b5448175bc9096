/**
 * Every line of every seed is accounted for: it is in the parsed model, or it is page furniture that a
 * person reading the page would not call policy text. The furniture is listed here by hand.
 */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { accountFor } from './accounting.js';
import { SEED_SLUGS, seedBytes, type SeedSlug } from './seeds.js';

const FURNITURE: Record<SeedSlug, string[]> = {
  uijeongbu: [
    '건너뛰기 메뉴',
    '• 국가상징',
    '• 페이스북 블로그 인스타그램 유튜브 의정부TV',
    '의정부시',
    '즐겨찾는 메뉴 메뉴 열기',
    '의정부시 인기검색어 입니다.',
    '이용안내',
    '• 이용안내',
    '• 개인정보처리방침',
    '개인정보처리방침',
    '이 페이지에서 제공하는 정보에 대하여 만족하십니까?',
    '• 임재강',
    '• 정보통신과',
    '• 031-828-2642',
    '닫기',
    '위로',
  ],
  namyangju: [],
  goyang: [
    '고양특례시',
    '이용안내 개인정보처리방침 개인정보처리방침',
    '개인정보처리방침\t목적외이용 · 제3자제공',
    '영상정보처리기기운영 · 관리방침\t',
    '최종수정일 : 2022-07-19 09:55:47',
    '콘텐츠 관리부서 : 정보통신담당관 정보보안팀 031-8075-2593',
    '현재 페이지의 내용이나 사용편의성에 만족하시나요?',
    '- 매우만족',
    '- 만족',
    '- 보통',
    '- 불만족',
    '- 매우불만족',
    'Text input field for user comments.',
    '작성',
  ],
  paju: [],
  iksan: [],
};

describe('nothing lost from the seeds', () => {
  it.each(SEED_SLUGS)('%s: the dropped lines are exactly the page furniture', (slug) => {
    const { report } = parsePolicy(seedBytes(slug));
    expect(report.dropped.map((d) => d.text)).toEqual(FURNITURE[slug]);
    for (const d of report.dropped) expect(d.reason).toMatch(/^페이지 (머리|탭 메뉴|꼬리)/);
  });

  it.each(SEED_SLUGS)('%s: every other non-blank line is in the model, and the model holds nothing else', (slug) => {
    const bytes = seedBytes(slug);
    const { version, report } = parsePolicy(bytes);
    const { missing, unaccounted } = accountFor(
      new TextDecoder().decode(bytes),
      version,
      report.dropped.map((d) => d.line),
    );
    expect(missing).toEqual([]);
    expect(unaccounted).toEqual([]);
  });

  it('의정부: the stray contact name inside 제9조 is kept as policy text, not dropped', () => {
    const article = parsePolicy(seedBytes('uijeongbu')).version.articles[8]!;
    expect(article.body).toContainEqual({ marker: '•', text: '한상규' });
  });

  it('words broken across lines stay as written, one clause per line ("변" / "경, 말소")', () => {
    const article = parsePolicy(seedBytes('namyangju')).version.articles.find((a) => a.number === 8)!;
    const texts = article.body.map((c) => c.text);
    const at = texts.indexOf('개인정보를 처리하는 데이터베이스시스템에 대한 접근권한의 부여, 변');
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toMatch(/^경, 말소를 통하여/);
  });
});
