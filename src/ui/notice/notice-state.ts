/** Notice screen: scroll through the three parts, jump between them, write them to files. Pure. */
import { isBack, isDown, isUp, type Key, type KeyHelp } from '../keys.js';
import { openPrompt, promptKey, type PromptState } from '../widgets/prompt-state.js';

export interface NoticeState {
  scroll: number;
  prompt?: PromptState;
  /** Paths written by the last `w`. */
  written?: string[];
  message?: string;
}

export interface NoticeLayoutFacts {
  length: number;
  height: number;
  /** First line of each part: announcement, revision article, comparison table. */
  partStarts: number[];
}

export type NoticeOutcome = { kind: 'state'; state: NoticeState } | { kind: 'write'; dir: string; state: NoticeState } | { kind: 'back' } | { kind: 'none' };

export const initialNoticeState: NoticeState = { scroll: 0 };

export function noticeKeys(state: NoticeState): KeyHelp[] {
  if (state.prompt) return [{ key: 'enter', label: 'write .txt .md .html there' }, { key: 'Esc', label: 'cancel' }];
  return [
    { key: '↑↓', label: 'scroll' },
    { key: 'PgUp/PgDn', label: 'page' },
    { key: '1 2 3', label: 'announcement / article / table' },
    { key: 'w', label: 'write files' },
    { key: 'q', label: 'back' },
  ];
}

export function noticeKey(state: NoticeState, layout: NoticeLayoutFacts, defaultDir: string, input: string, key: Key): NoticeOutcome {
  const next = (patch: Partial<NoticeState>): NoticeOutcome => ({ kind: 'state', state: { ...state, message: undefined, ...patch } });
  const maxScroll = Math.max(0, layout.length - layout.height);
  const to = (line: number) => next({ scroll: Math.max(0, Math.min(maxScroll, line)) });
  if (state.prompt) {
    const outcome = promptKey(state.prompt, input, key);
    if (outcome.kind === 'cancel') return next({ prompt: undefined });
    if (outcome.kind === 'editing') return next({ prompt: outcome.state });
    if (outcome.value === '') return next({ prompt: { ...state.prompt, problem: 'Give a directory to write the notice files into.' } });
    return { kind: 'write', dir: outcome.value, state: { ...state, prompt: undefined, message: undefined } };
  }
  if (isBack(input, key)) return { kind: 'back' };
  if (isDown(input, key)) return to(state.scroll + 1);
  if (isUp(input, key)) return to(state.scroll - 1);
  const page = Math.max(1, layout.height - 1);
  if (key.pageDown || input === ' ') return to(state.scroll + page);
  if (key.pageUp) return to(state.scroll - page);
  if (key.home) return to(0);
  if (key.end) return to(maxScroll);
  if (input === '1' || input === '2' || input === '3') return to(layout.partStarts[Number(input) - 1] ?? 0);
  if (input === 'w') return next({ prompt: openPrompt('Write the notice (.txt .md .html) into directory:', defaultDir) });
  return { kind: 'none' };
}
