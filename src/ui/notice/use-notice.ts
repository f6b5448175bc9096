/** Notice input: keys → the pure reducer; `w` writes the files in the background. */
import type { Notice } from '../../domain/notice/index.js';
import { isBack } from '../keys.js';
import { describeError } from '../hooks.js';
import { useNav } from '../nav.js';
import { useScreenInput } from '../use-screen-input.js';
import { noticeKey, type NoticeLayoutFacts, type NoticeOutcome, type NoticeState } from './notice-state.js';

export function useNoticeInput(
  state: NoticeState,
  setState: (update: (state: NoticeState) => NoticeState) => void,
  notice: Notice | undefined,
  layout: NoticeLayoutFacts,
  setWriting: (writing: boolean) => void,
  isActive: boolean,
): void {
  const nav = useNav();
  useScreenInput<NoticeState, NoticeOutcome>({
    state,
    setState: (s) => setState(() => s),
    isActive,
    capturesText: (s) => s.prompt !== undefined,
    reduce: (s, input, key) => (notice ? noticeKey(s, layout, nav.cwd, input, key) : isBack(input, key) ? { kind: 'back' } : { kind: 'none' }),
    act: (outcome) => {
      if (outcome.kind === 'back') return nav.back();
      if (outcome.kind !== 'write' || !notice) return;
      setState(() => outcome.state);
      setWriting(true);
      nav.backend.writeNotice(notice, outcome.dir).then(
        (paths) => {
          setWriting(false);
          setState((s) => ({ ...s, written: paths, message: undefined }));
        },
        (error: unknown) => {
          setWriting(false);
          setState((s) => ({ ...s, message: `Could not write the notice: ${describeError(error)}` }));
        },
      );
    },
  });
}
