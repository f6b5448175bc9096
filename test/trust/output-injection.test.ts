/**
 * Policy text is data from arbitrary web pages (or a YAML file edited by hand): in every output it must
 * stay inert. No terminal control sequences reach a terminal, no markup reaches a Markdown or HTML
 * page as markup (no script injection in the HTML notice a city pastes into its site).
 */
import { describe, expect, it } from 'vitest';
import { diffVersions, formatDiffMarkdown, formatDiffText } from '../../src/domain/diff/index.js';
import type { PolicyVersion } from '../../src/domain/model.js';
import { buildNotice } from '../../src/domain/notice/index.js';
import { renderNoticeHtml, renderNoticeMarkdown, renderNoticeText } from '../../src/domain/notice/render.js';
import { parsePolicy } from '../../src/domain/parse/index.js';
import { loadVersionYaml, versionToYaml } from '../../src/domain/yaml.js';
import { seedBytes } from '../seeds.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<a href="javascript:alert(3)">링크</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<svg onload=alert(4)>',
  '"><script>alert(5)</script>',
  '</td></tr></table><script>alert(6)</script>',
  '<!-- x --><style>body{display:none}</style>',
];
const ESCAPES = ['\u001b[2J\u001b[H', '\u001b]0;owned\u0007', '\u001b]8;;https://evil.example\u001b\\링크\u001b]8;;\u001b\\', '\u009b31m', '\u0007\u0008'];

const goyang = seedBytes('goyang').toString('utf8');
const oldVersion = parsePolicy(goyang, { slug: 'goyang', city: '고양특례시' }).version;

/** A new version whose 제9조 and title carry `payload` (through the parser, as a pasted page would). */
function parsedWith(payload: string): PolicyVersion {
  const text = goyang.replace('고양시는 개인정보를 보호하고', `고양시는 ${payload} 개인정보를 보호하고`).replace('031-8075-2020', `031-8075-2021 ${payload}`);
  return { ...parsePolicy(text, { slug: 'goyang', city: '고양특례시' }).version, effective: '2025-01-01' };
}

/** The same payload placed straight into a version, as a hand-edited YAML file would carry it (\e escapes are valid YAML). */
function handEdited(payload: string): PolicyVersion {
  const version = structuredClone(oldVersion) as PolicyVersion;
  version.effective = '2025-01-01';
  const article = version.articles.find((a) => a.topic === 'officer')!;
  article.title = `${article.title} ${payload}`;
  article.body.unshift({ marker: payload.slice(0, 3), text: `추가 ${payload}` });
  return loadVersionYaml(versionToYaml(version), 'policies/goyang.yaml');
}

function outputs(version: PolicyVersion): Record<string, string> {
  const notice = buildNotice({ from: { label: 'goyang@2020-07-17', version: oldVersion }, to: { label: 'draft.txt', version }, effective: '2025-01-01', ledger: [] });
  const diff = diffVersions(oldVersion, version, { editorial: true });
  return {
    'notice html': renderNoticeHtml(notice),
    'notice markdown': renderNoticeMarkdown(notice),
    'notice text': renderNoticeText(notice),
    'diff text': formatDiffText(diff, { color: false, editorial: true }),
    'diff markdown': formatDiffMarkdown(diff, { editorial: true }),
  };
}

describe('hostile text stays inert in every output', () => {
  for (const [how, make] of [
    ['pasted page', parsedWith],
    ['hand-edited YAML', handEdited],
  ] as const) {
    it(`${how}: HTML and Markdown carry markup only as escaped text; the change itself is still shown`, () => {
      // The outputs' own markup (the notice's <style>, its table) is counted on a harmless text first.
      // A tag is markup unless its "<" is escaped (&lt; in HTML, \< in Markdown, both render as text).
      const tags = /(?<!\\)<\s*(script|img|iframe|svg|style|a\s)|(?<!\\)<!--/gi;
      const count = (text: string) => (text.match(tags) ?? []).length;
      const plain = outputs(make('평범한 문구'));
      for (const payload of MARKUP) {
        const out = outputs(make(payload));
        for (const format of ['notice html', 'notice markdown', 'diff markdown']) {
          const text = out[format]!;
          const extra = [...text.matchAll(tags)].map((m) => text.slice(Math.max(0, m.index - 20), m.index + 40));
          expect(count(text), `${format} shows ${payload} as markup: ${JSON.stringify(extra)}`).toBe(count(plain[format]!));
        }
        expect(out['notice html'], payload).toContain('&lt;');
        for (const [format, text] of Object.entries(out)) expect(CONTROL.test(text), `${format} has a control character`).toBe(false);
      }
    });

    it(`${how}: terminal escape sequences never reach any output`, () => {
      for (const payload of ESCAPES) {
        const out = outputs(make(`앞${payload}뒤`));
        for (const [format, text] of Object.entries(out)) {
          expect(text.includes('\u001b'), `${format} carries ESC for ${JSON.stringify(payload)}`).toBe(false);
          expect(CONTROL.test(text), `${format} carries a control character for ${JSON.stringify(payload)}`).toBe(false);
        }
      }
    });
  }
});
