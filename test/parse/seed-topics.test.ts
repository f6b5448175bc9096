/** Canonical topics of the seed articles: the diff aligns articles across renumbering by these. */
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/domain/model.js';
import { parsePolicy, TOPIC_LABELS, topicOf } from '../../src/domain/parse/index.js';
import { SEED_SLUGS, seedBytes, type SeedSlug } from './seeds.js';

function topics(slug: SeedSlug): string[] {
  return parsePolicy(seedBytes(slug)).version.articles.map((a) => `${a.number} ${a.topic}`);
}

describe('topics of the seed articles', () => {
  it.each([
    ['uijeongbu', 12],
    ['namyangju', 9],
    ['goyang', 9],
    ['paju', 10],
    ['iksan', 8],
  ] as const)('%s: the 보호책임자 article (제%i조) is "officer", and no other is', (slug, number) => {
    const officers = parsePolicy(seedBytes(slug)).version.articles.filter((a) => a.topic === 'officer');
    expect(officers.map((a) => a.number)).toEqual([number]);
  });

  it('each seed\'s topic list', () => {
    expect(Object.fromEntries(SEED_SLUGS.map((slug) => [slug, topics(slug)]))).toEqual({
      uijeongbu: [
        '1 purpose', '2 retention', '3 items', '4 file-registration', '5 impact-assessment', '6 third-party',
        '7 entrustment', '8 destruction', '9 rights', '10 safety', '11 cookies', '12 officer',
        '13 access-request', '14 remedies', '15 protection-level', '16 cctv', '17 revision',
      ],
      namyangju: [
        '1 purpose', '2 retention', '3 third-party', '4 entrustment', '5 rights', '6 items',
        '7 destruction', '8 safety', '9 officer', '10 revision', '11 remedies',
      ],
      goyang: [
        '1 purpose', '2 retention', '3 third-party', '4 entrustment', '5 rights', '6 items',
        '7 destruction', '8 safety', '9 officer', '10 remedies', '11 access-request', '12 revision',
      ],
      paju: [
        '1 purpose', '2 retention', '3 third-party', '4 entrustment', '5 rights', '6 items',
        '7 destruction', '8 safety', '9 remedies', '10 officer', '11 children', '12 impact-assessment',
        '13 protection-level', '14 cctv', '15 revision',
      ],
      iksan: [
        '1 purpose', '2 retention', '3 third-party', '4 entrustment', '5 rights', '6 items',
        '7 destruction', '8 officer', '9 safety', '10 remedies', '11 revision',
      ],
    });
  });

  it.each([
    ['영상정보처리기의 운영·관리에 관한 사항', 'cctv'],
    ['영상정보처리기기 운영', 'cctv'],
    ['개인정보 관리수준진단 결과', 'protection-level'],
    ['개인정보 보호수준 평가 결과', 'protection-level'],
    ['개인정보파일 등록 현황', 'file-registration'],
    ['개인정보 자동수집 장치의 설치·운영 및 거부에 관한 사항', 'cookies'],
    ['개인정보 자동 수집 장치의 설치ㆍ운영 및 거부', 'cookies'],
    ['정보주체의 권익 침해 구제방법', 'remedies'],
    ['개인정보의 열람청구를 접수‧처리하는 부서', 'access-request'],
    ['개인정보 처리방침의 변경', 'revision'],
    ['처리 방침의 변경', 'revision'],
    ['개인정보 보호책임자 및 개인정보 보호업무 담당(총괄)부서', 'officer'],
    ['개인정보의 목적 외 이용 및 제3자 제공', 'third-party'],
    ['가명정보의 처리', 'pseudonymous'],
    ['개인정보의 국외 이전', 'overseas'],
    ['목적', 'purpose'],
    ['기타', 'other'],
  ] as const)('"%s" → %s', (title, topic) => {
    expect(topicOf(title)).toBe(topic);
  });

  it('a bare title falls back on what the body is about', () => {
    expect(topicOf('', [{ text: '개인정보 보호책임자 : 홍길동' }, { text: '개인정보 보호책임자 연락처 : 02-000-0000' }])).toBe('officer');
    expect(topicOf('기타 사항', [{ text: '문의는 전화로 받습니다.' }])).toBe('other');
  });

  it('every topic has a Korean label', () => {
    for (const topic of TOPICS) expect(TOPIC_LABELS[topic]).toMatch(/[가-힣]/u);
    expect(TOPIC_LABELS.officer).toBe('개인정보 보호책임자');
  });
});
