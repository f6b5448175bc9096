/**
 * `check`: what a policy version lacks or gets wrong, as findings a privacy officer can act on, each with
 * the provision it rests on (`basis`) and that provision's tier (rules.ts):
 *
 * - missing-topic:     an item the law or the 표준지침 asks for has no article and is not mentioned; for an
 *                      item asked only "when it happens" (위탁, 쿠키 …), only when the text shows it happens;
 * - conditional-topic: such an item has no article and the text neither shows nor denies that it happens (a note);
 * - passing-mention:   the item has no article of its own and is only mentioned inside another one (a note);
 * - stale-reference:   the body cites "제1조(개인정보의 처리 목적)" but that title is now another article's
 *                      (a statute's article, 「개인정보 보호법」 제36조(…), is not the policy's own);
 * - stale-name:        a ministry or law name that changed (안전행정부, 정보통신망법's moved provisions);
 * - revision-date:     the revision article's effective date disagrees with the ledger, or states none;
 * - revision-ledger:   an earlier version the revision article lists disagrees with the ledger's dates,
 *                      or the ledger knows an earlier version the article leaves out;
 * - missing-archive:   an earlier version the revision article lists has no archived text.
 * The last three need the city's ledger; without one they are skipped and the result says so.
 */
import { addDays } from '../ledger.js';
import type { Article, Clause, IsoDate, Ledger, NumberingScheme, PolicyVersion } from '../model.js';
import { compareRevisionWithLedger, ledgerEntryFor, revisionDisagreementMessage, type RevisionDisagreement } from '../notice/revision.js';
import { t, type MessageKey } from '../presentation/messages/index.js';
import { normaliseTitle } from '../parse/topics.js';
import { articleName, markerFor } from '../presentation/labels.js';
import { CONTENT_RULES, SEVERITY_OF, STALE_NAME_RULES, STATUTE_ARTICLE_TITLES, type ContentRule, type Tier } from './rules.js';

export { CONTENT_RULES, STALE_NAME_RULES, type ContentRule, type Tier } from './rules.js';

export type FindingKind =
  | 'missing-topic'
  | 'conditional-topic'
  | 'passing-mention'
  | 'stale-reference'
  | 'stale-name'
  | 'revision-date'
  | 'revision-ledger'
  | 'missing-archive';
export type Severity = 'error' | 'warning' | 'note';

export interface Finding {
  kind: FindingKind;
  tier: Tier;
  /** error (law), warning (guideline), note (recommended): follows from the tier. */
  severity: Severity;
  /** The provision the finding rests on, in Korean: 법 제30조 ①1, 시행령 제31조 ①3, 표준지침 제21조, 작성지침 권장. */
  basis: string;
  /** Where, in the document's own numbering (제12조, 11조, 3, 서문, a section's title). */
  where?: string;
  message: string;
  /** What to write instead, when it follows from the ledger or the rule (a line of the revision article). */
  suggestion?: string;
  /** revision-date and revision-ledger: the whole revision article with every disagreement with the ledger corrected. */
  correctedArticle?: string;
}

export interface CheckResult {
  city: string;
  slug: string;
  effective: IsoDate | null;
  findings: Finding[];
  /** Findings per tier. */
  counts: Record<Tier, number>;
  /** What was not checked, and why. */
  notes: string[];
}

export interface CheckOptions {
  /** The city's ledger; null when there is none (a file outside a store): ledger checks are skipped. */
  ledger: Ledger | null;
  /** The version is a draft (a file), not one the ledger records: its own dates are the draft's. */
  draft?: boolean;
  /** How to name the version in notes. */
  label?: string;
}

/** Whether a run fails: on a finding of the law, and with `strict` on one of the 표준지침 too. */
export function checkFails(result: CheckResult, options: { strict?: boolean } = {}): boolean {
  return result.counts.law > 0 || (options.strict === true && result.counts.guideline > 0);
}

function finding(kind: FindingKind, tier: Tier, basis: string, message: string, where?: string, suggestion?: string): Finding {
  const out: Finding = { kind, tier, severity: SEVERITY_OF[tier], basis, ...(where === undefined ? {} : { where }), message };
  if (suggestion !== undefined) out.suggestion = suggestion;
  return out;
}

function clauseTexts(clauses: readonly Clause[], out: string[] = []): string[] {
  for (const clause of clauses) {
    out.push(clause.text ?? (clause.row ?? []).join(' '));
    if (clause.children) clauseTexts(clause.children, out);
  }
  return out;
}

/** A place in the document and its text, one sentence at a time. */
interface Place {
  where: string;
  article?: Article;
  sentences: string[];
}

const sentencesOf = (texts: readonly string[]): string[] => texts.flatMap((t) => t.split(/(?<=다\.)\s*/u)).filter((s) => s.trim() !== '');

/** The preamble, the articles and the sections after them, each with its sentences. */
function placesOf(version: PolicyVersion): Place[] {
  const numbering = version.numbering ?? 'article';
  return [
    { where: '서문', sentences: sentencesOf([version.title, ...clauseTexts(version.preamble)]) },
    ...version.articles.map((article) => ({ where: articleName(article, numbering), article, sentences: sentencesOf([article.title, ...clauseTexts(article.body)]) })),
    ...version.appendix.map((section) => ({ where: section.title, sentences: sentencesOf([section.title, ...clauseTexts(section.body)]) })),
  ];
}

const compact = (text: string): string => text.replace(/\s+/gu, '');
/** A sentence that says the body does not do something: "위탁하지 않습니다", "해당 사항 없음". */
const NEGATED = /(하|되|있|받|두|주)지않|않(습니다|으며|고|음)|없(습니다|음)|해당(사항)?없|미해당/u;
const quote = (sentence: string): string => {
  const text = sentence.trim();
  return text.length > 50 ? `${text.slice(0, 48)}…` : text;
};

/** Whether `version`, in force until `until`, is held to a rule that applies from `since`. */
const heldTo = (since: IsoDate | undefined, until: IsoDate | null): boolean => since === undefined || until === null || until >= since;

function topicFindings(version: PolicyVersion, places: readonly Place[], until: IsoDate | null): Finding[] {
  const present = new Set(version.articles.map((a) => a.topic));
  const findings: Finding[] = [];
  // The revision article tells what changed ("가명정보 관련 규정 반영"), not what the body does.
  const content = places.filter((p) => p.article?.topic !== 'revision');
  const articlePlaces = content.filter((p) => p.article !== undefined);
  for (const rule of CONTENT_RULES) {
    if (present.has(rule.topic) || !heldTo(rule.since, until)) continue;
    const affirmative = (place: Place, pattern: RegExp): string | undefined => place.sentences.find((s) => pattern.test(compact(s)) && !NEGATED.test(compact(s)));
    const mentionedIn = (rule.mentionSuffices ? content : articlePlaces).filter((place) => affirmative(place, rule.mention) !== undefined);
    if (mentionedIn.length > 0) {
      if (rule.mentionSuffices) continue;
      findings.push(passingMention(rule, mentionedIn.map((p) => p.where)));
      continue;
    }
    const heading = t('check.msg.heading', { item: rule.item });
    if (rule.applies === 'required') {
      findings.push(finding('missing-topic', rule.tier, rule.basis, t('check.msg.missing', { item: rule.item, basis: rule.basis, heading })));
      continue;
    }
    const evidence = content.map((place) => ({ place, sentence: affirmative(place, rule.happens!) })).find((e) => e.sentence !== undefined);
    if (evidence) {
      findings.push(
        finding(
          'missing-topic',
          rule.tier,
          rule.basis,
          t('check.msg.happensMissing', { sentence: quote(evidence.sentence!), item: rule.item, basis: rule.basis, heading }),
          evidence.place.where,
        ),
      );
      continue;
    }
    const denied = content.some((place) => place.sentences.some((s) => (rule.happens!.test(compact(s)) || rule.mention.test(compact(s))) && NEGATED.test(compact(s))));
    if (denied || rule.tier === 'recommended') continue;
    findings.push(
      finding(
        'conditional-topic',
        'recommended',
        t('check.msg.ifApplies', { basis: rule.basis }),
        t('check.msg.conditional', { item: rule.item, basis: rule.basis, heading }),
      ),
    );
  }
  return findings;
}

function passingMention(rule: ContentRule, where: string[]): Finding {
  return finding(
    'passing-mention',
    'recommended',
    '작성지침 권장',
    t('check.msg.passingMention', { item: rule.item, basis: rule.basis, where: where.join(', ') }),
    where[0],
  );
}

// 제1조(개인정보의 처리 목적), 제1조 (…), 제1조 [제목], 제1조의2(…)
const CITATION = /제\s*(\d{1,3})\s*조(?:\s*의\s*(\d{1,2}))?\s*[(\[]\s*([^()[\]]{2,40}?)\s*[)\]]/gu;
// What a statute's name ends with: "개인정보 보호법", "「…」", "동법 시행령", "…에 관한 법률", "표준 개인정보 보호지침".
const STATUTE_BEFORE = /(?:법|령|률|규칙|」|』|고시|지침|규정|조례|협약|조약)\s*$/u;
// Between a statute's name and a later citation of it: earlier citations and connectives ("제35조(…), 제36조(…) 및 "),
// its paragraphs and items, "(이하 "법"이라 한다)".
const CITATION_TAIL = /(?:\s*(?:제\s*\d{1,3}\s*조(?:\s*의\s*\d{1,2})?|제\s*\d{1,2}\s*[항호]|\d{1,2}\s*항)\s*(?:[(\[][^()[\]]{0,40}[)\]])?|\s*\(이하[^()]{0,20}\)|\s*(?:,|및|또는|와|과|·|ㆍ|내지|부터|~))\s*$/u;

function citesStatute(before: string): boolean {
  let text = before;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(CITATION_TAIL, '');
  }
  return STATUTE_BEFORE.test(text);
}

function sameTitle(a: string, b: string): boolean {
  const x = normaliseTitle(a).replace(/의/gu, '');
  const y = normaliseTitle(b).replace(/의/gu, '');
  return x === y || (x.length >= 4 && y.includes(x)) || (y.length >= 4 && x.includes(y));
}

const REFERENCE_BASIS = '표준지침 제18조';

function referenceFindings(version: PolicyVersion): Finding[] {
  const numbering: NumberingScheme = version.numbering ?? 'article';
  // Only a document numbered 제N조 (or N조) can cite its own 제N조; elsewhere every 제N조 is a statute's.
  if (numbering !== 'article' && numbering !== 'article-bare') return [];
  const key = (number: string | number, branch?: string | number): string => markerFor('article', Number(number), branch === undefined ? undefined : Number(branch));
  const byNumber = new Map(version.articles.map((a) => [key(a.number, a.branch), a]));
  const findings: Finding[] = [];
  for (const article of version.articles) {
    const here = articleName(article, numbering);
    for (const text of clauseTexts(article.body)) {
      for (const match of text.matchAll(CITATION)) {
        if (citesStatute(text.slice(0, match.index))) continue;
        const cited = key(match[1]!, match[2]);
        const title = match[3]!.trim();
        const target = byNumber.get(cited);
        if (target && sameTitle(target.title, title)) continue;
        // A number the policy does not have, with the statute's title for it: the statute's article.
        const statuteTitle = STATUTE_ARTICLE_TITLES[cited];
        if (!target && statuteTitle !== undefined && sameTitle(statuteTitle, title)) continue;
        const now = version.articles.find((a) => sameTitle(a.title, title));
        const citation = `${cited}(${title})`;
        if (now) {
          const nowName = articleName(now, numbering);
          findings.push(finding('stale-reference', 'guideline', REFERENCE_BASIS, t('check.msg.citationMoved', { citation, now: nowName }), here, `${nowName}(${title})`));
        } else {
          const actual = target ? t('check.msg.citedTitleNow', { cited, title: target.title }) : t('check.msg.citedAbsent', { cited });
          findings.push(finding('stale-reference', 'guideline', REFERENCE_BASIS, t('check.msg.citationUnknown', { citation, actual }), here));
        }
      }
    }
  }
  return findings;
}

function staleNameFindings(places: readonly Place[], until: IsoDate | null): Finding[] {
  const findings: Finding[] = [];
  for (const rule of STALE_NAME_RULES) {
    if (!heldTo(rule.since, until)) continue;
    const global = new RegExp(rule.name.source, `${rule.name.flags}g`);
    for (const place of places) {
      const stale = place.sentences.flatMap((sentence) =>
        [...sentence.matchAll(global)].filter((m) => {
          if (!rule.movedArticles) return true;
          const article = /^[」』"”]?\s*(?:\([^()]{0,20}\)\s*)?제\s*(\d{1,3})\s*조/u.exec(sentence.slice(m.index + m[0].length));
          return article === null || rule.movedArticles(Number(article[1]));
        }),
      );
      if (stale.length === 0) continue;
      findings.push(finding('stale-name', 'guideline', rule.basis, t('check.msg.staleName', { label: t(rule.label), name: stale[0]![0], now: t(rule.now) }), place.where));
    }
  }
  return findings;
}

const REVISION_BASIS = '표준지침 제21조';
/** No rule asks for a list of earlier versions (LAW.md): keeping one complete is what auditors look for. */
const EARLIER_LIST_BASIS = '이전 처리방침 공개 (감사 관행)';

/** The revision article must say when the version takes effect (표준지침 제21조: 시행 시기를 공개). */
function effectiveDateFindings(version: PolicyVersion, ledger: Ledger | null, draft: boolean): Finding[] {
  const revision = version.revision;
  if (!revision || revision.effective !== null) return [];
  const revisionArticle = version.articles.find((a) => a.topic === 'revision');
  const where = revisionArticle ? articleName(revisionArticle, version.numbering ?? 'article') : undefined;
  const said = revision.effectiveText ? t('check.msg.undated.said', { text: revision.effectiveText }) : '';
  const recorded = ledger && !draft && version.effective !== null ? t('check.msg.undated.recorded', { slug: ledger.slug, effective: version.effective }) : '';
  return [finding('revision-date', 'guideline', REVISION_BASIS, t('check.msg.undated', { said, recorded }), where)];
}

/** The tier of each disagreement: a date the article states wrongly misinforms (표준지침 제21조); an incomplete list is an auditor's note. */
const DISAGREEMENT_TIER: Readonly<Record<RevisionDisagreement['kind'], { tier: Tier; basis: string }>> = {
  'effective-date': { tier: 'guideline', basis: REVISION_BASIS },
  'end-date': { tier: 'guideline', basis: REVISION_BASIS },
  'unknown-period': { tier: 'guideline', basis: REVISION_BASIS },
  'missing-version': { tier: 'recommended', basis: EARLIER_LIST_BASIS },
};

function ledgerFindings(version: PolicyVersion, ledger: Ledger, draft: boolean): Finding[] {
  const findings: Finding[] = [];
  const numbering = version.numbering ?? 'article';
  const revisionArticle = version.articles.find((a) => a.topic === 'revision');
  const where = revisionArticle ? articleName(revisionArticle, numbering) : undefined;
  const revision = version.revision;
  // The date it takes effect: a stored version's is the ledger's; a draft's the one it is saved (or published) with.
  const own = version.effective ?? (draft ? (revision?.effective ?? null) : null);
  const history = t('revision.history', { slug: ledger.slug });

  if (!draft && own !== null && !ledger.versions.some((e) => e.effective === own)) {
    findings.push(finding('revision-date', 'guideline', REVISION_BASIS, t('check.msg.notInLedger', { history, own })));
  }
  if (draft && own !== null) {
    const newer = ledger.versions.find((e) => e.archived && e.effective !== null && e.effective > own);
    if (newer) findings.push(finding('revision-date', 'guideline', REVISION_BASIS, t('check.msg.draftBeforeNewer', { own, history, newer: newer.effective ?? '' }), where));
  }
  if (!revision || !revisionArticle || own === null) return findings;

  const comparison = compareRevisionWithLedger({ article: revisionArticle, revision, numbering, effective: own, ledger: ledger.versions, city: version.city });
  for (const disagreement of comparison.disagreements) {
    // An article that states no date at all is effectiveDateFindings' (it needs no ledger).
    if (disagreement.kind === 'effective-date' && revision.effective === null) continue;
    const { tier, basis } = DISAGREEMENT_TIER[disagreement.kind];
    const kind: FindingKind = disagreement.kind === 'effective-date' ? 'revision-date' : 'revision-ledger';
    const out = finding(kind, tier, basis, revisionDisagreementMessage(disagreement, ledger.slug, { draft }), where, disagreement.suggestion);
    if (comparison.corrected) out.correctedArticle = comparison.corrected.text;
    findings.push(out);
  }
  for (const earlier of revision.earlier) {
    const entry = ledgerEntryFor(ledger.versions, earlier);
    if (entry && !entry.archived) {
      findings.push(finding('missing-archive', 'recommended', '이전 처리방침 보관 (감사 관행)', t('check.msg.notArchived', { text: earlier.text }), where));
    }
  }
  return findings;
}

export function checkVersion(version: PolicyVersion, options: CheckOptions): CheckResult {
  const draft = options.draft === true;
  const entry = options.ledger && !draft && version.effective !== null ? options.ledger.versions.find((e) => e.effective === version.effective) : undefined;
  // A version that went out of force is held to the rules of its time; one in force (or a draft) to today's.
  const until = entry?.until ?? null;
  const places = placesOf(version);
  const findings = [...topicFindings(version, places, until), ...referenceFindings(version), ...staleNameFindings(places, until), ...effectiveDateFindings(version, options.ledger, draft)];
  const notes: string[] = [];
  const label = options.label ?? t('check.out.thisVersion');
  if (options.ledger) findings.push(...ledgerFindings(version, options.ledger, draft));
  else notes.push(t('check.out.noLedgerNote', { label, slug: version.slug }));
  const counts: Record<Tier, number> = { law: 0, guideline: 0, recommended: 0 };
  for (const f of findings) counts[f.tier] += 1;
  return { city: version.city, slug: version.slug, effective: version.effective, findings, counts, notes };
}

const TIER_WORD: Readonly<Record<Tier, MessageKey>> = { law: 'check.out.tier.law', guideline: 'check.out.tier.guideline', recommended: 'check.out.tier.recommended' };

/** Findings as lines for a terminal: a summary per tier, then one line per finding with its basis. */
export function formatCheckText(result: CheckResult, label: string): string {
  const { law, guideline, recommended } = result.counts;
  const summary = result.findings.length === 0 ? t('check.out.noProblem') : t('check.out.counts', { law, guideline, recommended });
  const lines = [`${label} (${result.city}): ${summary}`];
  for (const f of result.findings) {
    lines.push(`  [${t(TIER_WORD[f.tier])} · ${f.basis}]${f.where ? ` ${f.where}:` : ''} ${f.message}`);
  }
  const corrected = result.findings.find((f) => f.correctedArticle !== undefined)?.correctedArticle;
  if (corrected !== undefined) lines.push(`  ${t('revision.corrected')}`, ...corrected.split('\n').map((line) => `    ${line}`));
  for (const note of result.notes) lines.push(`  ${t('check.out.note', { note })}`);
  return lines.join('\n') + '\n';
}
