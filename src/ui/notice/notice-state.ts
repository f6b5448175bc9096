/** Notice screen: scroll through the three parts, jump between them, write them to files. Pure. */
import { isBack, isDown, isUp, type Key, type KeyHelp } from '../keys.js';
import { openPrompt, promptKey, type PromptState } from '../widgets/prompt-state.js';
import { t } from '../../domain/presentation/messages/index.js';

export interface NoticeState {
  scroll: number;
  prompt?: PromptState;
  /** Files of the notice already in the chosen directory: y overwrites them, n keeps them. */
  confirm?: { dir: string; existing: string[] };
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

/** `write` asks the hook to check the directory (and write when nothing would be overwritten, or `overwrite`). */
export type NoticeOutcome =
  | { kind: 'state'; state: NoticeState }
  | { kind: 'write'; dir: string; overwrite: boolean; state: NoticeState }
  | { kind: 'back' }
  | { kind: 'none' };

export const initialNoticeState: NoticeState = { scroll: 0 };

export function noticeKeys(state: NoticeState): KeyHelp[] {
  if (state.prompt) return [{ key: 'Enter', label: t('notice.key.writeThere'), primary: true }, { key: 'Esc', label: t('notice.key.cancel'), primary: true }];
  if (state.confirm) return [{ key: 'y', label: t('notice.key.overwrite'), primary: true }, { key: 'n Esc', label: t('notice.key.keep'), primary: true }];
  return [
    { key: '↑↓', label: t('notice.key.scroll') },
    { key: 'PgUp/PgDn', label: t('notice.key.page') },
    { key: '1 2 3', label: t('notice.key.parts'), primary: true },
    { key: 'w', label: t('notice.key.write'), primary: true },
    { key: 'q', label: t('notice.key.back'), primary: true },
  ];
}

/** `dir` is where `w` proposes to write: the directory chosen last in this session, else the default. */
export function noticeKey(state: NoticeState, layout: NoticeLayoutFacts, dir: string, input: string, key: Key): NoticeOutcome {
  const next = (patch: Partial<NoticeState>): NoticeOutcome => ({ kind: 'state', state: { ...state, message: undefined, ...patch } });
  const maxScroll = Math.max(0, layout.length - layout.height);
  const to = (line: number) => next({ scroll: Math.max(0, Math.min(maxScroll, line)) });
  if (state.prompt) {
    const outcome = promptKey(state.prompt, input, key);
    if (outcome.kind === 'cancel') return next({ prompt: undefined });
    if (outcome.kind === 'editing') return next({ prompt: outcome.state });
    if (outcome.value === '') return next({ prompt: { ...state.prompt, problem: t('notice.dirMissing') } });
    return { kind: 'write', dir: outcome.value, overwrite: false, state: { ...state, prompt: undefined, message: undefined } };
  }
  if (state.confirm) {
    if (input === 'y' || input === 'Y') return { kind: 'write', dir: state.confirm.dir, overwrite: true, state: { ...state, confirm: undefined } };
    if (input === 'n' || input === 'N' || isBack(input, key)) return next({ confirm: undefined, message: t('notice.kept') });
    return { kind: 'none' };
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
  if (input === 'w') return next({ prompt: openPrompt(t('notice.dirPrompt'), dir), written: undefined });
  return { kind: 'none' };
}
