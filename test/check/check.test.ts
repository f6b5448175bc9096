/**
 * `check` on real texts: the five seeds with the ledger their import builds, a 공단's stale 2015 page
 * (test/check/fixtures), drafts against a real store's ledger, and the CLI's exit codes and JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleStore, tempDir } from '../store/helpers.js';
import { checkFails, checkVersion, CONTENT_RULES, type Finding } from '../../src/domain/check/index.js';
import { TOPICS, type PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { main } from '../../src/cli/main.js';
import { initStore, openStore } from '../../src/store/index.js';
import { applyEdits, ledgerOf, parseSeed, parseText, seedText } from '../notice/seeds.js';

/** tier, kind, basis and where: what a finding is, without its wording. */
const shape = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.tier} ${f.kind} ${f.basis}${f.where ? ` @${f.where}` : ''}`);

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: { write: (t) => void (out += t), isTTY: false }, err: { write: (t) => void (err += t), isTTY: false }, cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code, out, err };
}

const GONGDAN = readFileSync(new URL('./fixtures/gongdan-2015-stale.txt', import.meta.url), 'utf8');
const parseGongdan = (text = GONGDAN): PolicyVersion => parsePolicy(text, { slug: 'hanbit-fmc', city: '한빛시설관리공단', sourceFile: 'gongdan.txt' } as Parameters<typeof parsePolicy>[1]).version;

/** The notes every policy in force gets for the items asked only when they happen and it does not mention. */
const CONDITIONAL = {
  sensitive: 'recommended conditional-topic 법 제30조 ①3의3 (해당하는 경우)',
  pseudonymous: 'recommended conditional-topic 법 제30조 ①4의2 (해당하는 경우)',
  overseas: 'recommended conditional-topic 시행령 제31조 ①2 (해당하는 경우)',
  cookies: 'recommended conditional-topic 법 제30조 ①7 (해당하는 경우)',
  automated: 'recommended conditional-topic 법 제37조의2, 시행령 제44조의4 (해당하는 경우)',
} as const;

describe('the rules table', () => {
  it('names a basis and a tier for every item of LAW.md, and only topics the model knows', () => {
    for (const rule of CONTENT_RULES) {
      expect(TOPICS).toContain(rule.topic);
      expect(rule.basis).toMatch(/^(법 제\d+조|시행령 제\d+조|표준지침 제\d+조|작성지침 권장)/u);
      if (rule.applies === 'when-it-happens') expect(rule.happens).toBeInstanceOf(RegExp);
    }
    const tierOf = Object.fromEntries(CONTENT_RULES.map((r) => [r.topic, `${r.tier} ${r.applies} ${r.basis}`]));
    expect(tierOf).toMatchObject({
      purpose: 'law required 법 제30조 ①1',
      items: 'law required 시행령 제31조 ①1',
      'file-registration': 'law required 법 제30조 ① 후단, 제32조',
      entrustment: 'law when-it-happens 법 제30조 ①4',
      sensitive: 'law when-it-happens 법 제30조 ①3의3',
      pseudonymous: 'law when-it-happens 법 제30조 ①4의2',
      overseas: 'law when-it-happens 시행령 제31조 ①2',
      'automated-decision': 'law when-it-happens 법 제37조의2, 시행령 제44조의4',
      'access-request': 'guideline required 표준지침 제19조',
      revision: 'guideline required 표준지침 제19조, 제21조',
    });
  });
});

describe('checkVersion on the seeds (with the ledger their import builds)', () => {
  const check = (city: Parameters<typeof parseSeed>[0], effective?: string) => {
    const parsed = parseSeed(city);
    const version = effective ? { ...parsed, effective } : parsed;
    return checkVersion(version, { ledger: ledgerOf(version) });
  };

  it('의정부: nothing the law asks is missing; its revision article states no date (표준지침 제21조)', () => {
    const result = check('uijeongbu', '2023-01-01');
    expect(shape(result.findings)).toEqual([CONDITIONAL.sensitive, CONDITIONAL.pseudonymous, CONDITIONAL.overseas, CONDITIONAL.automated, 'guideline revision-date 표준지침 제21조 @제17조']);
    expect(result.findings.at(-1)!.message).toBe(
      '변경 조문에 시행일이 날짜로 적혀 있지 않습니다 ("이 개인정보 처리방침은 게시일부터 적용됩니다."). 장부(history/uijeongbu.yaml)에는 2023-01-01로 기록되어 있습니다. 시행일을 날짜로 적으십시오.',
    );
    expect(result.counts).toEqual({ law: 0, guideline: 1, recommended: 4 });
  });

  it('남양주: no 열람청구 부서 (표준지침 제19조), 안전행정부 and 행정자치부 still named, its first version not archived', () => {
    const result = check('namyangju');
    expect(shape(result.findings)).toEqual([
      CONDITIONAL.sensitive, CONDITIONAL.pseudonymous, CONDITIONAL.overseas, CONDITIONAL.cookies, CONDITIONAL.automated,
      'guideline missing-topic 표준지침 제19조',
      'guideline stale-name 정부조직법 (2014. 11. 19. 개정) @제8조',
      'guideline stale-name 정부조직법 (2017. 7. 26. 개정) @제6조',
      'recommended missing-archive 이전 처리방침 보관 (감사 관행) @제10조',
    ]);
    const messages = result.findings.map((f) => f.message);
    expect(messages).toContain('「개인정보 열람청구를 접수·처리하는 부서」을(를) 다루는 조문이 없고 본문에도 언급이 없습니다. 표준지침 제19조에 따라 "개인정보 열람청구를 접수·처리하는 부서" 조문을 두십시오.');
    expect(messages.filter((m) => m.startsWith('바뀐 부처 이름 "안전행정부": ') || m.startsWith('바뀐 부처 이름 "행정자치부": '))).toHaveLength(2);
    expect(checkFails(result)).toBe(false);
    expect(checkFails(result, { strict: true })).toBe(true);
  });

  it('고양: notes only (the 2023 items it does not mention, three earlier versions not archived)', () => {
    const result = check('goyang');
    expect(shape(result.findings)).toEqual([
      CONDITIONAL.sensitive, CONDITIONAL.pseudonymous, CONDITIONAL.overseas, CONDITIONAL.cookies, CONDITIONAL.automated,
      ...Array(3).fill('recommended missing-archive 이전 처리방침 보관 (감사 관행) @제12조'),
    ]);
    expect(result.findings.at(-1)!.message).toBe('변경 조문에 적힌 "2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)"의 본문이 보관되어 있지 않습니다. 그 판의 본문을 구하면 `bangchim import`로 보관하십시오.');
    expect(checkFails(result, { strict: true })).toBe(false);
  });

  it('파주: cookies, 자동화된 결정 and the 열람청구 부서 only in passing (notes); its eleven cut-off versions match the ledger', () => {
    const result = check('paju');
    expect(shape(result.findings)).toEqual([
      CONDITIONAL.sensitive, CONDITIONAL.pseudonymous, CONDITIONAL.overseas,
      'recommended passing-mention 작성지침 권장 @제6조',
      'recommended passing-mention 작성지침 권장 @제5조',
      'recommended passing-mention 작성지침 권장 @제5조',
      ...Array(11).fill('recommended missing-archive 이전 처리방침 보관 (감사 관행) @제15조'),
    ]);
    expect(result.findings[3]!.message).toMatch(/^「개인정보 자동 수집 장치의 설치·운영 및 거부」\(법 제30조 ①7\)을\(를\) 다루는 조문이 따로 없고 제6조에서 언급만 합니다/u);
    expect(result.findings[5]!.message).toMatch(/^「개인정보 열람청구를 접수·처리하는 부서」\(표준지침 제19조\)/u);
  });

  it('익산 (numbered N조): no 열람청구 부서, 안전행정부 in its 권익침해 article 10조', () => {
    const result = check('iksan');
    expect(shape(result.findings)).toEqual([
      CONDITIONAL.sensitive, CONDITIONAL.pseudonymous, CONDITIONAL.overseas, CONDITIONAL.cookies, CONDITIONAL.automated,
      'guideline missing-topic 표준지침 제19조',
      'guideline stale-name 정부조직법 (2014. 11. 19. 개정) @10조',
      'recommended missing-archive 이전 처리방침 보관 (감사 관행) @11조',
    ]);
  });

  it('a change the revision article records ("가명정보 관련 규정 반영") is not evidence that the body processes 가명정보', () => {
    const text = readFileSync(new URL('../parse/fixtures/bodies/education-office-table.txt', import.meta.url));
    const findings = checkVersion(parsePolicy(text).version, { ledger: null }).findings;
    expect(shape(findings.filter((f) => f.basis.startsWith('법 제30조 ①4의2')))).toEqual([CONDITIONAL.pseudonymous]);
    expect(findings.filter((f) => f.tier === 'law')).toEqual([]);
  });

  it('a version out of force before the 2023 amendment took effect is not held to its items', () => {
    const goyang = parseSeed('goyang');
    const ledger = ledgerOf(goyang);
    const ended = { ...ledger, versions: ledger.versions.map((e) => (e.effective === '2020-07-17' ? { ...e, until: '2022-12-31' } : e)) };
    const topics = shape(checkVersion(goyang, { ledger: ended }).findings).filter((s) => s.includes('conditional-topic'));
    expect(topics).toEqual([CONDITIONAL.cookies]);
  });
});

describe('references: the policy\'s own articles, not a statute\'s', () => {
  it('no seed yields a stale reference: they cite 「개인정보보호법」 제36조(개인정보의 정정·삭제) and the like', () => {
    for (const city of ['uijeongbu', 'namyangju', 'goyang', 'paju', 'iksan'] as const) {
      expect(checkVersion(parseSeed(city), { ledger: null }).findings.filter((f) => f.kind === 'stale-reference')).toEqual([]);
    }
  });

  it.each([
    ['after another citation of the same law', '「개인정보보호법」 제35조(개인정보의 열람), 제36조(개인정보의 정정・삭제)에 따라'],
    ['after a paragraph of the same law', '개인정보 보호법 제35조제4항 및 제36조(개인정보의 정정·삭제)에 따라'],
    ['with "같은 법"', '같은 법 제36조(개인정보의 정정・삭제)에 따라'],
    ['bare, with the statute\'s own title', '제36조(개인정보의 정정・삭제)에 따라'],
  ])('익산 citing 개인정보 보호법 제36조 %s: no finding', (_how, citation) => {
    const text = applyEdits(seedText('iksan'), [['「개인정보보호법」 제36조(개인정보의 정정·삭제)에 따라', citation]]);
    expect(checkVersion(parseText(text, 'iksan'), { ledger: null }).findings.filter((f) => f.kind === 'stale-reference')).toEqual([]);
  });

  it('a bare statute citation whose number the policy lacks, though the policy has an article of that title: no finding', () => {
    const text = applyEdits(seedText('iksan'), [['익산시는 원칙적으로 개인정보 처리목적이 달성된 경우에는 지체없이 해당 개인정보를 파기합니다.', '익산시는 원칙적으로 개인정보 처리목적이 달성된 경우에는 제21조(개인정보의 파기)에 따라 지체없이 해당 개인정보를 파기합니다.']]);
    expect(checkVersion(parseText(text, 'iksan'), { ledger: null }).findings.filter((f) => f.kind === 'stale-reference')).toEqual([]);
  });

  it('a stale reference of its own: 파주 with a new 제1조 inserted, 제3조 still cites 제1조(개인정보의 처리 목적)', () => {
    const text = applyEdits(seedText('paju'), [
      ['제1조 개인정보의 처리 목적\n', '제1조 목적\n\n이 방침은 파주시가 처리하는 개인정보의 보호에 관하여 정합니다.\n\n제1조의2 개인정보의 처리 목적\n'],
    ]);
    const stale = checkVersion(parseText(text, 'paju', 'draft.txt'), { ledger: null }).findings.filter((f) => f.kind === 'stale-reference');
    expect(stale).toEqual([
      {
        kind: 'stale-reference',
        tier: 'guideline',
        severity: 'warning',
        basis: '표준지침 제18조',
        where: '제3조',
        message: '인용 제1조(개인정보의 처리 목적): 이 제목의 조문은 지금 제1조의2입니다. 인용을 고치십시오.',
        suggestion: '제1조의2(개인정보의 처리 목적)',
      },
    ]);
  });
});

describe('a 공단\'s page of 2015 still in force (test/check/fixtures/gongdan-2015-stale.txt)', () => {
  it('cookies collected without the article 법 제30조 ①7 asks (law); stale 안전행정부 and 정보통신망법; no 위탁 article and nothing says it entrusts (a note)', () => {
    const result = checkVersion(parseGongdan(), { ledger: null, draft: true });
    expect(shape(result.findings)).toEqual([
      CONDITIONAL.sensitive,
      'recommended conditional-topic 법 제30조 ①4 (해당하는 경우)',
      CONDITIONAL.pseudonymous,
      CONDITIONAL.overseas,
      'law missing-topic 법 제30조 ①7 @제3조',
      CONDITIONAL.automated,
      'guideline stale-name 정부조직법 (2014. 11. 19. 개정) @제1조',
      'guideline stale-name 정부조직법 (2014. 11. 19. 개정) @제7조',
      'guideline stale-name 정부조직법 (2014. 11. 19. 개정) @제9조',
      'guideline stale-name 개인정보 보호법 (2020. 2. 4. 개정, 2020. 8. 5. 시행) @서문',
      'guideline stale-name 개인정보 보호법 (2020. 2. 4. 개정, 2020. 8. 5. 시행) @제5조',
    ]);
    expect(result.findings[4]!.message).toBe(
      '"인터넷 홈페이지 이용 과정에서 접속 IP 정보, 서비스 이용 기록과 쿠키가 자동으로 생…"라고 되어 있어 「개인정보 자동 수집 장치의 설치·운영 및 거부」에 해당하지만, 이를 다루는 조문이 없습니다. 법 제30조 ①7에 따라 "개인정보 자동 수집 장치의 설치·운영 및 거부" 조문을 두십시오.',
    );
    expect(result.findings[10]!.message).toMatch(/^개인정보 보호 규정이 옮겨진 법 "정보통신망 이용촉진 및 정보보호 등에 관한 법률": 정보통신망법의 개인정보 보호 규정\(제22조~제32조의5\)은 2020\. 8\. 5\. 개인정보 보호법으로 옮겨졌습니다/u);
    expect(checkFails(result)).toBe(true);
  });

  it('a sentence that says it entrusts makes the missing 위탁 article a finding of the law; a 정보통신망법 article that did not move is not stale', () => {
    const text = GONGDAN.replace('3. 물리적 조치: 전산실, 자료보관실 등의 접근통제', '3. 물리적 조치: 전산실, 자료보관실 등의 접근통제\n4. 공단은 체육시설 예약시스템의 유지보수를 위하여 개인정보 처리업무를 위탁하고 있습니다.').replace(
      '「정보통신망 이용촉진 및 정보보호 등에 관한 법률」 제29조에 따라',
      '「정보통신망 이용촉진 및 정보보호 등에 관한 법률」 제44조의7에 따른 불법정보를 포함하여',
    );
    const findings = checkVersion(parseGongdan(text), { ledger: null, draft: true }).findings;
    expect(shape(findings)).toContain('law missing-topic 법 제30조 ①4 @제7조');
    expect(shape(findings)).not.toContain('guideline stale-name 개인정보 보호법 (2020. 2. 4. 개정, 2020. 8. 5. 시행) @제5조');
  });
});

describe('a draft against the ledger of a real store', () => {
  let store: string;
  let dir: string;
  beforeAll(async () => {
    store = await sampleStore();
    dir = tempDir();
  });

  /** 고양's next version, effective 2025-01-01, listing the version in force as ended; `edits` spoil its list. */
  function goyangDraft(edits: readonly (readonly [string, string])[] = []): string {
    return applyEdits(seedText('goyang'), [
      ['1. 이 개인정보 방침은 2020년 07월 17일부터 적용됩니다.', '1. 이 개인정보 방침은 2025년 01월 01일부터 적용됩니다.'],
      ['- 2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)\n', '- 2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)\n\n- 2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)\n'],
      ...edits,
    ]);
  }

  it('a draft that agrees with the ledger has no ledger finding', async () => {
    const ledger = await (await openStore(store)).ledger('goyang');
    const findings = checkVersion(parseText(goyangDraft(), 'goyang', 'draft.txt'), { ledger, draft: true }).findings;
    expect(findings.filter((f) => f.kind.startsWith('revision'))).toEqual([]);
  });

  it('end dates that contradict the ledger, and a version the ledger knows that the list leaves out, with the line to write', async () => {
    const file = join(dir, 'goyang-draft.txt');
    writeFileSync(
      file,
      goyangDraft([
        ['- 2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)\n\n', ''],
        ['- 2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)', '- 2020. 07. 17. ~ 2024. 11. 30. 적용(클릭)'],
      ]),
    );
    const result = await run(['--store', store, 'check', file, '--json'], dir);
    const parsed = JSON.parse(result.out);
    const ledgerFindings = parsed.findings.filter((f: Finding) => f.kind === 'revision-ledger');
    // Each suggestion keeps the draft's own wording ("적용(클릭)"); each finding carries the whole article corrected.
    const corrected = [
      '제12조(개인정보 처리방침 변경)',
      '1. 이 개인정보 방침은 2025년 01월 01일부터 적용됩니다.',
      '2. 이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.',
      '  - 2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)',
      '  - 2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)',
      '  - 2016. 12. 02. ~ 2020. 07. 16. 적용(클릭)',
      '  - 2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)',
    ].join('\n');
    expect(ledgerFindings).toEqual([
      {
        kind: 'revision-ledger',
        tier: 'guideline',
        severity: 'warning',
        basis: '표준지침 제21조',
        where: '제12조',
        message:
          '변경 조문의 "2020. 07. 17. ~ 2024. 11. 30. 적용(클릭)"에 따르면 이 판은 2024-11-30까지 적용되었지만, 장부(history/goyang.yaml)에는 2024-12-31까지로 기록되어 있습니다 (다음 판이 2025-01-01부터 시행). 장부대로라면 "2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)"입니다.',
        suggestion: '2020. 07. 17. ~ 2024. 12. 31. 적용(클릭)',
        correctedArticle: corrected,
      },
      {
        kind: 'revision-ledger',
        tier: 'recommended',
        severity: 'note',
        basis: '이전 처리방침 공개 (감사 관행)',
        where: '제12조',
        message: '장부(history/goyang.yaml)에 있는 이전 판(2016-05-16 ~ 2016-12-01)이 변경 조문의 이전 방침 목록에 없습니다. 목록에 "2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)"을(를) 넣으십시오.',
        suggestion: '2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)',
        correctedArticle: corrected,
      },
    ]);
    // Guideline findings fail only with --strict.
    expect(result.code).toBe(0);
    expect((await run(['--store', store, 'check', file, '--strict'], dir)).code).toBe(1);
  });

  it('a draft saved to take effect on another day than its article states: a 표준지침 finding with the corrected article', async () => {
    const ledger = await (await openStore(store)).ledger('goyang');
    const draft = { ...parseText(goyangDraft(), 'goyang', 'draft.txt'), effective: '2025-02-01' };
    const findings = checkVersion(draft, { ledger, draft: true }).findings.filter((f) => f.kind.startsWith('revision'));
    expect(findings.map((f) => `${f.tier} ${f.kind} ${f.basis}`)).toEqual(['guideline revision-date 표준지침 제21조', 'guideline revision-ledger 표준지침 제21조']);
    expect(findings[0]!.message).toBe('변경 조문은 2025-01-01부터 적용된다고 하지만 이 판은 2025-02-01부터 시행됩니다. 변경 조문의 시행일을 2025-02-01로 고치십시오.');
    expect(findings[0]!.correctedArticle!.split('\n').slice(1, 2)).toEqual(['1. 이 개인정보 방침은 2025년 02월 01일부터 적용됩니다.']);
    expect(findings[0]!.correctedArticle!.split('\n').at(-1)).toBe('  - 2020. 07. 17. ~ 2025. 01. 31. 적용(클릭)');
  });

  it('an earlier version\'s end date the ledger records otherwise', async () => {
    const ledger = await (await openStore(store)).ledger('goyang');
    const draft = parseText(goyangDraft([['- 2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)', '- 2016. 05. 16. ~ 2016. 11. 30. 적용(클릭)']]), 'goyang', 'draft.txt');
    const findings = checkVersion(draft, { ledger, draft: true }).findings.filter((f) => f.kind === 'revision-ledger');
    expect(findings.map((f) => [f.tier, f.suggestion])).toEqual([['guideline', '2016. 05. 16. ~ 2016. 12. 01. 적용(클릭)']]);
    expect(findings[0]!.message).toContain('2016-11-30까지 적용되었지만, 장부(history/goyang.yaml)에는 2016-12-01까지로 기록되어 있습니다.');
  });
});

describe('bangchim check (CLI)', () => {
  let dir: string;
  let store: string;
  beforeAll(async () => {
    dir = tempDir('bangchim-check-');
    store = join(dir, 'store');
    await initStore(store);
  });

  it('exit 0 when the findings are of the 표준지침 or recommended only; --strict exits 1 on the 표준지침', async () => {
    const text = await run(['--store', store, 'check', 'namyangju'], dir);
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toBe('namyangju@2015-08-26 (남양주시): 법령 0건, 표준지침 3건, 권장 6건');
    expect(text.out).toContain('\n  [표준지침 · 정부조직법 (2014. 11. 19. 개정)] 제8조: 바뀐 부처 이름 "안전행정부": ');
    expect((await run(['--store', store, 'check', 'namyangju', '--strict'], dir)).code).toBe(1);
    expect((await run(['--store', store, 'check', 'goyang', '--strict'], dir)).code).toBe(0);
  });

  it('--json: each finding with its tier, severity and Korean basis; counts per tier', async () => {
    const json = await run(['--store', store, 'check', 'iksan', '--json'], dir);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out);
    expect(Object.keys(parsed)).toEqual(['ref', 'city', 'slug', 'effective', 'findings', 'counts', 'notes']);
    expect(parsed.counts).toEqual({ law: 0, guideline: 2, recommended: 6 });
    expect(parsed.findings.find((f: Finding) => f.kind === 'missing-topic' && f.tier === 'guideline')).toEqual({
      kind: 'missing-topic',
      tier: 'guideline',
      severity: 'warning',
      basis: '표준지침 제19조',
      message: expect.stringContaining('열람청구'),
    });
  });

  it('exit 1 on a finding of the law: the 공단 page that collects cookies without saying how to refuse them', async () => {
    const gongdanStore = join(tempDir(), 'store');
    await initStore(gongdanStore, { empty: true });
    await (await openStore(gongdanStore)).importVersion({ slug: 'hanbit-fmc', name: '한빛시설관리공단', bytes: Buffer.from(GONGDAN), file: 'gongdan.txt' });
    const result = await run(['--store', gongdanStore, 'check', 'hanbit-fmc'], dir);
    expect(result.code).toBe(1);
    expect(result.out).toContain('[법령 · 법 제30조 ①7] 제3조: ');
    expect(result.out).toContain('\n  [권장 · 이전 처리방침 보관 (감사 관행)] 제11조: 변경 조문에 적힌 "2012. 1. 2. ~ 2015. 3. 1. 적용"의 본문이 보관되어 있지 않습니다.');
  });

  it('a file outside any store: checked without a ledger, and the result says so', async () => {
    writeFileSync(join(dir, 'goyang.txt'), seedText('goyang'));
    const result = await run(['check', 'goyang.txt'], dir);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('goyang.txt (고양특례시): 법령 0건, 표준지침 0건, 권장 5건');
    expect(result.out).toContain('\n  참고: goyang.txt: 저장소의 장부가 없어 변경 조문의 날짜와 이전 판의 보관 여부는 확인하지 않았습니다 (goyang의 장부가 있는 저장소에서 실행하십시오)\n');
  });
});
