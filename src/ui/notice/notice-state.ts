/** Notice screen: scroll through the three parts, jump between them, edit the announcement's reason, write them to files. Pure. */
import { isBack, isDown, isUp, type Key, type KeyHelp } from '../keys.js';
import { openPrompt, promptKey, type PromptState } from '../widgets/prompt-state.js';
import { t } from '../../domain/presentation/messages/index.js';

export interface NoticeState {
  scroll: number;
  prompt?: PromptState;
  /** What the open prompt asks for: the directory to write into (w) or the reason for the change (r). */
  asking?: 'dir' | 'reason';
  /** The officer's reason for the change, once edited (r); the notice shows and writes it. */
  reason?: string;
  /** Files of the notice already in the chosen directory: y overwrites them, n keeps them. */
  confirm?: { dir: string; existing: string[] };
  /** Paths written by the last `w`. */
  written?: string[];
  message?: string;
  /** What the last step did, when it is not a problem (the reason was changed). */
  info?: string;
}

export interface NoticeLayoutFacts {
  length: number;
  height: number;
  /** First line of each part: announcement, revision article, comparison table. */
  partStarts: number[];
  /** The reason the announcement shows now (what `r` starts editing from). */
  reason?: string;
}

/** `write` asks the hook to check the directory (and write when nothing would be overwritten, or `overwrite`). */
export type NoticeOutcome =
  | { kind: 'state'; state: NoticeState }
  | { kind: 'write'; dir: string; overwrite: boolean; state: NoticeState }
  | { kind: 'back' }
  | { kind: 'none' };

export const initialNoticeState: NoticeState = { scroll: 0 };

export function noticeKeys(state: NoticeState): KeyHelp[] {
  if (state.prompt) return [{ key: 'Enter', label: t(state.asking === 'reason' ? 'notice.key.reasonDone' : 'notice.key.writeThere'), primary: true }, { key: 'Esc', label: t('notice.key.cancel'), primary: true }];
  if (state.confirm) return [{ key: 'y', label: t('notice.key.overwrite'), primary: true }, { key: 'n Esc', label: t('notice.key.keep'), primary: true }];
  return [
    { key: '↑↓', label: t('notice.key.scroll') },
    { key: 'PgUp/PgDn', label: t('notice.key.page') },
    { key: '1 2 3', label: t('notice.key.parts'), primary: true },
    { key: 'r', label: t('notice.key.reason'), primary: true },
    { key: 'w', label: t('notice.key.write'), primary: true },
    { key: 'q', label: t('notice.key.back'), primary: true },
  ];
}

/** `dir` is where `w` proposes to write: the directory chosen last in this session, else the default. */
export function noticeKey(state: NoticeState, layout: NoticeLayoutFacts, dir: string, input: string, key: Key): NoticeOutcome {
  const next = (patch: Partial<NoticeState>): NoticeOutcome => ({ kind: 'state', state: { ...state, message: undefined, info: undefined, ...patch } });
  const maxScroll = Math.max(0, layout.length - layout.height);
  const to = (line: number) => next({ scroll: Math.max(0, Math.min(maxScroll, line)) });
  if (state.prompt) {
    const outcome = promptKey(state.prompt, input, key);
    if (outcome.kind === 'cancel') return next({ prompt: undefined, asking: undefined });
    if (outcome.kind === 'editing') return next({ prompt: outcome.state });
    // An empty reason puts back the one written from the diff.
    if (state.asking === 'reason') return next({ prompt: undefined, asking: undefined, reason: outcome.value, info: t(outcome.value === '' ? 'notice.reasonRestored' : 'notice.reasonSet') });
    if (outcome.value === '') return next({ prompt: { ...state.prompt, problem: t('notice.dirMissing') } });
    return { kind: 'write', dir: outcome.value, overwrite: false, state: { ...state, prompt: undefined, asking: undefined, message: undefined } };
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
  if (input === 'w') return next({ prompt: openPrompt(t('notice.dirPrompt'), dir), asking: 'dir', written: undefined });
  if (input === 'r') return next({ prompt: openPrompt(t('notice.reasonPrompt'), layout.reason ?? ''), asking: 'reason' });
  return { kind: 'none' };
}
