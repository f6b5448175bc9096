/**
 * What the screens ask of the store, the diff and the notice. The real implementation
 * (store-backend.ts) calls the same functions as the CLI commands; tests of reducers and views may
 * build these values from the model types directly.
 */
import type { IsoDate, Ledger, ParseReport, PolicyVersion } from '../domain/model.js';
import type { PolicyDiff } from '../domain/diff/types.js';
import type { Notice } from '../domain/notice/index.js';

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

export interface UiBackend {
  /** The store directory, for the header. */
  readonly storeDir: string;
  listCities(): Promise<CitySummary[]>;
  ledger(slug: string): Promise<Ledger>;
  /** Newest archived version against the one before it; null when fewer than two are archived. */
  latestChange(slug: string): Promise<ChangeSize | null>;
  /** Resolves two refs and diffs them (editorial changes kept, the view filters). */
  diff(oldRef: string, newRef: string): Promise<PolicyDiff>;
  /** The change notice for publishing `newRef` in place of `oldRef` (same city). */
  notice(oldRef: string, newRef: string): Promise<Notice>;
  /** Writes the notice as .txt, .md and .html into `dir` (created if missing); returns the paths written. */
  /** Writes the notice's files into `dir`; files already there only with `overwrite` (the screen asks first). */
  writeNotice(notice: Notice, dir: string, options: { overwrite: boolean }): Promise<string[]>;
  /** Parses a draft file without touching the store. */
  previewDraft(slug: string, file: string): Promise<DraftPreview>;
  importDraft(slug: string, file: string, effective?: IsoDate): Promise<ImportOutcome>;
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
