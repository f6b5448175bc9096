/** parse → render → parse gives the same model; render is a fixed point after one round. */
import { describe, expect, it } from 'vitest';
import type { PolicyVersion } from '../../src/domain/model.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { renderClauses, renderPolicyText } from '../../src/domain/render.js';
import { SEED_SLUGS, seedBytes } from './seeds.js';

function textModel(version: PolicyVersion) {
  const { title, preamble, articles, appendix, revision, effective } = version;
  return { title, preamble, articles, appendix, revision, effective };
}

describe('round trip on the seeds', () => {
  it.each(SEED_SLUGS)('%s: parse(render(parse(seed))) equals parse(seed)', (slug) => {
    const first = parsePolicy(seedBytes(slug)).version;
    const rendered = renderPolicyText(first);
    const second = parsePolicy(rendered, { city: first.city, slug: first.slug }).version;
    expect(textModel(second)).toEqual(textModel(first));
  });

  it.each(SEED_SLUGS)('%s: render(parse(render(x))) === render(x)', (slug) => {
    const rendered = renderPolicyText(parsePolicy(seedBytes(slug)).version);
    expect(renderPolicyText(parsePolicy(rendered).version)).toBe(rendered);
  });

  it.each(SEED_SLUGS)('%s: the rendered text drops nothing but the page furniture', (slug) => {
    const rendered = renderPolicyText(parsePolicy(seedBytes(slug)).version);
    const { report } = parsePolicy(rendered);
    expect(report.dropped).toEqual([]);
  });

  it('renders children two spaces deeper and keeps markers and table cells', () => {
    expect(
      renderClauses([
        { marker: '1.', text: '첫째', children: [{ marker: '가.', text: '하위' }, { text: '설명' }] },
        { row: ['성명', '', '전화번호'] },
        { marker: '-', text: '' },
      ]),
    ).toEqual(['1. 첫째', '  가. 하위', '  설명', '성명\t\t전화번호', '-']);
  });

  it('indents a flat list whose markers would otherwise nest by rank when read back', () => {
    // Siblings "○" then "-" at the same level: flat, "-" would read back as a child of "○".
    const clauses = [
      { marker: '○', text: '회원정보' },
      { marker: '-', text: '보존항목' },
    ];
    const lines = renderClauses(clauses);
    expect(lines).toEqual(['  ○ 회원정보', '  - 보존항목']);
    const version = parsePolicy(['개인정보 처리방침', '', '제1조 목적', ...lines, ''].join('\n')).version;
    expect(version.articles[0]!.body).toEqual(clauses);
  });
});
