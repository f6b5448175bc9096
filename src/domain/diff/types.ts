/**
 * The semantic diff's result: what changed between two policy versions, article by article.
 * This is the `bangchim diff --json` contract (README.md, "diff --json"): keep names and order stable.
 */
import type { IsoDate, NumberingScheme, Topic } from '../model.js';
import type { SourceRecord } from '../presentation/provenance.js';

/** Which version a side of the diff is. */
export interface DiffSide {
  /** How the version was named: `goyang@2020-07-17`, a file path, or `<slug>` when built in memory. */
  label: string;
  city: string;
  slug: string;
  effective: IsoDate | null;
  /** The text's source bytes: the archived file (sources/<slug>/<date>.txt) or the file as given, their sha256, the page's URL when recorded. */
  source?: SourceRecord;
}

/** An article as the diff names it, in its own version's numbering scheme. */
export interface ArticleRef {
  number: number;
  branch?: number;
  /**
   * The article's marker as its version prints it: `제9조`, `제9조의2`, `3.`, `다.`, `Ⅲ.`, `[3]`, `■`; `''`
   * when the version's headings carry no number; `전문` for the preamble, the title for an appendix section.
   */
  label: string;
  title: string;
  /** Set for the text outside the articles, diffed like an article: the preamble (number 0) or an appendix section. */
  part?: 'preamble' | 'appendix';
  /** The version's numbering scheme, when it is not 'article' (제N조). */
  numbering?: NumberingScheme;
}

export type ArticleStatus = 'unchanged' | 'modified' | 'added' | 'removed' | 'split' | 'merged';

/** `editorial`: the provision differs only in whitespace, markers, look-alike characters or line breaks. */
export type ClauseStatus = 'unchanged' | 'modified' | 'added' | 'removed' | 'editorial';

export interface WordChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /** Set on insert/delete pieces that differ only editorially (whitespace, look-alike characters). */
  editorial?: true;
}

export interface ClauseChange {
  status: ClauseStatus;
  /** The provision's text in the old version (rows: cells joined by " | "). Absent when added. */
  old?: string;
  /** The provision's text in the new version. Absent when removed. */
  new?: string;
  /** The list marker as written in the new version (old version when removed). */
  marker?: string;
  /** Word/syllable diff of old → new, present when status is modified or editorial. */
  words?: WordChange[];
  /** Which sides are a row of a table inside the article (their text is the cells joined by " | "). */
  row?: 'old' | 'new' | 'both';
}

export type FactKind = 'person' | 'department' | 'phone' | 'email' | 'period' | 'statute' | 'url' | 'date';

/** A fact extracted from an article: a contact, a period, a statute reference, a URL or a date. */
export interface Fact {
  kind: FactKind;
  /** Canonical value: `031-828-2642`, `6개월`, `개인정보 보호법 제35조 제4항`, `www.privacy.go.kr`, `2020-07-17`. */
  value: string;
  /** What the value is about, when it can be found: `접속기록 보관`, `개인정보 보호책임자`. */
  label?: string;
}

/** A fact that changed: `old` null when added, `new` null when removed. */
export interface FactChange {
  kind: FactKind;
  old: string | null;
  new: string | null;
  /** The article, as its version names it: `제9조`, `3.` (the new article when it exists, else the old). */
  article: string;
  label?: string;
}

export interface ArticleEntry {
  status: ArticleStatus;
  /** Old articles in this entry: none when added, several when merged. */
  old: ArticleRef[];
  /** New articles in this entry: none when removed, several when split. */
  new: ArticleRef[];
  renumbered: boolean;
  retitled: boolean;
  moved: boolean;
  /** False when every difference is editorial (numbering, whitespace, markers, look-alikes). */
  substantive: boolean;
  topic: Topic;
  /** Alignment score of the pair, 0..1 (1 for identical content; 0 for added/removed). */
  similarity: number;
  clauses: ClauseChange[];
  facts: FactChange[];
}

export interface DiffSummary {
  substantive: number;
  added: number;
  removed: number;
  modified: number;
  renumbered: number;
  retitled: number;
  moved: number;
  split: number;
  merged: number;
  unchanged: number;
  /** Entries whose differences are all editorial (renumbered only, reflowed, re-bulleted …). */
  editorial: number;
}

export interface PolicyDiff {
  old: DiffSide;
  new: DiffSide;
  articles: ArticleEntry[];
  facts: FactChange[];
  /** Canonical topics (other than `other`) that only one side has. */
  topics: { onlyOld: Topic[]; onlyNew: Topic[] };
  summary: DiffSummary;
}

export interface DiffOptions {
  /** Keep editorial-only clause changes in entries (they are always counted in the summary). */
  editorial?: boolean;
  /** Identical articles carry their provisions as unchanged clauses (a reader shows their text; reports list none). */
  unchangedText?: boolean;
  /** Labels for the two sides (default: the slug, or slug@effective). */
  oldLabel?: string;
  newLabel?: string;
}
