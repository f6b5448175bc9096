/**
 * The parser remembers what it read from a line's content (its heading readings), a title's topic and an article's body,
 * so that the two versions of a page, which share most lines, are read once. What it remembers must not
 * depend on the page it was read from: every fixture page parses the same whichever pages were parsed
 * before it in the process, in either order, and a line read on one page reads the same on another.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { seedText } from '../seeds.js';

const ROOTS = ['../fixtures/', './fixtures/'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

function pagesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return pagesUnder(path);
      return name.endsWith('.md') ? [] : [path];
    });
}

const PAGES = ROOTS.flatMap(pagesUnder);

/** The parse of a page, or the message of the error it gives (some fixtures are refused on purpose). */
function outcome(path: string): unknown {
  try {
    return parsePolicy(readFileSync(path), { sourceFile: path });
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('what the parser remembers does not depend on the page it was read from', () => {
  it('every fixture page parses the same after all the others, in either order', () => {
    expect(PAGES.length).toBeGreaterThan(40);
    const first = new Map(PAGES.map((path) => [path, outcome(path)]));
    for (const path of [...PAGES].reverse()) expect(outcome(path), path).toEqual(first.get(path));
    for (const path of PAGES) expect(outcome(path), path).toEqual(first.get(path));
  });

  it('a heading line read on one page is the same heading on a page that numbers it differently', () => {
    // The same line "1. 개인정보의 파기": an article heading on a page of "N." articles, a clause under
    // 제N조 on the other; what was read of the line on the first page does not carry over.
    const decimal = ['가람센터 개인정보 처리방침', '', '1. 개인정보의 처리 목적', '민원 처리를 위해 처리합니다.', '', '2. 개인정보의 처리 및 보유기간', '3년간 보유합니다.', '', '3. 개인정보의 파기', '지체 없이 파기합니다.', '', '4. 개인정보 보호책임자', '센터장이 책임집니다.'].join('\n');
    const article = ['가람센터 개인정보 처리방침', '', '제1조(개인정보의 처리 목적)', '민원 처리를 위해 처리합니다.', '', '제2조(개인정보의 파기)', '다음 순서로 파기합니다.', '1. 개인정보의 파기', '2. 파기 기록의 보관', '', '제3조(개인정보 보호책임자)', '센터장이 책임집니다.'].join('\n');
    const headings = (text: string) => parsePolicy(text).version.articles.map((a) => [a.number, a.title, a.body.map((c) => c.text)]);
    const decimalAlone = headings(decimal);
    expect(headings(article)).toEqual([
      [1, '개인정보의 처리 목적', ['민원 처리를 위해 처리합니다.']],
      [2, '개인정보의 파기', ['다음 순서로 파기합니다.', '개인정보의 파기', '파기 기록의 보관']],
      [3, '개인정보 보호책임자', ['센터장이 책임집니다.']],
    ]);
    expect(headings(decimal)).toEqual(decimalAlone);
    expect(decimalAlone.map(([number, title]) => [number, title])).toEqual([
      [1, '개인정보의 처리 목적'],
      [2, '개인정보의 처리 및 보유기간'],
      [3, '개인정보의 파기'],
      [4, '개인정보 보호책임자'],
    ]);
  });

  it('an article the two versions of a page share word for word is one body on both sides; a changed one is read anew', () => {
    const old = seedText('goyang');
    const changed = '- 3. 제1항에 따른 권리 행사는 정보주체의 법정대리인이나 위임을 받은 자 등 대리인을 통하여 서면으로만 하실 수 있습니다.';
    const lines = old.split('\n');
    const at = lines.findIndex((line) => line.startsWith('- 3. 제1항에 따른 권리 행사는'));
    expect(at).toBeGreaterThan(0);
    const newer = [...lines.slice(0, at), changed, ...lines.slice(at + 1)].join('\n');
    const before = parsePolicy(old).version.articles;
    const after = parsePolicy(newer).version.articles;
    expect(after.map((a) => a.title)).toEqual(before.map((a) => a.title));
    const rights = before.findIndex((a) => a.topic === 'rights');
    expect(rights).toBeGreaterThan(0);
    for (const [k, article] of after.entries()) {
      if (k === rights) {
        expect(article.body).not.toBe(before[k]!.body);
        expect(JSON.stringify(article.body)).toContain('서면으로만 하실 수 있습니다');
      } else expect(article.body, article.title).toBe(before[k]!.body);
    }
  });

  it('a list nested too deep is reported each time its article is read, also when its body is remembered', () => {
    let text = '가람센터 개인정보 처리방침\n\n제1조(개인정보의 처리 목적)\n';
    for (let depth = 0; depth < 40; depth++) text += `${' '.repeat(depth * 2)}- 항목 ${depth}\n`;
    text += '\n제2조(개인정보의 파기)\n지체 없이 파기합니다.\n';
    const capped = (page: string) => parsePolicy(page).report.warnings.filter((w) => w.message.includes('깊이 중첩된 목록')).map((w) => w.message);
    const first = capped(text);
    expect(first).toHaveLength(1);
    expect(capped(text)).toEqual(first);
    expect(capped(text.replace('지체 없이', '즉시'))).toEqual(first);
  });
});
