/**
 * What the screens ask of the store, the diff and the notice. The real implementation
 * (store-backend.ts) calls the same functions as the CLI commands; tests of reducers and views may
 * build these values from the model types directly.
 */
import type { IsoDate, Ledger, ParseReport, PolicyVersion } from '../domain/model.js';
import type { PolicyDiff } from '../domain/diff/types.js';
import type { Notice } from '../domain/notice/index.js';
import type { CheckResult } from '../domain/check/index.js';

export interface CitySummary {
  slug: string;
  city: string;
  /** Effective date of the newest version, null when no source states it. */
  newest: IsoDate | null;
  /** Versions whose text is in the store. */
  archived: number;
  /** Versions known (archived or only named by a later revision article). */
  known: number;
}

/** The size of a change between two archived versions, as the lists show it. */
export interface ChangeSize {
  substantive: number;
  added: number;
  removed: number;
  modified: number;
}

export interface DraftPreview {
  version: PolicyVersion;
  report: ParseReport;
}

export interface ImportOutcome {
  /** What the store says it did, one line: `goyang@2025-01-01 imported (commit abc1234)`. */
  summary: string;
  tag: string;
  /** Nothing was done: the same text is already archived. */
  noop: boolean;
}

/** A body's draft as the timeline lists it (drafts are not versions: they live beside the ledger). */
export interface DraftInfo {
  slug: string;
  /** The date it states (or was given), null when none: publishing then asks for one. */
  effective: IsoDate | null;
  /** How many times it was saved (1: created, never revised). */
  revisions: number;
  /** When it was last saved (ISO). */
  saved: string;
}

/** What saving a draft from a file did, with what `check` found in it. */
export interface DraftSaved {
  created: boolean;
  revisions: number;
  effective: IsoDate | null;
  check: CheckResult;
}

/** The draft against the newest archived version, as publishing shows it. */
export interface DraftReview {
  effective: IsoDate | null;
  /** The version it is compared with (its ref), null for a body's first version. */
  against: string | null;
  /** That comparison (its summary is what the review shows), null without one. */
  diff: PolicyDiff | null;
  check: CheckResult;
}

export interface PublishOutcome {
  tag: string;
  commit: string;
  effective: IsoDate;
}

export interface UiBackend {
  /** The store directory, for the header. */
  readonly storeDir: string;
  /** True when no store was named or found and the UI opened the bundled sample store (its header says so). */
  readonly sampleStore?: boolean;
  /** Today, which decides what is in force and what is scheduled (BANGCHIM_TODAY sets it). */
  readonly today: IsoDate;
  listCities(): Promise<CitySummary[]>;
  /** The cities, when a read begun before the UI was drawn has already finished (the first frame then lists them); undefined otherwise. Taken once. */
  citiesReadAhead?(): CitySummary[] | undefined;
  ledger(slug: string): Promise<Ledger>;
  /** Newest archived version against the one before it; null when fewer than two are archived. */
  latestChange(slug: string): Promise<ChangeSize | null>;
  /** Resolves two refs and diffs them (editorial changes kept, the view filters). */
  diff(oldRef: string, newRef: string): Promise<PolicyDiff>;
  /** The change notice for publishing `newRef` in place of `oldRef` (same city). */
  notice(oldRef: string, newRef: string): Promise<Notice>;
  /** Writes the notice's files into `dir`; files already there only with `overwrite` (the screen asks first). */
  writeNotice(notice: Notice, dir: string, options: { overwrite: boolean }): Promise<string[]>;
  /** Parses a draft file without touching the store. */
  previewDraft(slug: string, file: string): Promise<DraftPreview>;
  importDraft(slug: string, file: string, effective?: IsoDate): Promise<ImportOutcome>;
  /** The body's draft, null when it has none. */
  draft(slug: string): Promise<DraftInfo | null>;
  /** Creates the body's draft from `file`, or revises it (the store keeps every revision). */
  saveDraft(slug: string, file: string): Promise<DraftSaved>;
  deleteDraft(slug: string): Promise<void>;
  /** The draft's diff against the newest version and its check, `effective` replacing its own date. */
  reviewDraft(slug: string, effective?: IsoDate): Promise<DraftReview>;
  /** Publishes the draft as a version; refused on a law finding unless `acceptFindings`. */
  publishDraft(slug: string, options: { effective?: IsoDate; acceptFindings: boolean }): Promise<PublishOutcome>;
}

/** The ref of a body's draft, wherever a ref goes. */
export function draftRefOf(slug: string): string {
  return `${slug}#draft`;
}

/** A ledger entry's ref, for the versions that have text. */
export function refOf(slug: string, effective: IsoDate | null, tag?: string): string | null {
  if (tag) return tag;
  return effective === null ? null : `${slug}@${effective}`;
}

export function changeSizeOf(diff: PolicyDiff): ChangeSize {
  const s = diff.summary;
  return { substantive: s.substantive, added: s.added, removed: s.removed, modified: s.modified };
}
