/** Draft review input: keys → the pure reducer → state or navigation; revising the draft runs in the background. */
import type { DraftReview } from '../backend.js';
import { describeError } from '../hooks.js';
import { isBack } from '../keys.js';
import { useNav } from '../nav.js';
import { checkTypedFile } from '../paths.js';
import { useScreenInput } from '../use-screen-input.js';
import { t } from '../../domain/presentation/messages/index.js';
import { savedMessage } from './draft-file.js';
import { draftKey, type DraftOutcome, type DraftState } from './draft-state.js';

export function useDraftInput(
  state: DraftState,
  setState: (state: DraftState) => void,
  body: { slug: string; city: string; review: DraftReview | undefined; lines: number; height: number },
  setSaving: (saving: boolean) => void,
  isActive: boolean,
): void {
  const nav = useNav();
  const { review } = body;
  useScreenInput<DraftState, DraftOutcome>({
    state,
    setState,
    isActive,
    capturesText: (s) => s.filePrompt !== undefined,
    reduce: (s, input, key) => (review ? draftKey(s, { ...body, review }, input, key, (typed) => checkTypedFile(typed, nav.cwd)) : isBack(input, key) ? { kind: 'back' } : { kind: 'none' }),
    act: (outcome) => {
      if (outcome.kind === 'open') nav.push(outcome.screen);
      else if (outcome.kind === 'back') nav.back();
      else if (outcome.kind === 'saveDraft') {
        setState(outcome.state);
        setSaving(true);
        nav.backend.saveDraft(body.slug, outcome.path).then(
          (saved) => {
            setSaving(false);
            // The panel reloads with the revised draft's check, from its top.
            setState({ scroll: 0, message: savedMessage(saved) });
            nav.storeChanged();
          },
          (error: unknown) => {
            setSaving(false);
            setState({ ...outcome.state, message: t('timeline.draftFailed', { error: describeError(error) }) });
          },
        );
      }
    },
  });
}
