/**
 * Articles are named in their own document's numbering scheme, and a change of scheme alone is
 * editorial. The converted versions are built from the real seeds through the model: the parsed seed,
 * with the headings the parser records for a page numbered `7. …` or `사. …` (numbering + label).
 */
import { describe, expect, it } from 'vitest';
import { diffVersions, formatDiffText } from '../../src/domain/diff/index.js';
import type { NumberingScheme, PolicyVersion } from '../../src/domain/model.js';
import { announcementLines, buildComparisonTable, buildNotice, renderNotice, sideText } from '../../src/domain/notice/index.js';
import { HANGUL_ORDINALS, markerFor } from '../../src/domain/presentation/labels.js';
import { checkVersion } from '../../src/domain/check/index.js';
import { versionToYaml, loadVersionYaml } from '../../src/domain/yaml.js';
import { headingLines, parse, SEED_NAMES, seedText, seedVersion, type SeedName } from './seeds.js';

/** The seed as a page numbering its articles in `numbering` would be parsed: same text, other headings. */
function renumberedAs(version: PolicyVersion, numbering: NumberingScheme): PolicyVersion {
  const converted = structuredClone(version);
  converted.numbering = numbering;
  converted.articles = converted.articles.map((article, index) => {
    const { label: _printed, ...rest } = article;
    if (numbering === 'none' || numbering === 'symbol') return { ...rest, number: index + 1, ...(numbering === 'symbol' ? { label: '■' } : {}) };
    return { ...rest, label: markerFor(numbering, article.number, article.branch) };
  });
  return converted;
}

const destructionOf = (version: PolicyVersion) => version.articles.find((a) => a.topic === 'destruction')!;

const SEED_HEADING = /^(\s*)제?(\d+)조(?:의\d+)?\.?\s*(.*)$/u;

/** The seed's page with every 제N조 heading rewritten as the page of a body numbering `7. …` or `사. …` prints it. */
function seedTextAs(name: SeedName, numbering: 'decimal' | 'hangul'): string {
  const text = seedText(name);
  const lines = text.split('\n');
  for (const at of headingLines(text)) {
    const [, indent, number, rest] = SEED_HEADING.exec(lines[at]!)!;
    const title = rest!.replace(/^\(\s*(.*?)\s*\)\s*$/u, '$1').trim();
    lines[at] = `${indent}${markerFor(numbering, Number(number))} ${title}`;
  }
  return lines.join('\n');
}

describe('a seed page rewritten with 1. and 가. headings, as the parser reads it', () => {
  for (const name of SEED_NAMES) {
    for (const numbering of ['decimal', 'hangul'] as const) {
      const old = seedVersion(name);
      // 가. … 하. name fourteen articles; a longer policy is not lettered.
      if (numbering === 'hangul' && old.articles.length > HANGUL_ORDINALS.length) continue;
      it(`${name}, ${numbering}: same articles, no substantive change, named as the new page prints them`, () => {
        const converted = parse(seedTextAs(name, numbering));
        expect(converted.numbering).toBe(numbering);
        expect(converted.articles.map((a) => [a.number, a.title])).toEqual(old.articles.map((a) => [a.number, a.title]));
        expect(converted.articles.map((a) => a.label)).toEqual(old.articles.map((a) => markerFor(numbering, a.number)));
        // The YAML keeps the scheme and the labels.
        expect(loadVersionYaml(versionToYaml(converted), 'x.yaml')).toEqual(converted);

        const diff = diffVersions(old, converted);
        expect(diff.summary.substantive).toBe(0);
        expect(diff.summary.renumbered).toBe(old.articles.length);
        const destruction = destructionOf(converted);
        // The old side in its own scheme: 제7조, or 익산's 7조.
        const oldMarker = markerFor(old.numbering ?? 'article', destruction.number);
        const heading = `${markerFor(numbering, destruction.number)} ${destruction.title}`;
        expect(formatDiffText(diff, { editorial: true })).toContain(`[번호변경] ${oldMarker} ${destruction.title} → ${heading}`);
        const row = buildComparisonTable(diff).find((r) => r.article === markerFor(numbering, destruction.number))!;
        expect(row.kind).toBe('renumbered');
        expect(sideText(row, 'old')).toBe(`${oldMarker}(${destruction.title})`);
        expect(sideText(row, 'new')).toBe(`${markerFor(numbering, destruction.number)} (현행 ${oldMarker}와 같음)`);
      });
    }
  }
});

describe('a change of numbering scheme alone', () => {
  for (const numbering of ['decimal', 'hangul', 'roman', 'bracket', 'article-bare'] as const) {
    it(`제N조 → ${numbering}: no substantive change; every article renumbered (editorially) and named in the new scheme`, () => {
      const old = seedVersion('goyang');
      const converted = renumberedAs(old, numbering);
      const diff = diffVersions(old, converted, { editorial: true });
      expect(diff.summary.substantive).toBe(0);
      expect(diff.summary.renumbered).toBe(old.articles.length);
      expect(diff.summary.editorial).toBe(old.articles.length);
      const destruction = destructionOf(converted);
      const entry = diff.articles.find((e) => e.topic === 'destruction')!;
      expect(entry.old[0]!.label).toBe('제7조');
      expect(entry.new[0]!.label).toBe(markerFor(numbering, destruction.number));
      expect(entry.new[0]!.numbering).toBe(numbering);
      expect(entry.old[0]!.numbering).toBeUndefined();
    });
  }

  it('제N조 → 1.: the diff text and the 대비표 speak the new document\'s scheme ("7. 개인정보의 파기")', () => {
    const old = seedVersion('goyang');
    const converted = renumberedAs(old, 'decimal');
    const diff = diffVersions(old, converted, { editorial: true });
    expect(formatDiffText(diff, { editorial: true })).toContain('[번호변경] 제7조 개인정보의 파기 → 7. 개인정보의 파기');
    const rows = buildComparisonTable(diff);
    expect(rows.map((r) => r.kind)).toEqual(old.articles.map(() => 'renumbered'));
    const row = rows.find((r) => r.article === '7.')!;
    expect(sideText(row, 'old')).toBe('제7조(개인정보의 파기)');
    expect(sideText(row, 'new')).toBe('7. (현행 제7조와 같음)');
    // The JSON names each side in its own scheme.
    const json = JSON.parse(JSON.stringify(diff)) as { articles: { old: { label: string }[]; new: { label: string; numbering?: string }[] }[] };
    expect(json.articles.find((a) => a.new[0]?.label === '7.')?.old[0]?.label).toBe('제7조');
  });

  it('가.–타. → 제N조: the new 제N조 headings, no substantive change', () => {
    const newest = seedVersion('goyang');
    const lettered = renumberedAs(newest, 'hangul');
    expect(lettered.articles.map((a) => a.label)).toEqual(HANGUL_ORDINALS.slice(0, 12).map((h) => `${h}.`));
    const diff = diffVersions(lettered, newest);
    expect(diff.summary.substantive).toBe(0);
    const row = buildComparisonTable(diff).find((r) => r.article === '제7조')!;
    expect(sideText(row, 'old')).toBe('사. 개인정보의 파기');
    expect(sideText(row, 'new')).toBe('제7조(현행 사.와 같음)');
  });

  it('within one scheme a real renumbering names both sides in it, with the right particle ("5. (현행 6.과 같음)")', () => {
    const old = renumberedAs(seedVersion('goyang'), 'decimal');
    const next = structuredClone(old);
    // 제3조 (third-party) dropped: every later article moves up one.
    next.articles = next.articles.filter((a) => a.number !== 3).map((a) => (a.number > 3 ? { ...a, number: a.number - 1, label: `${a.number - 1}.` } : a));
    const diff = diffVersions(old, next);
    expect(diff.summary.removed).toBe(1);
    expect(diff.summary.renumbered).toBe(old.articles.length - 3);
    const table = buildComparisonTable(diff);
    expect(table.find((r) => r.kind === 'removed')!.article).toBe('3.');
    expect(sideText(table.find((r) => r.article === '6.')!, 'new')).toBe('6. (현행 7.과 같음)');
    expect(sideText(table.find((r) => r.article === '4.')!, 'new')).toBe('4. (현행 5.와 같음)');
  });

  for (const numbering of ['none', 'symbol'] as const) {
    it(`${numbering}: headings print no number, so a removed article renumbers nothing`, () => {
      const old = renumberedAs(seedVersion('goyang'), numbering);
      const next = renumberedAs({ ...seedVersion('goyang'), articles: seedVersion('goyang').articles.filter((a) => a.number !== 3) }, numbering);
      const diff = diffVersions(old, next);
      expect(diff.summary.renumbered).toBe(0);
      expect(diff.summary.substantive).toBe(1);
      const removed = buildComparisonTable(diff).find((r) => r.kind === 'removed')!;
      expect(removed.article).toBe('개인정보의 제3자 제공');
      expect(sideText(removed, 'old').split('\n')[0]).toBe(numbering === 'symbol' ? '■ 개인정보의 제3자 제공' : '개인정보의 제3자 제공');
      expect(formatDiffText(diff)).toContain(`[삭제] ${numbering === 'symbol' ? '■ ' : ''}개인정보의 제3자 제공`);
    });
  }

  it('제N조 → unnumbered: no number to differ, and no substantive change', () => {
    const old = seedVersion('paju');
    const diff = diffVersions(old, renumberedAs(old, 'none'));
    expect(diff.summary.substantive).toBe(0);
    expect(diff.summary.renumbered).toBe(0);
  });
});

describe('the notice of a document numbered 1., 2., …', () => {
  const old = seedVersion('goyang');
  const draft = renumberedAs(old, 'decimal');
  // A real change besides the scheme: the destruction article's period.
  const destruction = destructionOf(draft);
  destruction.body = [...destruction.body, { text: '보유기간이 지난 개인정보는 5일 이내에 파기합니다.' }];
  const notice = buildNotice({ from: { label: 'goyang@2020-07-17', version: old }, to: { label: 'draft.txt', version: draft }, effective: '2025-01-01', ledger: [] });

  it('writes the revision article under its own heading ("12. 개인정보 처리방침 변경")', () => {
    expect(notice.article.article.label).toBe('12.');
    expect(notice.article.text.split('\n')[0]).toBe('12. 개인정보 처리방침 변경');
    expect(renderNotice(notice, 'text')).toContain('개정 조문: 12. 개인정보 처리방침 변경');
    expect(JSON.parse(renderNotice(notice, 'json')).article).toMatchObject({ number: 12, label: '12.', title: '개인정보 처리방침 변경' });
  });

  it('names the changed article in the table and the announcement as the new page prints it', () => {
    const row = notice.table.find((r) => r.kind === 'modified' && r.article === '7.')!;
    expect(sideText(row, 'new').split('\n')[0]).toBe('7. 개인정보의 파기');
    expect(notice.announcement.changes).toContain('7. 개인정보의 파기: 기간: 5일 추가');
    // The other eleven articles only print their numbers another way (the revision article too: the draft's own text is kept).
    expect(notice.announcement.changes).toContain('조문 번호 표기 변경: 제1조 → 1. 등 11개 조문 (내용 변경 없음)');
    expect(notice.table.find((r) => r.article === '1.')!.note).toEqual(['조문 번호 표기 변경(제1조 → 1.)']);
    expect(announcementLines(notice.announcement)).toContain('5. 이전 개인정보 처리방침: 개인정보 처리방침 12. 개인정보 처리방침 변경에서 확인하실 수 있습니다.');
  });
});

describe('check names articles in the version\'s scheme', () => {
  it('a passing mention is located as "다." in a lettered policy', () => {
    const version = renumberedAs(seedVersion('goyang'), 'hangul');
    // The officer article removed: its topic is still mentioned in another article's body.
    const officer = version.articles.find((a) => a.topic === 'officer')!;
    version.articles = version.articles.filter((a) => a !== officer);
    const host = version.articles.find((a) => a.topic === 'remedies')!;
    host.body = [...host.body, { text: '개인정보 보호책임자에게 문의하실 수 있습니다.' }];
    const findings = checkVersion(version, { ledger: null }).findings.filter((f) => f.kind === 'passing-mention' || f.kind === 'missing-topic');
    const names = findings.map((f) => f.where).filter((a) => a !== undefined);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[가-하]\.$/u);
  });
});
