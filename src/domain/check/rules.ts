/**
 * What `check` holds a policy to, as data: one row per item a 개인정보 처리방침 contains (LAW.md, "Contents"),
 * one row per name that went out of date. Adding a rule is adding a row; the engine (index.ts) reads them.
 *
 * Tiers (LAW.md, "Tiers"): `law` is 개인정보 보호법 and its 시행령 (an error: `check` exits 1); `guideline` is
 * the 표준 개인정보 보호지침, binding on public bodies as an administrative rule, and names gone out of
 * date (a warning: exit 1 with --strict); `recommended` is the PIPC's 작성지침 and what auditors look for
 * (a note, never a failure).
 *
 * Patterns are matched against text with its spaces removed.
 *
 * Not checked: the 라벨링 (주요 개인정보 처리 표시) and the 목차 the 작성지침 recommends, since the parser drops
 * both as page furniture, so a version cannot show whether its page had them.
 */
import type { IsoDate, Topic } from '../model.js';
import type { MessageKey } from '../presentation/messages/index.js';

export type Tier = 'law' | 'guideline' | 'recommended';

export interface ContentRule {
  topic: Topic;
  /** The item as a finding names it. */
  item: string;
  /** The provision that asks for it, in the short Korean form (법 제30조 ①1, 시행령 제31조 ①3, 표준지침 제19조). */
  basis: string;
  tier: Tier;
  /**
   * `required`: every public body's policy states it. `when-it-happens`: only a body that does it (provides
   * to third parties, entrusts, uses cookies …) must state it, so lacking it fails only when the text shows
   * the body does it; otherwise it is a note.
   */
  applies: 'required' | 'when-it-happens';
  /** The first day the provision applied: a version out of force before then is not held to it. */
  since?: IsoDate;
  /** Words that show another article covers the item in passing (no article of its own). */
  mention: RegExp;
  /** A mention inside another article is how bodies usually write it (개인정보파일 inside 제1조): no finding. */
  mentionSuffices?: boolean;
  /** `when-it-happens`: words in an affirmative sentence that show the body does it. */
  happens?: RegExp;
}

export const CONTENT_RULES: readonly ContentRule[] = [
  { topic: 'purpose', item: '개인정보의 처리 목적', basis: '법 제30조 ①1', tier: 'law', applies: 'required', mention: /처리목적|이용목적/u },
  { topic: 'items', item: '처리하는 개인정보의 항목', basis: '시행령 제31조 ①1', tier: 'law', applies: 'required', mention: /개인정보(의)?항목|수집항목|필수항목/u },
  { topic: 'retention', item: '개인정보의 처리 및 보유 기간', basis: '법 제30조 ①2', tier: 'law', applies: 'required', mention: /보유기간|보유·?이용기간|보존기간/u },
  {
    topic: 'file-registration',
    item: '개인정보파일 등록 현황',
    basis: '법 제30조 ① 후단, 제32조',
    tier: 'law',
    applies: 'required',
    mention: /개인정보파일|제32조/u,
    mentionSuffices: true,
  },
  {
    topic: 'third-party',
    item: '개인정보의 제3자 제공',
    basis: '법 제30조 ①3',
    tier: 'law',
    applies: 'when-it-happens',
    mention: /제3자(에게)?제공/u,
    happens: /제공받는(자|기관|곳)|제3자제공현황/u,
  },
  { topic: 'destruction', item: '개인정보의 파기 절차 및 방법', basis: '법 제30조 ①3의2', tier: 'law', applies: 'required', mention: /파기/u },
  {
    topic: 'sensitive',
    item: '민감정보의 공개 가능성 및 비공개 선택 방법',
    basis: '법 제30조 ①3의3',
    tier: 'law',
    applies: 'when-it-happens',
    since: '2023-09-15',
    mention: /민감정보.{0,30}비공개/u,
    // Processing 민감정보 is not enough: the item is about 민감정보 that may become public through the service.
    happens: /민감정보.{0,40}공개|공개.{0,40}민감정보/u,
  },
  {
    topic: 'entrustment',
    item: '개인정보 처리업무의 위탁',
    basis: '법 제30조 ①4',
    tier: 'law',
    applies: 'when-it-happens',
    mention: /위탁(업무|받는|하는업무|현황)/u,
    happens: /수탁(자|업체|기관)|위탁하고있|위탁합니다/u,
  },
  {
    topic: 'pseudonymous',
    item: '가명정보의 처리',
    basis: '법 제30조 ①4의2',
    tier: 'law',
    applies: 'when-it-happens',
    since: '2023-09-15',
    mention: /가명정보(의|를)?처리/u,
    happens: /가명정보|가명처리/u,
  },
  {
    topic: 'overseas',
    item: '개인정보의 국외 이전',
    basis: '시행령 제31조 ①2',
    tier: 'law',
    applies: 'when-it-happens',
    since: '2023-09-15',
    mention: /국외(로|에)?이전.{0,30}(국가|일시|방법)/u,
    happens: /국외(로|에)?이전|국외에서직접수집|해외(로|에)?이전/u,
  },
  { topic: 'safety', item: '개인정보의 안전성 확보조치', basis: '시행령 제31조 ①3', tier: 'law', applies: 'required', mention: /안전성확보/u },
  {
    topic: 'cookies',
    item: '개인정보 자동 수집 장치의 설치·운영 및 거부',
    basis: '법 제30조 ①7',
    tier: 'law',
    applies: 'when-it-happens',
    since: '2020-08-05',
    mention: /쿠키.{0,60}(거부|허용|차단)/iu,
    happens: /쿠키|cookie|접속정보파일/iu,
  },
  { topic: 'rights', item: '정보주체와 법정대리인의 권리·의무 및 행사방법', basis: '법 제30조 ①5', tier: 'law', applies: 'required', mention: /권리(를)?행사|열람.{0,6}정정/u },
  {
    topic: 'automated-decision',
    item: '자동화된 결정의 기준·절차와 거부·설명 요구',
    basis: '법 제37조의2, 시행령 제44조의4',
    tier: 'law',
    applies: 'when-it-happens',
    since: '2024-03-15',
    mention: /자동화된결정/u,
    happens: /완전히자동화된(시스템|처리)/u,
  },
  { topic: 'officer', item: '개인정보 보호책임자', basis: '법 제30조 ①6', tier: 'law', applies: 'required', mention: /보호책임자/u },
  {
    topic: 'access-request',
    item: '개인정보 열람청구를 접수·처리하는 부서',
    basis: '표준지침 제19조',
    tier: 'guideline',
    applies: 'required',
    mention: /열람(등)?청구.{0,12}(접수|처리)?.{0,6}부서|열람청구(를)?접수/u,
  },
  { topic: 'remedies', item: '정보주체의 권익침해 구제방법', basis: '표준지침 제19조', tier: 'guideline', applies: 'required', mention: /침해.{0,6}(구제|신고)|분쟁조정/u },
  { topic: 'revision', item: '개인정보 처리방침의 변경', basis: '표준지침 제19조, 제21조', tier: 'guideline', applies: 'required', mention: /처리방침.{0,6}(변경|적용)/u },
  {
    topic: 'behavioral',
    item: '행태정보의 수집·이용·제공 및 거부',
    basis: '작성지침 권장',
    tier: 'recommended',
    applies: 'when-it-happens',
    mention: /행태정보.{0,40}(거부|차단)/u,
    happens: /행태정보|맞춤형광고/u,
  },
];

/** A name that changed: a policy in force after `since` that still uses it misleads whoever acts on it. */
export interface StaleNameRule {
  /** The old name, as written (spaces allowed between its words). */
  name: RegExp;
  /** What kind of name it is, as a finding says it (a message key). */
  label: MessageKey;
  /** What to write instead, as a sentence (a message key). */
  now: MessageKey;
  since: IsoDate;
  basis: string;
  /**
   * For a law: the articles that moved. A citation of one of them (or of the law with no article) is
   * stale; a citation of another article of the same law is not.
   */
  movedArticles?: (article: number) => boolean;
}

export const STALE_NAME_RULES: readonly StaleNameRule[] = [
  {
    name: /안전행정부/u,
    label: 'check.staleName.ministry',
    now: 'check.staleName.mospa.now',
    since: '2014-11-19',
    basis: '정부조직법 (2014. 11. 19. 개정)',
  },
  {
    name: /행정자치부/u,
    label: 'check.staleName.ministry',
    now: 'check.staleName.moi.now',
    since: '2017-07-26',
    basis: '정부조직법 (2017. 7. 26. 개정)',
  },
  {
    label: 'check.staleName.movedLaw',
    name: /정보통신망\s*이용촉진\s*및\s*정보보호\s*등에\s*관한\s*법률|정보통신망\s*법/u,
    now: 'check.staleName.networkAct.now',
    since: '2020-08-05',
    basis: '개인정보 보호법 (2020. 2. 4. 개정, 2020. 8. 5. 시행)',
    movedArticles: (article) => article >= 22 && article <= 32,
  },
];

/**
 * Titles of 개인정보 보호법's articles that policies cite without naming the law ("제35조(개인정보의 열람)에
 * 따라"): such a citation of a number the policy does not have is the statute's, not a stale reference to
 * the policy's own. (Titles as in force in 2026; an older title is matched when one contains the other.)
 */
export const STATUTE_ARTICLE_TITLES: Readonly<Record<string, string>> = {
  제15조: '개인정보의 수집·이용',
  제17조: '개인정보의 제공',
  제18조: '개인정보의 목적 외 이용·제공 제한',
  제21조: '개인정보의 파기',
  제22조: '동의를 받는 방법',
  제23조: '민감정보의 처리 제한',
  제24조: '고유식별정보의 처리 제한',
  제25조: '영상정보처리기기의 설치·운영 제한',
  제26조: '업무위탁에 따른 개인정보의 처리 제한',
  제29조: '안전조치의무',
  제30조: '개인정보 처리방침의 수립 및 공개',
  제31조: '개인정보 보호책임자의 지정',
  제32조: '개인정보파일의 등록 및 공개',
  제33조: '개인정보 영향평가',
  제34조: '개인정보 유출 등의 통지·신고',
  제35조: '개인정보의 열람',
  제36조: '개인정보의 정정·삭제',
  제37조: '개인정보의 처리정지 등',
  제38조: '권리행사의 방법 및 절차',
  제39조: '손해배상책임',
};

/** The tier's word in a finding line and its severity in JSON. */
export const SEVERITY_OF: Readonly<Record<Tier, 'error' | 'warning' | 'note'>> = { law: 'error', guideline: 'warning', recommended: 'note' };
