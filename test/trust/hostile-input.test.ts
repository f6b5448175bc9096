/**
 * Hostile and broken input at the parser and the YAML layer: whatever arrives, the result is either a
 * valid version (schema-clean, round-trips through YAML, no control characters, NFC) or an InputError /
 * ValidationError that says what is wrong. Never another exception, never a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, ValidationError } from '../../src/domain/errors.js';
import type { PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { validateVersion } from '../../src/domain/schema.js';
import { loadLedgerYaml, loadVersionYaml, versionToYaml } from '../../src/domain/yaml.js';
import { seedBytes, loadSeeds } from '../seeds.js';

const seeds = loadSeeds();

const goyang = seedBytes('goyang').toString('utf8');
const seedLines = seeds.flatMap((s) => s.text.split('\n'));

/** Every string inside a value (keys included). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  return out;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

/** The contract: a valid, clean, round-tripping version, or an InputError. Returns which. */
function checkParse(input: Uint8Array | string, options: Parameters<typeof parsePolicy>[1] = {}): 'ok' | 'rejected' {
  let version: PolicyVersion;
  try {
    version = parsePolicy(input, options).version;
  } catch (error) {
    if (!(error instanceof InputError)) throw new Error(`parsePolicy threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`, { cause: error });
    expect(error.message.length).toBeGreaterThan(10);
    return 'rejected';
  }
  const plain = JSON.parse(JSON.stringify(version)) as unknown;
  expect(validateVersion(plain)).toEqual([]);
  const yaml = versionToYaml(version);
  expect(loadVersionYaml(yaml, 'roundtrip.yaml')).toEqual(plain);
  for (const s of strings(version)) {
    expect(CONTROL.test(s), `control character in ${JSON.stringify(s.slice(0, 80))}`).toBe(false);
    expect(s.normalize('NFC')).toBe(s);
  }
  return 'ok';
}

/** Hostile fragments an officer's clipboard can carry. */
const hostileFragment = fc.oneof(
  fc.constantFrom(
    '\u001b[31m빨강\u001b[0m',
    '\u001b]0;pwned\u0007',
    '\u001b]8;;https://evil.example/\u001b\\링크\u001b]8;;\u001b\\',
    '\u001bP+q\u001b\\',
    '\u009b2J',
    '\u0007\u0008\u000b\u000c',
    '\r\n',
    '\r',
    '\ufeff',
    '<script>alert(1)</script>',
    '{{constructor}}',
    '*alias &anchor !!js/function',
    '제',
    '조',
    '제1조의2 (목적)',
    '제9999조 끝',
    '제0조 영',
    '①②③',
    '\u200b\u200d\u2028\u2029',
    '\ud800',
    '\t\t\t',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const documentLike = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...seedLines) },
      { weight: 2, arbitrary: hostileFragment },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.string({ maxLength: 20 })).map(([n, t]) => `제${n}조 ${t}`) },
      { weight: 1, arbitrary: fc.tuple(fc.nat(30), fc.constantFrom('-', '•', '○', '1.', '가.', '①', '※', '▶', '(1)')).map(([d, m]) => `${' '.repeat(d)}${m} 항목`) },
    ),
    { maxLength: 120 },
  )
  .map((lines) => lines.join('\n'));

describe('parser: property tests', () => {
  it('random bytes: a valid version or an InputError, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        checkParse(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('random text: a valid version or an InputError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        checkParse(text, { city: '시험시', slug: 'test' });
      }),
      { numRuns: 300 },
    );
  });

  it('seed lines mixed with hostile fragments: a valid, clean version or an InputError', () => {
    let parsed = 0;
    fc.assert(
      fc.property(documentLike, fc.boolean(), (text, asBytes) => {
        if (checkParse(asBytes ? new TextEncoder().encode(text) : text) === 'ok') parsed++;
      }),
      { numRuns: 250 },
    );
    // The generator must reach the interesting part (documents with articles), not only rejections.
    expect(parsed).toBeGreaterThan(50);
  });

  it('a seed with hostile fragments spliced into its lines still parses, clean', () => {
    const lines = goyang.split('\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(lines.length - 1), hostileFragment), { minLength: 1, maxLength: 8 }), (splices) => {
        const copy = [...lines];
        for (const [at, fragment] of splices) copy[at] = `${copy[at]}${fragment}`;
        // A NUL byte marks binary data: rejecting that is the documented rule. Anything else must parse.
        const hasNul = splices.some(([, fragment]) => fragment.includes('\u0000'));
        expect(checkParse(copy.join('\n'))).toBe(hasNul ? 'rejected' : 'ok');
      }),
      { numRuns: 100 },
    );
  });
});

describe('parser: a fixed list of hostile and broken inputs', () => {
  const base = parsePolicy(goyang).version;
  const withoutSource = (v: PolicyVersion) => ({ ...v, source: { ...v.source, sha256: '-' } });

  it('rejects binary, empty and UTF-16 input with a clear InputError', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(() => parsePolicy(png)).toThrow(InputError);
    expect(() => parsePolicy(png)).toThrow(/이진\(binary\) 데이터/);
    expect(() => parsePolicy('')).toThrow(/비어 있습니다/);
    expect(() => parsePolicy(' \n\t\n  ')).toThrow(InputError);
    expect(() => parsePolicy(Buffer.from(`\ufeff${goyang}`, 'utf16le'))).toThrow(/UTF-16/);
    expect(() => parsePolicy('그냥 아무 글입니다.\n조항이 없습니다.')).toThrow(/조 제목\(제N조 …\)을 찾지 못했습니다/);
  });

  it('reads Windows line endings and a BOM exactly like the plain text', () => {
    expect(withoutSource(parsePolicy(goyang.replace(/\n/g, '\r\n')).version)).toEqual(withoutSource(base));
    expect(withoutSource(parsePolicy(Buffer.from(`\ufeff${goyang}`)).version)).toEqual(withoutSource(base));
    expect(withoutSource(parsePolicy(`\ufeff${goyang.replace(/\n/g, '\r')}`).version)).toEqual(withoutSource(base));
  });

  it('normalises NFD Hangul (macOS copies) to NFC, so a diff is not noisy', () => {
    const nfd = goyang.normalize('NFD');
    expect(nfd).not.toBe(goyang);
    const version = parsePolicy(nfd).version;
    expect(withoutSource(version)).toEqual(withoutSource(base));
    expect(version.source.sha256).not.toBe(base.source.sha256); // the raw bytes are what they were
  });

  it('strips ANSI/OSC escape sequences and control characters from the text, and says so', () => {
    const hostile = goyang
      .replace('제9조. 개인정보 보호책임자', '제9조. \u001b[2J\u001b[H개인정보 \u001b]0;owned\u0007보호책임자')
      .replace('031-8075-2020', '\u001b]8;;https://evil.example\u001b\\031-8075-2020\u001b]8;;\u001b\\')
      .replace('기획조정실', '기획\u0008\u0008조정실\u009b31m');
    const result = parsePolicy(hostile);
    for (const s of strings(result.version)) expect(CONTROL.test(s), JSON.stringify(s)).toBe(false);
    expect(withoutSource(result.version)).toEqual(withoutSource(base));
    expect(result.report.warnings.map((w) => w.message).join('\n')).toMatch(/터미널 제어 문자나 이스케이프 시퀀스/);
  });

  it('does not let a slug try a path or an option', () => {
    for (const slug of ['../x', '..', 'a/b', '--upload-pack=touch /tmp/x', '-c', 'GOYANG', 'a\nb', '']) {
      expect(() => parsePolicy(goyang, { city: '고양시', slug }), slug).toThrow(InputError);
    }
  });

  it('10,000 articles: every one found, or the surplus reported, never silently merged', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `제${i + 1}조 조항 ${i + 1}\n\n내용 ${i + 1} 입니다.\n`).join('\n');
    const started = performance.now();
    let result: ReturnType<typeof parsePolicy> | undefined;
    try {
      result = parsePolicy(text, { city: '시험시', slug: 'test' });
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
    }
    expect(performance.now() - started).toBeLessThan(20_000);
    if (result) {
      expect(checkParse(text, { city: '시험시', slug: 'test' })).toBe('ok');
      const found = result.version.articles.length;
      // Either all articles are articles, or the parser tells the officer what it did with the rest.
      // (a warning that names where the articles stopped being recognised: 제301조, 300, 10000 …)
      if (found < 10_000) expect(result.report.warnings.map((w) => w.message).join('\n')).toMatch(/\b(30[01]|10,?000)\b/);
      const placed = JSON.stringify(result.version);
      expect(placed).toContain('내용 10000 입니다.');
    }
  });

  it('deeply nested lists: a valid (depth-capped) clause tree or an InputError', () => {
    let indented = '개인정보 처리방침\n\n제1조 목적\n';
    for (let i = 0; i < 200; i++) indented += `${' '.repeat(i * 2)}- 항목 ${i}\n`;
    expect(['ok', 'rejected']).toContain(checkParse(indented, { city: '시험시', slug: 'test' }));
    let ranked = '개인정보 처리방침\n\n제1조 목적\n';
    const markers = ['1.', '가.', '1)', '가)', '(1)', '(가)', '①', '-', '•', '○', '▶', '※'];
    for (let i = 0; i < 200; i++) ranked += `${' '.repeat(i)}${markers[i % markers.length]} 항목 ${i}\n`;
    expect(['ok', 'rejected']).toContain(checkParse(ranked, { city: '시험시', slug: 'test' }));
  });

  it(
    '50 MB of text: a clear size-limit InputError, or a result in bounded time and memory that the store can load back',
    () => {
      // One policy whose 제5조 has grown to 50 MB (a pasted table gone wrong): not a page repeated, whose
      // copies would all be dropped as page footer.
      const row = '- 개인정보파일의 처리 목적은 민원 처리이며 보유기간은 3년입니다. 추가 설명이 이어집니다.\n';
      const big = Buffer.from(goyang.replace('제6조. 처리하는 개인정보 항목', `${row.repeat(Math.ceil(50_000_000 / Buffer.byteLength(row)))}\n제6조. 처리하는 개인정보 항목`));
      expect(big.length).toBeGreaterThan(50_000_000);
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const outcome = checkParse(big);
      expect((performance.now() - started) / 1000).toBeLessThan(45);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(1_500_000_000);
      expect(['ok', 'rejected']).toContain(outcome);
    },
    180_000,
  );

  it('a second copy of the policy after the page footer is not dropped silently: a warning names the articles it dropped', () => {
    const result = parsePolicy(`${goyang}\n${goyang}`);
    const droppedHeadings = result.report.dropped.filter((d) => /^제\d+조\./.test(d.text));
    expect(droppedHeadings.length).toBeGreaterThan(0);
    expect(result.report.warnings.map((w) => w.message).join('\n')).toMatch(/제\d+조/);
  });
});

describe('YAML layer: bombs, tags and other hostile documents', () => {
  const valid = versionToYaml(parsePolicy(goyang, { slug: 'goyang', city: '고양특례시' }).version);

  function rejects(text: string, pattern: RegExp): void {
    const started = performance.now();
    let error: unknown;
    try {
      loadVersionYaml(text, 'policies/goyang.yaml');
    } catch (e) {
      error = e;
    }
    expect(error, 'expected a ValidationError').toBeInstanceOf(ValidationError);
    const e = error as ValidationError;
    expect([e.message, ...e.details].join('\n')).toMatch(pattern);
    expect(e.where).toBe('policies/goyang.yaml');
    expect(performance.now() - started).toBeLessThan(5000);
  }

  it('refuses a billion-laughs alias bomb quickly', () => {
    let bomb = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]\n`;
    rejects(bomb, /별칭/);
    rejects(`${valid}\nextra: &x [1]\nmore: *x\n`, /별칭|알 수 없는 키/);
  });

  it('refuses merge keys, unknown and object-building tags', () => {
    rejects('base: &b {city: x}\ndoc:\n  <<: *b\n', /별칭|merge/);
    rejects(valid.replace(/^city: (.*)$/m, 'city: !!js/function "function(){return 1}"'), /태그/);
    rejects(valid.replace(/^title: (.*)$/m, 'title: !custom $1'), /태그/);
    rejects(valid.replace(/^title: (.*)$/m, 'title: !!binary aGVsbG8='), /태그/);
    rejects(valid.replace(/^title: (.*)$/m, 'title: !!set {a, b}'), /태그/);
  });

  it('refuses deep nesting (flow and block) without a stack overflow', () => {
    rejects(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, /중첩|올바른 YAML이 아닙니다|매핑/);
    rejects(`${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`, /중첩|올바른 YAML이 아닙니다|매핑/);
    let block = 'city: x\npreamble:\n';
    for (let i = 0; i < 1000; i++) block += `${'  '.repeat(i + 1)}- children:\n`;
    rejects(block, /중첩|올바른|깊이|꼭 있어야|알 수 없는/);
  });

  it('refuses a clause tree deeper than the schema allows, naming the path', () => {
    const version = parsePolicy(goyang, { slug: 'goyang', city: '고양특례시' }).version;
    let clause: { text: string; children?: unknown[] } = { text: 'leaf' };
    for (let i = 0; i < 40; i++) clause = { text: `level ${i}`, children: [clause] };
    const deep = { ...version, preamble: [clause] } as unknown as PolicyVersion;
    rejects(versionToYaml(deep), /단계보다 깊이 중첩/);
  });

  it('refuses duplicate keys, a second document, huge files, and ledgers with hostile tags', () => {
    rejects(valid.replace(/^title: (.*)$/m, 'title: $1\ntitle: again'), /[Dd]uplicate|unique/);
    rejects(`${valid}\n---\ncity: 두번째\n`, /올바른 YAML이 아닙니다|document/);
    rejects(`title: "${'가'.repeat(3_000_000)}"\n`, /MB보다 커서/);
    expect(() => loadLedgerYaml('city: x\nslug: x\nversions: !!python/object:os.system [ls]\n', 'history/x.yaml')).toThrow(ValidationError);
    try {
      loadLedgerYaml('city: x\nslug: ../../etc\nversions: []\n', 'history/x.yaml');
      expect.unreachable('a ledger with slug ../../etc loaded');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details.join('\n')).toMatch(/slug: 영문 소문자·숫자·하이픈/);
    }
  });

  it('keeps hostile text inert as data: escapes and markup survive YAML as plain strings, control characters are escaped', () => {
    const version = parsePolicy(goyang, { slug: 'goyang', city: '고양특례시' }).version;
    const injected = { ...version, title: '<script>alert(1)</script> *x &y !!z {{a}} # 주석: 아님' };
    const yaml = versionToYaml(injected);
    expect(loadVersionYaml(yaml, 'x.yaml').title).toBe(injected.title);
    const withEscape = { ...version, title: 'a\u001b[31mb' };
    const escaped = versionToYaml(withEscape);
    expect(escaped).not.toContain('\u001b');
    expect(loadVersionYaml(escaped, 'x.yaml').title).toBe('a\u001b[31mb');
  });
});
