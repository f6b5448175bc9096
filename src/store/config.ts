/**
 * bangchim.yaml's `offices:` block (store format 3): each body's 기관 정보 — the name it signs with, the
 * department, phone and e-mail people ask, the address of its policy page — which the 공고문 uses in
 * place of what it reads from the policy. Filled once per body by the office (`bangchim office`) and
 * committed like everything else in the store, so that an office sharing the store posts one notice.
 *
 *     format: 3
 *     offices:
 *       goyang:
 *         name: 고양특례시
 *         department: 정보통신담당관
 *         phone: 031-8075-2593
 *         url: https://www.goyang.go.kr/www/privacy.do
 *
 * Read from the work tree (the file the officer edits), validated strictly: every problem names the
 * file, its line and the YAML path, in Korean. Written by changing only the office's keys in the
 * document, so the file's comments and other lines stay as they were.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { StoreError, ValidationError } from '../domain/errors.js';
import { OFFICE_FIELDS, type Office } from '../domain/notice/announcement.js';
import { isOneLineText } from '../domain/presentation/inert.js';
import { t } from '../domain/presentation/messages/index.js';
import { formatPath, SLUG_PATTERN, type SchemaIssue } from '../domain/schema.js';
import { parseYamlStrict } from '../domain/yaml.js';
import { STORE_MARKER } from './format.js';
import { tempIndexPath } from './paths.js';
import type { Store } from './store.js';
import { applyJournaled } from './transaction.js';

export type OfficeField = (typeof OFFICE_FIELDS)[number];

const MAX_FIELD_LENGTH = 200;
const TOP_KEYS = ['format', 'offices'];

/** What is wrong with one field's value, or null. */
export function officeFieldProblem(field: OfficeField, value: unknown): string | null {
  if (typeof value !== 'string') return t('err.office.notText');
  const text = value.trim();
  if (text === '') return t('err.office.empty');
  if (!isOneLineText(text) || text.length > MAX_FIELD_LENGTH) return t('err.office.oneLine', { max: MAX_FIELD_LENGTH });
  if (field === 'url' && !/^https?:\/\/[^\s/]+\.[^\s]+$/u.test(text)) return t('err.office.url');
  if (field === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(text)) return t('err.office.email');
  if (field === 'phone' && ((text.match(/\d/gu) ?? []).length < 3 || !/^[\d\s()+\-~.,]+$|^\(국번\s*없이\)\s*[\d-]+$/u.test(text))) return t('err.office.phone');
  return null;
}

function validateConfig(value: unknown): SchemaIssue[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ path: [], message: t('err.office.notMap') }];
  const issues: SchemaIssue[] = [];
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!TOP_KEYS.includes(key)) issues.push({ path: [key], message: t('err.office.unknownKey', { keys: TOP_KEYS.join(', ') }) });
  const offices = record.offices;
  if (offices === undefined || offices === null) return issues;
  if (typeof offices !== 'object' || Array.isArray(offices)) return [...issues, { path: ['offices'], message: t('err.office.officesNotMap') }];
  for (const [slug, office] of Object.entries(offices as Record<string, unknown>)) {
    if (!SLUG_PATTERN.test(slug)) issues.push({ path: ['offices', slug], message: t('err.office.slug') });
    if (office === null || typeof office !== 'object' || Array.isArray(office)) {
      issues.push({ path: ['offices', slug], message: t('err.office.entryNotMap') });
      continue;
    }
    for (const [field, fieldValue] of Object.entries(office as Record<string, unknown>)) {
      if (!(OFFICE_FIELDS as readonly string[]).includes(field)) {
        issues.push({ path: ['offices', slug, field], message: t('err.office.unknownField', { fields: OFFICE_FIELDS.join(', ') }) });
        continue;
      }
      const problem = officeFieldProblem(field as OfficeField, fieldValue);
      if (problem !== null) issues.push({ path: ['offices', slug, field], message: problem });
    }
  }
  return issues;
}

/** Every body's 기관 정보 in the bangchim.yaml text `text` (named `file` in errors). Throws ValidationError naming file, line and YAML path. */
export function parseOffices(text: string, file: string): Record<string, Office> {
  const parsed = parseYamlStrict(text, file);
  const issues = validateConfig(parsed.value);
  if (issues.length > 0) {
    throw new ValidationError(t('err.office.invalid', { file }), {
      where: file,
      details: issues.map((issue) => `${parsed.locate(issue.path)}: ${formatPath(issue.path)}: ${issue.message}`),
      hint: t('err.office.invalidHint'),
    });
  }
  const offices = ((parsed.value as { offices?: Record<string, Record<string, string>> | null }).offices ?? {}) as Record<string, Record<string, string>>;
  const out: Record<string, Office> = {};
  for (const [slug, office] of Object.entries(offices)) {
    const clean: Office = {};
    for (const field of OFFICE_FIELDS) if (office[field] !== undefined) clean[field] = office[field].trim();
    out[slug] = clean;
  }
  return out;
}

/** The 기관 정보 of `slug` in the store at `dir` (empty when the office filled none in). */
export function readOffice(dir: string, slug: string): Office {
  const file = join(dir, STORE_MARKER);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StoreError(t('err.office.unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }), { where: file });
  }
  return parseOffices(text, file)[slug] ?? {};
}

/** bangchim.yaml's text with `slug`'s fields set (a value of '' removes the field, an office left empty is removed). */
export function withOffice(text: string, slug: string, changes: Partial<Record<OfficeField, string>>): string {
  const doc = parseDocument(text);
  for (const field of OFFICE_FIELDS) {
    const value = changes[field];
    if (value === undefined) continue;
    if (value.trim() === '') doc.deleteIn(['offices', slug, field]);
    else doc.setIn(['offices', slug, field], value.trim());
  }
  const entry = doc.getIn(['offices', slug], true);
  if (isMap(entry) && entry.items.length === 0) doc.deleteIn(['offices', slug]);
  const offices = doc.getIn(['offices'], true);
  if (isMap(offices) && offices.items.length === 0) doc.delete('offices');
  return doc.toString({ lineWidth: 0 });
}

/**
 * Sets `slug`'s 기관 정보 in one commit that changes bangchim.yaml alone, under the store's lock and
 * journal; the store must be clean (a hand edit of bangchim.yaml is committed or discarded first).
 * Returns the office as stored, and the commit (null when nothing changed).
 */
export async function setOffice(store: Store, slug: string, changes: Partial<Record<OfficeField, string>>): Promise<{ office: Office; commit: string | null }> {
  for (const field of OFFICE_FIELDS) {
    const value = changes[field];
    if (value === undefined || value.trim() === '') continue;
    const problem = officeFieldProblem(field, value);
    if (problem !== null) throw new ValidationError(t('err.office.badOption', { field, problem }), { where: `--${field}`, hint: t('err.office.badOptionHint', { field }) });
  }
  return store.withLock(`office ${slug}`, async () => {
    await store.assertClean();
    const head = await store.head();
    const [committed] = await store.git.readObjects([`${head}:${STORE_MARKER}`]);
    if (!committed) throw new StoreError(t('err.office.noMarker', { file: STORE_MARKER }), { where: store.dir });
    const before = committed.content.toString('utf8');
    const after = withOffice(before, slug, changes);
    const office = parseOffices(after, STORE_MARKER)[slug] ?? {};
    if (after === before) return { office, commit: null };
    const branch = await store.git.currentBranchRef();
    if (branch === null) throw new StoreError(t('err.office.detached'), { where: store.dir, hint: `git -C ${store.dir} checkout main` });
    const gitDir = await store.gitDir();
    const identity = await store.git.identity();
    const blob = await store.git.hashObject(after);
    const tree = await store.git.buildTree(head, new Map([[STORE_MARKER, blob]]), tempIndexPath(gitDir));
    const commit = await store.git.commitTree({
      tree,
      parents: [head],
      message: `bangchim office ${slug}: 기관 정보 (${OFFICE_FIELDS.filter((f) => changes[f] !== undefined).join(', ')})\n\nOnly ${STORE_MARKER} changes.\n`,
      author: { ...identity, date: new Date().toISOString() },
      committer: identity,
    });
    await applyJournaled(store, { command: `office ${slug}`, from: head, to: commit, updates: [{ kind: 'update', ref: branch, newValue: commit, oldValue: head }], paths: [STORE_MARKER] }, `bangchim: office ${slug}`);
    return { office, commit };
  });
}
