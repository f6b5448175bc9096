/**
 * Korean layout: Hangul is two columns wide, ①/※/· one. A bordered list of 고양's real article
 * titles (with badges, truncation and the cursor) must line up at 80 and 200 columns, and the diff
 * screen's two panes at 80×24. Expected frames are written out in full.
 */
import { describe, expect, test } from 'vitest';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { ArticleList, DiffBody } from '../../src/ui/diff/diff.js';
import { initialDiffState } from '../../src/ui/diff/diff-state.js';
import { ThemeProvider, makeTheme } from '../../src/ui/theme.js';
import { goyangDiff, resizeTerminal } from './fixtures.js';
import { setLanguage } from '../../src/domain/presentation/messages/index.js';

setLanguage('ko');

const LIST_80 = [
  '┌──────────────────────────────────────────────────────────────────────────────┐',
  '│  제1조 개인정보의 처리목적                                                   │',
  '│  제2조 개인정보의 처리 및 보유기간                                           │',
  '│  제3조 개인정보의 제3자 제공                                                 │',
  '│  제4조 개인정보 처리의 위탁                                                  │',
  '│  제5조 정보주체와 법정대리인의 권리·의무 및 행사방법                         │',
  '│  제6조 처리하는 개인정보 항목                                                │',
  '│  제7조 개인정보의 파기                                                       │',
  '│● 제8조 개인정보의 안전성 확보조치                                        수정│',
  '│● 제9조 개인정보 보호책임자                                               수정│',
  '│  제10조 권익침해 구제방법                                                    │',
  '│  제11조 개인정보의 열람청구                                                  │',
  '│● 제12조 개인정보 처리방침 변경                                           수정│',
  '│  전문                                                                        │',
  '└──────────────────────────────────────────────────────────────────────────────┘',
].join('\n');

const LIST_200 = [
  '┌──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐',
  '│  제1조 개인정보의 처리목적                                                                                                                                                                           │',
  '│  제2조 개인정보의 처리 및 보유기간                                                                                                                                                                   │',
  '│  제3조 개인정보의 제3자 제공                                                                                                                                                                         │',
  '│  제4조 개인정보 처리의 위탁                                                                                                                                                                          │',
  '│  제5조 정보주체와 법정대리인의 권리·의무 및 행사방법                                                                                                                                                 │',
  '│  제6조 처리하는 개인정보 항목                                                                                                                                                                        │',
  '│  제7조 개인정보의 파기                                                                                                                                                                               │',
  '│● 제8조 개인정보의 안전성 확보조치                                                                                                                                                                수정│',
  '│● 제9조 개인정보 보호책임자                                                                                                                                                                       수정│',
  '│  제10조 권익침해 구제방법                                                                                                                                                                            │',
  '│  제11조 개인정보의 열람청구                                                                                                                                                                          │',
  '│● 제12조 개인정보 처리방침 변경                                                                                                                                                                   수정│',
  '│  전문                                                                                                                                                                                                │',
  '└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘',
].join('\n');

const BODY_80 = [
  '실질 3 · 수정 3 · 편집 0',
  '┌───────────────────────────┐┌─────────────────────────────────────────────────┐',
  '│  제1조 개인정보의 처리목적││ 제5조 정보주체와 법정대리인의 권리·의무 및      │',
  '│  제2조 개인정보의 처리 및…││   행사방법                                      │',
  '│  제3조 개인정보의 제3자…  ││ 실질적인 변경 없음  유사도 1.00                 │',
  '│  제4조 개인정보 처리의…   ││                                                 │',
  '│  제5조 정보주체와…        ││ 내용 변경 없음: 본문 그대로입니다.              │',
  '│  제6조 처리하는 개인정보… ││                                                 │',
  '│  제7조 개인정보의 파기    ││   - 1. 정보주체(만14세 미만인 경우에는          │',
  '│● 제8조 개인정보의…    수정││     법정대리인을 말함)는 언제든지 다음 각 호의  │',
  '│● 제9조 개인정보…      수정││     개인정보보호 관련 권리를 행사(개인정보      │',
  '│  제10조 권익침해 구제방법 ││     열람, 정정·삭제, 처리정지 등)을 할 수       │',
  '│  제11조 개인정보의…       ││     있습니다.                                   │',
  '│● 제12조 개인정보…     수정││   - 2. 제1항에 따른 권리 행사는 개인정보 보호법 │',
  '│  전문                     ││     시행규칙 [별지 제8호 서식]에 따라 작성 후   │',
  '│                           ││     서면, 전자우편, 모사전송(FAX) 등을 통하여   │',
  '│                           ││     고양시(해당부서)로 요구하실 수 있으며,      │',
  '│                           ││     고양시에서는 10일 이내에 조치를             │',
  '│                           ││ … 45줄 더 (PgDn)                                │',
  '└───────────────────────────┘└─────────────────────────────────────────────────┘',
].join('\n');

function frameOf(node: React.ReactNode, columns: number, rows: number): string {
  const app = render(<ThemeProvider theme={makeTheme(false)}>{node}</ThemeProvider>);
  resizeTerminal(app.stdout, columns, rows);
  const frame = stripAnsi(app.lastFrame() ?? '');
  app.unmount();
  return frame;
}

function expectEqualWidths(frame: string, width: number) {
  for (const line of frame.split('\n')) expect([stringWidth(line), line]).toEqual([width, line]);
}

describe('Korean layout', () => {
  const diff = goyangDiff();

  test('the bordered article list lines up at 80 columns', () => {
    const frame = frameOf(<ArticleList entries={diff.articles} cursor={4} editorial={false} width={80} height={15} />, 90, 40);
    expect(frame).toBe(LIST_80);
    expectEqualWidths(frame, 80);
    expect(frame).toContain('제5조 정보주체와 법정대리인의 권리·의무 및 행사방법');
  });

  test('the bordered article list lines up at 200 columns', () => {
    const frame = frameOf(<ArticleList entries={diff.articles} cursor={4} editorial={false} width={200} height={15} />, 210, 40);
    expect(frame).toBe(LIST_200);
    expectEqualWidths(frame, 200);
  });

  test('the diff panes at 80×24: titles shortened with … at word boundaries; an unchanged article shows its text', () => {
    const frame = frameOf(<DiffBody diff={diff} state={{ ...initialDiffState(diff), cursor: 4 }} size={{ columns: 80, rows: 24 }} />, 80, 24);
    expect(frame).toBe(BODY_80);
    expectEqualWidths(frame.split('\n').slice(1).join('\n'), 80);
  });
});
