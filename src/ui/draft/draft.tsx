/** Draft review: the draft against the version it would follow, its date, and the check panel by tier. */
import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { padToWidth, sanitizeForTerminal, truncateToWidth } from '../text.js';
import { useTask, type Size } from '../hooks.js';
import { useNav } from '../nav.js';
import { ScreenFrame, bodyRows } from '../widgets/screen-frame.js';
import type { Status } from '../widgets/status-line.js';
import { PromptView } from '../widgets/prompt.js';
import type { ReviewLine } from './review-lines.js';
import { reviewLines } from './review-lines.js';
import { draftKeys, initialDraftState, type DraftState } from './draft-state.js';
import { useDraftInput } from './use-draft.js';
import { t } from '../../domain/presentation/messages/index.js';

/** A bordered pane of review lines, `height` rows including the border, from line `scroll`. */
export function ReviewPane({ lines, scroll, width, height }: { lines: ReviewLine[]; scroll: number; width: number; height: number }) {
  const theme = useTheme();
  const inner = height - 2;
  const start = Math.min(scroll, Math.max(0, lines.length - inner));
  const shown = lines.slice(start, start + inner);
  const more = lines.length - start - shown.length;
  return (
    <Box flexDirection="column" borderStyle="single" flexShrink={0} paddingX={1} width={width} height={height}>
      {shown.map((line, i) =>
        more > 0 && i === shown.length - 1 ? (
          <Text key={start + i} {...theme.tone('muted')}>
            {padToWidth(t('more.lines', { count: more + 1 }), width - 4)}
          </Text>
        ) : (
          <Text key={start + i} {...(line.tone ? theme.tone(line.tone) : {})}>
            {padToWidth(line.text, width - 4)}
          </Text>
        ),
      )}
    </Box>
  );
}

export function draftPaneHeight(size: Size, state: DraftState): number {
  const prompt = state.filePrompt ? (state.filePrompt.problem ? 2 : 1) : 0;
  return Math.max(4, bodyRows(size) - (state.message ? 1 : 0) - prompt);
}

export function DraftScreen({ slug, city, isActive = true }: { slug: string; city: string; isActive?: boolean }) {
  const nav = useNav();
  const theme = useTheme();
  const task = useTask(() => nav.backend.reviewDraft(slug), [nav.backend, slug, nav.storeRevision]);
  const review = task.status === 'done' ? task.value : undefined;
  const [state, setState] = useState<DraftState>(initialDraftState);
  const height = draftPaneHeight(nav.size, state);
  const lines = useMemo(() => (review ? reviewLines(slug, review, nav.backend.today, nav.size.columns - 4) : []), [review, slug, nav.backend.today, nav.size.columns]);
  const [saving, setSaving] = useState(false);
  useDraftInput(state, setState, { slug, city, review, lines: lines.length, height: height - 2 }, setSaving, isActive);
  let status: Status = { kind: 'idle' };
  if (saving) status = { kind: 'busy', label: t('timeline.writing') };
  else if (task.status === 'loading') status = { kind: 'busy', label: t('draft.loading', { slug }) };
  else if (task.status === 'failed') status = { kind: 'error', message: task.message };
  return (
    <ScreenFrame title={t('draft.title', { city, slug })} context={`${slug}#draft`} keys={draftKeys(state)} status={status} size={nav.size} help={nav.help}>
      {review ? (
        <Box flexDirection="column">
          <ReviewPane lines={lines} scroll={state.scroll} width={nav.size.columns} height={height} />
          {state.message ? <Text {...theme.tone('warning')}>{truncateToWidth(sanitizeForTerminal(state.message), nav.size.columns)}</Text> : null}
          {state.filePrompt ? <PromptView state={state.filePrompt} width={nav.size.columns} /> : null}
        </Box>
      ) : null}
    </ScreenFrame>
  );
}
