/** Timeline input: keys → the pure reducer → state or navigation; saving and deleting the draft run in the background. */
import { describeError } from '../hooks.js';
import { useNav } from '../nav.js';
import { checkTypedFile } from '../paths.js';
import { useScreenInput } from '../use-screen-input.js';
import { t } from '../../domain/presentation/messages/index.js';
import { savedMessage } from '../draft/draft-file.js';
import { timelineKey, type TimelineData, type TimelineOutcome, type TimelineState } from './timeline-state.js';

export function useTimelineInput(state: TimelineState, setState: (state: TimelineState) => void, data: TimelineData | undefined, setSaving: (saving: boolean) => void, isActive: boolean): void {
  const nav = useNav();
  useScreenInput<TimelineState, TimelineOutcome>({
    state,
    setState,
    isActive,
    capturesText: (s) => s.prompt !== undefined || s.filePrompt !== undefined,
    reduce: (s, input, key) => (data ? timelineKey(s, data, input, key, (typed) => checkTypedFile(typed, nav.cwd)) : { kind: 'none' }),
    act: (outcome) => {
      if (outcome.kind === 'open') {
        setState(outcome.state);
        nav.push(outcome.screen);
      } else if (outcome.kind === 'back') nav.back();
      else if ((outcome.kind === 'saveDraft' || outcome.kind === 'deleteDraft') && data) {
        const slug = data.ledger.slug;
        const draftRow = data.ledger.versions.length;
        setState(outcome.state);
        setSaving(true);
        const work =
          outcome.kind === 'saveDraft'
            ? nav.backend.saveDraft(slug, outcome.path).then((saved) => ({
                // The cursor goes to the draft's row, which the reloaded timeline shows.
                cursor: draftRow,
                message: savedMessage(saved),
              }))
            : nav.backend.deleteDraft(slug).then(() => ({ cursor: Math.max(0, draftRow - 1), message: t('timeline.draftDeleted') }));
        work.then(
          (patch) => {
            setSaving(false);
            setState({ ...outcome.state, ...patch });
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
