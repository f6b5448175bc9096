import { describe, expect, it } from 'vitest';
import { RefError } from '../../src/domain/errors.js';
import { addDays, entriesFromRevision, entryInForce, gitBlobId, mergeArchivedVersion, normalizeLedger, todayInKorea } from '../../src/domain/ledger.js';
import type { PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { parseRef } from '../../src/domain/ref.js';
import { git, seedBytes, tempDir } from './helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

describe('parseRef', () => {
  it('reads the four forms', () => {
    expect(parseRef('goyang')).toEqual({ kind: 'newest', slug: 'goyang' });
    expect(parseRef('goyang@2020-07-17')).toEqual({ kind: 'date', slug: 'goyang', date: '2020-07-17' });
    expect(parseRef('goyang~1')).toEqual({ kind: 'back', slug: 'goyang', steps: 1 });
    expect(parseRef('goyang~')).toEqual({ kind: 'back', slug: 'goyang', steps: 1 });
    expect(parseRef('drafts/goyang.txt')).toEqual({ kind: 'file', path: 'drafts/goyang.txt' });
    expect(parseRef('goyang.yaml')).toEqual({ kind: 'file', path: 'goyang.yaml' });
    expect(parseRef('C:\\drafts\\x')).toEqual({ kind: 'file', path: 'C:\\drafts\\x' });
    expect(parseRef('goyang-draft', { isExistingFile: (p) => p === 'goyang-draft' })).toEqual({ kind: 'file', path: 'goyang-draft' });
  });

  it.each(['', '-x', '--output=/tmp/x', 'A B', 'Goyang', 'goyang@2020-02-30', 'goyang@yesterday', 'goyang~-1', 'goyang~1e3', 'go yang@2020-01-01', 'goyang\u001b[31m'])('refuses %j', (arg) => {
    expect(() => parseRef(arg)).toThrow(RefError);
  });
});

describe('ledger', () => {
  const parsed = (slug: 'goyang' | 'paju' | 'namyangju' | 'iksan' | 'uijeongbu') => parsePolicy(seedBytes(slug), { slug }).version;

  it('dates: add days across months and leap years; today is Korean', () => {
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(todayInKorea(new Date('2025-01-01T15:30:00Z'))).toBe('2025-01-02');
  });

  it('blob ids are git’s', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f'), '고양\n');
    expect(gitBlobId('고양\n')).toBe(git(dir, 'hash-object', 'f').trim());
  });

  it('ranges (고양), cut-offs (파주, 익산) and dated (남양주) become not-archived entries with evidence', () => {
    expect(entriesFromRevision(parsed('goyang')).map((e) => [e.effective, e.until])).toEqual([
      ['2011-11-07', '2016-05-13'],
      ['2016-05-16', '2016-12-01'],
      ['2016-12-02', '2020-07-16'],
    ]);
    const paju = entriesFromRevision(parsed('paju'));
    expect(paju).toHaveLength(11);
    expect(paju[0]).toMatchObject({ effective: null, until: '2015-02-10', archived: false });
    expect(paju[10]).toMatchObject({ effective: '2023-11-20', until: '2024-09-29' });
    expect(paju[10]!.evidence).toEqual([{ version: '2024-09-30', text: '2024년 9월 30일 이전 개인정보처리방침 다운로드' }]);
    expect(entriesFromRevision(parsed('iksan')).map((e) => [e.effective, e.until])).toEqual([[null, '2012-03-25']]);
    expect(entriesFromRevision(parsed('namyangju')).map((e) => [e.effective, e.until])).toEqual([['2011-09-30', '2015-08-25']]);
    expect(entriesFromRevision(parsed('uijeongbu'))).toEqual([]);
  });

  it('merging: a newer version ends the previous one; an archived import fills a not-archived entry, keeping its evidence', () => {
    const goyang = parsed('goyang');
    const info = (effective: string) => ({ effective, tag: `goyang@${effective}`, blob: 'a'.repeat(40), source: { sha256: 'b'.repeat(64) } });
    const first = mergeArchivedVersion(null, goyang, info('2020-07-17'));
    expect(first.added).toHaveLength(4);
    const newer = mergeArchivedVersion(first.ledger, goyang, info('2025-01-01'));
    expect(newer.ledger.versions.map((v) => [v.effective, v.until])).toEqual([
      ['2011-11-07', '2016-05-13'],
      ['2016-05-16', '2016-12-01'],
      ['2016-12-02', '2020-07-16'],
      ['2020-07-17', '2024-12-31'],
      ['2025-01-01', null],
    ]);
    const older: PolicyVersion = { ...goyang, revision: null };
    const filled = mergeArchivedVersion(first.ledger, older, info('2016-05-16'));
    expect(filled.promoted?.effective).toBe('2016-05-16');
    expect(filled.added).toEqual([]);
    const entry = filled.ledger.versions.find((v) => v.effective === '2016-05-16')!;
    expect(entry).toMatchObject({ archived: true, until: '2016-12-01', tag: 'goyang@2016-05-16' });
    expect(entry.evidence?.[0]?.text).toContain('2016. 05. 16.');
    expect(entryInForce(filled.ledger, '2016-06-01')?.tag).toBe('goyang@2016-05-16');
    expect(entryInForce(filled.ledger, '2016-05-14')).toBeUndefined();
  });

  it('cut-offs: a version known only as "before 2012-03-26" is the one an older import fills, in either order', () => {
    const iksan = parsed('iksan');
    const info = (effective: string) => ({ effective, tag: `iksan@${effective}`, blob: 'a'.repeat(40), source: { sha256: 'b'.repeat(64) } });
    const older: PolicyVersion = { ...iksan, revision: null };
    // The 2012 page first ("2012.03.26.이전 개인정보처리방침 보기"), then the older text is found and imported.
    const known = mergeArchivedVersion(null, iksan, info('2012-03-26'));
    expect(known.ledger.versions.map((v) => [v.effective, v.until, v.archived])).toEqual([
      [null, '2012-03-25', false],
      ['2012-03-26', null, true],
    ]);
    const filled = mergeArchivedVersion(known.ledger, older, info('2010-05-01'));
    expect(filled.promoted).toMatchObject({ effective: null, until: '2012-03-25' });
    expect(filled.ledger.versions.map((v) => [v.effective, v.until, v.archived])).toEqual([
      ['2010-05-01', '2012-03-25', true],
      ['2012-03-26', null, true],
    ]);
    expect(filled.ledger.versions[0]!.evidence?.[0]?.text).toContain('2012.03.26.이전');
    // The other order: the old text archived first, the 2012 page's cut-off line then names it.
    const first = mergeArchivedVersion(null, older, info('2010-05-01'));
    const then = mergeArchivedVersion(first.ledger, iksan, info('2012-03-26'));
    expect(then.ledger.versions.map((v) => [v.effective, v.until, v.archived])).toEqual([
      ['2010-05-01', '2012-03-25', true],
      ['2012-03-26', null, true],
    ]);
    expect(then.ledger.versions[0]!.evidence?.[0]?.text).toContain('2012.03.26.이전');
  });

  it('normalize keeps the order and stated ends', () => {
    const entries = normalizeLedger([
      { effective: '2020-01-01', until: null, archived: true, tag: 'x@2020-01-01' },
      { effective: null, until: '2015-02-10', archived: false },
      { effective: '2015-02-11', until: null, archived: false },
    ]);
    expect(entries.map((e) => [e.effective, e.until])).toEqual([
      [null, '2015-02-10'],
      ['2015-02-11', '2019-12-31'],
      ['2020-01-01', null],
    ]);
  });
});
