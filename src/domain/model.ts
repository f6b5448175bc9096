/**
 * The policy model: one version of a city's privacy policy (개인정보처리방침), and the city's ledger.
 *
 * These shapes are the interchange format (YAML in the store, JSON on stdout): keep the key names
 * and their order stable. Pure data, no behaviour; see schema.ts for validation.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A month the page states without its day (`2022. 09.`), `YYYY-MM`. Only earlier-version listings carry it. */
export type IsoMonth = string;

/**
 * How a document numbers its top-level provisions: one scheme per document, inferred by the parser
 * from the whole text. Everything written from a version speaks its scheme ("제3조", "3.", "Ⅲ.", "다.").
 */
export const NUMBERING_SCHEMES = [
  'article', // 제N조(…), 제 N 조 …, 제N조. …, 제N조의M (the default; absent in YAML means this)
  'article-bare', // N조. … / N조 … (no 제)
  'decimal', // 1. …
  'paren', // 1) …
  'round', // (1) …
  'roman', // Ⅰ. … / I. …
  'hangul', // 가. …
  'bracket', // [1] … / 【1】 …
  'symbol', // ■ … / □ … (no number printed)
  'none', // unnumbered: a short line naming a topic, alone, followed by its body
] as const;
export type NumberingScheme = (typeof NUMBERING_SCHEMES)[number];

/**
 * One provision of an article body, the preamble or an appendix section.
 * Exactly one of `text` and `row` is present: `row` is a table row (tab-separated cells in the source).
 */
export interface Clause {
  /** The list marker as written: ①, 1., 가., -, •, ○, o, ·, ▶, ※, (①) … Absent for plain paragraphs. */
  marker?: string;
  text?: string;
  row?: string[];
  /** Sub-clauses, by indentation or by marker rank (1. → 가. → 1) → 가)). */
  children?: Clause[];
}

/** Canonical topics, from what 개인정보 보호법 제30조 and 시행령 제31조 require, plus the frequent extras. */
export const TOPICS = [
  'purpose', // 개인정보의 처리 목적
  'retention', // 처리 및 보유기간
  'items', // 처리하는 개인정보의 항목
  'third-party', // 제3자 제공
  'entrustment', // 처리 위탁
  'destruction', // 파기
  'rights', // 정보주체와 법정대리인의 권리·의무 및 행사방법
  'safety', // 안전성 확보조치
  'cookies', // 자동 수집 장치의 설치·운영 및 거부
  'officer', // 개인정보 보호책임자
  'access-request', // 열람청구를 접수·처리하는 부서
  'remedies', // 권익침해 구제방법
  'revision', // 처리방침의 변경
  'cctv', // 영상정보처리기기 운영
  'children', // 14세 미만 아동
  'impact-assessment', // 개인정보 영향평가
  'protection-level', // 보호수준 평가 / 관리수준 진단
  'file-registration', // 개인정보파일 등록 현황
  'pseudonymous', // 가명정보
  'overseas', // 국외 이전
  'sensitive', // 민감정보의 공개 가능성 및 비공개 선택 방법 (법 제30조 제1항 제3호의3, 2023)
  'automated-decision', // 자동화된 결정의 기준·절차, 거부·설명 요구 (법 제37조의2, 2024)
  'behavioral', // 행태정보의 수집·이용·제공 및 거부 (작성지침)
  'labeling', // 주요 개인정보 처리 표시 (라벨링, 작성지침)
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];


export interface Article {
  /**
   * 제N조 → N; the printed number in every numeric scheme (3., 3), (3), [3]); the letter's or numeral's
   * rank for 가./Ⅲ. (다. → 3, Ⅲ. → 3); the position (1, 2, …) for ■ and unnumbered headings.
   */
  number: number;
  /** 제N조의M → M; absent otherwise. */
  branch?: number;
  /**
   * The heading's marker exactly as printed, when the scheme is not 제N조/N조: "3.", "Ⅲ.", "다.", "[3]",
   * "【3】", "■". Absent for 'article', 'article-bare' and 'none'.
   */
  label?: string;
  title: string;
  topic: Topic;
  body: Clause[];
}

/** A non-article section after the last article (익산's "■ 영상정보처리방침", 부칙). */
export interface Section {
  title: string;
  body: Clause[];
}

export interface Source {
  url?: string;
  /** Path of the raw bytes, relative to the store root (sources/<slug>/<date>.txt), or as given to `parse`. */
  file?: string;
  /** When the text was taken from the page, if known. */
  retrieved?: IsoDate;
  /** sha256 of the raw bytes, lowercase hex. */
  sha256: string;
  /** The encoding the raw bytes were decoded from. */
  encoding?: 'utf-8' | 'euc-kr';
}

/** How the revision article states its dates; the notice writes the new article in the same style. */
export const REVISION_STYLES = [
  'ranges', // 고양: "2016. 12. 02. ~ 2020. 07. 16. 적용"
  'cutoffs', // 파주, 익산: "2024년 9월 30일 이전 개인정보처리방침"
  'dated', // 남양주: 공고일자 / 시행일자 / 변경일자 lines
  'plain', // 의정부: no date at all ("게시일부터 적용")
  'cumulative', // "이 방침은 2019. 3. 1.부터 시행되며, 2020. 5. 1., 2021. 7. 1. 변경되었으며 …": one sentence lists every date
  'history-table', // a change-history table: 차수 | 시행일자 | 주요 내용, one row per version
  'links', // one line per earlier version by its date: "개정일자 : 2022. 9. 1. 이전 자료보기", "2022. 09. 개인정보처리방침 보기"
  'dropdown', // a version selector: "- 선택 -", "2023. 7. 26. ~ 현재", "2022. 9. 1. ~ 2023. 7. 25."
  'enactments', // 제정 2011. 9. 30. / 개정 2015. 8. 26. lines
  'supplementary', // 부칙: "이 방침은 2023년 7월 26일부터 시행한다.", one 부칙 per version
] as const;
export type RevisionStyle = (typeof REVISION_STYLES)[number];

/** An earlier version named by the revision article. Dates are what the page states, never invented. */
export interface EarlierVersion {
  /**
   * First day in force, when stated (ranges, 시행일자, a history table's row, a link's 개정일자, a cumulative
   * sentence's date, a 부칙); `YYYY-MM` when the page gives only the month.
   */
  from?: IsoDate | IsoMonth;
  /** Last day in force, when stated (ranges); `YYYY-MM` when the page gives only the month. */
  until?: IsoDate | IsoMonth;
  /** The version in force before this date (cut-off style: "YYYY년 M월 D일 이전"); may be `YYYY-MM`. */
  before?: IsoDate | IsoMonth;
  /** The line of the page this was read from: the evidence. */
  text: string;
}

export interface Revision {
  style: RevisionStyle;
  /** The effective date the article states, or null ("게시일부터 적용", or only a month stated). */
  effective: IsoDate | null;
  /** When the page states only the month it takes effect (`2022. 09.`): that month; import asks for the day. */
  effectiveMonth?: IsoMonth;
  /** The sentence that states (or fails to state) the effective date. */
  effectiveText?: string;
  /** 남양주 style dates. */
  announced?: IsoDate;
  enforced?: IsoDate;
  changed?: IsoDate;
  /** Earlier versions, sorted oldest first (the version in force itself, when a list repeats it, left out). */
  earlier: EarlierVersion[];
  /** True when the page listed the earlier versions in an order that is not by date. */
  listedOutOfOrder?: boolean;
}

export interface PolicyVersion {
  /** Display name: 고양특례시 */
  city: string;
  /** Lowercase ascii, [a-z0-9-]+: goyang */
  slug: string;
  title: string;
  /** How the articles are numbered; absent means 'article' (제N조), as in every format-1 store. */
  numbering?: NumberingScheme;
  effective: IsoDate | null;
  source: Source;
  preamble: Clause[];
  articles: Article[];
  appendix: Section[];
  revision: Revision | null;
}

/** What a version's revision article (or a later version's) tells about a version whose text we lack. */
export interface Evidence {
  /** The effective date of the archived version whose text states it. */
  version: IsoDate | null;
  text: string;
}

export interface LedgerEntry {
  /** First day in force; null when no source states it (e.g. the oldest cut-off version). */
  effective: IsoDate | null;
  /** Last day in force; null while in force (or when only `untilMonth` is known). */
  until: IsoDate | null;
  /** The month the page gives when it states no first day (effective is then null): never made into a day. */
  effectiveMonth?: IsoMonth;
  /**
   * The month this version ended when no day is known: the month the page states, or the month the next
   * version (known only by its month) began. until is then null, yet the version is no longer in force.
   */
  untilMonth?: IsoMonth;
  archived: boolean;
  /** `<slug>@<effective>` for archived versions: the annotated tag of its commit. */
  tag?: string;
  /** Git blob id of policies/<slug>.yaml at this version: ties the ledger to the exact text. */
  blob?: string;
  source?: Source;
  evidence?: Evidence[];
  /** Anything a person should know: how an effective date was chosen, why text is missing. */
  note?: string;
}

/** history/<slug>.yaml: every version known, oldest first. */
export interface Ledger {
  city: string;
  slug: string;
  versions: LedgerEntry[];
}

/** A line of the input the parser dropped as page furniture, or could not place. */
export interface DroppedLine {
  /** 1-based line number in the decoded input. */
  line: number;
  text: string;
  reason: string;
}

export interface ParseWarning {
  line?: number;
  message: string;
}

export interface ParseReport {
  dropped: DroppedLine[];
  warnings: ParseWarning[];
}

export interface ParseResult {
  version: PolicyVersion;
  report: ParseReport;
}
