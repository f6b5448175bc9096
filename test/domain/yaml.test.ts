import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import type { Ledger, PolicyVersion } from '../../src/domain/model.js';
import { ledgerToYaml, loadLedgerYaml, loadVersionYaml, versionToYaml } from '../../src/domain/yaml.js';
import { fastReadYaml } from '../../src/store/batch.js';

const goyangLike: PolicyVersion = {
  city: '고양특례시',
  slug: 'goyang',
  title: '개인정보처리방침',
  effective: '2020-07-17',
  source: { file: 'sources/goyang/2020-07-17.txt', sha256: '19a0c7712eef8f6fd99cff04779af761b8bafb92791a098ba645bde3e9dfbbe9' },
  preamble: [{ text: '고양시는 개인정보 보호법 등 관련 법령상의 개인정보보호 규정을 준수하여 정보주체의 개인정보보호 및 권익을 보호하고, 다음과 같은 개인정보 처리방침을 두고 있습니다.' }],
  articles: [
    {
      number: 9,
      title: '개인정보 보호책임자',
      topic: 'officer',
      body: [
        { text: '개인정보 보호법 제31조 제1항에 따른 개인정보 보호책임자' },
        { row: ['개인정보 보호책임자', '', '개인정보 보호담당자', ''] },
        { row: ['전화번호', '031-8075-2020', '전화번호', '031-8075-2593'] },
      ],
    },
    {
      number: 12,
      title: '개인정보 처리방침 변경',
      topic: 'revision',
      body: [
        { marker: '1.', text: '이 개인정보 방침은 2020년 07월 17일부터 적용됩니다.' },
        { marker: '2.', text: '이전의 개인정보 처리방침은 아래에서 확인하실 수 있습니다.', children: [{ marker: '-', text: '2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)' }] },
      ],
    },
  ],
  appendix: [{ title: '■ 영상정보처리방침', body: [{ text: '시민안전과' }] }],
  revision: {
    style: 'ranges',
    effective: '2020-07-17',
    earlier: [{ from: '2011-11-07', until: '2016-05-13', text: '2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)' }],
  },
};

describe('policy version YAML', () => {
  it('round-trips a version exactly, with Hangul unescaped and stable key order', () => {
    const text = versionToYaml(goyangLike);
    expect(loadVersionYaml(text, 'policies/goyang.yaml')).toEqual(goyangLike);
    expect(text).toContain('city: 고양특례시');
    expect(text).not.toMatch(/\\u[0-9a-f]{4}/i);
    const keys = text.split('\n').filter((line) => /^[a-z]+:/.test(line)).map((line) => line.split(':')[0]);
    expect(keys).toEqual(['city', 'slug', 'title', 'effective', 'source', 'preamble', 'articles', 'appendix', 'revision']);
    // Writing twice gives the same bytes (stable output makes git diffs of the store meaningful).
    expect(versionToYaml(loadVersionYaml(text, 'x.yaml'))).toBe(text);
  });

  it('writes long prose as block scalars and keeps identifiers and markers on one line', () => {
    const text = versionToYaml(goyangLike);
    expect(text).toMatch(/- text: \|-\n\s+고양시는 개인정보 보호법/);
    expect(text).toContain('sha256: 19a0c7712eef8f6fd99cff04779af761b8bafb92791a098ba645bde3e9dfbbe9');
    // "1." would read back as a number if it were not quoted.
    expect(text).toContain('marker: "1."');
    // No folding: every clause text stays on one line however long.
    expect(text.split('\n').some((line) => line.includes('고양시는') && line.includes('두고 있습니다.'))).toBe(true);
  });

  it('reports a missing title with file, line and YAML path', () => {
    const text = versionToYaml(goyangLike).replace('    title: 개인정보 처리방침 변경\n', '');
    const error = catchError(() => loadVersionYaml(text, 'policies/goyang.yaml'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.details).toContainEqual(expect.stringMatching(/^policies\/goyang\.yaml:\d+: articles\[1\]\.title: 꼭 있어야 합니다$/));
  });

  it('names the line of a bad value and says what was expected', () => {
    const text = versionToYaml(goyangLike).replace('effective: 2020-07-17\nsource', 'effective: 2020-02-30\nsource');
    const error = catchError(() => loadVersionYaml(text, 'v.yaml'));
    expect(error.details).toEqual(['v.yaml:4: effective: 날짜 형식(YYYY-MM-DD)이거나 null이어야 합니다 (지금은 "2020-02-30")']);
  });

  it('rejects an unquoted numeric marker with a hint of what it became', () => {
    const text = versionToYaml(goyangLike).replace('marker: "1."', 'marker: 1.');
    const error = catchError(() => loadVersionYaml(text, 'v.yaml'));
    expect(error.details.join('\n')).toContain('articles[1].body[0].marker: 글이어야 합니다 (지금은 수 1)');
  });

  it.each([
    ['an alias', 'city: &c 고양\nslug: *c\n', /별칭\(\*c\)은 bangchim 파일에 쓸 수 없습니다/],
    ['a billion-laughs bomb', 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n', /별칭/],
    ['an unknown local tag', 'city: !js/function "x"\n', /알 수 없는 태그 !js\/function/],
    ['a binary tag', 'city: !!binary aGVsbG8=\n', /알 수 없는 태그 tag:yaml.org,2002:binary/],
    ['a duplicate key', 'city: a\ncity: b\n', /Map keys must be unique/],
    ['a syntax error', 'city: [unclosed\n', /\d+행/],
  ])('refuses %s', (_name, text, pattern) => {
    const error = catchError(() => loadVersionYaml(text, 'bad.yaml'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('bad.yaml이(가) 올바른 YAML이 아닙니다');
    expect(error.details.join('\n')).toMatch(pattern);
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const deep = 'a: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n';
    const error = catchError(() => loadVersionYaml(deep, 'deep.yaml'));
    expect(error).toBeInstanceOf(ValidationError);
  });

  it('refuses clause trees deeper than a policy ever needs', () => {
    let clause: { text: string; children?: unknown[] } = { text: 'x' };
    for (let i = 0; i < 20; i++) clause = { text: 'x', children: [clause] };
    const version = { ...goyangLike, preamble: [clause] } as PolicyVersion;
    const error = catchError(() => loadVersionYaml(versionToYaml(version), 'v.yaml'));
    expect(error.details.join('\n')).toMatch(/항목이 16단계보다 깊이 중첩되어 있습니다/);
  });

  it('lists unknown keys and wrong slugs together', () => {
    const text = versionToYaml({ ...goyangLike, slug: '../x' }).replace('title: 개인정보처리방침\n', 'title: 개인정보처리방침\nextra: 1\n');
    const error = catchError(() => loadVersionYaml(text, 'v.yaml'));
    expect(error.details).toContainEqual(expect.stringContaining('slug: 영문 소문자·숫자·하이픈(한 개씩)으로 써야 합니다'));
    expect(error.details).toContainEqual(expect.stringContaining('extra: 알 수 없는 키입니다'));
  });
});

describe('ledger YAML', () => {
  const ledger: Ledger = {
    city: '고양특례시',
    slug: 'goyang',
    versions: [
      { effective: '2011-11-07', until: '2016-05-13', archived: false, evidence: [{ version: '2020-07-17', text: '2011. 11. 07. ~ 2016. 05. 13. 적용(클릭)' }] },
      { effective: '2020-07-17', until: null, archived: true, tag: 'goyang@2020-07-17', blob: 'a'.repeat(40), source: { file: 'sources/goyang/2020-07-17.txt', sha256: 'b'.repeat(64) } },
    ],
  };

  it('round-trips', () => {
    expect(loadLedgerYaml(ledgerToYaml(ledger), 'history/goyang.yaml')).toEqual(ledger);
  });

  it('requires a tag on an archived version', () => {
    const text = ledgerToYaml(ledger).replace('    tag: goyang@2020-07-17\n', '');
    const error = catchError(() => loadLedgerYaml(text, 'history/goyang.yaml'));
    expect(error.details).toContainEqual(expect.stringMatching(/history\/goyang\.yaml:\d+: versions\[1\]\.tag: 보관된 판에는 꼭 있어야 합니다/));
  });
});

function catchError(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('numbering schemes, printed labels and month-only dates', () => {
  const lettered: PolicyVersion = {
    ...goyangLike,
    numbering: 'hangul',
    articles: goyangLike.articles.map((article, i) => ({ ...article, number: i + 1, label: `${['가', '나'][i]}.` })),
    revision: {
      style: 'ranges',
      effective: null,
      effectiveMonth: '2022-09',
      effectiveText: '이 개인정보 처리방침은 2022. 09.부터 적용됩니다.',
      earlier: [
        { from: '2019-03', until: '2022-08', text: '2019. 03. ~ 2022. 08. 적용' },
        { before: '2019-03', text: '2019. 03. 이전 처리방침' },
      ],
    },
  };

  it('round-trips numbering, labels and months exactly, numbering right after title, label before title', () => {
    const text = versionToYaml(lettered);
    expect(loadVersionYaml(text, 'policies/x.yaml')).toEqual(lettered);
    expect(versionToYaml(loadVersionYaml(text, 'x.yaml'))).toBe(text);
    const keys = text.split('\n').filter((line) => /^[a-z]+:/.test(line)).map((line) => line.split(':')[0]);
    expect(keys).toEqual(['city', 'slug', 'title', 'numbering', 'effective', 'source', 'preamble', 'articles', 'appendix', 'revision']);
    expect(text).toContain('numbering: hangul\n');
    expect(text).toMatch(/- number: 1\n {4}label: 가\.\n {4}title: 개인정보 보호책임자\n {4}topic: officer\n/);
    expect(text).toMatch(/effective: null\n {2}effectiveMonth: 2022-09\n {2}effectiveText:/);
    expect(text).toContain('from: 2019-03');
    // The fast reader of the report agrees with the strict loader (without falling back to it).
    expect(fastReadYaml(text)).toEqual(lettered);
  });

  it('keeps labels that look like numbers or lists as text ("3.", "[3]", "(3)")', () => {
    for (const label of ['3.', '[3]', '(3)', '3)', '【3】', 'Ⅲ.', '■', '12-1.']) {
      const version: PolicyVersion = { ...goyangLike, numbering: 'decimal', articles: [{ ...goyangLike.articles[0]!, number: 3, label }] };
      const text = versionToYaml(version);
      expect(loadVersionYaml(text, 'x.yaml').articles[0]!.label, label).toBe(label);
      expect((fastReadYaml(text) as PolicyVersion).articles[0]!.label, label).toBe(label);
    }
  });

  it('writes no numbering for 제N조, so a format-1 file reads and writes byte for byte as before', () => {
    const explicit = versionToYaml({ ...goyangLike, numbering: 'article' });
    expect(explicit).toBe(versionToYaml(goyangLike));
    expect(explicit).not.toContain('numbering');
    expect(explicit).not.toContain('label');
    // Stated by hand it is accepted too.
    expect(loadVersionYaml(explicit.replace('title: 개인정보처리방침\n', 'title: 개인정보처리방침\nnumbering: article\n'), 'x.yaml').numbering).toBe('article');
  });

  it('refuses an unknown scheme, an empty label and a month out of range, naming path and what is allowed', () => {
    const text = versionToYaml(lettered)
      .replace('numbering: hangul', 'numbering: alphabet')
      .replace('label: 가.', 'label: ""')
      .replace('effectiveMonth: 2022-09', 'effectiveMonth: 2022-13')
      .replace('from: 2019-03', 'from: 2019-3');
    const error = (() => {
      try {
        loadVersionYaml(text, 'policies/x.yaml');
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('accepted');
    })();
    const details = error.details!.join('\n');
    expect(details).toMatch(/policies\/x\.yaml:4: numbering: 다음 가운데 하나여야 합니다: article, article-bare, decimal, .*none \(제N조이면 적지 않습니다; 지금은 "alphabet"\)/);
    expect(details).toMatch(/articles\[0\]\.label: 비어 있으면 안 됩니다/);
    expect(details).toMatch(/revision\.effectiveMonth: 연월 형식\(YYYY-MM\)이어야 합니다 \(지금은 "2022-13"\)/);
    expect(details).toMatch(/revision\.earlier\[0\]\.from: 날짜 형식\(YYYY-MM-DD\)이나 연월 형식\(YYYY-MM\)이어야 합니다 \(지금은 "2019-3"\)/);
  });
});
