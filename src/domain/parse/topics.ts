/**
 * Canonical topics of articles, from their titles: the diff aligns articles by topic when numbers and
 * titles change, and `check` reports required topics a policy lacks.
 */
import type { Clause, Topic } from '../model.js';
import { TextMemo } from '../text-memo.js';

export const TOPIC_LABELS: Record<Topic, string> = {
  purpose: '개인정보의 처리 목적',
  retention: '개인정보의 처리 및 보유기간',
  items: '처리하는 개인정보의 항목',
  'third-party': '개인정보의 제3자 제공',
  entrustment: '개인정보 처리의 위탁',
  destruction: '개인정보의 파기',
  rights: '정보주체의 권리·의무 및 행사방법',
  safety: '개인정보의 안전성 확보조치',
  cookies: '개인정보 자동 수집 장치의 설치·운영 및 거부',
  officer: '개인정보 보호책임자',
  'access-request': '개인정보 열람청구를 접수·처리하는 부서',
  remedies: '권익침해 구제방법',
  revision: '개인정보 처리방침의 변경',
  cctv: '영상정보처리기기 운영',
  children: '14세 미만 아동의 개인정보 처리',
  'impact-assessment': '개인정보 영향평가',
  'protection-level': '개인정보 보호수준 평가',
  'file-registration': '개인정보파일 등록 현황',
  pseudonymous: '가명정보의 처리',
  overseas: '개인정보의 국외 이전',
  sensitive: '민감정보의 공개 가능성 및 비공개 선택 방법',
  'automated-decision': '자동화된 결정에 대한 정보주체의 권리',
  behavioral: '행태정보의 수집·이용·제공 및 거부',
  labeling: '주요 개인정보 처리 표시',
  other: '기타',
};

/**
 * Ordered: the first rule that matches wins, so specific topics come before the general words they
 * contain (열람청구 before 권리, 목적 외 이용 before 목적, 영상정보 before 처리방침, 자동화된 결정 before 자동 수집).
 */
const TOPIC_RULES: ReadonlyArray<readonly [Topic, RegExp]> = [
  ['labeling', /처리표시|라벨링/],
  ['revision', /처리방침의?변경|방침의?변경|방침의?개정|방침의?시행및변경|고지의의무|공지의의무/],
  ['officer', /책임자/],
  ['access-request', /열람(등)?(의)?청구|열람청구/],
  ['remedies', /권익침해|침해구제|구제방법/],
  ['cctv', /영상정보|영상정보처리기|cctv/i],
  ['file-registration', /파일(의)?등록|등록현황|파일(의)?(보유)?현황|파일목록/],
  ['impact-assessment', /영향평가/],
  ['protection-level', /관리수준|보호수준|수준진단|수준평가/],
  ['automated-decision', /자동화된결정/],
  ['behavioral', /행태정보/],
  ['cookies', /자동(으로)?수집|쿠키|cookie/i],
  ['pseudonymous', /가명정보/],
  ['overseas', /국외이전|국외/],
  ['children', /14세|아동/],
  ['third-party', /제3자|제삼자|목적외/],
  ['entrustment', /위탁/],
  ['destruction', /파기/],
  ['rights', /권리|의무|행사방법/],
  ['safety', /안전성|안전조치|보호조치/],
  ['items', /항목/],
  // After 항목: "처리하는 민감정보의 항목" lists items; a title about 민감정보 alone is 제30조 제1항 제3호의3's.
  ['sensitive', /민감정보/],
  ['retention', /보유기간|보유및이용기간|처리및보유|보존기간/],
  ['purpose', /목적/],
];

/** The rules as global patterns, to count a body's mentions (match() with a global pattern starts from 0 each time). */
const GLOBAL_TOPIC_RULES: ReadonlyArray<readonly [Topic, RegExp]> = TOPIC_RULES.map(([topic, rule]) => [topic, new RegExp(rule.source, rule.flags.includes('g') ? rule.flags : rule.flags + 'g')]);

/** Title form used for matching: no spaces, no look-alike middle dots. */
export function normaliseTitle(title: string): string {
  return title.replace(/[\s\u00a0\u3000·‧․・ㆍ•∙]/gu, '');
}

function flattenText(clauses: readonly Clause[]): string {
  return clauses
    .map((c) => [c.text ?? (c.row ?? []).join(' '), flattenText(c.children ?? [])].join(' '))
    .join(' ');
}

/** The topic a title's own words name (the first rule that matches), or 'other'. */
function titleRuleTopic(title: string): Topic {
  const key = normaliseTitle(title);
  for (const [topic, rule] of TOPIC_RULES) if (rule.test(key)) return topic;
  return 'other';
}

/**
 * Remembered by title: the choice of scheme, the 목차 search and then each article ask about the same
 * titles, and the two versions of a page share most of them.
 */
const titleTopics = new TextMemo<Topic>(10_000);

export function topicOf(title: string, body?: Clause[]): Topic {
  const topic = titleTopics.get(title, titleRuleTopic);
  if (topic !== 'other' || !body || body.length === 0) return topic;
  // Tiebreak for bare titles (제1조, 제5조(기타)): the topic the body names most, if it stands out.
  const text = normaliseTitle(flattenText(body));
  const counts = GLOBAL_TOPIC_RULES.map(([topic, rule]) => [topic, text.match(rule)?.length ?? 0] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = counts;
  if (best && best[1] >= 2 && (!second || best[1] > second[1])) return best[0];
  return 'other';
}
