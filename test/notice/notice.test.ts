import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { buildNotice, renderArticleText, renderNotice, type Notice } from '../../src/domain/notice/index.js';
import { applyEdits, GOYANG_EDITS, ledgerOf, PAJU_EDITS, parseSeed, parseText, seedText, type SeedCity } from './seeds.js';
import { expectGolden } from './golden.js';

function seedNotice(city: SeedCity, edits: readonly (readonly [string, string])[], effective: string, options: { editorial?: boolean } = {}): Notice {
  const old = parseSeed(city);
  const draft = parseText(applyEdits(seedText(city), edits), city, 'draft.txt');
  return buildNotice({
    from: { label: `${city}@${old.effective}`, version: old },
    to: { label: 'draft.txt', version: draft },
    effective,
    ledger: ledgerOf(old).versions,
    announced: '2024-12-02',
    ...options,
  });
}

const goyang = () => seedNotice('goyang', GOYANG_EDITS, '2025-01-01');
const paju = () => seedNotice('paju', PAJU_EDITS, '2025-03-01');

describe('notice golden files (reviewed line by line)', () => {
  for (const [name, make] of [['goyang', goyang], ['paju', paju]] as const) {
    it(`${name}: text, Markdown and JSON of all three parts`, () => {
      const notice = make();
      expectGolden(`${name}.txt`, renderNotice(notice, 'text'));
      expectGolden(`${name}.md`, renderNotice(notice, 'markdown'));
      expectGolden(`${name}.json`, renderNotice(notice, 'json'));
    });
  }
});

describe('notice from known edits of the seeds', () => {
  it('고양: one row per changed article, the new article 신설 and the revision article renumbered', () => {
    const notice = goyang();
    expect(notice.table.map((r) => [r.article, r.kind])).toEqual([
      ['제8조', 'modified'],
      ['제9조', 'modified'],
      ['제10조', 'modified'],
      ['제12조', 'added'],
      ['제13조', 'modified'],
    ]);
    const officer = notice.table[1]!;
    expect(officer.note.slice(0, 1)).toEqual(['연락처 변경']);
    expect(officer.note).toContain('전화: 031-8075-2020 → 031-8075-2021');
    expect(notice.table[0]!.note[0]).toBe('보유기간 변경');
    expect(notice.table[3]!.lines[0]!.old).toEqual([{ text: '〈신  설〉' }]);
    // The draft's own revision article, as its officer wrote it (link text and all), and it agrees with the ledger.
    expect(notice.articleSource).toBe('own');
    expect(notice.article.text.split('\n').at(-1)).toBe('  - 2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)');
    expect(notice.article.text.split('\n')[1]).toBe('1. 이 개인정보 처리방침은 2025년 01월 01일부터 적용됩니다.');
    expect(notice.article.article.number).toBe(13);
    expect(notice.revisionCheck).toEqual({ disagreements: [], corrected: null });
  });

  it('파주: a removed article shows 〈삭  제〉 on the new side; the editorial line mend is left out unless asked for', () => {
    const notice = paju();
    expect(notice.table.map((r) => [r.article, r.kind])).toEqual([
      ['제5조', 'modified'],
      ['제13조', 'modified'],
      ['제14조', 'removed'],
      ['제14조', 'modified'],
    ]);
    expect(notice.table[2]!.lines[0]!.new).toEqual([{ text: '〈삭  제〉' }]);
    expect(notice.table.some((r) => r.article === '제11조')).toBe(false);

    const withEditorial = seedNotice('paju', PAJU_EDITS, '2025-03-01', { editorial: true });
    const mended = withEditorial.table.find((r) => r.article === '제11조');
    expect(mended?.kind).toBe('editorial');
    expect(mended?.note).toEqual(['자구 정비']);
  });

  it('the official convention: 현 행 / 개 정 안 / 비 고, changed wording underlined on both sides and symmetrically, no strike-through', () => {
    const notice = goyang();
    const revision = notice.table.find((r) => r.article === '제13조')!;
    const marked = (side: 'old' | 'new'): string[] => revision.lines[1]![side].filter((s) => s.marked).map((s) => s.text);
    // "방침은" → "처리방침은": the changed word is marked on both sides, with the date after it.
    expect(marked('old')).toEqual(['방침은 2020년 07월 17일부터']);
    expect(marked('new')).toEqual(['처리방침은 2025년 01월 01일부터']);
    // "적용(클릭)" → "적용" is link text: the unchanged earlier-version lines are shortened with the rest.
    expect(revision.lines.some((l) => l.old.some((s) => s.text.includes('클릭')))).toBe(false);
    expect(revision.lines[2]).toEqual({ old: [{ text: '(생  략)' }], new: [{ text: '(현행과 같음)' }] });
    for (const format of ['markdown', 'html'] as const) {
      const out = renderNotice(notice, format, { parts: ['table'] });
      expect(out).toContain('현 행');
      expect(out).toContain('개 정 안');
      expect(out).not.toMatch(/<del>|<s>|<strike>|line-through/u);
      expect(out).toContain('<u>최영수</u>');
      expect(out).toContain('<u>김하늘</u>');
    }
    const text = renderNotice(notice, 'text', { parts: ['table'] });
    expect(text).toContain('__최영수__');
    expect(text).toContain('__김하늘__');
    expect(text).toMatch(/\| 현 행 +\| 개 정 안 +\| 비 고 +\|/u);
  });

  it('unchanged runs shortened as ranges with ∼, 〈신  설〉/〈삭  제〉 spelled as law.go.kr does', () => {
    const notice = paju();
    const lines = notice.table.flatMap((r) => r.lines.flatMap((l) => [l.old.map((s) => s.text).join(''), l.new.map((s) => s.text).join('')]));
    expect(lines).toContain('(생  략)');
    expect(lines).toContain('(현행과 같음)');
    expect(lines).toContain('3. (생  략)');
    expect(lines).toContain('〈삭  제〉');
    // A provision removed and another put in its place under the same marker is one reworded line.
    const contact = notice.table[0]!;
    expect(contact.lines.map((l) => [l.old.map((s) => s.text).join(''), l.new.map((s) => s.text).join('')])).toContainEqual(['다. 이메일: kimyk5370@korea.kr', '다. 이메일: privacy@paju.go.kr']);
    // Several numbered provisions in a run: the first and the last, with ∼.
    const sixth = seedNotice('paju', [['부당하게 침해할 우려가 있는 등', '부당하게 침해할 염려가 있는 등']], '2025-03-01');
    const rights = sixth.table.find((r) => r.article === '제5조')!;
    expect(rights.lines[1]).toEqual({ old: [{ text: '1. ∼ 5. (생  략)' }], new: [{ text: '1. ∼ 5. (현행과 같음)' }] });
  });

  it('a table inside an article stays a table: cells side by side in every format, phone numbers whole', () => {
    const notice = goyang();
    const officer = notice.table.find((r) => r.article === '제9조')!;
    const rows = officer.lines.filter((l) => l.cells?.new !== undefined).map((l) => l.cells!.new!.map((cell) => cell.map((s) => s.text).join('')));
    expect(rows).toContainEqual(['성명', '김하늘', '성명', '위대환']);
    expect(rows).toContainEqual(['전화번호', '031-8075-2021', '전화번호', '031-8075-2593']);
    // The whole table, not only its changed rows: a table reads whole.
    expect(rows).toContainEqual(['담당부서', '기획조정실', '담당부서', '정보통신담당관']);
    const html = renderNotice(notice, 'html', { parts: ['table'] });
    expect(html).toContain('<table class="inner">');
    expect(html).toContain('<span class="nowrap">031-8075-2593</span>');
    expect(html).not.toMatch(/전화번호 \| 031/u);
    const markdown = renderNotice(notice, 'markdown', { parts: ['table'] });
    expect(markdown).toContain('<tr><td>성명</td><td><u>김하늘</u></td><td>성명</td><td>위대환</td></tr>');
    // Text: the new side's cells start in the same columns on every row of the table.
    const text = renderNotice(notice, 'text', { parts: ['table'], width: 120 });
    const newSide = text.split('\n').filter((l) => l.startsWith('| ')).map((l) => l.split(' | ')[1] ?? '');
    const name = newSide.find((cell) => cell.startsWith('성명'))!;
    const phone = newSide.find((cell) => cell.startsWith('전화번호'))!;
    expect(stringWidth(name.slice(0, name.indexOf('__김하늘__')))).toBe(stringWidth(phone.slice(0, phone.indexOf('__031-8075-2021__'))));
    expect(text).not.toMatch(/031-8075-\s*\|/u);
  });

  it('public outputs name the body and the dates, never a ref, a tag or a file path; the JSON keeps its labels', () => {
    const notice = goyang();
    for (const format of ['text', 'markdown', 'html'] as const) {
      const out = renderNotice(notice, format);
      expect(out).toContain('고양특례시 개인정보 처리방침 신·구 대비표 (2020. 7. 17. 시행 → 2025. 1. 1. 시행)');
      expect(out).not.toMatch(/goyang@|draft\.txt|goyang/u);
    }
    const json = JSON.parse(renderNotice(notice, 'json'));
    expect(json.from.label).toBe('goyang@2020-07-17');
    expect(json.to.label).toBe('draft.txt');
  });

  it('text output lines up: every table line has the same display width, Hangul counted double', () => {
    for (const width of [100, 72]) {
      const text = renderNotice(goyang(), 'text', { parts: ['table'], width });
      const tableLines = text.split('\n').filter((l) => /^[|+]/u.test(l));
      expect(tableLines.length).toBeGreaterThan(20);
      for (const line of tableLines) expect(stringWidth(line)).toBe(width);
    }
  });

  it('a new version that only renumbers: one line per article, and the announcement says nothing else changed', () => {
    // 의정부 renumbered from 제15조 on (as if a 제15조 had been left vacant): 제15조 → 제16조 … 제17조 → 제18조.
    const text = seedText('uijeongbu');
    let renumbered = text;
    for (const n of [17, 16, 15]) renumbered = applyEdits(renumbered, [[`\n제${n}조 `, `\n제${n + 1}조 `]]);
    const old = parseText(text, 'uijeongbu');
    const draft = parseText(renumbered, 'uijeongbu', 'draft.txt');
    const notice = buildNotice({ from: { label: 'uijeongbu@2024-01-01', version: { ...old, effective: '2024-01-01' } }, to: { label: 'draft.txt', version: draft }, effective: '2025-01-01', ledger: [] });
    const rows = notice.table.filter((r) => r.article !== '제18조');
    expect(rows.map((r) => [r.article, r.kind, r.note])).toEqual([
      ['제16조', 'renumbered', ['조문 번호 변경(제15조 → 제16조)']],
      ['제17조', 'renumbered', ['조문 번호 변경(제16조 → 제17조)']],
    ]);
    expect(rows[0]!.lines).toEqual([{ old: [{ text: '제15조(개인정보 관리수준진단 결과)' }], new: [{ text: '제16조', marked: true }, { text: '(현행 제15조와 같음)' }] }]);
    // The revision article is renumbered too; the draft's own text is published as it is.
    expect(notice.table.at(-1)).toMatchObject({ article: '제18조', kind: 'renumbered' });
    expect(notice.announcement.changes).toContain('조문 번호 변경: 제15조 → 제16조, 제16조 → 제17조, 제17조 → 제18조 (내용 변경 없음)');
    expect(notice.article.text).toBe(renderArticleText(draft.articles.at(-1)!));
    // 의정부's article states no date ("게시일부터 적용"): for the officer, the article written in the plain style, stating it and listing the version in force.
    expect(notice.revisionCheck!.disagreements).toEqual([{ kind: 'effective-date', line: draft.revision!.effectiveText, expected: '2025-01-01' }]);
    expect(notice.revisionCheck!.corrected!.text).toContain('이 개인정보 처리방침은 2025년 1월 1일부터 적용됩니다.');
    expect(notice.revisionCheck!.corrected!.text).toContain('  - 2024. 1. 1. ~ 2024. 12. 31. 적용');
    expect(renderNotice(notice, 'text')).not.toContain('2024. 1. 1. ~ 2024. 12. 31.');
  });

  it('a city with no earlier version: a version without a revision article gets one stating only the date; no table, a first-publication announcement', () => {
    const seed = parseSeed('goyang');
    const only = { ...seed, articles: seed.articles.filter((a) => a.topic !== 'revision') };
    const notice = buildNotice({ from: null, to: { label: 'goyang@2020-07-17', version: only }, effective: '2020-07-17', ledger: [] });
    expect(notice.articleSource).toBe('written');
    expect(notice.article.text).toBe('제12조(개인정보 처리방침의 변경)\n이 개인정보 처리방침은 2020년 07월 17일부터 적용됩니다.');
    // With its own article, that one, as written.
    expect(buildNotice({ from: null, to: { label: 'goyang@2020-07-17', version: seed }, effective: '2020-07-17', ledger: [] }).article.text).toBe(renderArticleText(seed.articles.at(-1)!));
    expect(notice.table).toEqual([]);
    expect(notice.announcement.title).toBe('개인정보 처리방침 수립 공고');
    expect(renderNotice(notice, 'text', { parts: ['table'] })).toContain('(비교할 이전 버전의 본문 없음)');
  });

  it('refuses an effective date that is not after the version in force, and says what to pass', () => {
    const old = parseSeed('goyang');
    expect(() => buildNotice({ from: { label: 'goyang@2020-07-17', version: old }, to: { label: 'draft.txt', version: old }, effective: '2020-07-17', ledger: [] })).toThrow(/시행일 2020-07-17이\(가\) 시행 중인 판\(goyang@2020-07-17, 2020-07-17\)보다 뒤가 아닙니다/u);
    expect(() => buildNotice({ from: null, to: { label: 'x', version: old }, effective: '2025-02-30', ledger: [] })).toThrow(/달력에 있는 날짜가 아닙니다/u);
  });

  it('hostile policy text is escaped in HTML and Markdown and stripped of terminal escapes everywhere', () => {
    const hostile = applyEdits(seedText('goyang'), [
      ['성명	최영수', '성명	<script>window.__pwned = 1</script>"\u001b[31m빨강\u001b[0m\u0007'],
    ]);
    const old = parseSeed('goyang');
    const notice = buildNotice({ from: { label: 'goyang@2020-07-17', version: old }, to: { label: 'draft.txt', version: parseText(hostile, 'goyang', 'draft.txt') }, effective: '2025-01-01', ledger: ledgerOf(old).versions });
    const html = renderNotice(notice, 'html');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;&quot;');
    for (const format of ['text', 'markdown', 'html', 'json'] as const) {
      const out = renderNotice(notice, format);
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/u);
      expect(out).toContain('빨강');
      expect(out).not.toContain('[31m');
    }
    // Markdown escapes what it reads as markup by the one rule (presentation/inert): the tag's "<".
    expect(renderNotice(notice, 'markdown')).toContain('\\<script>');
    expect(renderNotice(notice, 'markdown')).not.toMatch(/(?<!\\)<script/u);
  });

  it('each part alone', () => {
    const notice = goyang();
    const article = renderNotice(notice, 'text', { parts: ['article'] });
    expect(article).toMatch(/^개정 조문: 제13조/u);
    expect(article).not.toContain('신·구 대비표');
    const json = JSON.parse(renderNotice(notice, 'json', { parts: ['table'] }));
    expect(Object.keys(json)).toEqual(['city', 'from', 'to', 'effective', 'table']);
    expect(json.table[1]).toMatchObject({ article: '제9조', kind: 'modified' });
  });
});
