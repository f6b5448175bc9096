/** Notice input: keys → the pure reducer; the directory is checked, and the files written, in the background. */
import type { Notice } from '../../domain/notice/index.js';
import { describeError } from '../hooks.js';
import { isBack } from '../keys.js';
import { t } from '../../domain/presentation/messages/index.js';
import { useNav } from '../nav.js';
import { typedPath } from '../paths.js';
import { useScreenInput } from '../use-screen-input.js';
import { existingNoticeFiles } from './notice-files.js';
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
    reduce: (s, input, key) => (notice ? noticeKey(s, layout, nav.noticeDir, input, key) : isBack(input, key) ? { kind: 'back' } : { kind: 'none' }),
    act: (outcome) => {
      if (outcome.kind === 'back') return nav.back();
      if (outcome.kind !== 'write' || !notice) return;
      const dir = typedPath(outcome.dir, nav.cwd);
      nav.setNoticeDir(dir);
      const existing = outcome.overwrite ? [] : existingNoticeFiles(notice, dir);
      if (existing.length > 0) return setState(() => ({ ...outcome.state, confirm: { dir, existing } }));
      setState(() => outcome.state);
      setWriting(true);
      nav.backend.writeNotice(notice, dir, { overwrite: outcome.overwrite }).then(
        (paths) => {
          setWriting(false);
          setState((s) => ({ ...s, written: paths, message: undefined }));
        },
        (error: unknown) => {
          setWriting(false);
          setState((s) => ({ ...s, message: t('notice.cannotWrite', { error: describeError(error) }) }));
        },
      );
    },
  });
}
