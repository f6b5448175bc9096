/**
 * `check`: what a policy version lacks or gets wrong, as findings a privacy officer can act on.
 *
 * - missing-topic:   a topic the law requires (개인정보 보호법 제30조 제1항, 시행령 제31조 제1항) has no article
 *                    and is not mentioned anywhere;
 * - passing-mention: such a topic has no article of its own and is only mentioned inside another one
 *                    (파주 names its 열람청구 부서 inside 제5조);
 * - stale-reference: the body cites "제1조(개인정보의 처리 목적)" but that title is now another article's;
 * - revision-date:   the revision article's effective date disagrees with the ledger, or states none;
 * - missing-archive: an earlier version the revision article lists has no archived text.
 * The last two need the store's ledger; for a file they are skipped and the result says so.
 */
import { REQUIRED_TOPICS, type Article, type Clause, type EarlierVersion, type IsoDate, type Ledger, type LedgerEntry, type PolicyVersion, type Topic } from '../model.js';
import { TOPIC_LABELS } from '../parse/index.js';
import { normaliseTitle } from '../parse/topics.js';

export type FindingKind = 'missing-topic' | 'passing-mention' | 'stale-reference' | 'revision-date' | 'missing-archive';
export type Severity = 'error' | 'warning';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The article concerned, as 제3조. */
  article?: string;
  message: string;
}

export interface CheckResult {
  city: string;
  slug: string;
  effective: IsoDate | null;
  findings: Finding[];
  /** What was not checked, and why. */
  notes: string[];
}

export interface CheckOptions {
  /** The city's ledger; null when the version is a file outside a store (ledger checks are skipped). */
  ledger: Ledger | null;
  /** How to name the version in notes. */
  label?: string;
}

function articleNumber(article: Pick<Article, 'number' | 'branch'>): string {
  return article.branch === undefined ? `제${article.number}조` : `제${article.number}조의${article.branch}`;
}

function clauseTexts(clauses: readonly Clause[], out: string[] = []): string[] {
  for (const clause of clauses) {
    out.push(clause.text ?? (clause.row ?? []).join(' '));
    if (clause.children) clauseTexts(clause.children, out);
  }
  return out;
}

/** Words that show a required topic is at least mentioned, in a body (spaces removed before matching). */
const MENTIONS: Readonly<Record<string, RegExp>> = {
  purpose: /처리목적|이용목적/u,
  retention: /보유기간|보유·?이용기간|보존기간/u,
  items: /개인정보(의)?항목|수집항목|필수항목/u,
  'third-party': /제3자(에게)?제공/u,
  entrustment: /위탁/u,
  destruction: /파기/u,
  rights: /권리(를)?행사|열람.{0,6}정정/u,
  safety: /안전성확보/u,
  officer: /보호책임자/u,
  'access-request': /열람(등)?청구.{0,12}(접수|처리)?.{0,6}부서|열람청구(를)?접수/u,
  remedies: /침해.{0,6}(구제|신고)|분쟁조정/u,
  revision: /처리방침.{0,6}(변경|적용)/u,
};

function topicFindings(version: PolicyVersion): Finding[] {
  const present = new Set<Topic>(version.articles.map((a) => a.topic));
  const findings: Finding[] = [];
  for (const topic of REQUIRED_TOPICS) {
    if (present.has(topic)) continue;
    const label = TOPIC_LABELS[topic];
    const mention = MENTIONS[topic];
    const where = mention ? version.articles.filter((a) => clauseTexts(a.body).some((t) => mention.test(t.replace(/\s+/gu, '')))) : [];
    if (where.length > 0) {
      const names = where.map(articleNumber);
      findings.push({
        kind: 'passing-mention',
        severity: 'warning',
        article: names[0]!,
        message: `${label} has no article of its own; it is only mentioned in ${names.join(', ')}`,
      });
    } else {
      findings.push({ kind: 'missing-topic', severity: 'error', message: `${label} is required (개인정보 보호법 제30조, 시행령 제31조) but no article covers it` });
    }
  }
  return findings;
}

// 제1조(개인정보의 처리 목적), 제1조 (…), 제1조 [제목], 제1조의2(…)
const CITATION = /제\s*(\d{1,3})\s*조(?:\s*의\s*(\d{1,2}))?\s*[(\[]\s*([^()[\]]{2,40}?)\s*[)\]]/gu;
// A citation of a statute, not of the policy: "개인정보 보호법 제35조(…)", "「…」 제35조", "동법 시행령 제32조".
const STATUTE_BEFORE = /(?:법|령|규칙|」|고시|지침|조례|협약|조약)\s*$/u;

function sameTitle(a: string, b: string): boolean {
  const x = normaliseTitle(a).replace(/의/gu, '');
  const y = normaliseTitle(b).replace(/의/gu, '');
  return x === y || (x.length >= 4 && y.includes(x)) || (y.length >= 4 && x.includes(y));
}

function referenceFindings(version: PolicyVersion): Finding[] {
  const findings: Finding[] = [];
  const byNumber = new Map(version.articles.map((a) => [articleNumber(a), a]));
  for (const article of version.articles) {
    for (const text of clauseTexts(article.body)) {
      for (const match of text.matchAll(CITATION)) {
        if (STATUTE_BEFORE.test(text.slice(0, match.index))) continue;
        const cited = match[2] === undefined ? `제${match[1]}조` : `제${match[1]}조의${match[2]}`;
        const title = match[3]!.trim();
        const target = byNumber.get(cited);
        if (target && sameTitle(target.title, title)) continue;
        const now = version.articles.find((a) => sameTitle(a.title, title));
        const citation = `${cited}(${title})`;
        const here = articleNumber(article);
        if (now) {
          findings.push({ kind: 'stale-reference', severity: 'error', article: here, message: `${citation} is cited in ${here} but ${title} is now ${articleNumber(now)}` });
        } else {
          const actual = target ? `${cited} is now ${target.title}` : `there is no ${cited}`;
          findings.push({ kind: 'stale-reference', severity: 'error', article: here, message: `${citation} is cited in ${here} but no article is titled ${title} (${actual})` });
        }
      }
    }
  }
  return findings;
}

function entryOf(ledger: Ledger, effective: IsoDate | null): LedgerEntry | undefined {
  return effective === null ? undefined : ledger.versions.find((e) => e.effective === effective);
}

/** The ledger entry an earlier-version line of the revision article names. */
function entryForEarlier(ledger: Ledger, earlier: EarlierVersion): LedgerEntry | undefined {
  return ledger.versions.find((entry) => {
    // A month-only line (2022-09) names the version known by that month, or the one since dated in it.
    if (earlier.from !== undefined) return entry.effective === earlier.from || (earlier.from.length === 7 && (entry.effectiveMonth === earlier.from || entry.effective?.startsWith(`${earlier.from}-`) === true));
    if (earlier.before !== undefined) return entry.until !== null && entry.until < earlier.before && (ledger.versions.find((next) => next.effective === earlier.before) !== undefined || entry === nearestBefore(ledger, earlier.before));
    return earlier.until !== undefined && entry.until === earlier.until;
  });
}

function nearestBefore(ledger: Ledger, cutoff: IsoDate): LedgerEntry | undefined {
  return [...ledger.versions].filter((e) => e.until !== null && e.until < cutoff).sort((a, b) => (b.until ?? '').localeCompare(a.until ?? ''))[0];
}

function ledgerFindings(version: PolicyVersion, ledger: Ledger): Finding[] {
  const findings: Finding[] = [];
  const revisionArticle = version.articles.find((a) => a.topic === 'revision');
  const where = revisionArticle ? articleNumber(revisionArticle) : undefined;
  const revision = version.revision;
  const recorded = version.effective;
  if (revision && recorded !== null) {
    const finding = (severity: Severity, message: string): Finding => (where ? { kind: 'revision-date', severity, article: where, message } : { kind: 'revision-date', severity, message });
    if (revision.effective === null) {
      const said = revision.effectiveText ? ` ("${revision.effectiveText}")` : '';
      findings.push(finding('warning', `the revision article states no effective date${said}; the ledger records ${recorded}`));
    } else if (revision.effective !== recorded) {
      findings.push(finding('error', `the revision article states ${revision.effective} but the ledger records ${recorded}`));
    }
  }
  if (revision) {
    for (const earlier of revision.earlier) {
      const entry = entryForEarlier(ledger, earlier);
      if (entry?.archived) continue;
      const base: Finding = { kind: 'missing-archive', severity: 'warning', message: `"${earlier.text}" is listed in ${where ?? 'the revision article'} but its text is not in the archive` };
      findings.push(where ? { ...base, article: where } : base);
    }
  }
  if (recorded !== null && entryOf(ledger, recorded) === undefined) {
    findings.push({ kind: 'revision-date', severity: 'error', message: `the ledger has no version effective ${recorded}` });
  }
  return findings;
}

export function checkVersion(version: PolicyVersion, options: CheckOptions): CheckResult {
  const findings = [...topicFindings(version), ...referenceFindings(version)];
  const notes: string[] = [];
  if (options.ledger) findings.push(...ledgerFindings(version, options.ledger));
  else notes.push(`${options.label ?? 'this version'} is a file, not a version in a store: the revision date and the archive of earlier versions were not checked`);
  return { city: version.city, slug: version.slug, effective: version.effective, findings, notes };
}

/** Findings as lines for a terminal. */
export function formatCheckText(result: CheckResult, label: string): string {
  const lines = [`${label} (${result.city}): ${result.findings.length === 0 ? 'no problems found' : `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}`}`];
  for (const f of result.findings) lines.push(`  ${f.severity}: [${f.kind}]${f.article ? ` ${f.article}:` : ''} ${f.message}`);
  for (const note of result.notes) lines.push(`  note: ${note}`);
  return lines.join('\n') + '\n';
}
