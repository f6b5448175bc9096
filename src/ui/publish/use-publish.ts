/** Publish input: keys → the pure reducer; reading, publishing and re-reading the ledger run in the background. */
import { versionStatus } from '../../domain/ledger.js';
import { describeError } from '../hooks.js';
import { useNav } from '../nav.js';
import { useScreenInput } from '../use-screen-input.js';
import { afterReview, publishKey, type PublishAction, type PublishStep } from './publish-state.js';

export function usePublishInput(slug: string, state: PublishStep, setState: (state: PublishStep) => void, layout: { lines: number; height: number }, isActive: boolean): void {
  const nav = useNav();
  const fail = (error: unknown) => setState({ step: 'failed', message: describeError(error) });
  useScreenInput<PublishStep, PublishAction>({
    state,
    setState,
    isActive,
    capturesText: (s) => s.step === 'date',
    reduce: (s, input, key) => publishKey(s, layout, input, key),
    act: (outcome) => {
      if (outcome.kind === 'back') return nav.back();
      if (outcome.kind === 'timeline') return nav.backTo('timeline');
      if (outcome.kind === 'review') {
        setState(outcome.state);
        const { effective } = outcome.state;
        nav.backend.reviewDraft(slug, effective).then((review) => setState(afterReview(review)), fail);
      }
      if (outcome.kind === 'publish') {
        const next = outcome.state;
        setState(next);
        nav.backend
          .publishDraft(slug, { effective: next.effective, acceptFindings: next.acceptFindings })
          .then(async (published) => {
            nav.storeChanged();
            const ledger = await nav.backend.ledger(slug);
            const entry = ledger.versions.find((v) => v.tag === published.tag);
            setState({ step: 'done', published, status: entry ? versionStatus(ledger, entry, nav.backend.today) : 'in-force' });
          })
          .catch(fail);
      }
    },
  });
}
