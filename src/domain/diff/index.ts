/**
 * The semantic diff: what changed between two policy versions, article by article, as a lawyer
 * reads it. Built from small steps on a class (like jsdiff's Diff base) so a caller can override one
 * step — the alignment weights, the fact extraction — and keep the rest.
 */
import type { Article, Clause, NumberingScheme, PolicyVersion, Section, Topic } from '../model.js';
import { printsNumber } from '../presentation/labels.js';
import type { ArticleEntry, ArticleRef, ClauseChange, DiffOptions, DiffSide, DiffSummary, FactChange, PolicyDiff } from './types.js';
import {
  alignArticles,
  CROSS_CITY_WEIGHTS,
  profileArticle,
  SAME_CITY_WEIGHTS,
  type Alignment,
  type AlignmentWeights,
  type ArticleProfile,
} from './align.js';
import { bodyKey, diffClauses, flattenClauses } from './clauses.js';
import { compareFacts, extractFacts } from './facts.js';

export type * from './types.js';
export { diffWordsKorean, splitWords, isEditorialOnly, oldTextOf, newTextOf } from './words.js';
export { contentKey, foldLookalikes, stripMarkers, stripWhitespace, titleKey, collapseWhitespace } from './normalize.js';
export { extractFacts, extractFactsFromText, compareFacts, formatFactChange, FACT_KIND_NAMES } from './facts.js';
export { diffClauses, flattenClauses, bodyKey } from './clauses.js';
export { articleLabel, articleRef, refLabel } from './labels.js';
export { formatDiffText, formatDiffMarkdown, entryHeading, sanitize, escapeMarkdown, type TextFormatOptions } from './format.js';
import { articleRef, partRef, refLabel } from './labels.js';

/** The unit the diff aligns: an article, or the preamble / an appendix section dressed as one. */
interface Unit {
  article: Article;
  /** How the article's version numbers its articles (named in its own scheme). */
  numbering: NumberingScheme;
  part?: 'preamble' | 'appendix';
}

export class PolicyDiffer {
  constructor(readonly options: DiffOptions = {}) {}

  /** Same city: body similarity decides; two cities: topic and title weigh more. */
  weights(oldVersion: PolicyVersion, newVersion: PolicyVersion): AlignmentWeights {
    return oldVersion.slug === newVersion.slug ? SAME_CITY_WEIGHTS : CROSS_CITY_WEIGHTS;
  }

  side(version: PolicyVersion, label: string | undefined): DiffSide {
    const side: DiffSide = {
      label: label ?? (version.effective ? `${version.slug}@${version.effective}` : version.slug),
      city: version.city,
      slug: version.slug,
      effective: version.effective,
    };
    const { file, sha256, url } = version.source;
    side.source = { ...(file !== undefined ? { file } : {}), sha256, ...(url !== undefined ? { url } : {}) };
    return side;
  }

  diff(oldVersion: PolicyVersion, newVersion: PolicyVersion): PolicyDiff {
    const weights = this.weights(oldVersion, newVersion);
    const units = (version: PolicyVersion): Unit[] => version.articles.map((article) => ({ article, numbering: version.numbering ?? 'article' }));
    const articles = this.diffUnits(units(oldVersion), units(newVersion), weights);
    const extras = [...this.diffPreamble(oldVersion.preamble, newVersion.preamble), ...this.diffAppendix(oldVersion.appendix, newVersion.appendix, weights)];
    const entries = [...articles, ...extras];
    const visible = this.options.editorial ? entries : entries.map((e) => (e.substantive || e.status === 'unchanged' ? e : { ...e, clauses: [] }));
    return {
      old: this.side(oldVersion, this.options.oldLabel),
      new: this.side(newVersion, this.options.newLabel),
      articles: visible,
      facts: entries.flatMap((e) => e.facts),
      topics: this.topics(oldVersion.articles, newVersion.articles),
      summary: this.summarise(entries),
    };
  }

  diffUnits(oldUnits: readonly Unit[], newUnits: readonly Unit[], weights: AlignmentWeights): ArticleEntry[] {
    const oldProfiles = oldUnits.map((u, i) => profileArticle(u.article, i));
    const newProfiles = newUnits.map((u, i) => profileArticle(u.article, i));
    const alignment = this.align(oldProfiles, newProfiles, weights);
    const ref = (units: readonly Unit[], index: number): ArticleRef => toRef(units[index]!);
    const byNew: { newIndex: number; entry: ArticleEntry }[] = [];
    const byOld = new Map<number, ArticleEntry>(); // first old index of each entry with a new side

    for (const pair of alignment.pairs) {
      const entry = this.pairEntry(oldProfiles[pair.old]!, newProfiles[pair.new]!, ref(oldUnits, pair.old), ref(newUnits, pair.new), pair.similarity, alignment.moved.has(pair.old));
      byNew.push({ newIndex: pair.new, entry });
      byOld.set(pair.old, entry);
    }
    for (const group of alignment.groups) {
      const olds = group.old.map((k) => oldProfiles[k]!);
      const news = group.new.map((k) => newProfiles[k]!);
      const entry = this.groupEntry(group.kind, olds, news, group.old.map((k) => ref(oldUnits, k)), group.new.map((k) => ref(newUnits, k)), group.coverage, alignment.moved.has(Math.min(...group.old)));
      byNew.push({ newIndex: Math.min(...group.new), entry });
      for (const k of group.old) byOld.set(k, entry);
    }
    for (const index of alignment.added) {
      byNew.push({ newIndex: index, entry: this.oneSidedEntry(newProfiles[index]!, ref(newUnits, index), 'added') });
    }
    byNew.sort((a, b) => a.newIndex - b.newIndex);

    // Removed articles go right after the entry of the old article before them.
    const removedAfter = new Map<ArticleEntry | null, ArticleEntry[]>();
    for (const index of alignment.removed) {
      let anchor: ArticleEntry | null = null;
      for (let k = index - 1; k >= 0; k--) {
        const found = byOld.get(k);
        if (found) {
          anchor = found;
          break;
        }
      }
      const list = removedAfter.get(anchor) ?? [];
      list.push(this.oneSidedEntry(oldProfiles[index]!, ref(oldUnits, index), 'removed'));
      removedAfter.set(anchor, list);
    }
    const ordered: ArticleEntry[] = [...(removedAfter.get(null) ?? [])];
    for (const { entry } of byNew) {
      ordered.push(entry);
      ordered.push(...(removedAfter.get(entry) ?? []));
    }
    return ordered;
  }

  align(oldProfiles: readonly ArticleProfile[], newProfiles: readonly ArticleProfile[], weights: AlignmentWeights): Alignment {
    return alignArticles(oldProfiles, newProfiles, weights);
  }

  pairEntry(oldProfile: ArticleProfile, newProfile: ArticleProfile, oldRef: ArticleRef, newRef: ArticleRef, similarity: number, moved: boolean): ArticleEntry {
    const oldArticle = oldProfile.article;
    const newArticle = newProfile.article;
    const identical = oldArticle.title.trim() === newArticle.title.trim() && sameClauses(oldArticle.body, newArticle.body);
    const retitled = oldProfile.titleKey !== newProfile.titleKey;
    const bodyChanged = oldProfile.bodyKey !== newProfile.bodyKey;
    const renumbered = renumberedBetween(oldRef, newRef);
    return {
      status: identical ? 'unchanged' : 'modified',
      old: [oldRef],
      new: [newRef],
      renumbered,
      retitled,
      moved,
      substantive: retitled || bodyChanged || moved,
      topic: newArticle.topic,
      similarity: round(similarity),
      clauses: identical ? this.unchangedClauses(newArticle.body) : this.clauses(oldArticle.body, newArticle.body),
      facts: bodyChanged ? this.facts([oldArticle], [newArticle], newRef) : [],
    };
  }

  groupEntry(kind: 'split' | 'merged', olds: readonly ArticleProfile[], news: readonly ArticleProfile[], oldRefs: ArticleRef[], newRefs: ArticleRef[], coverage: number, moved: boolean): ArticleEntry {
    const first = (refs: ArticleRef[]): ArticleRef => refs[0]!;
    return {
      status: kind,
      old: oldRefs,
      new: newRefs,
      renumbered: renumberedBetween(first(oldRefs), first(newRefs)),
      retitled: olds[0]!.titleKey !== news[0]!.titleKey,
      moved,
      substantive: true,
      topic: news[0]!.article.topic,
      similarity: round(coverage),
      clauses: this.clauses(olds.flatMap((p) => p.article.body), news.flatMap((p) => p.article.body)),
      facts: this.facts(olds.map((p) => p.article), news.map((p) => p.article), first(newRefs)),
    };
  }

  /** An article only one side has: every provision of it added (신설) or removed (삭제). */
  oneSidedEntry(profile: ArticleProfile, articleRef: ArticleRef, status: 'added' | 'removed'): ArticleEntry {
    const side = status === 'added' ? 'new' : 'old';
    return {
      status,
      old: status === 'removed' ? [articleRef] : [],
      new: status === 'added' ? [articleRef] : [],
      renumbered: false,
      retitled: false,
      moved: false,
      substantive: true,
      topic: profile.article.topic,
      similarity: 0,
      clauses: flattenClauses(profile.article.body).map((p) => withMarker({ status, [side]: p.text }, p.marker)),
      facts: [],
    };
  }

  unchangedClauses(body: readonly Clause[]): ClauseChange[] {
    if (!this.options.unchangedText) return [];
    return flattenClauses(body).map((p) => ({ status: 'unchanged', old: p.text, new: p.text, ...(p.marker === undefined ? {} : { marker: p.marker }) }));
  }

  clauses(oldBody: readonly Clause[], newBody: readonly Clause[]): ClauseChange[] {
    return diffClauses(oldBody, newBody);
  }

  facts(oldArticles: readonly Article[], newArticles: readonly Article[], at: ArticleRef): FactChange[] {
    const oldFacts = oldArticles.flatMap((a) => extractFacts(a));
    const newFacts = newArticles.flatMap((a) => extractFacts(a));
    return compareFacts(oldFacts, newFacts, refLabel(at));
  }

  diffPreamble(oldPreamble: readonly Clause[], newPreamble: readonly Clause[]): ArticleEntry[] {
    const unit = (body: readonly Clause[]): Unit[] =>
      bodyKey(body) === '' ? [] : [{ part: 'preamble', numbering: 'none', article: { number: 0, title: '전문', topic: 'other', body: [...body] } }];
    const oldUnits = unit(oldPreamble);
    const newUnits = unit(newPreamble);
    // One preamble a side: always the same unit, however much it changed.
    return this.diffUnits(oldUnits, newUnits, { body: 0, title: 1, topic: 0, threshold: 0.5 });
  }

  diffAppendix(oldSections: readonly Section[], newSections: readonly Section[], weights: AlignmentWeights): ArticleEntry[] {
    const units = (sections: readonly Section[]): Unit[] =>
      sections.map((s) => ({ part: 'appendix', numbering: 'none', article: { number: 0, title: s.title, topic: 'other', body: s.body } }));
    return this.diffUnits(units(oldSections), units(newSections), weights);
  }

  topics(oldArticles: readonly Article[], newArticles: readonly Article[]): { onlyOld: Topic[]; onlyNew: Topic[] } {
    const set = (articles: readonly Article[]): Set<Topic> => new Set(articles.map((a) => a.topic).filter((t) => t !== 'other'));
    const oldTopics = set(oldArticles);
    const newTopics = set(newArticles);
    return {
      onlyOld: [...oldTopics].filter((t) => !newTopics.has(t)),
      onlyNew: [...newTopics].filter((t) => !oldTopics.has(t)),
    };
  }

  summarise(entries: readonly ArticleEntry[]): DiffSummary {
    const count = (predicate: (e: ArticleEntry) => boolean): number => entries.filter(predicate).length;
    return {
      substantive: count((e) => e.substantive),
      added: count((e) => e.status === 'added'),
      removed: count((e) => e.status === 'removed'),
      modified: count((e) => e.status === 'modified' && e.substantive),
      renumbered: count((e) => e.renumbered),
      retitled: count((e) => e.retitled),
      moved: count((e) => e.moved),
      split: count((e) => e.status === 'split'),
      merged: count((e) => e.status === 'merged'),
      unchanged: count((e) => e.status === 'unchanged' && !e.substantive),
      editorial: count((e) => !e.substantive && (e.status === 'modified' || e.renumbered)),
    };
  }
}

/** Compares two versions article by article. */
export function diffVersions(oldVersion: PolicyVersion, newVersion: PolicyVersion, options: DiffOptions = {}): PolicyDiff {
  return new PolicyDiffer(options).diff(oldVersion, newVersion);
}

function toRef(unit: Unit): ArticleRef {
  return unit.part === undefined ? articleRef(unit.article, unit.numbering) : partRef(unit.part, unit.article.title);
}

/**
 * Whether the printed numbering differs: another number (or branch), or the same number in another
 * scheme (가. → 제1조, 1. → 제1조; editorial like every renumbering). Headings that print no number
 * (■, unnumbered) have none to differ.
 */
function renumberedBetween(oldRef: ArticleRef, newRef: ArticleRef): boolean {
  const oldNumbering = oldRef.numbering ?? 'article';
  const newNumbering = newRef.numbering ?? 'article';
  if (oldRef.part !== undefined || newRef.part !== undefined || !printsNumber(oldNumbering) || !printsNumber(newNumbering)) return false;
  return oldRef.number !== newRef.number || oldRef.branch !== newRef.branch || oldNumbering !== newNumbering;
}

function sameClauses(a: readonly Clause[], b: readonly Clause[]): boolean {
  // One body on both sides: the two versions' readers shared an unchanged article's text (SharedBlocks).
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((clause, i) => {
    const other = b[i]!;
    return (
      clause.marker === other.marker &&
      clause.text === other.text &&
      sameCells(clause.row, other.row) &&
      sameClauses(clause.children ?? [], other.children ?? [])
    );
  });
}

const NO_CELLS: readonly string[] = [];

/** Table cells compared as the rows they print (no row is the empty row; a tab inside a cell prints as a cell break). */
function sameCells(a: readonly string[] = NO_CELLS, b: readonly string[] = NO_CELLS): boolean {
  if (a.length === b.length && a.every((cell, k) => cell === b[k])) return true;
  return a.join('\t') === b.join('\t');
}

function withMarker(change: ClauseChange, marker: string | undefined): ClauseChange {
  return marker === undefined ? change : { ...change, marker };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
