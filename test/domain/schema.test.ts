/**
 * What the schema says about a hand-edited version or ledger: every problem, in document order, each
 * with the path a privacy officer finds it by (articles[2].body[0].children[1].text) and its message.
 * The versions are real: the 고양 seed as parsed, then broken the ways a hand edit breaks YAML.
 */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { formatPath, validateLedger, validateVersion, type SchemaIssue } from '../../src/domain/schema.js';
import { seedBytes } from '../seeds.js';

type Doc = Record<string, any>;

function seedVersion(): Doc {
  return structuredClone(parsePolicy(seedBytes('goyang'), { sourceFile: 'goyang.txt' }).version) as Doc;
}

const shown = (issues: SchemaIssue[]): string[] => issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);

describe('validateVersion', () => {
  it('finds nothing wrong with a parsed seed', () => {
    expect(validateVersion(seedVersion())).toEqual([]);
  });

  it('names every broken clause, cell and article by its path, in document order', () => {
    const version = seedVersion();
    const [first, second, third, fourth] = version.articles as Doc[];
    first!.body[0].marker = 1;
    first!.body[0].children = [{ text: '가. 정상' }, { text: null }, 'x', { marker: '나.', text: '둘', row: ['a'] }];
    second!.body[1] = { marker: '2.' };
    second!.body.push({ row: ['연락처', 2, '031-8075-2020'] });
    second!.body.push({ text: '비고', note: '손으로 추가' });
    third!.number = 0;
    third!.topic = 'unknown-topic';
    third!.label = ' ';
    third!.extra = true;
    delete fourth!.title;
    fourth!.body = 'not a list';
    version.preamble = ['a bare string'];
    version.source.sha256 = 'abc';
    version.revision.earlier[0].from = '2020-13';
    version.appendix = [{ title: 3, body: [{ row: 'not cells' }] }];
    expect(shown(validateVersion(version))).toEqual([
      'source.sha256: 16진수 소문자 64자리(원본 바이트의 sha256)여야 합니다',
      'preamble[0]: "키: 값" 꼴의 매핑이어야 합니다',
      'articles[0].body[0].marker: 글이어야 합니다 (지금은 수 1)',
      'articles[0].body[0].children[1].text: 글이어야 합니다 (지금은 null)',
      'articles[0].body[0].children[2]: "키: 값" 꼴의 매핑이어야 합니다',
      'articles[0].body[0].children[3]: text와 row 가운데 꼭 하나만 있어야 합니다',
      'articles[1].body[1]: text와 row 가운데 꼭 하나만 있어야 합니다',
      'articles[1].body[4].row[1]: 글이어야 합니다 (지금은 수 2)',
      'articles[1].body[5].note: 알 수 없는 키입니다 (쓸 수 있는 키: marker, text, row, children)',
      'articles[2].extra: 알 수 없는 키입니다 (쓸 수 있는 키: number, title, topic, body, branch, label)',
      'articles[2].number: 1부터 9999까지의 정수여야 합니다 (지금은 수 0)',
      'articles[2].label: 비어 있으면 안 됩니다',
      'articles[2].topic: 다음 가운데 하나여야 합니다: purpose, retention, items, third-party, entrustment, destruction, rights, safety, cookies, officer, access-request, remedies, revision, cctv, children, impact-assessment, protection-level, file-registration, pseudonymous, overseas, sensitive, automated-decision, behavioral, labeling, other',
      'articles[3].title: 꼭 있어야 합니다',
      'articles[3].title: 글이어야 합니다 (지금은 값 없음)',
      'articles[3].body: 목록이어야 합니다 (지금은 "not a list")',
      'appendix[0].title: 글이어야 합니다 (지금은 수 3)',
      'appendix[0].body[0].row: 목록이어야 합니다 (지금은 "not cells")',
      'revision.earlier[0].from: 날짜 형식(YYYY-MM-DD)이나 연월 형식(YYYY-MM)이어야 합니다 (지금은 "2020-13")',
    ]);
  });

  it('stops a clause tree deeper than the limit at the level past it', () => {
    const version = seedVersion();
    let clause: Doc = { text: '바닥' };
    for (let depth = 0; depth < 18; depth++) clause = { text: `깊이 ${depth}`, children: [clause] };
    version.articles[0].body = [clause];
    const issues = validateVersion(version);
    const levels = Array.from({ length: 16 }, () => ['children', 0]).flat();
    expect(issues).toEqual([{ path: ['articles', 0, 'body', 0, ...levels, 'children'], message: '항목이 16단계보다 깊이 중첩되어 있습니다' }]);
  });
});

describe('validateLedger', () => {
  it('names every broken entry by its path', () => {
    const ledger: Doc = {
      city: '고양특례시',
      slug: 'goyang',
      versions: [
        { effective: '2016-05-14', until: '2020-07-16', archived: false, evidence: [{ version: '2020-07-17', text: '2016. 05. 14. ~ 2020. 07. 16. 적용' }] },
        { effective: '2020-02-30', until: null, archived: true, blob: 'xyz', evidence: [{ version: 7 }] },
      ],
    };
    expect(shown(validateLedger(ledger))).toEqual([
      'versions[1].effective: 날짜 형식(YYYY-MM-DD)이거나 null이어야 합니다 (지금은 "2020-02-30")',
      'versions[1].blob: git 객체 id(16진수)여야 합니다',
      'versions[1].evidence[0].text: 꼭 있어야 합니다',
      'versions[1].evidence[0].version: 날짜 형식(YYYY-MM-DD)이거나 null이어야 합니다 (지금은 수 7)',
      'versions[1].evidence[0].text: 글이어야 합니다 (지금은 값 없음)',
      'versions[1].tag: 보관된 판에는 꼭 있어야 합니다',
    ]);
  });
});
