/**
 * The parser remembers what it read from a line's content (its heading readings) and a title's topic,
 * so that the two versions of a page, which share most lines, are read once. What it remembers must not
 * depend on the page it was read from: every fixture page parses the same whichever pages were parsed
 * before it in the process, in either order, and a line read on one page reads the same on another.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/domain/parse/index.js';

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
});
