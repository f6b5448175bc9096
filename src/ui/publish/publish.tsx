/** Publish: the diff summary and the check findings, the date when the draft states none, then the confirmations. */
import { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { sanitizeForTerminal, wrapToWidth } from '../text.js';
import type { Size } from '../hooks.js';
import { describeError } from '../hooks.js';
import { useNav } from '../nav.js';
import { draftRefOf } from '../backend.js';
import { ScreenFrame, bodyRows } from '../widgets/screen-frame.js';
import { PromptView } from '../widgets/prompt.js';
import type { Status } from '../widgets/status-line.js';
import { ReviewPane } from '../draft/draft.js';
import { reviewLines, type ReviewLine } from '../draft/review-lines.js';
import { afterReview, initialPublishState, publishKeys, type PublishStep } from './publish-state.js';
import { usePublishInput } from './use-publish.js';
import { t } from '../../domain/presentation/messages/index.js';

/** The question under the review, in the words of the step. */
export function questionLines(slug: string, state: PublishStep, today: string, width: number): { text: string; tone: 'accent' | 'warning' | 'error' | 'added' }[] {
  let text: string;
  let tone: 'accent' | 'warning' | 'error' | 'added' = 'accent';
  if (state.step === 'confirm') {
    const law = state.review.check.counts.law;
    text = law > 0 ? t('publish.confirmFindings', { count: law }) : t('publish.confirm', { draft: draftRefOf(slug), date: state.effective });
    if (law > 0) tone = 'warning';
  } else if (state.step === 'accept') {
    text = t('publish.accept', { count: state.review.check.counts.law });
    tone = 'error';
  } else if (state.step === 'done') {
    const { tag, commit, effective } = state.published;
    text = `${t('publish.done', { tag, commit: commit.slice(0, 7) })} ${state.status === 'scheduled' ? t('publish.doneScheduled', { date: effective, today }) : t('publish.doneInForce', { date: effective })}`;
    tone = 'added';
  } else if (state.step === 'failed') {
    text = t('publish.failed', { error: state.message });
    tone = 'error';
  } else return [];
  return wrapToWidth(sanitizeForTerminal(text), width).map((line) => ({ text: line, tone }));
}

export function publishLayout(size: Size, questions: number, prompt: boolean): { paneHeight: number } {
  return { paneHeight: Math.max(4, bodyRows(size) - questions - (prompt ? 2 : 0)) };
}

export function PublishBody({ slug, state, lines, size, today }: { slug: string; state: PublishStep; lines: ReviewLine[]; size: Size; today: string }) {
  const theme = useTheme();
  const questions = questionLines(slug, state, today, size.columns);
  const { paneHeight } = publishLayout(size, questions.length, state.step === 'date');
  const scroll = state.step === 'confirm' || state.step === 'accept' ? state.scroll : 0;
  return (
    <Box flexDirection="column">
      {lines.length > 0 ? <ReviewPane lines={lines} scroll={scroll} width={size.columns} height={paneHeight} /> : null}
      {questions.map((line, i) => (
        <Text key={i} {...theme.tone(line.tone)}>
          {line.text}
        </Text>
      ))}
      {state.step === 'date' ? <PromptView state={state.prompt} width={size.columns} /> : null}
    </Box>
  );
}

export function PublishScreen({ slug, city, isActive = true }: { slug: string; city: string; isActive?: boolean }) {
  const nav = useNav();
  const [state, setState] = useState<PublishStep>(initialPublishState);
  useEffect(() => {
    nav.backend.reviewDraft(slug).then(
      (review) => setState(afterReview(review)),
      (error: unknown) => setState({ step: 'failed', message: describeError(error) }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nav.backend, slug]);
  const review = 'review' in state ? state.review : undefined;
  const lines = useMemo(() => (review ? reviewLines(slug, review, nav.backend.today, nav.size.columns - 4) : []), [review, slug, nav.backend.today, nav.size.columns]);
  const questions = questionLines(slug, state, nav.backend.today, nav.size.columns).length;
  const { paneHeight } = publishLayout(nav.size, questions, state.step === 'date');
  usePublishInput(slug, state, setState, { lines: lines.length, height: paneHeight - 2 }, isActive);
  let status: Status = { kind: 'idle' };
  if (state.step === 'loading') status = { kind: 'busy', label: t('publish.loading') };
  if (state.step === 'publishing') status = { kind: 'busy', label: t('publish.publishing', { slug }) };
  return (
    <ScreenFrame title={t('publish.title', { city, slug })} context={nav.backend.storeDir} keys={publishKeys(state)} status={status} size={nav.size} help={nav.help}>
      <PublishBody slug={slug} state={state} lines={lines} size={nav.size} today={nav.backend.today} />
    </ScreenFrame>
  );
}
