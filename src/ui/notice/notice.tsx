/** Notice: the announcement, the revision article and the 신·구 대비표 for the pair on screen. */
import { useMemo, useState } from 'react';
import { basename } from 'node:path';
import { Box, Text } from 'ink';
import { renderNotice, withReason, type Notice, type NoticePart } from '../../domain/notice/index.js';
import { useTheme } from '../theme.js';
import { padToWidth, sanitizeForTerminal, truncateToWidth } from '../text.js';
import { useTask, type Size } from '../hooks.js';
import { useNav } from '../nav.js';
import { ScreenFrame, bodyRows } from '../widgets/screen-frame.js';
import { PromptView } from '../widgets/prompt.js';
import type { Status } from '../widgets/status-line.js';
import { initialNoticeState, noticeKeys, type NoticeState } from './notice-state.js';
import { useNoticeInput } from './use-notice.js';
import { t } from '../../domain/presentation/messages/index.js';
import { useScrollKeptOnResize } from '../scroll-anchor.js';

const PARTS: NoticePart[] = ['announcement', 'article', 'table'];
const partNames = () => [t('notice.part.announcement'), t('notice.part.article'), t('notice.part.table')];

/** The notice as text lines `width` wide, and where each part starts. */
export function noticeDocument(notice: Notice, width: number): { lines: string[]; partStarts: number[] } {
  const lines: string[] = [];
  const partStarts: number[] = [];
  for (const part of PARTS) {
    partStarts.push(lines.length);
    let text: string;
    try {
      text = renderNotice(notice, 'text', { parts: [part], width });
    } catch (error) {
      text = `(${part}: ${error instanceof Error ? error.message : String(error)})`;
    }
    for (const line of text.replace(/\n+$/, '').split('\n')) lines.push(truncateToWidth(sanitizeForTerminal(line), width));
    lines.push('');
  }
  return { lines, partStarts };
}

export function noticeLayout(size: Size, state: NoticeState) {
  const writtenLines = state.written ? state.written.length + 1 : 0;
  // The position line under the pane, then whatever is open below it.
  const extra = 1 + (state.prompt ? (state.prompt.problem ? 2 : 1) : 0) + (state.confirm ? 1 : 0) + (state.message ? 1 : 0) + (state.info ? 1 : 0) + writtenLines;
  const paneHeight = Math.max(4, bodyRows(size) - extra);
  return { width: size.columns, inner: size.columns - 4, paneHeight, innerHeight: paneHeight - 2 };
}

export function NoticeBody({ lines, partStarts, state, size, setScroll = () => undefined }: { lines: string[]; partStarts: number[]; state: NoticeState; size: Size; setScroll?: (scroll: number) => void }) {
  const theme = useTheme();
  const layout = noticeLayout(size, state);
  const kept = useScrollKeptOnResize(lines, layout.inner, state.scroll, setScroll);
  const scroll = Math.min(kept, Math.max(0, lines.length - layout.innerHeight));
  const part = partStarts.filter((start) => start <= scroll).length - 1;
  const shown = lines.slice(scroll, scroll + layout.innerHeight);
  return (
    <Box flexDirection="column">
      <Box flexDirection="column" borderStyle="single" flexShrink={0} paddingX={1} width={layout.width} height={layout.paneHeight}>
        {shown.map((line, i) => (
          <Text key={scroll + i} wrap="truncate-end">
            {padToWidth(line, layout.inner)}
          </Text>
        ))}
      </Box>
      <Text {...theme.tone('muted')}>{truncateToWidth(t('notice.position', { part: partNames()[Math.max(0, part)]!, first: scroll + 1, last: scroll + shown.length, total: lines.length }), size.columns)}</Text>
      {state.written ? (
        <Box flexDirection="column">
          <Text {...theme.tone('added')}>{t('notice.wrote')}</Text>
          {state.written.map((path) => (
            <Text key={path} wrap="truncate-start">{`  ${sanitizeForTerminal(path)}`}</Text>
          ))}
        </Box>
      ) : null}
      {state.info ? <Text {...theme.tone('added')}>{truncateToWidth(sanitizeForTerminal(state.info), size.columns)}</Text> : null}
      {state.message ? <Text {...theme.tone('error')}>{truncateToWidth(sanitizeForTerminal(state.message), size.columns)}</Text> : null}
      {state.confirm ? <Text {...theme.tone('warning')}>{truncateToWidth(sanitizeForTerminal(t('notice.overwrite', { files: state.confirm.existing.map((path) => basename(path)).join(', ') })), size.columns)}</Text> : null}
      {state.prompt ? <PromptView state={state.prompt} width={size.columns} /> : null}
    </Box>
  );
}

export function NoticeScreen({ oldRef, newRef, isActive = true }: { oldRef: string; newRef: string; isActive?: boolean }) {
  const nav = useNav();
  const task = useTask(() => nav.backend.notice(oldRef, newRef), [nav.backend, oldRef, newRef]);
  const [state, setState] = useState<NoticeState>(initialNoticeState);
  const built = task.status === 'done' ? task.value : undefined;
  // The notice as it will be written: with the officer's reason once edited (r).
  const notice = useMemo(() => (built && state.reason !== undefined ? { ...built, announcement: withReason(built.announcement, state.reason) } : built), [built, state.reason]);
  const [writing, setWriting] = useState(false);
  const layout = noticeLayout(nav.size, state);
  const document = useMemo(() => (notice ? noticeDocument(notice, layout.inner) : { lines: [], partStarts: [0, 0, 0] }), [notice, layout.inner]);
  useNoticeInput(state, setState, notice, { length: document.lines.length, height: layout.innerHeight, partStarts: document.partStarts, ...(notice ? { reason: notice.announcement.reason } : {}) }, setWriting, isActive);
  let status: Status = { kind: 'idle' };
  if (task.status === 'loading') status = { kind: 'busy', label: t('notice.loading') };
  else if (task.status === 'failed') status = { kind: 'error', message: task.message };
  else if (writing) status = { kind: 'busy', label: t('notice.writing') };
  const title = notice ? t('notice.title', { city: notice.city, slug: notice.slug, effective: notice.effective }) : t('notice.titleLoading', { old: oldRef, new: newRef });
  return (
    <ScreenFrame title={title} context={`${oldRef} → ${newRef}`} keys={noticeKeys(state)} status={status} size={nav.size} help={nav.help}>
      {notice ? <NoticeBody lines={document.lines} partStarts={document.partStarts} state={state} size={nav.size} setScroll={(scroll) => setState((s) => ({ ...s, scroll }))} /> : null}
    </ScreenFrame>
  );
}
