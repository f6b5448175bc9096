/**
 * The UI's backend on a real store: the same store, diff, notice and import functions the CLI
 * commands call. Resolved versions and diffs are cached (the lists diff the same pairs again when
 * a person goes back and forth); an import clears the caches. The diff engine, the notice and the
 * parser load when first asked for, so the first frame never waits for their code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { IsoDate } from '../domain/model.js';
import type { PolicyDiff } from '../domain/diff/types.js';
import type { Notice } from '../domain/notice/index.js';
import { InputError } from '../domain/errors.js';
import { checkDocumentBytes, openStore, readInputFile, type ResolvedVersion, type Store } from '../store/index.js';
import { changeSizeOf, type ChangeSize, type CitySummary, type DraftPreview, type ImportOutcome, type UiBackend } from './backend.js';

export class StoreBackend implements UiBackend {
  private storePromise: Promise<Store> | undefined;
  private versions = new Map<string, Promise<ResolvedVersion>>();
  private diffs = new Map<string, Promise<PolicyDiff>>();
  private citiesAhead: Promise<CitySummary[]> | undefined;

  constructor(
    readonly storeDir: string,
    /** Where relative draft paths are read from. */
    private readonly cwd: string,
  ) {}

  private store(): Promise<Store> {
    this.storePromise ??= openStore(this.storeDir);
    return this.storePromise;
  }

  /**
   * Starts reading the cities at once, so that git works while the first frame is drawn; the next
   * listCities() returns this read.
   */
  readCitiesAhead(): void {
    this.citiesAhead = this.readCities();
    this.citiesAhead.catch(() => undefined);
  }

  listCities(): Promise<CitySummary[]> {
    const ahead = this.citiesAhead;
    this.citiesAhead = undefined;
    return ahead ?? this.readCities();
  }

  private async readCities(): Promise<CitySummary[]> {
    const cities = await (await this.store()).listCities();
    return cities.map((c) => ({ slug: c.slug, city: c.city, newest: c.newest?.effective ?? null, archived: c.archived, known: c.known }));
  }

  async ledger(slug: string) {
    return (await this.store()).ledger(slug);
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
      found = this.store().then((store) => store.resolve(ref, { cwd: this.cwd }));
      found.catch(() => this.versions.delete(ref));
      this.versions.set(ref, found);
    }
    return found;
  }

  diff(oldRef: string, newRef: string): Promise<PolicyDiff> {
    const key = `${oldRef}\n${newRef}`;
    let found = this.diffs.get(key);
    if (!found) {
      found = Promise.all([this.resolveRef(oldRef), this.resolveRef(newRef), import('../domain/diff/index.js')]).then(([a, b, { diffVersions }]) =>
        diffVersions(a.version, b.version, { editorial: true, oldLabel: a.label, newLabel: b.label }),
      );
      found.catch(() => this.diffs.delete(key));
      this.diffs.set(key, found);
    }
    return found;
  }

  async notice(oldRef: string, newRef: string): Promise<Notice> {
    const [from, to] = await Promise.all([this.resolveRef(oldRef), this.resolveRef(newRef)]);
    if (from.slug !== to.slug) throw new InputError(`a change notice is for two versions of one city, not ${from.slug} and ${to.slug}`);
    if (to.effective === null) throw new InputError(`${to.label} has no effective date`, { hint: 'import it with --effective YYYY-MM-DD' });
    const ledger = await this.ledger(to.slug);
    const { buildNotice } = await import('../domain/notice/index.js');
    return buildNotice({ from: { label: from.label, version: from.version }, to: { label: to.label, version: to.version }, effective: to.effective, ledger: ledger.versions });
  }

  async writeNotice(notice: Notice, dir: string): Promise<string[]> {
    const target = resolve(this.cwd, dir);
    await mkdir(target, { recursive: true });
    const base = join(target, `${notice.slug}-${notice.effective}-notice`);
    const { renderNotice } = await import('../domain/notice/index.js');
    const files: [string, string][] = [
      [`${base}.txt`, renderNotice(notice, 'text')],
      [`${base}.md`, renderNotice(notice, 'markdown')],
      [`${base}.html`, renderNotice(notice, 'html')],
    ];
    for (const [path, content] of files) await writeFile(path, content.endsWith('\n') ? content : content + '\n');
    return files.map(([path]) => path);
  }

  async previewDraft(slug: string, file: string): Promise<DraftPreview> {
    const bytes = await readInputFile(this.cwd, file);
    checkDocumentBytes(bytes, file);
    const { parsePolicy } = await import('../domain/parse/index.js');
    return parsePolicy(bytes, { slug, sourceFile: file });
  }

  async importDraft(slug: string, file: string, effective?: IsoDate): Promise<ImportOutcome> {
    const bytes = await readInputFile(this.cwd, file);
    const store = await this.store();
    const result = await store.importVersion({ slug, bytes, file, ...(effective ? { effective } : {}) });
    this.versions.clear();
    this.diffs.clear();
    this.citiesAhead = undefined;
    return { summary: [result.message, ...result.warnings.map((w) => `warning: ${w}`)].join('\n'), tag: result.tag, noop: result.noop };
  }
}
