/**
 * The UI's backend on a real store: the app's use cases, as the CLI commands call them. Resolved
 * versions and diffs are cached (the lists diff the same pairs again when a person goes back and
 * forth); an import clears the caches. The diff engine, the notice and the parser load when first
 * asked for, so the first frame never waits for their code.
 */
import { resolve } from 'node:path';
import type { IsoDate } from '../domain/model.js';
import type { PolicyDiff } from '../domain/diff/types.js';
import type { Notice } from '../domain/notice/index.js';
import { InputError } from '../domain/errors.js';
import { t } from '../domain/presentation/messages/index.js';
import { todayInKorea } from '../domain/ledger.js';
import { importFile } from '../app/import.js';
import { resolveRefs } from '../app/refs.js';
import { SampleStoreWriteError, sessionOnDemand, StoreSession } from '../app/session.js';
import type { ResolvedVersion } from '../store/refs.js';
import { changeSizeOf, type ChangeSize, type CitySummary, type DraftInfo, type DraftPreview, type DraftReview, type DraftSaved, type ImportOutcome, type PublishOutcome, type UiBackend } from './backend.js';

export class StoreBackend implements UiBackend {
  private readonly session: () => Promise<StoreSession>;
  private versions = new Map<string, Promise<ResolvedVersion>>();
  private diffs = new Map<string, Promise<PolicyDiff>>();
  private citiesAhead: Promise<CitySummary[]> | undefined;
  /** That read's cities, once it has finished. */
  private citiesRead: CitySummary[] | undefined;

  constructor(
    readonly storeDir: string,
    /** Where relative draft paths are read from. */
    private readonly cwd: string,
    readonly today: IsoDate = todayInKorea(),
    readonly sampleStore = false,
  ) {
    // Notices have nowhere to go while Ink draws the screen.
    this.session = sessionOnDemand(() => StoreSession.open(storeDir, { cwd }));
  }

  /**
   * Starts reading the cities at once, so that git works while Ink loads and the first frame is drawn;
   * the next listCities() returns this read. Resolves (never rejects) once the read is done.
   */
  readCitiesAhead(): Promise<void> {
    const ahead = this.readCities();
    this.citiesAhead = ahead;
    return ahead.then(
      (cities) => {
        if (this.citiesAhead === ahead) this.citiesRead = cities;
      },
      () => undefined,
    );
  }

  citiesReadAhead(): CitySummary[] | undefined {
    const read = this.citiesRead;
    if (read !== undefined) this.citiesAhead = this.citiesRead = undefined;
    return read;
  }

  listCities(): Promise<CitySummary[]> {
    const ahead = this.citiesAhead;
    this.citiesAhead = this.citiesRead = undefined;
    return ahead ?? this.readCities();
  }

  private async readCities(): Promise<CitySummary[]> {
    const cities = await (await this.session()).listCities();
    return cities.map((c) => ({ slug: c.slug, city: c.city, newest: c.newest?.effective ?? null, archived: c.archived, known: c.known }));
  }

  async ledger(slug: string) {
    return (await this.session()).ledger(slug);
  }

  async latestChange(slug: string): Promise<ChangeSize | null> {
    const ledger = await this.ledger(slug);
    const withText = ledger.versions.filter((v) => v.archived && v.tag);
    if (withText.length < 2) return null;
    return changeSizeOf(await this.diff(withText[withText.length - 2]!.tag!, withText[withText.length - 1]!.tag!));
  }

  private resolveRef(ref: string): Promise<ResolvedVersion> {
    let found = this.versions.get(ref);
    if (!found) {
      found = resolveRefs([ref], this.cwd, this.session).then(([version]) => version!);
      found.catch(() => this.versions.delete(ref));
      this.versions.set(ref, found);
    }
    return found;
  }

  diff(oldRef: string, newRef: string): Promise<PolicyDiff> {
    const key = `${oldRef}\n${newRef}`;
    let found = this.diffs.get(key);
    if (!found) {
      found = Promise.all([this.resolveRef(oldRef), this.resolveRef(newRef), import('../app/diff.js')]).then(([a, b, { diffResolved }]) => diffResolved(a, b, { editorial: true, unchangedText: true }));
      found.catch(() => this.diffs.delete(key));
      this.diffs.set(key, found);
    }
    return found;
  }

  async notice(oldRef: string, newRef: string): Promise<Notice> {
    const [from, to] = await Promise.all([this.resolveRef(oldRef), this.resolveRef(newRef)]);
    if (from.slug !== to.slug) throw new InputError(t('diff.crossCityNotice'), { where: `${from.slug}, ${to.slug}` });
    const { planNotice } = await import('../app/notice.js');
    return (await planNotice(await this.session(), { city: to.slug, from: oldRef, to: newRef })).notice;
  }

  async writeNotice(notice: Notice, dir: string, options: { overwrite: boolean }): Promise<string[]> {
    const { writeNoticeFiles } = await import('../app/notice.js');
    return writeNoticeFiles(notice, resolve(this.cwd, dir), { overwrite: options.overwrite, storeDir: this.storeDir });
  }

  async previewDraft(slug: string, file: string): Promise<DraftPreview> {
    const { parseDraft } = await import('../app/parse.js');
    return parseDraft(this.cwd, file, { slug });
  }

  /**
   * The store, for a use case that writes to it: refused on the bundled sample store, as the CLI
   * refuses (an officer's draft or import must not vanish into a store they never named).
   */
  private writableSession(): Promise<StoreSession> {
    return this.sampleStore ? Promise.reject(new SampleStoreWriteError(this.storeDir)) : this.session();
  }

  async importDraft(slug: string, file: string, effective?: IsoDate): Promise<ImportOutcome> {
    const result = await importFile(() => this.writableSession().then((s) => s.store), { cwd: this.cwd, slug, file, ...(effective ? { effective } : {}) });
    this.forgetReads();
    return { summary: [result.message, ...result.warnings.map((w) => `warning: ${w}`)].join('\n'), tag: result.tag, noop: result.noop };
  }

  /** After a write, every cached read may be stale (a draft's ref names new text). */
  private forgetReads(): void {
    this.versions.clear();
    this.diffs.clear();
    this.citiesAhead = this.citiesRead = undefined;
  }

  async draft(slug: string): Promise<DraftInfo | null> {
    const { findDraft } = await import('../app/drafts.js');
    const found = await findDraft(await this.session(), slug);
    return found && { slug: found.slug, effective: found.effective, revisions: found.revisions, saved: found.saved };
  }

  async saveDraft(slug: string, file: string): Promise<DraftSaved> {
    const { saveDraft } = await import('../app/drafts.js');
    try {
      const saved = await saveDraft(await this.writableSession(), { slug, file });
      return { created: saved.created, revisions: saved.revisions, effective: saved.effective, check: saved.check };
    } finally {
      this.forgetReads();
    }
  }

  async deleteDraft(slug: string): Promise<void> {
    const { deleteDraft } = await import('../app/drafts.js');
    try {
      await deleteDraft(await this.writableSession(), slug);
    } finally {
      this.forgetReads();
    }
  }

  async reviewDraft(slug: string, effective?: IsoDate): Promise<DraftReview> {
    const { reviewDraft } = await import('../app/drafts.js');
    const review = await reviewDraft(await this.session(), slug, effective);
    return { effective: review.effective, against: review.against, diff: review.diff, check: review.check };
  }

  async publishDraft(slug: string, options: { effective?: IsoDate; acceptFindings: boolean }): Promise<PublishOutcome> {
    const { publishDraft } = await import('../app/drafts.js');
    try {
      const { result } = await publishDraft(await this.writableSession(), { slug, acceptFindings: options.acceptFindings, ...(options.effective ? { effective: options.effective } : {}) });
      return { tag: result.tag, commit: result.commit, effective: result.effective };
    } finally {
      this.forgetReads();
    }
  }
}
