/**
 * The command line speaks Korean by default and English with BANGCHIM_LANG=en (help, commander's usage
 * errors, tables, summaries); it names the store it acted on when it is not the working directory's;
 * it never writes into the sample store unasked; a body's Korean name works wherever a body goes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { displayWidth } from '../../src/domain/presentation/width.js';
import { capture, editedGoyang, git, sampleStore, snapshot, tempDir } from '../store/helpers.js';
import { seedFile } from '../seeds.js';

const KOREAN: NodeJS.ProcessEnv = { ...process.env, BANGCHIM_LANG: 'ko' };
const ENGLISH: NodeJS.ProcessEnv = { ...process.env, BANGCHIM_LANG: 'en' };

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = KOREAN) {
  const out = capture();
  const err = capture();
  const code = await main(args, { out, err, cwd, env });
  return { code, out: out.text(), err: err.text() };
}

/** The display column each cell after the first starts at, per line: equal in every line when the table is aligned. */
function cellStarts(line: string): number[] {
  const starts: number[] = [];
  for (const match of line.matchAll(/ {2,}(?=\S)/g)) starts.push(displayWidth(line.slice(0, match.index + match[0].length)));
  return starts;
}

describe('the command line in Korean, and in English on request', () => {
  it('list: Korean headings, columns aligned by display width (Hangul two columns); English with BANGCHIM_LANG=en', async () => {
    const dir = await sampleStore();
    const ko = await run(['list'], dir);
    expect(ko.code).toBe(0);
    const lines = ko.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^약칭\s+기관\s+최신\s+본문\/전체$/);
    expect(lines).toHaveLength(6);
    // 고양특례시 (10 columns) and 의정부시 (8): the next column still starts at one display column for all.
    for (const line of lines) expect(cellStarts(line)).toEqual(cellStarts(lines[0]!));
    const en = await run(['list'], dir, ENGLISH);
    expect(en.out.split('\n')[0]).toMatch(/^slug\s+body\s+newest\s+archived\/known$/);
    expect(en.out).toMatch(/^goyang\s+고양특례시\s+2020-07-17\s+1\/4$/m);
    // JSON keys stay English whatever the language.
    expect(Object.keys(JSON.parse((await run(['list', '--json'], dir)).out).cities[0])).toEqual(['slug', 'city', 'newest', 'inForce', 'archived', 'known']);
  });

  it('log: the summary, 본문 없음 and 근거 in Korean; the English words with BANGCHIM_LANG=en', async () => {
    const dir = await sampleStore();
    const ko = (await run(['log', 'goyang'], dir)).out;
    expect(ko.split('\n')[0]).toBe('goyang (고양특례시): 알려진 판 4개, 본문 있는 판 1개');
    expect(ko).toContain('2016-05-16 … 2016-12-01  본문 없음  (근거: goyang@2020-07-17 제12조');
    expect(ko).toMatch(/^2020-07-17 … \(시행 중\)\s+goyang@2020-07-17/m);
    const en = (await run(['log', 'goyang'], dir, ENGLISH)).out;
    expect(en.split('\n')[0]).toBe('goyang (고양특례시): 4 known, 1 archived');
    expect(en).toContain('2016-05-16 … 2016-12-01  text not archived  (listed on goyang@2020-07-17 제12조');
    expect(en).toMatch(/^2020-07-17 … \(in force\)\s+goyang@2020-07-17/m);
  });

  it('--help: headings, command and option descriptions in Korean; English with BANGCHIM_LANG=en', async () => {
    const work = tempDir();
    const ko = await run(['--help'], work);
    expect(ko.code).toBe(0);
    expect(ko.out).toMatch(/^사용법: bangchim \[options\] \[command\]$/m);
    expect(ko.out).toMatch(/^옵션:$/m);
    expect(ko.out).toMatch(/^명령:$/m);
    expect(ko.out).toMatch(/--store <dir>\s+저장소 디렉터리/);
    expect(ko.out).toMatch(/-h, --help\s+도움말 보이기/);
    expect(ko.out).toMatch(/help \[command\]\s+명령의 도움말 보이기/);
    expect(ko.out).not.toMatch(/display help|the store directory|Usage:/);
    const notice = await run(['notice', '--help'], work);
    expect(notice.out).toMatch(/^인자:$/m);
    expect(notice.out).toMatch(/city\s+기관: 약칭\(goyang\) 또는 이름\(고양, 고양특례시\)/);
    expect(notice.out).toContain('기본값: 100');
    expect(notice.out).toMatch(/고를 수 있는\s+값: text, markdown/);
    // Padded by display width: every description starts at one display column.
    const options = notice.out.split('\n').filter((line) => /^ {2}--\w/.test(line));
    const starts = new Set(options.map((line) => cellStarts(line)[0]));
    expect(starts.size).toBe(1);
    for (const line of ko.out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    const en = await run(['--help'], work, ENGLISH);
    expect(en.out).toMatch(/^Usage: bangchim \[options\] \[command\]$/m);
    expect(en.out).toMatch(/--store <dir>\s+the store directory/);
    expect(en.out).toMatch(/-h, --help\s+display help for command/);
  });

  it("commander's usage errors in Korean, exit 2: unknown option (with the near one), missing argument, unknown command, too many arguments, a bad choice", async () => {
    const dir = await sampleStore();
    const cases: [string[], string][] = [
      [['list', '--jsn'], 'bangchim: 모르는 옵션입니다: --jsn\n  혹시 --json을(를) 뜻했나요?\n(사용법은 `bangchim --help`)\n'],
      [['log'], 'bangchim: 필요한 인자 <city>이(가) 빠졌습니다\n(사용법은 `bangchim --help`)\n'],
      [['lgo', 'goyang'], 'bangchim: 모르는 명령입니다: lgo\n  혹시 log을(를) 뜻했나요?\n(사용법은 `bangchim --help`)\n'],
      [['log', 'goyang', 'paju'], 'bangchim: log 인자가 너무 많습니다: 1개를 받는데 2개를 주었습니다\n(사용법은 `bangchim --help`)\n'],
      [['diff', 'goyang', 'paju', '--format', 'docx'], 'bangchim: 옵션 --format <format>에 docx은(는) 쓸 수 없습니다: text, markdown, json, html, pdf 중 하나를 주세요\n(사용법은 `bangchim --help`)\n'],
      [['notice', 'goyang', '--from'], 'bangchim: 옵션 --from <ref>에 값이 빠졌습니다\n(사용법은 `bangchim --help`)\n'],
    ];
    for (const [args, expected] of cases) {
      const result = await run(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toBe(expected);
      expect(result.out).toBe('');
    }
    const en = await run(['list', '--jsn'], dir, ENGLISH);
    expect(en.code).toBe(2);
    expect(en.err).toBe("bangchim: unknown option '--jsn'\n  (Did you mean --json?)\n(run `bangchim --help` for usage)\n");
    expect((await run(['log'], dir, ENGLISH)).err).toContain("missing required argument 'city'");
  });

  it('parse, init, import and report say what they did in Korean', async () => {
    const work = tempDir();
    const parsed = await run(['parse', seedFile('goyang')], work);
    expect(parsed.err.split('\n')[0]).toMatch(/^조항 12개를 읽었습니다; 페이지 장식 \d+줄을 버렸습니다; 경고 \d+개$/);
    expect((await run(['parse', seedFile('goyang')], work, ENGLISH)).err.split('\n')[0]).toMatch(/^parsed 12 articles; dropped \d+ lines of page furniture; \d+ warnings$/);
    const init = await run(['init', 'store', '--empty'], work);
    expect(init.out).toBe(`bangchim 저장소를 만들었습니다: ${join(work, 'store')}: 더할 것이 없습니다\n`);
    const dir = await sampleStore();
    writeFileSync(join(dir, '..', 'older.txt'), editedGoyang('031-8075-2016'));
    const older = await run(['import', 'goyang', '../older.txt', '--effective', '2016-12-02'], dir);
    expect(older.code).toBe(0);
    expect(older.out).toMatch(/^보관했습니다: goyang@2016-12-02 \(커밋 [0-9a-f]{7}\)$/m);
    expect(older.out).toMatch(/^ {2}이력을 다시 쌓았습니다: 2016-12-02은\(는\) goyang의 최신 판보다 이릅니다; 나중 커밋 3개를 다시 적용하고 태그 \d+개를 옮겼습니다/m);
    const report = await run(['report', 'goyang'], dir);
    expect(report.code).toBe(0);
    expect(report.out).toMatch(/^goyang@2016-12-02 → goyang@2020-07-17: 실질 \d+, 편집 \d+/m);
    expect(report.out).toMatch(/^기관 1곳, 판 2개, 비교 1쌍 \(실질 변경 있는 쌍 1\), [\d.]+초: 초당 \d+판$/m);
  });

  it('verify and sync say what they found and did in Korean; English with BANGCHIM_LANG=en', async () => {
    const dir = await sampleStore();
    const verified = await run(['verify', '--no-fsck'], dir);
    expect(verified.code).toBe(0);
    expect(verified.out).toBe('저장소 이상 없음: 기관 5곳, 보관한 판 5개, 태그 5개를 확인했습니다\n');
    expect((await run(['verify', '--no-fsck'], dir, ENGLISH)).out).toBe('store OK: 5 bodies, 5 archived versions, 5 tags checked\n');
    const remote = join(tempDir(), 'remote.git');
    git(tempDir(), 'init', '-q', '--bare', remote);
    git(dir, 'remote', 'add', 'origin', remote);
    const first = await run(['sync'], dir);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/^origin에 \S+을\(를\) 처음 올렸습니다 \(커밋 \d+개\); 판 태그 5개를 올렸습니다$/m);
    const again = await run(['sync'], dir);
    expect(again.out).toMatch(/^origin\/\S+와\(과\) 같습니다: 할 일이 없습니다$/m);
    expect((await run(['sync'], dir, ENGLISH)).out).toMatch(/^up to date with origin\/\S+$/m);
  });

  it('drafts, draft and publish in Korean; English with BANGCHIM_LANG=en', async () => {
    const dir = await sampleStore();
    const listed = await run(['drafts'], dir);
    expect(listed.out).toMatch(/^goyang#draft\s+고양특례시\s+시행일 \d{4}-\d{2}-\d{2}\s+저장 1회/m);
    expect((await run(['drafts'], dir, ENGLISH)).out).toMatch(/^goyang#draft\s+고양특례시\s+effective \d{4}-\d{2}-\d{2}\s+saves: 1/m);
    writeFileSync(join(dir, '..', 'paju-next.txt'), readFileSync(seedFile('paju')));
    const saved = await run(['draft', 'paju', '../paju-next.txt', '--effective', '2027-01-01'], dir);
    expect(saved.code, saved.err).toBe(0);
    expect(saved.out).toMatch(/^초안을 만들었습니다: paju#draft — 파주시, 시행일 2027-01-01$/m);
    expect(saved.out).toMatch(/^점검: 법·시행령 \d+건, 표준지침 \d+건, 작성지침 권장 \d+건$/m);
    expect(saved.out).toContain('비교: bangchim diff paju paju#draft · 점검: bangchim check paju#draft · 게시: bangchim publish paju\n');
    const deleted = await run(['draft', 'paju', '--delete'], dir, ENGLISH);
    expect(deleted.out).toBe('deleted the draft paju#draft\n');
  });
});

/** A report's provenance names the moment it was made: two runs differ only there. */
const withoutTime = (out: string): string => out.replace(/^( {4}작성 시각 +).*$/gmu, '$1…').replace(/"generated": "[^"]*"/gu, '"generated": "…"');

describe('which store a command acted on', () => {
  it('named once on stderr when it is not the working directory\'s: --store from elsewhere, BANGCHIM_STORE; silent inside the store and for JSON', async () => {
    const dir = await sampleStore();
    const elsewhere = tempDir();
    for (const args of [['list'], ['log', 'goyang'], ['show', 'goyang', '--format', 'text'], ['check', 'goyang'], ['diff', 'goyang', 'goyang'], ['verify', '--no-fsck'], ['drafts']]) {
      const result = await run(['--store', dir, ...args], elsewhere);
      expect(result.code, `${args.join(' ')}: ${result.err}`).toBeLessThan(2);
      expect(result.err, args.join(' ')).toBe(`저장소: ${dir}\n`);
      const inside = await run(args, dir);
      expect(inside.err, args.join(' ')).toBe('');
      expect(withoutTime(inside.out), args.join(' ')).toBe(withoutTime(result.out));
    }
    mkdirSync(join(dir, 'notices'));
    expect((await run(['list'], join(dir, 'notices'))).err).toBe('');
    expect((await run(['--store', dir, 'list'], join(dir, 'notices'))).err).toBe('');
    expect((await run(['list'], elsewhere, { ...KOREAN, BANGCHIM_STORE: dir })).err).toBe(`저장소: ${dir} (BANGCHIM_STORE)\n`);
    expect((await run(['--store', dir, 'list'], elsewhere, ENGLISH)).err).toBe(`store: ${dir}\n`);
    const json = await run(['--store', dir, 'list', '--json'], elsewhere);
    expect(json.err).toBe('');
    expect(JSON.parse(json.out).store).toBe(dir);
    // A command that reads only files names no store.
    writeFileSync(join(elsewhere, 'a.txt'), editedGoyang());
    expect((await run(['diff', 'a.txt', 'a.txt'], elsewhere)).err).toBe('');
  });

  it('import never writes into the sample store: outside a store it asks for --store or init, and changes nothing', async () => {
    const work = tempDir();
    const home = tempDir();
    const { XDG_DATA_HOME: _unused, BANGCHIM_STORE: _none, ...rest } = KOREAN;
    const env = { ...rest, HOME: home };
    expect((await run(['list'], work, env)).code).toBe(0);
    const sample = join(home, '.local', 'share', 'bangchim', 'sample');
    const before = snapshot(sample);
    writeFileSync(join(work, 'goyang-2025.txt'), editedGoyang());
    for (const city of ['goyang', '고양']) {
      const refused = await run(['import', city, 'goyang-2025.txt', '--effective', '2025-01-01'], work, env);
      expect(refused.code).toBe(2);
      expect(refused.out).toBe('');
      expect(refused.err).toContain(sample);
      expect(refused.err).toContain('--store');
      expect(refused.err).toContain('bangchim init');
    }
    expect(snapshot(sample)).toEqual(before);
    // Given a store, the same import goes through.
    const dir = await sampleStore();
    const imported = await run(['--store', dir, 'import', '고양', 'goyang-2025.txt', '--effective', '2025-01-01'], work, env);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/^보관했습니다: goyang@2025-01-01/m);
  });
});

describe('Korean names as refs in every command that takes a body or a version', () => {
  it('log, show, diff, check, notice, report, draft and publish take 고양 and 고양특례시 as they take goyang', async () => {
    const dir = await sampleStore();
    const same = async (korean: string[], slug: string[]) => {
      const a = await run(korean, dir);
      const b = await run(slug, dir);
      expect(a.code, `${korean.join(' ')}: ${a.err}`).toBe(b.code);
      expect(a.code, `${korean.join(' ')}: ${a.err}`).toBeLessThan(2);
      // The provenance block echoes the ref as typed and the moment it was made; all else is the same.
      const asAsked = (out: string) => withoutTime(out).replace(/^( {4}요청 +).*$/gmu, '$1…').replace(/"ref": "[^"]*"/gu, '"ref": "…"');
      expect(asAsked(a.out), korean.join(' ')).toBe(asAsked(b.out));
      expect(a.out.length).toBeGreaterThan(0);
    };
    await same(['log', '고양'], ['log', 'goyang']);
    await same(['log', '고양특례시'], ['log', 'goyang']);
    await same(['show', '고양특례시', '--json'], ['show', 'goyang', '--json']);
    await same(['diff', '고양', '고양#draft'], ['diff', 'goyang', 'goyang#draft']);
    await same(['check', '고양'], ['check', 'goyang']);
    await same(['notice', '고양', '--to', '고양#draft', '--part', 'table'], ['notice', 'goyang', '--to', 'goyang#draft', '--part', 'table']);
    await same(['notice', '파주', '--part', 'article'], ['notice', 'paju', '--part', 'article']);
    const report = await run(['report', '파주시'], dir);
    expect(report.out).toMatch(/^기관 1곳, 판 1개, 비교 0쌍/m);
    writeFileSync(join(dir, '..', 'goyang-next.txt'), editedGoyang('031-8075-2027'));
    const drafted = await run(['draft', '고양', '../goyang-next.txt', '--effective', '2026-11-01'], dir);
    expect(drafted.code, drafted.err).toBe(0);
    expect(drafted.out).toMatch(/^초안을 고쳤습니다 \(2번째 저장\): goyang#draft — 고양특례시, 시행일 2026-11-01$/m);
    const published = await run(['publish', '고양특례시', '--accept-findings'], dir);
    expect(published.code, published.err).toBe(0);
    expect(published.out).toMatch(/^게시했습니다: goyang@2026-11-01 \(커밋 [0-9a-f]{7}\); 초안은 지웠습니다$/m);
    expect(git(dir, 'tag', '--list', 'goyang@*')).toContain('goyang@2026-11-01');
    const unknown = await run(['log', '서울'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('고양특례시(goyang)');
  });
});
